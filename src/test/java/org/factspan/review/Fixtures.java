package org.factspan.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;

/**
 * Builds real project files from the small JSON of a review fixture, so that every scenario goes through
 * {@link ReviewSide#open} as a colleague's file would.
 *
 * <pre>{"documents": [{"title", "text", "annotations": [{"label", "start", "end", "quote"}]}]}</pre>
 * Offsets are code points, as everywhere; the store checks each quote against the text.
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WHEN = Instant.parse("2026-05-03T10:00:00Z");

    private Fixtures() {
    }

    static Path project(Path file, JsonNode side, String annotator) {
        try (ProjectStore store = ProjectStore.create(file)) {
            store.inTransaction(() -> {
                for (JsonNode d : side.get("documents")) {
                    String text = d.get("text").asText();
                    Document document = store.addDocumentIfAbsent(new Document(UUID.randomUUID().toString(),
                            d.get("title").asText(), null, Sha256.hex(text), text, WHEN));
                    for (JsonNode a : d.get("annotations")) {
                        store.insert(new Annotation(UUID.randomUUID().toString(), document.id(),
                                a.get("label").asText(), a.get("start").asInt(), a.get("end").asInt(),
                                a.get("quote").asText(), annotator, WHEN, WHEN, null));
                    }
                }
            });
        }
        return file;
    }

    static Path project(Path file, String json, String annotator) throws IOException {
        return project(file, JSON.readTree(json), annotator);
    }
}
