package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.factspan.edit.Editor;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links and link types survive export -> import unchanged, and a file's bad links are refused (issue 11). */
class LinksRoundTripTest {

    private static final String TEXT = "Mr Budanov said Russia helped Hamas. The Kremlin denied it. Satellite images"
            + " show drones.";

    @TempDir
    Path dir;

    @Test
    void linksAndLinkTypesSurviveExportAndImportUnchanged() {
        String export;
        List<Link> links;
        try (ProjectStore store = ProjectStore.create(dir.resolve("mine.factspan"))) {
            store.addLinkType(new LinkType("quotes", List.of("attribution"), List.of("evidence")));
            Document doc = store.addDocumentIfAbsent(document());
            Editor editor = new Editor(store, "alice");
            Annotation budanov = editor.add(doc, "attribution", 0, 10);
            Annotation claim = editor.add(doc, "claim", 16, 35);
            Annotation denial = editor.add(doc, "denial", 49, 55);
            Annotation images = editor.add(doc, "evidence", 60, 88);
            editor.link("source", budanov.id(), claim.id());
            editor.link("disputes", denial.id(), claim.id());
            Link refutes = editor.link("refutes", images.id(), claim.id());
            editor.changeLinkNote(refutes.id(), "the images show no drones");
            editor.link("quotes", budanov.id(), images.id());
            links = store.links(doc.id());
            export = Fixtures.export(store, Fixtures.EXPORT_TIME);
        }
        try (ProjectStore again = ProjectStore.create(dir.resolve("again.factspan"))) {
            ImportResult result = importText(export, again);
            assertEquals(4, result.linksAdded());
            assertEquals(links, again.links("doc"));
            assertTrue(again.linkTypes().contains(new LinkType("quotes", List.of("attribution"), List.of("evidence"))));
            assertEquals(export, Fixtures.export(again, Fixtures.EXPORT_TIME), "export -> import -> export is stable");

            ImportResult twice = importText(export, again);
            assertEquals(0, twice.linksAdded(), "importing the same file again adds nothing");
            assertEquals(links, again.links("doc"));
        }
    }

    @Test
    void aLinkToAnAnnotationTheProjectAlreadyHadJoinsTheProjectsAnnotation() {
        String export;
        try (ProjectStore theirs = ProjectStore.create(dir.resolve("theirs.factspan"))) {
            Document doc = theirs.addDocumentIfAbsent(document());
            Editor editor = new Editor(theirs, "bob");
            Annotation budanov = editor.add(doc, "attribution", 0, 10);
            Annotation claim = editor.add(doc, "claim", 16, 35);
            editor.link("source", budanov.id(), claim.id());
            export = Fixtures.export(theirs, Fixtures.EXPORT_TIME);
        }
        try (ProjectStore mine = ProjectStore.create(dir.resolve("mine.factspan"))) {
            Document doc = mine.addDocumentIfAbsent(document());
            Annotation myClaim = new Editor(mine, "alice").add(doc, "claim", 16, 35);
            importText(export, mine);
            Link link = mine.links("doc").get(0);
            assertEquals(myClaim.id(), link.to(), "their claim was a duplicate of mine: the link joins mine");
        }
    }

    @Test
    void everyBadLinkInAFileIsRefusedWithOneSentenceAndTheProjectIsUnchanged() {
        String good;
        try (ProjectStore store = ProjectStore.create(dir.resolve("source.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document());
            Editor editor = new Editor(store, "alice");
            Annotation budanov = editor.add(doc, "attribution", 0, 10);
            editor.add(doc, "claim", 16, 35);
            Annotation images = editor.add(doc, "evidence", 60, 88);
            editor.link("source", budanov.id(), store.annotations("doc").get(1).id());
            good = Fixtures.export(store, Fixtures.EXPORT_TIME)
                    .replace(images.id(), "images");
        }
        String source = "\"type\":\"source\"";
        assertRefused(good.replace(source, "\"type\":\"supports\""),
                "A supports link goes evidence -> claim, not attribution -> claim");
        assertRefused(good.replace(source, "\"type\":\"rumour\""),
                "has the type \"rumour\", which the project does not have.");
        assertRefused(good.replaceFirst("\"to\":\"[^\"]+\"", "\"to\":\"nowhere\""),
                "points to annotation nowhere, which the document does not have.");
        assertRefused(good.replaceFirst("\"to\":\"[^\"]+\",\"annotator\"", "\"to\":\"images\",\"annotator\"")
                .replace(source, "\"type\":\"source\""), "A source link goes attribution -> claim or denial, not"
                + " attribution -> evidence");
        assertRefused(good.replaceFirst("(\"from\":\"([^\"]+)\",\"to\":)\"[^\"]+\"", "$1\"$2\""), "to itself.");
        assertRefused(good.replace("[\"claim\",\"denial\"]", "[\"claim\",\"verdict\"]"),
                "names the label \"verdict\", which the file's labels do not have.");
    }

    private void assertRefused(String json, String expected) {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p-" + System.nanoTime() + ".factspan"))) {
            FactSpanException refused = assertThrows(FactSpanException.class, () -> importText(json, store));
            assertTrue(refused.getMessage().contains(expected), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("In file.json"), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("."), refused.getMessage());
            assertEquals(List.of(), store.documents(), "nothing was written");
        }
    }

    private static ImportResult importText(String json, ProjectStore store) {
        return new JsonImporter(Fixtures.EXPORT_TIME).importFrom(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "file.json", store);
    }

    private static Document document() {
        return new Document("doc", "budanov", null, Sha256.hex(TEXT), TEXT, Instant.parse("2026-12-01T10:00:00Z"));
    }
}
