package org.factspan.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Provenance;
import org.factspan.model.Texts;
import org.factspan.model.Label;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;

/**
 * Merges a FactSpan JSON version 1 export ({@code docs/FORMATS.md}) into a project, all or nothing.
 *
 * <p><b>Merging.</b> Labels the project lacks are added; a label it has keeps the project's colour and key. A document
 * whose text (SHA-256) the project already holds is merged: its annotations attach to the project's document. Any other
 * document is added with its exported id and the import time. An annotation whose id the project holds with the same
 * content is skipped, so importing a file twice changes nothing; one whose id the project holds with other content is
 * refused. An annotation with a new id but the label and offsets of one the project has on that document is skipped
 * too: the project keeps its own.
 *
 * <p><b>Refusals.</b> Anything the project could not hold exactly as exported refuses the whole file with a
 * {@link FactSpanException} naming the file, the document and the annotation, and the project stays as it was.
 *
 * <p><b>Streaming.</b> Only one document is held as a tree at a time, so the file may be far larger than memory. This
 * is why {@code "format"}, {@code "version"} and {@code "labels"} must come before {@code "documents"}, as
 * {@link JsonExporter} writes them: a document is checked and stored as soon as it is read.
 */
public final class JsonImporter {

    /** Above the largest document text FactSpan takes (50 MB); Jackson's default stops at 20 MB. */
    private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final Clock clock;

    /** @param clock gives the imported time of the documents an import adds */
    public JsonImporter(Clock clock) {
        this.clock = clock;
    }

