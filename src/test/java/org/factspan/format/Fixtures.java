package org.factspan.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.Label;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;

/** Projects and exports the format tests share. */
final class Fixtures {

    static final Instant IMPORTED = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant CREATED = Instant.parse("2026-11-21T08:30:00Z");
    static final Instant MODIFIED = Instant.parse("2026-11-21T08:45:12.345Z");
    static final Clock EXPORT_TIME = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    /** Emoji before and inside spans, Cyrillic and Arabic, overlapping and nested spans. */
    static final String NEWS = "\uD83D\uDCA5 Mr Budanov said Russia helped Hamas \uD83D\uDCA5 twice.\n"
            + "Буданов: Россия помогла ХАМАС.\n"
            + "قال بودانوف إن روسيا ساعدت حماس.";
    /** "💥 abc": "abc" is [2, 5) in code points but [3, 6) in UTF-16 units. */
    static final String SHORT = "\uD83D\uDCA5 abc";

    private Fixtures() {
    }

    /**
     * A project with an extra label and two documents imported together (so the project lists them by title, as
     * any project does after an import), holding every arrangement of spans the model allows.
     */
    static ProjectStore sampleProject(Path file) {
        ProjectStore store = ProjectStore.create(file);
        store.addLabel(new Label("source", "#CC79A7", 5));
        Document news = addDocument(store, "doc-news", "Budanov \uD83D\uDCA5 interview", null, NEWS);
        annotate(store, news, "a-attribution", "attribution", "Mr Budanov", null);
        annotate(store, news, "a-claim", "claim", "Russia helped Hamas \uD83D\uDCA5", null);
        annotate(store, news, "a-nested", "claim", "Russia helped", null);
        annotate(store, news, "a-overlap", "evidence", "said Russia", "overlaps the claim");
        annotate(store, news, "a-cyrillic", "claim", "Россия помогла ХАМАС", "from the Telegram post");
        annotate(store, news, "a-arabic", "source", "روسيا ساعدت حماس", null);
        Document small = addDocument(store, "doc-short", "Short", "https://example.org/short", SHORT);
        annotate(store, small, "a-abc", "claim", "abc", null);
        annotate(store, small, "a-emoji", "denial", "\uD83D\uDCA5", "just the emoji");
        return store;
    }

    static Document addDocument(ProjectStore store, String id, String title, String source, String text) {
        return store.addDocumentIfAbsent(new Document(id, title, source, Sha256.hex(text), text, IMPORTED));
    }

    /** Annotates the first occurrence of {@code quote}, at offsets counted in code points. */
    static Annotation annotate(ProjectStore store, Document document, String id, String label, String quote,
                               String note) {
        String text = document.text();
        int utf16 = text.indexOf(quote);
        int start = text.codePointCount(0, utf16);
        int end = start + quote.codePointCount(0, quote.length());
        Annotation annotation = new Annotation(id, document.id(), label, start, end, quote, "alice", CREATED,
                MODIFIED, note);
        store.insert(annotation);
        return annotation;
    }

    static String export(ProjectStore store, Clock clock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonExporter(clock).export(store, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything a project holds, to compare before and after an import. */
    record Snapshot(List<Label> labels, List<DocumentSummary> documents, Map<String, String> texts,
                    Map<String, List<Annotation>> annotations) {

        static Snapshot of(ProjectStore store) {
            Map<String, String> texts = new LinkedHashMap<>();
            Map<String, List<Annotation>> annotations = new LinkedHashMap<>();
            for (DocumentSummary document : store.documents()) {
                texts.put(document.id(), store.document(document.id()).orElseThrow().text());
                annotations.put(document.id(), store.annotations(document.id()));
            }
            return new Snapshot(store.labels(), store.documents(), texts, annotations);
        }
    }
}
