package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.factspan.edit.Change;
import org.factspan.edit.Editor;
import org.factspan.format.JsonExporter;
import org.factspan.format.JsonImporter;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Decision;
import org.factspan.model.Document;
import org.factspan.model.Provenance;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions on differences as edits of my project: what each keeps, undo, progress, provenance and comments. */
class AdjudicatorTest {

    private static final String TEXT = "Mr Budanov said Russia helped Hamas. The Kremlin denied it on Monday.";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path dir;

    private Path mine;
    private Path theirs;

    private void twoAnnotators() {
        mine = dir.resolve("mine.factspan");
        theirs = dir.resolve("theirs.factspan");
        try (ProjectStore store = ProjectStore.create(mine)) {
            Document doc = add(store, "d-mine");
            Editor editor = new Editor(store, "alice");
            editor.add(doc, "attribution", 0, 10);   // agree
            editor.add(doc, "claim", 16, 35);        // label conflict with their evidence
            editor.add(doc, "denial", 37, 59);       // boundary conflict with their denial [37, 69)
            editor.add(doc, "evidence", 63, 69);     // only mine
        }
        try (ProjectStore store = ProjectStore.create(theirs)) {
            Document doc = add(store, "d-theirs");
            Editor editor = new Editor(store, "bob");
            editor.add(doc, "attribution", 0, 10);
            editor.add(doc, "evidence", 16, 35);
            editor.add(doc, "denial", 37, 69);
            editor.add(doc, "attribution", 37, 48);  // only theirs: "The Kremlin"
        }
    }

    private static Document add(ProjectStore store, String id) {
        return store.addDocumentIfAbsent(new Document(id, "budanov", null, Sha256.hex(TEXT), TEXT, NOW));
    }

    private Review review() {
        return Review.compare(ReviewSide.open(mine), ReviewSide.open(theirs));
    }

    private static Difference of(Review review, Difference.Category category) {
        return review.documents().get(0).differences().stream().filter(d -> d.category() == category)
                .findFirst().orElseThrow();
    }