    /** Imports the export in {@code file} into {@code store}; see the class comment for what merging means. */
    public ImportResult importFile(Path file, ProjectStore store) {
        try (InputStream in = Files.newInputStream(file)) {
            return importFrom(in, file.toString(), store);
        } catch (NoSuchFileException e) {
            throw new FactSpanException("There is no file " + file + " to import.", e);
        } catch (IOException e) {
            throw new FactSpanException("Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * Imports the export read from {@code in} into {@code store}. Does not close {@code in}.
     *
     * @param name names the input in messages, usually its file name
     */
    public ImportResult importFrom(InputStream in, String name, ProjectStore store) {
        Run run = new Run(name, store, clock.instant());
        store.inTransaction(() -> run.read(in));
        return run.result();
    }

    /** The state of one import: what the file has declared so far and what has been counted. */
    private static final class Run {

        private final String name;
        private final ProjectStore store;
        private final Instant imported;
        private final Set<String> labels = new HashSet<>();
        private boolean formatSeen;
        private boolean versionSeen;
        private boolean exportedSeen;
        private boolean labelsSeen;
        private boolean documentsSeen;
        /** 1-based position of the document being read, 0 outside the documents, for syntax errors. */
        private int documentNumber;
        private int labelsAdded;
        private int documentsAdded;
        private int documentsMerged;
        private int annotationsAdded;
        private int annotationsUnchanged;
        private int annotationsDuplicate;

        Run(String name, ProjectStore store, Instant imported) {
            this.name = name;
            this.store = store;
            this.imported = imported;
            store.labels().forEach(label -> labels.add(label.name()));
        }

        ImportResult result() {
            return new ImportResult(labelsAdded, documentsAdded, documentsMerged, annotationsAdded,
                    annotationsUnchanged, annotationsDuplicate);
        }

        void read(InputStream in) {
            try (JsonParser json = JSON.createParser(in)) {
                json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
                readExport(json);
            } catch (JsonEOFException e) {
                throw new FactSpanException(name + " ends in the middle of the JSON" + inDocument() + " at "
                        + position(e.getLocation()) + "; the file looks truncated.", e);
            } catch (StreamConstraintsException e) {
                throw new FactSpanException(name + " holds a value larger than FactSpan reads" + inDocument() + ": "
                        + sentence(e.getOriginalMessage()), e);
            } catch (StreamReadException e) {
                throw new FactSpanException(name + " is not valid JSON" + inDocument() + " at "
                        + position(e.getLocation()) + ": " + sentence(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new FactSpanException("Could not read " + name + ": " + e.getMessage() + ".", e);
            }
        }

        private void readExport(JsonParser json) throws IOException {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new FactSpanException(name + " is not a FactSpan export: it holds "
                        + (first == null ? "nothing" : kind(json.readValueAsTree())) + ", not a JSON object.");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "format" -> readFormat(json.readValueAsTree());
                    case "version" -> readVersion(json.readValueAsTree());
                    case "exported" -> {
                        instant(json.readValueAsTree(), "exported", "In " + name + ", the export");
                        exportedSeen = true;
                    }
                    case "labels" -> readLabels(json);
                    case "documents" -> readDocuments(json);
                    default -> json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                throw new FactSpanException(name + " goes on after the end of the export at "
                        + position(json.currentTokenLocation()) + ".");
            }
            requireHeader("");
            requirePresent(exportedSeen, "exported");
            requirePresent(labelsSeen, "labels");
            requirePresent(documentsSeen, "documents");
        }

        private void readFormat(JsonNode format) {
            if (!format.isTextual() || !format.textValue().equals(JsonExporter.FORMAT)) {
                throw new FactSpanException(name + " is not a FactSpan export: its \"format\" is " + kind(format)
                        + ", not \"" + JsonExporter.FORMAT + "\".");
            }
            formatSeen = true;
        }

        private void readVersion(JsonNode version) {
            if (!version.isInt()) {
                throw new FactSpanException(name + " has the version " + kind(version) + ", which is not a version"
                        + " number; this FactSpan reads FactSpan JSON version " + JsonExporter.VERSION + ".");
            }
            if (version.intValue() != JsonExporter.VERSION) {
                throw new FactSpanException(name + " is FactSpan JSON version " + version.intValue()
                        + ", but this FactSpan reads version " + JsonExporter.VERSION + " only.");
            }
            versionSeen = true;
        }

        /**
         * Refuses a file whose format or version is missing, or comes after {@code before} (for instance
         * {@code " before its labels"}): what follows them cannot be read without knowing them.
         */
        private void requireHeader(String before) {
            if (!formatSeen) {
                throw new FactSpanException(name + " is not a FactSpan export: it has no \"format\": \""
                        + JsonExporter.FORMAT + "\"" + before + ".");
            }
            if (!versionSeen) {
                throw new FactSpanException(name + " has no \"version\"" + before
                        + "; this FactSpan reads FactSpan JSON version " + JsonExporter.VERSION + ".");
            }
        }

        private void requirePresent(boolean seen, String field) {
            if (!seen) {
                throw new FactSpanException(name + " has no \"" + field + "\"; a FactSpan export needs it.");
            }
        }

        // ---- labels -----------------------------------------------------------------------------------------------

        private void readLabels(JsonParser json) throws IOException {
            requireHeader(" before its labels");
            expectArray(json, "labels");
            int number = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                number++;
                String where = "In " + name + ", label " + number;
                JsonNode node = object(json.readValueAsTree(), where);
                String labelName = string(node, "name", where);
                String color = string(node, "color", where);
                int key = node.has("key") ? integer(node, "key", where) : 0;
                Label label;
                try {
                    label = new Label(labelName, color, key);
                } catch (FactSpanException e) {
                    throw new FactSpanException(where + ": " + e.getMessage(), e);
                }
                if (labels.add(label.name())) {
                    store.addLabel(label);
                    labelsAdded++;
                }
            }
            labelsSeen = true;
        }

        // ---- documents --------------------------------------------------------------------------------------------

        private void readDocuments(JsonParser json) throws IOException {
            requireHeader(" before its documents");
            if (!labelsSeen) {
                throw new FactSpanException(name + " has no \"labels\" before its documents; FactSpan reads the"
                        + " labels first, as it writes them.");
            }
            expectArray(json, "documents");
            while (json.nextToken() != JsonToken.END_ARRAY) {
                documentNumber++;
                readDocument(json.readValueAsTree());
            }
            documentNumber = 0;
            documentsSeen = true;
        }

        private void readDocument(JsonNode node) {
            String where = "In " + name + ", document " + documentName(node);
            object(node, where);
            String id = string(node, "id", where);
            String title = string(node, "title", where);
            String source = nullableString(node, "source", where);
            String sha256 = string(node, "sha256", where);
            String text = string(node, "text", where);
            if (text.indexOf('\r') >= 0) {
                throw new FactSpanException(where + ": its text contains a carriage return, but FactSpan texts end"
                        + " their lines with LF only, so its offsets would not be FactSpan's.");
            }
            JsonNode annotations = node.get("annotations");
            if (annotations == null || !annotations.isArray()) {
                throw new FactSpanException(where + (annotations == null ? " has no \"annotations\"."
                        : ": its \"annotations\" is " + kind(annotations) + ", not an array."));
            }
            String actual = Sha256.hex(text);
            if (!actual.equals(sha256)) {
                throw new FactSpanException(where + ": its \"sha256\" " + abbreviate(sha256)
                        + " is not the SHA-256 of its text (" + actual + "), so the text or the hash was changed after"
                        + " the export.");
            }
            Optional<Document> existing = store.documentBySha256(sha256);
            Document document;
            if (existing.isPresent()) {
                document = existing.get();
                documentsMerged++;
            } else {
                try {
                    document = store.addDocumentIfAbsent(new Document(id, title, source, sha256, text, imported));
                } catch (FactSpanException e) {
                    throw new FactSpanException(where + ": " + e.getMessage(), e);
                }
                documentsAdded++;
            }
            readAnnotations(annotations, document, where);
            readComments(node.get("comments"), document, where);
        }

        /** Comments are optional (a project never reviewed has none); one with an id the project has is skipped. */
        private void readComments(JsonNode comments, Document document, String documentWhere) {
            if (comments == null || comments.isNull()) {
                return;
            }
            if (!comments.isArray()) {
                throw wrongType(comments, "comments", "an array", documentWhere);
            }
            Set<String> known = new HashSet<>();
            store.comments(document.id()).forEach(c -> known.add(c.id()));
            int number = 0;
            for (JsonNode node : comments) {
                number++;
                String where = documentWhere + ", comment " + annotationName(node, number);
                object(node, where);
                String text = string(node, "text", where);
                if (text.isBlank()) {
                    throw new FactSpanException(where + " has no text.");
                }
                Comment comment = new Comment(string(node, "id", where), document.id(), string(node, "target", where),
                        string(node, "author", where), instant(node.get("created"), "created", where), text);
                if (known.add(comment.id())) {
                    store.putComment(comment);
                }
            }
        }

        /** Where an annotation accepted in a review came from; optional. */
        private void readProvenance(JsonNode node, Annotation annotation, String where) {
            JsonNode provenance = node.get("provenance");
            if (provenance == null || provenance.isNull()) {
                return;
            }
            String inside = where + ", its provenance";
            object(provenance, inside);
            store.setProvenance(annotation.id(), new Provenance(string(provenance, "accepted_from", inside),
                    string(provenance, "accepted_by", inside),
                    instant(provenance.get("accepted_at"), "accepted_at", inside)));
        }

        private void readAnnotations(JsonNode annotations, Document document, String documentWhere) {
            Map<Position, String> inFile = new HashMap<>();
            Set<Position> inProject = new HashSet<>();
            store.annotations(document.id()).forEach(a -> inProject.add(Position.of(a)));
            CodePointIndex text = document.index();
            int number = 0;
            for (JsonNode node : annotations) {
                number++;
                String where = documentWhere + ", annotation " + annotationName(node, number);
                object(node, where);
                Annotation annotation = new Annotation(string(node, "id", where), document.id(),
                        string(node, "label", where), integer(node, "start", where), integer(node, "end", where),
                        string(node, "quote", where), string(node, "annotator", where),
                        instant(node.get("created"), "created", where), instant(node.get("modified"), "modified", where),
                        nullableString(node, "note", where));
                if (!labels.contains(annotation.label())) {
                    throw new FactSpanException(where + " has the label \"" + abbreviate(annotation.label())
                            + "\", which neither the file's labels nor the project has.");
                }
                try {
                    annotation.checkAgainst(text);
                } catch (FactSpanException e) {
                    throw new FactSpanException(documentWhere + ": " + e.getMessage(), e);
                }
                Position position = Position.of(annotation);
                String twin = inFile.putIfAbsent(position, annotation.id());
                if (twin != null) {
                    throw new FactSpanException(where + " has the same label and offsets (" + annotation.label() + " "
                            + annotation.span() + ") as annotation " + twin + " of the same document in the file.");
                }
                if (store(annotation, inProject.contains(position), where)) {
                    readProvenance(node, annotation, where);
                }
            }
        }

        /** Returns whether the annotation was added. */
        private boolean store(Annotation annotation, boolean positionTaken, String where) {
            Optional<Annotation> existing = store.annotation(annotation.id());
            if (existing.isPresent()) {
                if (!existing.get().equals(annotation)) {
                    throw new FactSpanException(where + " differs from the project's annotation with that id (in its "
                            + differences(existing.get(), annotation) + "); FactSpan does not overwrite it.");
                }
                annotationsUnchanged++;
                return false;
            }
            if (positionTaken) {
                annotationsDuplicate++;
                return false;
            }
            try {
                store.insert(annotation);
            } catch (FactSpanException e) {
                throw new FactSpanException(where + ": " + e.getMessage(), e);
            }
            annotationsAdded++;
            return true;
        }

        // ---- reading fields ---------------------------------------------------------------------------------------

        private static JsonNode object(JsonNode node, String where) {
            if (!node.isObject()) {
                throw new FactSpanException(where + " is " + kind(node) + ", not a JSON object.");
            }
            return node;
        }

        private void expectArray(JsonParser json, String field) throws IOException {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                JsonNode value = json.readValueAsTree();
                throw new FactSpanException("In " + name + ", \"" + field + "\" is " + kind(value) + ", not an array.");
            }
        }

        private static String string(JsonNode node, String field, String where) {
            JsonNode value = required(node, field, where);
            if (!value.isTextual()) {
                throw wrongType(value, field, "a string", where);
            }
            return wholeCharacters(value.textValue(), field, where);
        }

        private static String nullableString(JsonNode node, String field, String where) {
            JsonNode value = required(node, field, where);
            if (!value.isTextual() && !value.isNull()) {
                throw wrongType(value, field, "a string or null", where);
            }
            return value.isNull() ? null : wholeCharacters(value.textValue(), field, where);
        }

        /**
         * Refuses half of a surrogate pair, which a JSON escape can write but which is no character: the project keeps
         * UTF-8, where it would become "?", so the import would silently change the value and a second import of the
         * same file would be refused as differing from the first.
         */
        private static String wholeCharacters(String s, String field, String where) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new FactSpanException(where + ": its \"" + field + "\" holds half of a surrogate pair ("
                            + String.format(Locale.ROOT, "\\u%04x", (int) c) + " at character " + s.codePointCount(0, i)
                            + "), which is no character.");
                }
            }
            return s;
        }

