package org.factspan.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.Provenance;
import org.factspan.model.Timestamps;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.store.Snapshot;

/**
 * Writes a whole project as FactSpan JSON version 1 ({@code docs/FORMATS.md}; schema
 * {@code /factspan/factspan-v1.schema.json}).
 *
 * <p>The export reads one {@link Snapshot} of the project: what other programs commit meanwhile is not in it, so the
 * file is always one consistent state that imports again.
 *
 * <p>The export streams: documents are read a few at a time ({@link PrefetchingReader}, on other threads) and
 * annotation rows go from SQLite to the output as stored UTF-8 bytes without becoming objects, so a project of a
 * million annotations exports in bounded memory and in about the time SQLite's own JSON output takes
 * (docs/benchmarks.md).
 *
 * <p>Layout: each label, each document and each annotation starts a line of its own and nothing else is indented
 * or spaced. Line-oriented tools ({@code diff}, {@code grep}, a review in git) then see one annotation per line, at a
 * cost of a few bytes per annotation, where Jackson's default pretty printer would spend about a hundred (a line per
 * field) and grow a million-annotation export by a hundred megabytes.
 */
public final class JsonExporter {

    /** The value of {@code "format"}. */
    static final String FORMAT = "factspan";
    /** The value of {@code "version"}: the one this class writes and {@link JsonImporter} reads. */
    static final int VERSION = 1;

    /**
     * Writes characters outside the Basic Multilingual Plane (emoji) as themselves: Jackson 2 otherwise writes them as
     * two escaped surrogate halves, which is valid JSON but unreadable and invisible to {@code grep}.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString LABEL = new SerializedString("label");
    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString END = new SerializedString("end");
    private static final SerializedString QUOTE = new SerializedString("quote");
    private static final SerializedString ANNOTATOR = new SerializedString("annotator");
    private static final SerializedString CREATED = new SerializedString("created");
    private static final SerializedString MODIFIED = new SerializedString("modified");
    private static final SerializedString NOTE = new SerializedString("note");

    private static final byte[] LINE = "\n    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COMMA_LINE = ",\n    ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Clock clock;

    /** @param clock gives the {@code "exported"} time */
    public JsonExporter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes every label, document and annotation of {@code store} to {@code out} as UTF-8, and flushes it. Does not
     * close {@code out}.
     *
     * @throws FactSpanException if writing fails
     */
    public void export(ProjectStore project, OutputStream out) {
        try (Snapshot snapshot = snapshot(project)) {
            export(snapshot, out, progress -> { });
        }
    }

    /**
     * Opens the state of {@code project} that {@link #export(Snapshot, OutputStream, DoubleConsumer)} writes. The
     * window opens it on its own thread and exports on another: a store is used by one thread only, and the snapshot's
     * views are stores of their own.
     */
    public static Snapshot snapshot(ProjectStore project) {
        return project.snapshot(PrefetchingReader.threads());
    }

