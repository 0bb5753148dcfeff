package org.factspan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectStoreTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00.123Z");

    @TempDir
    Path dir;

    static Document document(String id, String text) {
        return new Document(id, "title " + id, "/articles/" + id + ".txt", Sha256.hex(text), text, T);
    }

    static Annotation annotation(String id, Document d, String label, int start, int end) {
        return new Annotation(id, d.id(), label, start, end, d.index().slice(start, end), "alice", T, T, null);
    }

    @Test
    void newProjectHasTheFourDefaultLabelsWithKeysAndTheCurrentSchema() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            assertEquals(List.of(new Label("claim", "#E69F00", 1), new Label("denial", "#D55E00", 2),
                    new Label("evidence", "#009E73", 3), new Label("attribution", "#0072B2", 4)), store.labels());
            assertEquals(Schema.VERSION, store.schemaVersion());
            assertEquals("p", store.name());
        }
    }

    @Test
    void documentsAndAnnotationsSurviveReopening() {
        Path file = dir.resolve("p.factspan");
        Document doc = document("d1", "💥 Кремль заявил: «нет». قال المتحدث");
        Annotation inEmoji = annotation("a1", doc, "claim", 2, 8);
        try (ProjectStore store = ProjectStore.create(file)) {
            store.addDocumentIfAbsent(doc);
            store.insert(inEmoji);
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(doc, store.document("d1").orElseThrow());
            assertEquals(List.of(inEmoji), store.annotations("d1"));
            assertEquals("Кремль", store.annotation("a1").orElseThrow().quote());
            assertEquals(1, store.documents().get(0).annotations());
            assertEquals(doc.length(), store.documents().get(0).length());
        }
    }

    @Test
    void aProjectOpensWhileAnotherStoreHasItOpenAndEdits() {
        Path file = dir.resolve("p.factspan");
        try (ProjectStore writer = ProjectStore.create(file)) {
            Document doc = writer.addDocumentIfAbsent(document("d1", "one two three"));
            writer.insert(annotation("a1", doc, "claim", 0, 3));
            try (ProjectStore reader = ProjectStore.open(file)) {
                assertEquals(1, reader.annotations("d1").size());
                writer.insert(annotation("a2", doc, "denial", 4, 7));
                assertEquals(List.of("a1", "a2"), reader.annotations("d1").stream().map(Annotation::id).toList());
            }
        }
    }

    @Test
    void annotationsComeInReadingOrderWhateverTheOrderOfInsertion() {
        String text = "word ".repeat(30_000);
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", text));
            java.util.Random random = new java.util.Random(5);
            String[] labels = {"claim", "denial", "evidence", "attribution"};
            // Many spans share a start, and some share start and end with another label: every tie-break counts.
            List<Annotation> inserted = new java.util.ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                int start = random.nextInt(5_000) * 5;
                Annotation a = annotation("a" + i, doc, labels[random.nextInt(4)], start,
                        start + 1 + random.nextInt(20));
                if (inserted.stream().noneMatch(b -> b.label().equals(a.label()) && b.span().equals(a.span()))) {
                    inserted.add(a);
                }
                if (inserted.size() == 22_000) {
                    break;
                }
            }
            java.util.Collections.shuffle(inserted, random);
            store.inTransaction(() -> inserted.forEach(store::insert));
            List<Annotation> read = store.annotations("d1");
            assertEquals(inserted.size(), read.size(), "three chunks of rows");
            List<Annotation> expected = new java.util.ArrayList<>(inserted);
            expected.sort(Annotation.READING_ORDER);
            assertEquals(expected, read, "the SQL order is Annotation.READING_ORDER");
        }
    }

    @Test
    void theSameTextIsStoredOnce() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document first = store.addDocumentIfAbsent(document("d1", "same text"));
            Document second = store.addDocumentIfAbsent(document("d2", "same text"));
            assertEquals(first, second);
            assertEquals(1, store.documents().size());
        }
    }

    @Test
    void overlappingAndNestedAnnotationsAreAllowed() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", "Mr Budanov said Russia helped Hamas"));
            store.insert(annotation("claim", doc, "claim", 16, 35));
            store.insert(annotation("nested", doc, "claim", 16, 22));
            store.insert(annotation("who", doc, "attribution", 0, 10));
            store.insert(annotation("overlap", doc, "evidence", 8, 22));
            store.insert(annotation("sameSpanOtherLabel", doc, "denial", 16, 35));
            assertEquals(5, store.annotations("d1").size());
        }
    }

    @Test
    void anExactDuplicateIsRefusedWithASentenceAndNothingChanges() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", "Mr Budanov said Russia helped Hamas"));
            store.insert(annotation("a1", doc, "claim", 16, 35));
            FactSpanException e = assertThrows(FactSpanException.class,
                    () -> store.insert(annotation("a2", doc, "claim", 16, 35)));
            assertEquals("The document already has a claim annotation at [16, 35); annotation a2 would duplicate it.",
                    e.getMessage());
            assertEquals(1, store.annotations("d1").size());
        }
    }

    @Test
    void writesThatBreakTheOffsetRulesAreRefused() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", "a💥b"));
            Annotation pastEnd = new Annotation("x", "d1", "claim", 1, 4, "💥b", "alice", T, T, null);
            Annotation wrongQuote = new Annotation("y", "d1", "claim", 1, 2, "a", "alice", T, T, null);
            Annotation unknownLabel = new Annotation("z", "d1", "rumour", 0, 1, "a", "alice", T, T, null);
            Annotation noDocument = new Annotation("w", "nope", "claim", 0, 1, "a", "alice", T, T, null);
            assertEquals("Annotation x has offsets [1, 4) outside the document, which is 3 code points long.",
                    assertThrows(FactSpanException.class, () -> store.insert(pastEnd)).getMessage());
            assertEquals("Annotation y quotes \"a\" but the text at [1, 2) is \"💥\".",
                    assertThrows(FactSpanException.class, () -> store.insert(wrongQuote)).getMessage());
            assertEquals("Annotation z has the label \"rumour\", which the project does not have.",
                    assertThrows(FactSpanException.class, () -> store.insert(unknownLabel)).getMessage());
            assertTrue(assertThrows(FactSpanException.class, () -> store.insert(noDocument)).getMessage()
                    .startsWith("Annotation w belongs to a document that is not in the project"));
            assertTrue(store.annotations(doc.id()).isEmpty());
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = document("d1", "some text");
            assertThrows(FactSpanException.class, () -> store.inTransaction(() -> {
                store.addDocumentIfAbsent(doc);
                store.insert(annotation("a1", doc, "claim", 0, 4));
                store.insert(annotation("a2", doc, "claim", 0, 4));
            }));
            assertTrue(store.documents().isEmpty());
            assertTrue(store.annotation("a1").isEmpty());
        }
    }

    @Test
    void labelCountsCoverEveryLabel() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", "one two three"));
            store.insert(annotation("a1", doc, "claim", 0, 3));
            store.insert(annotation("a2", doc, "claim", 4, 7));
            store.insert(annotation("a3", doc, "evidence", 8, 13));
            assertEquals(Map.of("claim", 2, "denial", 0, "evidence", 1, "attribution", 0), store.labelCounts());
            assertEquals(store.labelCounts(), store.labelCounts("d1"));
        }
    }

    @Test
    void aProjectAddsItsOwnLabelsAndRefusesATakenName() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            store.addLabel(new Label("satire", "#CC79A7", 1));
            assertEquals(new Label("satire", "#CC79A7", 0), store.labels().get(4));
            assertThrows(FactSpanException.class, () -> store.addLabel(new Label("claim", "#000000", 0)));
        }
    }

    @Test
    void updateAndDeleteAddressAnnotationsById() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            Document doc = store.addDocumentIfAbsent(document("d1", "one two three"));
            Annotation a = annotation("a1", doc, "claim", 0, 3);
            store.insert(a);
            store.update(a.withLabel("denial", T.plusSeconds(1)).withNote("checked", T.plusSeconds(2)));
            assertEquals("denial", store.annotation("a1").orElseThrow().label());
            assertEquals("checked", store.annotation("a1").orElseThrow().note());
            assertTrue(store.delete("a1"));
            assertFalse(store.delete("a1"));
            assertThrows(FactSpanException.class, () -> store.update(a));
        }
    }

    @Test
    void theFileIsWalModeWithForeignKeysAndPassesTheIntegrityCheck() throws Exception {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            assertEquals("wal", single(s, "PRAGMA journal_mode"));
            assertEquals("ok", single(s, "PRAGMA integrity_check"));
            assertEquals(String.valueOf(Schema.APPLICATION_ID), single(s, "PRAGMA application_id"));
        }
    }

    @Test
    void openingAndReadingAProjectDoesNotWriteToIt() throws Exception {
        Path file = dir.resolve("p.factspan");
        try (ProjectStore store = ProjectStore.create(file)) {
            Document doc = store.addDocumentIfAbsent(document("d1", "one two three"));
            store.insert(annotation("a1", doc, "claim", 0, 3));
        }
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        try (ProjectStore store = ProjectStore.open(file)) {
            store.documents();
            store.annotations("d1");
            store.labelCounts();
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
    }

    @Test
    void readingAClosedProjectReadOnlyLeavesNoFilesBesideIt() throws Exception {
        Path file = dir.resolve("colleague's #1.factspan");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.addDocumentIfAbsent(document("d1", "one two three"));
        }
        List<Path> before;
        try (var files = Files.list(dir)) {
            before = files.sorted().toList();
        }
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            assertEquals(1, store.documents().size());
        }
        try (var files = Files.list(dir)) {
            assertEquals(before, files.sorted().toList());
        }
    }

    @Test
    void aReadOnlyStoreRefusesWrites() {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            StoreException refused = assertThrows(StoreException.class,
                    () -> store.addDocumentIfAbsent(document("d1", "x")));
            assertEquals(StoreException.Kind.READ_ONLY, refused.kind());
            assertEquals("The project " + file + " was opened read-only, so it cannot be changed here.",
                    refused.getMessage());
            assertEquals(4, store.labels().size());
        }
    }

    @Test
    void creatingOverAnExistingFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("p.factspan"), "my notes");
        assertEquals("Cannot create the project " + file + ": a file of that name exists.",
                assertThrows(FactSpanException.class, () -> ProjectStore.create(file)).getMessage());
        assertEquals("my notes", Files.readString(file));
    }

    @Test
    void labelsBeyondTheFirstPlaneSortAsSqliteSortsThem() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.factspan"))) {
            // U+FF21 (fullwidth A) comes before U+1D400 (mathematical bold A) by code point, after it in UTF-16.
            store.addLabel(new Label("\uFF21", "#123456", 0));
            store.addLabel(new Label("\uD835\uDC00", "#654321", 0));
            Document doc = store.addDocumentIfAbsent(document("d1", "one two"));
            store.insert(annotation("b", doc, "\uD835\uDC00", 0, 3));
            store.insert(annotation("a", doc, "\uFF21", 0, 3));
            List<Annotation> read = store.annotations("d1");
            List<Annotation> sorted = new java.util.ArrayList<>(read);
            sorted.sort(Annotation.READING_ORDER);
            assertEquals(sorted, read);
            assertEquals("a", read.get(0).id());
        }
    }

    @Test
    void aSchema2ProjectOfAnEarlierFactSpanIsUpgradedAndReadsInTheOneReadingOrder() throws Exception {
        Path old = dir.resolve("old.factspan");
        try (var in = ProjectStoreTest.class.getResourceAsStream("/projects/schema-2.factspan")) {
            Files.copy(in, old);
        }
        try (ProjectStore upgraded = ProjectStore.open(old)) {
            assertEquals(Schema.VERSION, upgraded.schemaVersion());
            List<Annotation> annotations = upgraded.annotations("doc-budanov");
            assertEquals(List.of("Mr Budanov", "Russia helped Hamas", "denied", "Satellite images show drones"),
                    annotations.stream().map(Annotation::quote).toList());
            List<Annotation> sorted = new java.util.ArrayList<>(annotations);
            sorted.sort(Annotation.READING_ORDER);
            assertEquals(sorted, annotations);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
             Statement s = c.createStatement()) {
            assertEquals("ok", single(s, "PRAGMA integrity_check"));
            assertTrue(single(s, "SELECT sql FROM sqlite_master WHERE name = 'annotation_by_document'")
                    .contains("end_offset DESC"));
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