        private static int integer(JsonNode node, String field, String where) {
            JsonNode value = required(node, field, where);
            if (!value.isIntegralNumber()) {
                throw wrongType(value, field, "a whole number", where);
            }
            if (!value.canConvertToInt()) {
                throw wrongType(value, field, "a whole number FactSpan can hold (" + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE + ")", where);
            }
            return value.intValue();
        }

        private static Instant instant(JsonNode value, String field, String where) {
            if (value == null) {
                throw new FactSpanException(where + " has no \"" + field + "\".");
            }
            if (!value.isTextual()) {
                throw wrongType(value, field, "an ISO-8601 time", where);
            }
            try {
                // Milliseconds are what a project keeps; cutting here makes a second import of the same file compare
                // equal to the first instead of "differing" in digits the project never stored.
                return Instant.parse(value.textValue()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                throw new FactSpanException(where + ": its \"" + field + "\" " + kind(value)
                        + " is not an ISO-8601 time such as 2026-11-22T10:00:00Z.", e);
            }
        }

        private static JsonNode required(JsonNode node, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null) {
                throw new FactSpanException(where + " has no \"" + field + "\".");
            }
            return value;
        }

        private static FactSpanException wrongType(JsonNode value, String field, String expected, String where) {
            return new FactSpanException(where + ": its \"" + field + "\" is " + kind(value) + ", not " + expected
                    + ".");
        }

