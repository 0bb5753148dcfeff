package org.factspan.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.factspan.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void exportOfAProjectWithEveryKindOfSpanValidatesAgainstTheShippedSchema() throws IOException {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            Set<ValidationMessage> problems = schema().validate(JSON.readTree(Fixtures.export(store,
                    Fixtures.EXPORT_TIME)));

            assertEquals(Set.of(), problems);
        }
    }

    @Test
    void exportOfAnEmptyProjectValidatesAgainstTheShippedSchema() throws IOException {
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            JsonNode export = JSON.readTree(Fixtures.export(store, Fixtures.EXPORT_TIME));

            assertEquals(Set.of(), schema().validate(export));
            assertEquals(0, export.get("documents").size());
        }
    }

    @Test
    void schemaRejectsWhatTheFormatForbids() throws IOException {
        JsonNode bad = JSON.readTree("""
                {"format": "factspan", "version": 2, "exported": "2026-11-22T10:00:00Z",
                 "labels": [{"name": "claim", "color": "orange"}],
                 "documents": [{"id": "d", "title": "t", "source": null, "sha256": "ABC", "text": "x",
                                "annotations": [{"id": "a", "label": "claim", "start": -1, "end": 1, "quote": "x",
                                                 "annotator": "alice", "created": "2026-11-22T10:00:00Z",
                                                 "modified": "2026-11-22T10:00:00Z"}]}]}
                """);

        List<String> paths = schema().validate(bad).stream().map(m -> m.getInstanceLocation().toString()).toList();

        assertEquals(Set.of("/version", "/labels/0/color", "/documents/0/sha256",
                "/documents/0/annotations/0/start", "/documents/0/annotations/0"), Set.copyOf(paths));
    }

    @Test
    void offsetsCountCodePointsSoAnEmojiCountsOnce() throws IOException {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            JsonNode export = JSON.readTree(Fixtures.export(store, Fixtures.EXPORT_TIME));

            JsonNode small = document(export, "doc-short");
            assertEquals("\uD83D\uDCA5 abc", small.get("text").textValue());
            assertAnnotation(small, "a-emoji", 0, 1, "\uD83D\uDCA5");
            assertAnnotation(small, "a-abc", 2, 5, "abc");
            JsonNode news = document(export, "doc-news");
            assertAnnotation(news, "a-attribution", 2, 12, "Mr Budanov");
            assertAnnotation(news, "a-claim", 18, 39, "Russia helped Hamas \uD83D\uDCA5");
            assertAnnotation(news, "a-nested", 18, 31, "Russia helped");
        }
    }

    @Test
    void everyExportedQuoteIsTheCodePointSliceOfItsText() throws IOException {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            JsonNode export = JSON.readTree(Fixtures.export(store, Fixtures.EXPORT_TIME));

            int checked = 0;
            for (JsonNode document : export.get("documents")) {
                int[] codePoints = document.get("text").textValue().codePoints().toArray();
                for (JsonNode annotation : document.get("annotations")) {
                    int start = annotation.get("start").intValue();
                    int end = annotation.get("end").intValue();
                    assertEquals(new String(codePoints, start, end - start), annotation.get("quote").textValue());
                    checked++;
                }
            }
            assertEquals(8, checked);
        }
    }

    @Test
    void writesTheDocumentedFieldsInTheDocumentedOrder() throws IOException {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            JsonNode export = JSON.readTree(Fixtures.export(store, Fixtures.EXPORT_TIME));

            assertEquals(List.of("format", "version", "exported", "labels", "link_types", "documents"), names(export));
            assertEquals(List.of("name", "from", "to"), names(export.get("link_types").get(0)));
            assertEquals(List.of("name", "color", "key"), names(export.get("labels").get(0)));
            JsonNode news = document(export, "doc-news");
            assertEquals(List.of("id", "title", "source", "sha256", "text", "annotations"), names(news));
            assertEquals(List.of("id", "label", "start", "end", "quote", "annotator", "created", "modified", "note"),
                    names(news.get("annotations").get(0)));
            assertTrue(news.get("source").isNull());
            assertEquals("factspan", export.get("format").textValue());
            assertEquals(1, export.get("version").intValue());
        }
    }

    @Test
    void writesTheProjectsLabelsWithColourAndKey() throws IOException {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            JsonNode labels = JSON.readTree(Fixtures.export(store, Fixtures.EXPORT_TIME)).get("labels");

            assertEquals(5, labels.size());
            assertEquals("{\"name\":\"claim\",\"color\":\"#E69F00\",\"key\":1}", labels.get(0).toString());
            assertEquals("{\"name\":\"source\",\"color\":\"#CC79A7\",\"key\":5}", labels.get(4).toString());
        }
    }

    @Test
    void exportedIsTheClockTimeInUtcToTheSecond() throws IOException {
        Clock kyiv = Clock.fixed(Instant.parse("2026-11-22T10:00:00.789Z"), ZoneId.of("Europe/Kyiv"));
        try (ProjectStore store = ProjectStore.create(folder.resolve("p.factspan"))) {
            JsonNode export = JSON.readTree(Fixtures.export(store, kyiv));

            assertEquals("2026-11-22T10:00:00Z", export.get("exported").textValue());
        }
    }

    @Test
    void writesOneLabelDocumentOrAnnotationPerLine() {
        try (ProjectStore store = Fixtures.sampleProject(folder.resolve("p.factspan"))) {
            List<String> lines = Fixtures.export(store, Fixtures.EXPORT_TIME).lines().toList();

            assertEquals(List.of(
                    "{\"format\":\"factspan\",",
                    "\"version\":1,",
                    "\"exported\":\"2026-11-22T10:00:00Z\","), lines.subList(0, 3));
            assertEquals(5, lines.stream().filter(line -> line.startsWith("  {\"name\":") && line.contains("\"color\""))
                    .count());
            assertTrue(lines.contains("  {\"name\":\"source\",\"from\":[\"attribution\"],\"to\":[\"claim\",\"denial\"]},"),
                    "a link type on one line");
            assertEquals(2, lines.stream().filter(line -> line.startsWith("  {\"id\":\"doc-")).count());
            assertEquals(8, lines.stream().filter(line -> line.startsWith("    {\"id\":\"a-")).count());
            assertEquals("  {\"id\":\"a-emoji\",\"label\":\"denial\",\"start\":0,\"end\":1,\"quote\":\"\uD83D\uDCA5\","
                    + "\"annotator\":\"alice\",\"created\":\"2026-11-21T08:30:00.000Z\","
                    + "\"modified\":\"2026-11-21T08:45:12.345Z\",\"note\":\"just the emoji\"},",
                    lines.stream().filter(line -> line.contains("a-emoji")).findFirst().orElseThrow().substring(2));
            assertEquals("]}", lines.get(lines.size() - 1));
        }
    }

    static JsonSchema schema() throws IOException {
        try (InputStream in = JsonExporterTest.class.getResourceAsStream("/factspan/factspan-v1.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static JsonNode document(JsonNode export, String id) {
        for (JsonNode document : export.get("documents")) {
            if (document.get("id").textValue().equals(id)) {
                return document;
            }
        }
        throw new AssertionError("no document " + id + " in the export");
    }

    private static void assertAnnotation(JsonNode document, String id, int start, int end, String quote) {
        for (JsonNode annotation : document.get("annotations")) {
            if (annotation.get("id").textValue().equals(id)) {
                assertEquals(start, annotation.get("start").intValue(), id + " start");
                assertEquals(end, annotation.get("end").intValue(), id + " end");
                assertEquals(quote, annotation.get("quote").textValue(), id + " quote");
                return;
            }
        }
        throw new AssertionError("no annotation " + id + " in " + document.get("id"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
