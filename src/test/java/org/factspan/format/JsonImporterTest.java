package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonImporterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
    private static final JsonImporter IMPORTER = new JsonImporter(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path folder;

    @Test
    void roundTripReproducesTheExportApartFromTheExportTime() {
        try (ProjectStore original = Fixtures.sampleProject(folder.resolve("original.factspan"));
             ProjectStore copy = ProjectStore.create(folder.resolve("copy.factspan"))) {
            String first = Fixtures.export(original, Fixtures.EXPORT_TIME);

            ImportResult result = importString(first, copy);
            String second = Fixtures.export(copy, Clock.fixed(NOW, ZoneOffset.UTC));

            assertEquals(new ImportResult(1, 2, 0, 8, 0, 0, 0), result);
            assertEquals(first.replace("\"exported\":\"2026-11-22T10:00:00Z\"", "\"exported\":\"" + NOW + "\""),
                    second);
        }
    }

    @Test
    void importReproducesIdsOffsetsAnnotatorsTimesAndNotes() {
        try (ProjectStore original = Fixtures.sampleProject(folder.resolve("original.factspan"));
             ProjectStore copy = ProjectStore.create(folder.resolve("copy.factspan"))) {
            importString(Fixtures.export(original, Fixtures.EXPORT_TIME), copy);

            for (String id : List.of("doc-news", "doc-short")) {
                assertEquals(original.annotations(id), copy.annotations(id));
                Document document = copy.document(id).orElseThrow();
                assertEquals(original.document(id).orElseThrow().text(), document.text());
                assertEquals(NOW, document.imported());
            }
            assertEquals(original.labels(), copy.labels());
        }
    }

    @Test
    void importingTheSameExportTwiceChangesNothingTheSecondTime() {
        try (ProjectStore original = Fixtures.sampleProject(folder.resolve("original.factspan"));
             ProjectStore copy = ProjectStore.create(folder.resolve("copy.factspan"))) {
            String export = Fixtures.export(original, Fixtures.EXPORT_TIME);
            importString(export, copy);
            Fixtures.Snapshot before = Fixtures.Snapshot.of(copy);

            ImportResult again = importString(export, copy);

            assertEquals(new ImportResult(0, 0, 2, 0, 8, 0, 0), again);
            assertEquals(8, again.annotationsSkipped());
            assertEquals(before, Fixtures.Snapshot.of(copy));
        }
    }

    @Test
    void annotationsOfAKnownTextJoinTheProjectsDocumentOfThatText() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            Fixtures.addDocument(store, "mine", "My copy", "mine.txt", Fixtures.SHORT);

            ImportResult result = importString(export(List.of("claim"), """
                    {"id": "theirs", "title": "Their copy", "source": null, "sha256": "%s", "text": "%s",
                     "annotations": [{"id": "a1", "label": "claim", "start": 2, "end": 5, "quote": "abc",
                                      "annotator": "bob", "created": "2026-11-21T08:30:00Z",
                                      "modified": "2026-11-21T08:30:00Z", "note": "bob's"}]}
                    """.formatted(Sha256.hex(Fixtures.SHORT), Fixtures.SHORT)), store);

            assertEquals(new ImportResult(0, 0, 1, 1, 0, 0, 0), result);
            assertEquals(1, store.documents().size());
            assertEquals("My copy", store.document("mine").orElseThrow().title());
            Annotation imported = store.annotation("a1").orElseThrow();
            assertEquals("mine", imported.documentId());
            assertEquals("bob's", imported.note());
        }
    }

    @Test
    void anAnnotationAtTheSameLabelAndOffsetsAsTheProjectsOwnIsSkippedAndCounted() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            Document mine = Fixtures.addDocument(store, "mine", "My copy", null, Fixtures.SHORT);
            Fixtures.annotate(store, mine, "my-claim", "claim", "abc", null);

            ImportResult result = importString(export(List.of("claim"), """
                    {"id": "theirs", "title": "Their copy", "source": null, "sha256": "%s", "text": "%s",
                     "annotations": [{"id": "their-claim", "label": "claim", "start": 2, "end": 5, "quote": "abc",
                                      "annotator": "bob", "created": "2026-11-21T08:30:00Z",
                                      "modified": "2026-11-21T08:30:00Z", "note": null},
                                     {"id": "their-denial", "label": "denial", "start": 2, "end": 5, "quote": "abc",
                                      "annotator": "bob", "created": "2026-11-21T08:30:00Z",
                                      "modified": "2026-11-21T08:30:00Z", "note": null}]}
                    """.formatted(Sha256.hex(Fixtures.SHORT), Fixtures.SHORT)), store);

            assertEquals(new ImportResult(0, 0, 1, 1, 0, 1, 0), result);
            assertEquals(List.of("my-claim", "their-denial"),
                    store.annotations("mine").stream().map(Annotation::id).toList());
        }
    }

    @Test
    void addsTheLabelsTheProjectLacksWithTheirColourAndKeyAndKeepsItsOwnColours() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            ImportResult result = importString("""
                    {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                     "labels": [{"name": "claim", "color": "#000000", "key": 9},
                                {"name": "satire", "color": "#56b4e9", "key": 6},
                                {"name": "rumour", "color": "#F0E442"}],
                     "documents": []}
                    """, store);

            assertEquals(2, result.labelsAdded());
            List<Label> labels = store.labels();
            assertEquals(new Label("claim", "#E69F00", 1), labels.get(0));
            assertEquals(List.of(new Label("satire", "#56B4E9", 6), new Label("rumour", "#F0E442", 0)),
                    labels.subList(4, 6));
        }
    }

    @Test
    void anAnnotationMayUseALabelTheProjectHasThoughTheFileDoesNotListIt() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            ImportResult result = importString(export(List.of(), BAD_DOCUMENT.formatted(
                    "\"claim\"", "2", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"", "null")), store);

            assertEquals(1, result.annotationsAdded());
        }
    }

    @Test
    void timesWithAnOffsetAreReadAsTheSameInstantInUtc() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            importString(export(List.of("claim"), BAD_DOCUMENT.formatted(
                    "\"claim\"", "2", "8", "\"Russia\"", "\"2026-11-21T10:30:00+02:00\"", "null")), store);

            assertEquals(Instant.parse("2026-11-21T08:30:00Z"), store.annotation("a-bad").orElseThrow().created());
        }
    }

    @Test
    void readsADocumentTextLongerThanJacksonsDefaultStringLimit() {
        String text = "Russia helped Hamas. ".repeat(1_000_000);
        try (ProjectStore original = ProjectStore.create(folder.resolve("original.factspan"));
             ProjectStore copy = ProjectStore.create(folder.resolve("copy.factspan"))) {
            Fixtures.addDocument(original, "long", "Long", null, text);

            importString(Fixtures.export(original, Fixtures.EXPORT_TIME), copy);

            assertEquals(text, copy.document("long").orElseThrow().text());
        }
    }

    @Test
    void anAnnotationWhoseIdTheProjectHoldsWithOtherContentIsRefusedNamingTheIdAndTheChange() {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            String export = Fixtures.export(store, Fixtures.EXPORT_TIME)
                    .replace("\"note\":\"just the emoji\"", "\"note\":\"edited elsewhere\"");
            Fixtures.Snapshot before = Fixtures.Snapshot.of(store);

            FactSpanException refusal = assertThrows(FactSpanException.class, () -> importString(export, store));

            assertEquals("In export.json, document \"Short\" (doc-short), annotation a-emoji differs from the"
                    + " project's annotation with that id (in its note); FactSpan does not overwrite it.",
                    refusal.getMessage());
            assertEquals(before, Fixtures.Snapshot.of(store));
        }
    }

    @Test
    void twoAnnotationsWithOneIdInOneDocumentAreRefusedNamingBothAndTheProjectIsUnchanged() {
        String document = documentJson("d-twice", "Twice", "A fresh article.",
                annotationJson("a-same", 2, 7, "fresh"), annotationJson("a-same", 8, 15, "article"));
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            assertRefusedLeavingTheProjectUnchanged(store, export(List.of("claim"), document),
                    "In export.json, two annotations have the id a-same: annotations 1 and 2 of document \"Twice\""
                            + " (d-twice); each annotation needs an id of its own.");
        }
    }

    @Test
    void annotationsOfTwoDocumentsWithOneIdAreRefusedNamingBothDocuments() {
        String first = documentJson("d-one", "One", "A fresh article.", annotationJson("a-same", 2, 7, "fresh"));
        String second = documentJson("d-two", "Two", "Another article.", annotationJson("a-other", 0, 7, "Another"),
                annotationJson("a-same", 8, 15, "article"));
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            assertRefusedLeavingTheProjectUnchanged(store, export(List.of("claim"), first + ",\n" + second),
                    "In export.json, two annotations have the id a-same: annotation 1 of document \"One\" (d-one)"
                            + " and annotation 2 of document \"Two\" (d-two); each annotation needs an id of its own.");
        }
    }

    @Test
    void jsonNestedDeeperThanFactSpanReadsIsRefusedInWordsThatNameNoLibrary() {
        String inDocument = export(List.of("claim"), """
                {"id": "d-deep", "title": "Deep", "note": %s""".formatted("[".repeat(100_000)));
        Map<String, String> expected = Map.of(
                "[".repeat(100_000), "export.json holds JSON nested more than 1000 levels deep at line 1, column"
                        + " 1001, deeper than FactSpan reads; a FactSpan export is only a few levels deep.",
                inDocument, "export.json holds JSON nested more than 1000 levels deep (in document 1 of the file) at"
                        + " line 3, column 1055, deeper than FactSpan reads; a FactSpan export is only a few levels"
                        + " deep.");
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            expected.forEach((json, message) -> assertRefusedLeavingTheProjectUnchanged(store, json, message));
        }
    }

    @Test
    void aFileThatDoesNotExistIsRefusedNamingIt() {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            Path missing = folder.resolve("missing.json");

            FactSpanException refusal = assertThrows(FactSpanException.class,
                    () -> IMPORTER.importFile(missing, store));

            assertEquals("There is no file " + missing + " to import.", refusal.getMessage());
        }
    }

    /** A document whose single annotation is filled in by the test: label, start, end, quote, created, note. */
    private static final String BAD_DOCUMENT = """
            {"id": "d-bad", "title": "Bad news", "source": "bad.txt", "sha256": "%s",
             "text": "%s",
             "annotations": [{"id": "a-bad", "label": %%s, "start": %%s, "end": %%s, "quote": %%s,
                              "annotator": "bob", "created": %%s, "modified": "2026-11-21T08:30:00Z",
                              "note": %%s}]}
            """.formatted(Sha256.hex(badText()), badText());

    private static String badText() {
        return "\uD83D\uDCA5 Russia helped Hamas.";
    }

    /** A document that imports cleanly, placed before the faulty one so that a refusal must undo it. */
    private static final String GOOD_DOCUMENT = """
            {"id": "d-good", "title": "Good news", "source": null, "sha256": "%s", "text": "A fresh article.",
             "annotations": [{"id": "a-good", "label": "satire", "start": 2, "end": 7, "quote": "fresh",
                              "annotator": "bob", "created": "2026-11-21T08:30:00Z",
                              "modified": "2026-11-21T08:30:00Z", "note": null}]}
            """.formatted(Sha256.hex("A fresh article."));

    static Stream<Arguments> malformedExports() {
        String valid = export(List.of("claim", "satire"), GOOD_DOCUMENT);
        return Stream.of(
                file("not JSON", "This is not JSON.", "bad.json is not valid JSON at line 1, column 1: Unrecognized token 'This'"),
                file("an empty file", "", "bad.json is not a FactSpan export: it holds nothing"),
                file("truncated JSON", valid.substring(0, valid.indexOf("fresh")),
                        "bad.json ends in the middle of the JSON (in document 1 of the file)", "truncated"),
                file("a JSON array", "[]", "bad.json is not a FactSpan export: it holds an array"),
                file("another format", """
                        {"format": "doccano", "version": 1}
                        """, "bad.json is not a FactSpan export: its \"format\" is \"doccano\", not \"factspan\"."),
                file("no format", """
                        {"version": 1, "exported": "2026-11-22T10:00:00Z", "labels": [], "documents": []}
                        """, "bad.json is not a FactSpan export: it has no \"format\": \"factspan\" before its"
                                + " labels."),
                file("a newer version", """
                        {"format": "factspan", "version": 2, "exported": "2026-11-22T10:00:00Z"}
                        """, "bad.json is FactSpan JSON version 2, but this FactSpan reads version 1 only."),
                file("no version", """
                        {"format": "factspan", "exported": "2026-11-22T10:00:00Z", "labels": [], "documents": []}
                        """, "bad.json has no \"version\" before its labels; this FactSpan reads FactSpan JSON"
                                + " version 1."),
                file("the version as a string", """
                        {"format": "factspan", "version": "1"}
                        """, "bad.json has the version \"1\", which is not a version number"),
                file("no documents", """
                        {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z", "labels": []}
                        """, "bad.json has no \"documents\"; a FactSpan export needs it."),
                file("documents before labels", """
                        {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                         "documents": [], "labels": []}
                        """, "bad.json has no \"labels\" before its documents"),
                file("a label with a colour name", """
                        {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                         "labels": [{"name": "satire", "color": "#56B4E9"}, {"name": "rumour", "color": "yellow"}],
                         "documents": []}
                        """, "In bad.json, label 2: The colour \"yellow\" of label rumour is not of the form #RRGGBB."),
                file("a field twice", """
                        {"format": "factspan", "version": 1, "version": 1}
                        """, "bad.json is not valid JSON at line 1, column 47: Duplicate field 'version'."),
                file("something after the export", valid + "{}", "bad.json goes on after the end of the export"),
                file("a syntax error inside a document", valid.replace("\"text\": \"A fresh article.\"",
                        "\"text\" \"A fresh article.\""),
                        "bad.json is not valid JSON (in document 1 of the file) at line"),
                document("a document that is not an object", "\"Bad news\"",
                        "In bad.json, document number 2 is \"Bad news\", not a JSON object."),
                document("a document without a title", BAD_DOCUMENT.replace("\"title\": \"Bad news\", ", "")
                        .formatted("\"claim\"", "2", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"", "null"),
                        "In bad.json, document d-bad has no \"title\"."),
                document("annotations that are not an array", """
                        {"id": "d-bad", "title": "Bad news", "source": null, "sha256": "%s", "text": "%s",
                         "annotations": {}}
                        """.formatted(Sha256.hex(badText()), badText()),
                        "In bad.json, document \"Bad news\" (d-bad): its \"annotations\" is an object, not an array."),
                document("a text with a carriage return", """
                        {"id": "d-cr", "title": "CR news", "source": null, "sha256": "%s", "text": "one\\r\\ntwo",
                         "annotations": []}
                        """.formatted(Sha256.hex("one\r\ntwo")),
                        "In bad.json, document \"CR news\" (d-cr): its text contains a carriage return"),
                document("a hash that does not match the text", BAD_DOCUMENT.replace(Sha256.hex(badText()),
                        "0".repeat(64)).formatted("\"claim\"", "2", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"",
                        "null"),
                        "In bad.json, document \"Bad news\" (d-bad): its \"sha256\" 0000", "is not the SHA-256 of its"
                                + " text (" + Sha256.hex(badText()) + ")"),
                annotation("an offset past the end", "\"claim\"", "16", "30", "\"Hamas.\"", "\"2026-11-21T08:30:00Z\"",
                        "null", "In bad.json, document \"Bad news\" (d-bad): Annotation a-bad has offsets [16, 30)"
                                + " outside the document, which is 22 code points long."),
                annotation("start equal to end", "\"claim\"", "8", "8", "\"\"", "\"2026-11-21T08:30:00Z\"", "null",
                        "In bad.json, document \"Bad news\" (d-bad): Annotation a-bad has offsets [8, 8)"),
                annotation("start after end", "\"claim\"", "8", "2", "\"Russia\"", "\"2026-11-21T08:30:00Z\"", "null",
                        "In bad.json, document \"Bad news\" (d-bad): Annotation a-bad has offsets [8, 2)"),
                annotation("a negative start", "\"claim\"", "-1", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"",
                        "null", "In bad.json, document \"Bad news\" (d-bad): Annotation a-bad has offsets [-1, 8)"),
                annotation("a quote counted in UTF-16 units", "\"claim\"", "3", "9", "\"Russia\"",
                        "\"2026-11-21T08:30:00Z\"", "null", "In bad.json, document \"Bad news\" (d-bad): Annotation"
                                + " a-bad quotes \"Russia\" but the text at [3, 9) is \"ussia \"."),
                annotation("a label nobody has", "\"rumour\"", "2", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"",
                        "null", "In bad.json, document \"Bad news\" (d-bad), annotation a-bad has the label"
                                + " \"rumour\", which neither the file's labels nor the project has."),
                annotation("an offset as a string", "\"claim\"", "\"2\"", "8", "\"Russia\"",
                        "\"2026-11-21T08:30:00Z\"", "null", "In bad.json, document \"Bad news\" (d-bad), annotation"
                                + " a-bad: its \"start\" is \"2\", not a whole number."),
                annotation("a fractional offset", "\"claim\"", "2", "8.0", "\"Russia\"", "\"2026-11-21T08:30:00Z\"",
                        "null", "annotation a-bad: its \"end\" is 8.0, not a whole number."),
                annotation("an offset beyond int", "\"claim\"", "2", "99999999999", "\"Russia\"",
                        "\"2026-11-21T08:30:00Z\"", "null", "annotation a-bad: its \"end\" is 99999999999, not a whole"
                                + " number FactSpan can hold (-2147483648 to 2147483647)."),
                annotation("a null quote", "\"claim\"", "2", "8", "null", "\"2026-11-21T08:30:00Z\"", "null",
                        "annotation a-bad: its \"quote\" is null, not a string."),
                annotation("a note with half a surrogate pair", "\"claim\"", "2", "8", "\"Russia\"",
                        "\"2026-11-21T08:30:00Z\"", "\"just \\ud800\"", "annotation a-bad: its \"note\" holds half of a"
                                + " surrogate pair (\\ud800 at character 5), which is no character."),
                annotation("a note that is a number", "\"claim\"", "2", "8", "\"Russia\"", "\"2026-11-21T08:30:00Z\"",
                        "42", "annotation a-bad: its \"note\" is 42, not a string or null."),
                annotation("a time that is not ISO-8601", "\"claim\"", "2", "8", "\"Russia\"", "\"21/11/2026\"",
                        "null", "In bad.json, document \"Bad news\" (d-bad), annotation a-bad: its \"created\""
                                + " \"21/11/2026\" is not an ISO-8601 time such as 2026-11-22T10:00:00Z."),
                document("an annotation without an id", """
                        {"id": "d-bad", "title": "Bad news", "source": null, "sha256": "%s", "text": "%s",
                         "annotations": [{"label": "claim", "start": 2, "end": 8, "quote": "Russia"}]}
                        """.formatted(Sha256.hex(badText()), badText()),
                        "In bad.json, document \"Bad news\" (d-bad), annotation number 1 has no \"id\"."),
                document("the same label and offsets twice", """
                        {"id": "d-bad", "title": "Bad news", "source": null, "sha256": "%s", "text": "%s",
                         "annotations": [
                           {"id": "a-first", "label": "claim", "start": 2, "end": 8, "quote": "Russia",
                            "annotator": "bob", "created": "2026-11-21T08:30:00Z",
                            "modified": "2026-11-21T08:30:00Z", "note": null},
                           {"id": "a-second", "label": "claim", "start": 2, "end": 8, "quote": "Russia",
                            "annotator": "carol", "created": "2026-11-21T08:30:00Z",
                            "modified": "2026-11-21T08:30:00Z", "note": null}]}
                        """.formatted(Sha256.hex(badText()), badText()),
                        "In bad.json, document \"Bad news\" (d-bad), annotation a-second has the same label and"
                                + " offsets (claim [2, 8)) as annotation a-first of the same document in the file."),
                document("a new document with the id of another project document", """
                        {"id": "doc-short", "title": "Bad news", "source": null, "sha256": "%s", "text": "%s",
                         "annotations": []}
                        """.formatted(Sha256.hex(badText()), badText()),
                        "In bad.json, document \"Bad news\" (doc-short): The project already has a different"
                                + " document with the id doc-short"));
    }

    @Test
    void timesFinerThanMillisecondsImportTwiceWithoutADifference() throws IOException {
        Path file = folder.resolve("micro.json");
        String text = "A fresh article.";
        Files.writeString(file, """
                {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                 "labels": [{"name": "claim", "color": "#E69F00"}],
                 "documents": [{"id": "d-micro", "title": "Micro", "source": null, "sha256": "%s", "text": "%s",
                  "annotations": [{"id": "a-micro", "label": "claim", "start": 2, "end": 7, "quote": "fresh",
                   "annotator": "other-tool", "created": "2026-11-21T08:30:00.123456Z",
                   "modified": "2026-11-21T08:30:00.123456789Z", "note": null}]}]}
                """.formatted(Sha256.hex(text), text));
        try (ProjectStore store = ProjectStore.create(folder.resolve("micro.factspan"))) {
            assertEquals(1, IMPORTER.importFile(file, store).annotationsAdded());
            ImportResult again = IMPORTER.importFile(file, store);
            assertEquals(0, again.annotationsAdded());
            assertEquals(1, again.annotationsUnchanged());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedExports")
    void aMalformedExportIsRefusedNamingWhatIsWrongAndLeavesTheProjectUnchanged(String what, String json,
                                                                               List<String> expected)
            throws IOException {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, json);
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            Fixtures.Snapshot before = Fixtures.Snapshot.of(store);

            FactSpanException refusal = assertThrows(FactSpanException.class, () -> IMPORTER.importFile(file, store));

            for (String part : expected) {
                assertTrue(refusal.getMessage().contains(part.replace("bad.json", file.toString())),
                        () -> "\"" + refusal.getMessage() + "\" should contain \"" + part + "\"");
            }
            assertEquals(before, Fixtures.Snapshot.of(store));
        }
    }

    private static Arguments file(String what, String json, String... expected) {
        return Arguments.of(what, json, List.of(expected));
    }

    private static Arguments document(String what, String document, String... expected) {
        return Arguments.of(what, export(List.of("claim", "satire"), GOOD_DOCUMENT + ",\n" + document),
                List.of(expected));
    }

    private static Arguments annotation(String what, String label, String start, String end, String quote,
                                        String created, String note, String... expected) {
        return document(what, BAD_DOCUMENT.formatted(label, start, end, quote, created, note), expected);
    }

    private static void assertRefusedLeavingTheProjectUnchanged(ProjectStore store, String json, String message) {
        Fixtures.Snapshot before = Fixtures.Snapshot.of(store);

        FactSpanException refusal = assertThrows(FactSpanException.class, () -> importString(json, store));

        assertEquals(message, refusal.getMessage());
        assertEquals(before, Fixtures.Snapshot.of(store));
    }

    private static String documentJson(String id, String title, String text, String... annotations) {
        return """
                {"id": "%s", "title": "%s", "source": null, "sha256": "%s", "text": "%s", "annotations": [%s]}\
                """.formatted(id, title, Sha256.hex(text), text, String.join(", ", annotations));
    }

    /** A claim by bob at [start, end) quoting {@code quote}. */
    private static String annotationJson(String id, int start, int end, String quote) {
        return """
                {"id": "%s", "label": "claim", "start": %d, "end": %d, "quote": "%s", "annotator": "bob",
                 "created": "2026-11-21T08:30:00Z", "modified": "2026-11-21T08:30:00Z", "note": null}\
                """.formatted(id, start, end, quote);
    }

    /** An export with the given labels (in the Okabe-Ito colours) and documents. */
    private static String export(List<String> labels, String documents) {
        String labelList = String.join(",\n", labels.stream()
                .map(name -> "{\"name\": \"" + name + "\", \"color\": \"#56B4E9\"}").toList());
        return """
                {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                 "labels": [%s],
                 "documents": [%s]}
                """.formatted(labelList, documents);
    }

    private static ImportResult importString(String json, ProjectStore store) {
        return IMPORTER.importFrom(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "export.json",
                store);
    }
}