    /**
     * As {@link #export(ProjectStore, OutputStream)}, from a snapshot opened by {@link #snapshot}, which stays open;
     * {@code progress} hears the share of documents written, from 0 to 1, on the calling thread.
     */
    public void export(Snapshot snapshot, OutputStream out, DoubleConsumer progress) {
        ProjectStore store = snapshot.main();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new OneItemPerLine());
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("exported", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeArrayFieldStart("labels");
            for (Label label : store.labels()) {
                json.writeStartObject();
                json.writeStringField("name", label.name());
                json.writeStringField("color", label.color());
                json.writeNumberField("key", label.key());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("link_types");
            for (LinkType type : store.linkTypes()) {
                json.writeStartObject();
                json.writeStringField("name", type.name());
                // Raw, so that the layout's line per array element does not spread one type over several lines.
                json.writeFieldName("from");
                json.writeRawValue(compact(type.from()));
                json.writeFieldName("to");
                json.writeRawValue(compact(type.to()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("documents");
            List<DocumentSummary> summaries = store.documents();
            try (PrefetchingReader documents = new PrefetchingReader(store, snapshot.readers(), summaries,
                    JsonExporter::annotationLines)) {
                int written = 0;
                for (PrefetchingReader.Item item = documents.next(); item != null; item = documents.next()) {
                    writeDocument(item, json, out);
                    progress.accept(++written / (double) summaries.size());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new FactSpanException("Could not write the export of the project " + store.path() + ": "
                    + e.getMessage() + ".", e);
        }
    }

    private static String compact(java.util.List<String> labels) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (String label : labels) {
                json.writeString(label);
            }
            json.writeEndArray();
        }
        return text.toString();
    }

    private static void writeDocument(PrefetchingReader.Item item, JsonGenerator json, OutputStream out)
            throws IOException {
        Document document = item.document();
        json.writeStartObject();
        json.writeStringField("id", document.id());
        json.writeStringField("title", document.title());
        json.writeStringField("source", document.source());
        json.writeStringField("sha256", document.sha256());
        json.writeStringField("text", document.text());
        json.writeArrayFieldStart("annotations");
        // The annotation lines were rendered by the reader threads; they go straight to the stream, between the
        // brackets this generator writes. The generator thinks the array empty, so the line break before the
        // closing bracket is written here.
        json.flush();
        boolean[] any = {false};
        item.annotations(text -> {
            out.write(text);
            any[0] = true;
        });
        if (any[0]) {
            json.writeRaw("\n  ");
        }
        json.writeEndArray();
        if (!item.links().isEmpty()) {
            json.writeArrayFieldStart("links");
            for (Link link : item.links()) {
                json.writeStartObject();
                json.writeStringField("id", link.id());
                json.writeStringField("type", link.type());
                json.writeStringField("from", link.from());
                json.writeStringField("to", link.to());
                json.writeStringField("annotator", link.annotator());
                json.writeStringField("created", Timestamps.format(link.created()));
                json.writeStringField("modified", Timestamps.format(link.modified()));
                json.writeStringField("note", link.note());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!item.comments().isEmpty()) {
            json.writeArrayFieldStart("comments");
            for (Comment comment : item.comments()) {
                json.writeStartObject();
                json.writeStringField("id", comment.id());
                json.writeStringField("target", comment.target());
                json.writeStringField("author", comment.author());
                json.writeStringField("created", Timestamps.format(comment.created()));
                json.writeStringField("text", comment.text());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** The fields of an annotation, in the order of the rows of {@link ProjectStore#scanAnnotationChunks}. */
    private static final SerializedString[] FIELDS = {ID, LABEL, START, END, QUOTE, ANNOTATOR, CREATED, MODIFIED, NOTE};

    /**
     * Renders one chunk of rows as annotation lines of this layout - each starting a line indented four spaces, the
     * first of a document without a comma before it - copying each value from the parser to a generator without
     * making a string of it. Runs on the reader threads.
     */
    static byte[] annotationLines(byte[] chunk, Map<String, Provenance> provenance, boolean first)
            throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(chunk.length + chunk.length / 2);
        text.write(first ? LINE : COMMA_LINE);
        try (JsonParser rows = ProjectStore.chunkParser(chunk);
             JsonGenerator json = JSON.createGenerator(text, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new MinimalPrettyPrinter(",\n    "));
            rows.nextToken();
            while (rows.nextToken() == JsonToken.START_ARRAY) {
                json.writeStartObject();
                String id = null;
                for (SerializedString field : FIELDS) {
                    rows.nextToken();
                    if (field == ID && !provenance.isEmpty()) {
                        id = rows.getText();
                    }
                    json.writeFieldName(field);
                    json.copyCurrentEvent(rows);
                }
                rows.nextToken();
                Provenance accepted = id == null ? null : provenance.get(id);
                if (accepted != null) {
                    json.writeObjectFieldStart("provenance");
                    json.writeStringField("accepted_from", accepted.acceptedFrom());
                    json.writeStringField("accepted_by", accepted.acceptedBy());
                    json.writeStringField("accepted_at", Timestamps.format(accepted.acceptedAt()));
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
        }
        return text.toByteArray();
    }

    /**
     * Starts every array element on a new line, indented by two spaces per enclosing array, and every top-level field
     * too; writes everything else compactly. The format has three arrays (labels, documents, annotations), each a list
     * of objects, so that is one label, document or annotation per line.
     */
    private static final class OneItemPerLine implements PrettyPrinter {

        @Override
        public void writeRootValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator json) throws IOException {
            json.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator json) {
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(':');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator json) throws IOException {
            json.writeRaw(json.getOutputContext().getParent().inRoot() ? ",\n" : ",");
        }

        @Override
        public void writeEndObject(JsonGenerator json, int entries) throws IOException {
            json.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator json) throws IOException {
            json.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator json) throws IOException {
            newLine(json, arrayDepth(json));
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(',');
            newLine(json, arrayDepth(json));
        }

        @Override
        public void writeEndArray(JsonGenerator json, int values) throws IOException {
            if (values > 0) {
                newLine(json, arrayDepth(json) - 1);
            }
            json.writeRaw(']');
        }

        private static int arrayDepth(JsonGenerator json) {
            int depth = 0;
            for (JsonStreamContext context = json.getOutputContext(); context != null; context = context.getParent()) {
                if (context.inArray()) {
                    depth++;
                }
            }
            return depth;
        }

        private static void newLine(JsonGenerator json, int depth) throws IOException {
            json.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                json.writeRaw("  ");
            }
        }
    }
}
