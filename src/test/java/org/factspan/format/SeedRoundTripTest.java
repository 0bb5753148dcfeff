package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.SharedFixtures;
import org.factspan.edit.Editor;
import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three real seed articles, annotated through the {@link Editor} as a fact-checker would (every label, nested and
 * overlapping spans, notes, a relabel, a moved boundary, deletes), survive export - import - export unchanged.
 */
class SeedRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** What the annotations must be after the edits, by id: label, quote, annotator, note. */
    private final Map<String, Annotation> expected = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();

    @Test
    void seedArticlesAnnotatedThroughTheEditorSurviveExportImportExportUnchanged() throws IOException {
        List<Path> seeds = seeds();
        assertEquals(3, seeds.size(), "the shared folder holds three seed articles");

        String first;
        try (ProjectStore store = ProjectStore.create(folder.resolve("original.factspan"))) {
            ArticleImport articles = new ArticleImport(Clock.systemUTC());
            Map<String, Document> byName = new HashMap<>();
            for (Path seed : seeds) {
                byName.put(seed.getFileName().toString(), articles.importFile(store, seed).document());
            }
            Editor alice = new Editor(store, "alice");
            Editor bob = new Editor(store, "bob");
            annotateBudanovInterview(byName.get("000_cf6e1beb37eba1d1.txt"), alice, bob);
            annotatePartnershipAnalysis(byName.get("001_bd3f3987a620d1ba.txt"), alice, bob);
            annotateUnverifiedRumours(byName.get("003_94a362b9198120d3.txt"), alice, bob);
            first = Fixtures.export(store, Clock.systemUTC());
        }
        Path exportFile = folder.resolve("first.json");
        Files.writeString(exportFile, first, StandardCharsets.UTF_8);

        String second;
        try (ProjectStore fresh = ProjectStore.create(folder.resolve("reimported.factspan"))) {
            ImportResult result = new JsonImporter(Clock.systemUTC()).importFile(exportFile, fresh);
            assertEquals(3, result.documentsAdded());
            assertEquals(expected.size(), result.annotationsAdded());
            second = Fixtures.export(fresh, Clock.systemUTC());
        }

        assertEquals(withoutExportedLine(first), withoutExportedLine(second));
        assertEquals(1, first.lines().filter(l -> l.strip().startsWith("\"exported\"")).count());

        JsonNode export = JSON.readTree(second);
        assertEquals(3, export.get("documents").size());
        int seen = 0;
        for (JsonNode document : export.get("documents")) {
            CodePointIndex text = new CodePointIndex(document.get("text").textValue());
            assertTrue(document.get("annotations").size() >= 6, "several annotations per article");
            Set<String> labels = new HashSet<>();
            for (JsonNode a : document.get("annotations")) {
                String id = a.get("id").textValue();
                Annotation want = expected.get(id);
                assertTrue(want != null, "annotation " + id + " was made by the test and not deleted");
                assertEquals(text.slice(a.get("start").intValue(), a.get("end").intValue()), a.get("quote").textValue());
                assertEquals(want.quote(), a.get("quote").textValue());
                assertEquals(want.start(), a.get("start").intValue());
                assertEquals(want.end(), a.get("end").intValue());
                assertEquals(want.label(), a.get("label").textValue());
                assertEquals(want.annotator(), a.get("annotator").textValue());
                assertEquals(want.created(), Instant.parse(a.get("created").textValue()));
                assertEquals(want.modified(), Instant.parse(a.get("modified").textValue()));
                assertEquals(want.note(), a.get("note").isNull() ? null : a.get("note").textValue());
                labels.add(want.label());
                seen++;
            }
            assertEquals(Set.of("claim", "denial", "evidence", "attribution"), labels,
                    document.get("title").textValue() + " uses every label");
        }
        assertEquals(expected.size(), seen);
        for (String id : deleted) {
            assertTrue(!second.contains(id), "deleted annotation " + id + " stays deleted");
        }
    }

    private void annotateBudanovInterview(Document doc, Editor alice, Editor bob) {
        Annotation claim = add(alice, doc, "claim",
                "Russia may have supplied Hamas invaders with captured Ukrainian weapons");
        add(alice, doc, "evidence", "captured Ukrainian weapons"); // nested in the claim
        add(bob, doc, "attribution", "Mr Budanov suggested"); // touches the claim
        Annotation knowHow = add(alice, doc, "claim", "This know-how is borne of our war");
        note(alice, knowHow, "Budanov's own words; no source given");
        add(bob, doc, "denial", "Since we were not there");
        // Overlapping, not nested: the attribution runs into the claim that follows it.
        add(bob, doc, "attribution", "Ukraine’s intelligence chief also claimed");
        add(alice, doc, "claim", "also claimed that, during a visit to Iran by a Russian military delegation");
        // Tagged too short, then widened to the whole claim.
        Annotation tehran = add(alice, doc, "claim", "Tehran sought Moscow’s help");
        move(alice, tehran, "Tehran sought Moscow’s help for Middle East intelligence operations");
        // Tagged as a claim, relabelled as evidence.
        Annotation drones = add(bob, doc, "claim", "using for example FPV drones against armoured vehicles");
        relabel(bob, drones, "evidence");
        // A note set and then removed.
        note(alice, claim, "check the Ukrainska Pravda interview");
        note(alice, claim, "  ");
        Annotation mistake = add(alice, doc, "denial", "READ MORE");
        delete(alice, mistake);
    }

    private void annotatePartnershipAnalysis(Document doc, Editor alice, Editor bob) {
        add(alice, doc, "denial", "despite official denials");
        Annotation evidence = add(alice, doc, "evidence", "there is ample evidence that at least Iran and Russian"
                + " Federation of the depicted autocracies, are actively and systematically supporting the actions"
                + " of Hamas");
        // The same span under a second label.
        add(bob, doc, "claim", "there is ample evidence that at least Iran and Russian Federation of the depicted"
                + " autocracies, are actively and systematically supporting the actions of Hamas");
        note(bob, evidence, "ample evidence is asserted, not shown");
        add(bob, doc, "attribution", "Bellingcat hastened to deny");
        add(bob, doc, "denial", "\"We did not come to such conclusions and did not make such statements\"");
        Annotation bbc = add(alice, doc, "denial", "The BBC also denied the alleged report");
        move(alice, bbc, "BBC also denied the alleged report.");
        add(alice, doc, "attribution", "according to numerous arms experts");
        Annotation euronews = add(alice, doc, "claim", "there is absolutely no evidence of any links between"
                + " Hamas' military arsenal and Ukraine");
        relabel(alice, euronews, "evidence");
        Annotation gone = add(bob, doc, "claim", "top of page");
        Annotation alsoGone = add(bob, doc, "evidence", "Updated: Oct 26, 2023");
        delete(bob, gone);
        delete(alice, alsoGone);
    }

    private void annotateUnverifiedRumours(Document doc, Editor alice, Editor bob) {
        add(alice, doc, "denial", "They provided no evidence for their claims.");
        add(alice, doc, "attribution", "Kyrylo Budanov, Ukraine’s top intelligence officer, alleged");
        Annotation arms = add(alice, doc, "claim", "Moscow may have provided Hamas with arms seized in Ukraine");
        note(alice, arms, "compare with Budanov in 000: \"captured Ukrainian weapons\"");
        add(bob, doc, "claim", "trophy arms from Ukraine have indeed been passed to the Hamas group");
        add(bob, doc, "evidence", "Hamas group. Mostly, it’s infantry weapons"); // overlaps the claim's end
        Annotation proof = add(bob, doc, "denial", "there is no concrete proof of Russian arms supplies");
        relabel(bob, proof, "evidence");
        add(alice, doc, "denial", "“Such speculations are an open provocation.”");
        Annotation venediktov = add(alice, doc, "attribution", "Aleksander Venediktov");
        move(alice, venediktov, "Aleksander Venediktov, of Russia’s Security Council, told the Ria Novosti news agency");
        Annotation dropped = add(bob, doc, "claim", "It was absolutely coordinated with Moscow");
        delete(bob, dropped);
    }

    // ---- edits through the Editor, recording what each annotation must end up as ---------------------------------

    private Annotation add(Editor editor, Document doc, String label, String phrase) {
        int utf16 = doc.text().indexOf(phrase);
        assertTrue(utf16 >= 0, "\"" + phrase + "\" is in " + doc.title());
        CodePointIndex index = doc.index();
        int start = index.toCodePoint(utf16);
        int end = index.toCodePoint(utf16 + phrase.length());
        Annotation a = editor.add(doc, label, start, end);
        assertEquals(phrase, a.quote());
        return record(editor, a);
    }

    private Annotation move(Editor editor, Annotation a, String widerOrNarrower) {
        Document doc = editor.store().document(a.documentId()).orElseThrow();
        int utf16 = doc.text().indexOf(widerOrNarrower);
        assertTrue(utf16 >= 0, "\"" + widerOrNarrower + "\" is in " + doc.title());
        int start = doc.index().toCodePoint(utf16);
        int end = doc.index().toCodePoint(utf16 + widerOrNarrower.length());
        assertNotEquals(List.of(a.start(), a.end()), List.of(start, end));
        Annotation moved = editor.moveBoundary(a.id(), start, end);
        assertEquals(widerOrNarrower, moved.quote());
        return record(editor, moved);
    }

    private Annotation relabel(Editor editor, Annotation a, String label) {
        return record(editor, editor.relabel(a.id(), label));
    }

    private Annotation note(Editor editor, Annotation a, String note) {
        return record(editor, editor.changeNote(a.id(), note));
    }

    private void delete(Editor editor, Annotation a) {
        editor.delete(a.id());
        expected.remove(a.id());
        deleted.add(a.id());
    }

    private Annotation record(Editor editor, Annotation a) {
        Annotation stored = editor.store().annotation(a.id()).orElseThrow();
        assertEquals(a, stored, "the store holds what the editor returned");
        expected.put(a.id(), stored);
        return stored;
    }

    /**
     * The seed files in reverse name order, so that the order documents were added in differs from their title order:
     * the export must keep the order of addition through the round trip.
     */
    private List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SharedFixtures.shared().resolve("seeds"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        }
    }

    private static String withoutExportedLine(String export) {
        return export.lines().filter(l -> !l.strip().startsWith("\"exported\"")).collect(Collectors.joining("\n"));
    }
}