    @Test
    void acceptingTheirsReplacesMineKeepsTheirAnnotatorAndRecordsProvenance() {
        twoAnnotators();
        Difference conflict = of(review(), Difference.Category.LABEL_CONFLICT);
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            new Editor(store, "alice").perform("accept theirs",
                    adjudicator.changes(List.of(conflict), Decision.ACCEPT_THEIRS, NOW));
            assertTrue(store.annotation(conflict.mine().id()).isEmpty());
            Annotation accepted = store.annotation(conflict.theirs().id()).orElseThrow();
            assertEquals("evidence", accepted.label());
            assertEquals("bob", accepted.annotator());
            assertEquals(conflict.theirs().created(), accepted.created());
            assertEquals(Map.of(accepted.id(), new Provenance("theirs.factspan", "alice", NOW)),
                    store.provenance("d-mine"));
        }
        try (ProjectStore store = ProjectStore.open(mine)) {
            Map<String, org.factspan.model.ReviewMark> marks = new Adjudicator(store, theirs, "alice").marks();
            List<Difference> decided = review().documents().get(0).differences().stream()
                    .filter(d -> Adjudicator.decided(d, marks)).toList();
            assertEquals(1, decided.size(), "the accepted annotation now agrees with theirs and counts as decided");
            assertEquals(Difference.Category.AGREE, decided.get(0).category());
            assertEquals(conflict.theirs().id(), decided.get(0).mine().id());
        }
    }

    @Test
    void eachDecisionKeepsWhatTheTableSays() {
        twoAnnotators();
        Review review = review();
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            Editor editor = new Editor(store, "alice");
            Difference boundary = of(review, Difference.Category.BOUNDARY_CONFLICT);
            editor.perform("accept both", adjudicator.changes(List.of(boundary), Decision.ACCEPT_BOTH, NOW));
            assertTrue(store.annotation(boundary.mine().id()).isPresent());
            assertTrue(store.annotation(boundary.theirs().id()).isPresent());

            Difference onlyMine = of(review, Difference.Category.ONLY_MINE);
            editor.perform("reject both", adjudicator.changes(List.of(onlyMine), Decision.REJECT_BOTH, NOW));
            assertTrue(store.annotation(onlyMine.mine().id()).isEmpty());

            Difference onlyTheirs = of(review, Difference.Category.ONLY_THEIRS);
            editor.perform("keep mine", adjudicator.changes(List.of(onlyTheirs), Decision.KEEP_MINE, NOW));
            assertTrue(store.annotation(onlyTheirs.theirs().id()).isEmpty());

            assertEquals(4, adjudicator.marks().size(), "boundary (2 ids), only mine, only theirs");
            assertTrue(adjudicator.changes(List.of(onlyTheirs), Decision.ACCEPT_THEIRS, NOW).isEmpty(),
                    "a decided difference is changed by undo, not by deciding again");
        }
    }

    @Test
    void progressCountsEachDecisionOnceWhenTheDifferencesRegroup() {
        twoAnnotators();
        Review before = review();
        Difference onlyMine = of(before, Difference.Category.ONLY_MINE);
        Difference conflict = of(before, Difference.Category.LABEL_CONFLICT);
        Difference boundary = of(before, Difference.Category.BOUNDARY_CONFLICT);
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            Editor editor = new Editor(store, "alice");
            editor.perform("reject", adjudicator.changes(List.of(onlyMine), Decision.REJECT_BOTH, NOW));
            editor.perform("accept", adjudicator.changes(List.of(conflict), Decision.ACCEPT_THEIRS, NOW));
            editor.perform("both", adjudicator.changes(List.of(boundary), Decision.ACCEPT_BOTH, NOW));
        }
        List<Difference> after = review().documents().get(0).differences();
        try (ProjectStore store = ProjectStore.open(mine)) {
            int[] progress = Adjudicator.progress(after, new Adjudicator(store, theirs, "alice").marks());
            assertEquals(3, progress[0], "three decisions");
            assertEquals(before.documents().get(0).differences().size(), progress[1],
                    "the same total as when the review began, though only-mine vanished and accept-both split");
        }
    }

    @Test
    void deletingAnAcceptedAnnotationAndUndoingRestoresItsProvenance() {
        twoAnnotators();
        Difference onlyTheirs = of(review(), Difference.Category.ONLY_THEIRS);
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            Editor editor = new Editor(store, "alice");
            editor.perform("accept theirs", adjudicator.changes(List.of(onlyTheirs), Decision.ACCEPT_THEIRS, NOW));
            Map<String, Provenance> accepted = store.provenance("d-mine");
            assertEquals(1, accepted.size());
            editor.delete(onlyTheirs.theirs().id());
            assertTrue(store.provenance("d-mine").isEmpty());
            editor.undo();
            assertEquals(accepted, store.provenance("d-mine"), "undo brings the annotation back with its provenance");
        }
    }

    @Test
    void undoingADecisionRestoresMineAndForgetsTheDecision() {
        twoAnnotators();
        Difference conflict = of(review(), Difference.Category.LABEL_CONFLICT);
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            Editor editor = new Editor(store, "alice");
            List<Change> changes = adjudicator.changes(List.of(conflict), Decision.ACCEPT_THEIRS, NOW);
            editor.perform("accept theirs", changes);
            assertEquals("accept theirs", editor.undoDescription().orElseThrow());
            editor.undo();
            assertEquals(conflict.mine(), store.annotation(conflict.mine().id()).orElseThrow());
            assertTrue(store.annotation(conflict.theirs().id()).isEmpty());
            assertTrue(store.provenance("d-mine").isEmpty());
            assertTrue(adjudicator.marks().isEmpty());
            editor.redo();
            assertEquals(2, adjudicator.marks().size());
        }
    }

    @Test
    void acceptingAllAgreementsDecidesThemWithoutChangingAnnotations() {
        twoAnnotators();
        Review review = review();
        List<Difference> agreements = review.documents().get(0).differences().stream()
                .filter(d -> d.category() == Difference.Category.AGREE).toList();
        try (ProjectStore store = ProjectStore.open(mine)) {
            List<Annotation> before = store.annotations("d-mine");
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            new Editor(store, "alice").perform("accept all agreements",
                    adjudicator.changes(agreements, Decision.KEEP_MINE, NOW));
            assertEquals(before, store.annotations("d-mine"));
            assertTrue(agreements.stream().allMatch(d -> Adjudicator.decided(d, adjudicator.marks())));
        }
    }

    @Test
    void provenanceAndCommentsAreExportedAndImportedBack() throws Exception {
        twoAnnotators();
        Difference onlyTheirs = of(review(), Difference.Category.ONLY_THEIRS);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        byte[] first;
        try (ProjectStore store = ProjectStore.open(mine)) {
            Adjudicator adjudicator = new Adjudicator(store, theirs, "alice");
            Editor editor = new Editor(store, "alice");
            editor.perform("accept theirs", adjudicator.changes(List.of(onlyTheirs), Decision.ACCEPT_THEIRS, NOW));
            editor.perform("comment", List.of(new Change.CommentChange(null,
                    new Comment("c1", "d-mine", onlyTheirs.theirs().id(), "alice", NOW, "Bob is right: the Kremlin."))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JsonExporter(clock).export(store, out);
            first = out.toByteArray();
        }
        JsonNode doc = new ObjectMapper().readTree(first).get("documents").get(0);
        assertEquals("Bob is right: the Kremlin.", doc.get("comments").get(0).get("text").asText());
        JsonNode accepted = null;
        for (JsonNode a : doc.get("annotations")) {
            if (a.get("id").asText().equals(onlyTheirs.theirs().id())) {
                accepted = a;
            }
        }
        assertEquals("theirs.factspan", accepted.get("provenance").get("accepted_from").asText());
        assertEquals("bob", accepted.get("annotator").asText());

        Path copy = dir.resolve("copy.factspan");
        java.nio.file.Files.write(dir.resolve("export.json"), first);
        try (ProjectStore store = ProjectStore.create(copy)) {
            new JsonImporter(clock).importFile(dir.resolve("export.json"), store);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JsonExporter(clock).export(store, out);
            assertEquals(new String(first, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        }
        assertFalse(new String(first, StandardCharsets.UTF_8).isEmpty());
    }
}