        // ---- naming things in messages ----------------------------------------------------------------------------

        private String inDocument() {
            return documentNumber == 0 ? "" : " (in document " + documentNumber + " of the file)";
        }

        private String documentName(JsonNode node) {
            JsonNode title = node.get("title");
            JsonNode id = node.get("id");
            if (title != null && title.isTextual()) {
                return "\"" + abbreviate(title.textValue()) + "\"" + (id != null && id.isTextual()
                        ? " (" + abbreviate(id.textValue()) + ")" : "");
            }
            return id != null && id.isTextual() ? abbreviate(id.textValue()) : "number " + documentNumber;
        }

        private static String annotationName(JsonNode node, int number) {
            JsonNode id = node.get("id");
            return id != null && id.isTextual() ? abbreviate(id.textValue()) : "number " + number;
        }

        /** The fields in which two versions of one annotation differ, for the user to find the change. */
        private static String differences(Annotation project, Annotation file) {
            List<Function<Annotation, Object>> fields = List.of(Annotation::documentId, Annotation::label,
                    Annotation::span, Annotation::quote, Annotation::annotator, Annotation::created,
                    Annotation::modified, Annotation::note);
            List<String> names = List.of("document", "label", "offsets", "quote", "annotator", "created", "modified",
                    "note");
            StringBuilder differing = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                if (!Objects.equals(fields.get(i).apply(project), fields.get(i).apply(file))) {
                    differing.append(differing.isEmpty() ? "" : ", ").append(names.get(i));
                }
            }
            return differing.toString();
        }

        private static String kind(JsonNode value) {
            if (value.isTextual()) {
                return "\"" + abbreviate(value.textValue()) + "\"";
            }
            if (value.isObject()) {
                return "an object";
            }
            if (value.isArray()) {
                return "an array";
            }
            return value.toString();
        }

        private static String position(JsonLocation location) {
            return "line " + location.getLineNr() + ", column " + location.getColumnNr();
        }

        /**
         * Jackson's messages lack the full stop that ours end with, and quote the input as it is: a field name with an
         * escaped line break would break the sentence in two.
         */
        private static String sentence(String s) {
            String line = Texts.oneLine(s);
            return line.endsWith(".") ? line : line + ".";
        }

        private static String abbreviate(String s) {
            return Texts.abbreviate(s, 60);
        }
    }

    /** What makes two annotations of one document the same span: label and offsets. */
    private record Position(String label, int start, int end) {

        static Position of(Annotation annotation) {
            return new Position(annotation.label(), annotation.start(), annotation.end());
        }
    }
}
