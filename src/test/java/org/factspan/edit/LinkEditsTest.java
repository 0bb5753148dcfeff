package org.factspan.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links between annotations: their rules, and every link edit undoable by id (issue 11, part 1). */
class LinkEditsTest {

    private static final String TEXT = "Mr Budanov said Russia helped Hamas. The Kremlin denied it. Satellite images"
            + " show drones.";

    @TempDir
    Path dir;

    private ProjectStore store;
    private Editor editor;
    private Document doc;
    private Annotation budanov;
    private Annotation claim;
    private Annotation denial;
    private Annotation evidence;

    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.factspan"));
        doc = store.addDocumentIfAbsent(new Document("d1", "budanov", null, Sha256.hex(TEXT), TEXT, Instant.EPOCH));
        editor = new Editor(store, "alice");
        budanov = editor.add(doc, "attribution", 0, 10);
        claim = editor.add(doc, "claim", 16, 35);
        denial = editor.add(doc, "denial", 49, 55);
        evidence = editor.add(doc, "evidence", 60, 88);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aNewProjectHasTheFourDefaultLinkTypes() {
        assertEquals(List.of(new LinkType("source", List.of("attribution"), List.of("claim", "denial")),
                new LinkType("supports", List.of("evidence"), List.of("claim")),
                new LinkType("refutes", List.of("evidence"), List.of("claim")),
                new LinkType("disputes", List.of("denial"), List.of("claim"))), store.linkTypes());
    }

    @Test
    void linkingIsOneUndoableEditAddressedById() {
        Link source = editor.link("source", budanov.id(), claim.id());
        assertEquals(List.of(source), store.links(doc.id()));
        assertEquals(Optional.of("link source"), editor.undoDescription());
        editor.undo();
        assertEquals(List.of(), store.links(doc.id()));
        editor.redo();
        assertEquals(List.of(source), store.links(doc.id()), "redo restores the same id and times");
    }

    @Test
    void retypingAndNotingALinkAreUndoable() {
        Link supports = editor.link("supports", evidence.id(), claim.id());
        Link refutes = editor.retypeLink(supports.id(), "refutes");
        Link noted = editor.changeLinkNote(supports.id(), "the images show the opposite");
        assertEquals(Optional.of(noted), store.link(supports.id()));
        editor.undo();
        assertEquals(Optional.of(refutes), store.link(supports.id()));
        editor.undo();
        assertEquals(Optional.of(supports), store.link(supports.id()));
        editor.deleteLink(supports.id());
        assertEquals(List.of(), store.links(doc.id()));
        editor.undo();
        assertEquals(List.of(supports), store.links(doc.id()));
    }

    @Test
    void deletingAnAnnotationDeletesItsLinksInTheSameEditAndUndoRestoresBoth() {
        Link source = editor.link("source", budanov.id(), claim.id());
        Link disputes = editor.link("disputes", denial.id(), claim.id());
        Link supports = editor.link("supports", evidence.id(), claim.id());
        editor.delete(claim.id());
        assertEquals(List.of(), store.links(doc.id()));
        assertEquals(Optional.empty(), store.annotation(claim.id()));
        assertEquals(Optional.of("delete claim"), editor.undoDescription());

        editor.undo();
        assertEquals(Optional.of(claim), store.annotation(claim.id()));
        assertEquals(List.of(source, disputes, supports), store.links(doc.id()));
        editor.redo();
        assertEquals(List.of(), store.links(doc.id()));
    }

    @Test
    void everyLinkThatBreaksARuleIsRefusedWithOneSentenceAndNothingChanges() {
        Link existing = editor.link("source", budanov.id(), claim.id());
        String otherText = "Another article.";
        Document other = store.addDocumentIfAbsent(new Document("d2", "other", null, Sha256.hex(otherText),
                otherText, Instant.EPOCH));
        Annotation elsewhere = editor.add(other, "claim", 0, 7);

        assertRefused("A supports link goes evidence -> claim, not attribution -> claim (\"Mr Budanov\" to"
                + " \"Russia helped Hamas\").", () -> editor.link("supports", budanov.id(), claim.id()));
        assertRefused("There is already a source link from annotation " + budanov.id() + " to annotation "
                + claim.id() + ".", () -> editor.link("source", budanov.id(), claim.id()));
        assertRefused("would join annotation " + claim.id() + " to itself.",
                () -> editor.link("disputes", claim.id(), claim.id()));
        assertRefused("points to annotation nowhere, which does not exist.",
                () -> editor.link("source", budanov.id(), "nowhere"));
        assertRefused("of another document; a link stays within one document.",
                () -> editor.link("source", budanov.id(), elsewhere.id()));
        assertRefused("has the type \"quotes\", which the project does not have.",
                () -> editor.link("quotes", budanov.id(), claim.id()));
        assertRefused("A refutes link goes evidence -> claim, not attribution -> claim",
                () -> editor.retypeLink(existing.id(), "refutes"));

        assertEquals(List.of(existing), store.links(doc.id()));
        assertEquals(Optional.of("add claim"), editor.undoDescription(), "no refused link is on the undo stack");
    }

    @Test
    void aRelabelThatWouldBreakALinksRuleIsRefused() {
        editor.link("source", budanov.id(), claim.id());
        FactSpanException refused = assertThrows(FactSpanException.class,
                () -> editor.relabel(claim.id(), "evidence"));
        assertTrue(refused.getMessage().startsWith("Annotation " + claim.id() + " cannot become evidence: its source"
                + " link would break the rule (A source link goes attribution -> claim or denial, not attribution ->"
                + " evidence"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(").") && !refused.getMessage().endsWith(".)."), refused.getMessage());
        assertEquals("claim", store.annotation(claim.id()).orElseThrow().label());
        editor.relabel(claim.id(), "denial");
        assertEquals("denial", store.annotation(claim.id()).orElseThrow().label(), "source allows denials too");
    }

    @Test
    void aLinkChangedElsewhereIsNotUndoneOverTheChange() {
        Link source = editor.link("source", budanov.id(), claim.id());
        try (ProjectStore other = ProjectStore.open(store.path())) {
            new Editor(other, "bob").changeLinkNote(source.id(), "bob's note");
        }
        assertThrows(org.factspan.store.StoreException.class, () -> editor.undo());
        assertEquals("bob's note", store.link(source.id()).orElseThrow().note());
    }

    @Test
    void aSchema2ProjectIsUpgradedWithTheDefaultLinkTypesAndKeepsItsAnnotations() throws Exception {
        Path old = dir.resolve("old.factspan");
        try (InputStream in = LinkEditsTest.class.getResourceAsStream("/projects/schema-2.factspan")) {
            Files.copy(in, old);
        }
        try (ProjectStore upgraded = ProjectStore.open(old)) {
            assertEquals(4, upgraded.schemaVersion());
            assertEquals(4, upgraded.linkTypes().size());
            List<Annotation> annotations = upgraded.annotations("doc-budanov");
            assertEquals(List.of("attribution", "claim", "denial", "evidence"),
                    annotations.stream().map(Annotation::label).toList());
            Annotation attribution = annotations.get(0);
            Annotation oldClaim = annotations.get(1);
            Link link = new Editor(upgraded, "alice").link("source", attribution.id(), oldClaim.id());
            assertEquals(List.of(link), upgraded.links("doc-budanov"));
        }
    }

    private static void assertRefused(String expected, Runnable attempt) {
        FactSpanException refused = assertThrows(FactSpanException.class, attempt::run);
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("."), refused.getMessage());
    }
}
