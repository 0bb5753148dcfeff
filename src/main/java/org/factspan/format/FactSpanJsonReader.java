package org.factspan.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.factspan.model.CodePointIndex;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.ProjectContent;
import org.factspan.model.ProjectContent.DocumentContent;
import org.factspan.model.Provenance;
import org.factspan.model.Texts;
import org.factspan.model.Timestamps;
import org.factspan.text.LineEnds;
import org.factspan.text.Sha256;

/**
 * Reads a FactSpan JSON version 1 export ({@code ../shared/docs/FORMATS.md}, schema {@code factspan-v1.schema.json})
 * into {@link ProjectContent}, refusing with a
 * {@link FactSpanException} naming the file, the document and the annotation anything the file cannot hold by itself:
 * bad JSON, a missing or mistyped field, a hash that is not its text's, a quote that is not at its offsets, an id or
 * a label and offsets used twice, a link between annotations the document does not have. Whether the content fits a
 * project is {@link ContentWriter}'s to check.
 *
 * <p>It is over 400 lines because each section of the format (header, labels, link types, documents, annotations,
 * links, comments) has its own checks and its own sentences, and they share the state of one read (what was seen,
 * where the reader is, for messages); splitting them would pass that state around instead.
 *
 * <p><b>Streaming.</b> {@link #read(InputStream, String, Sink)} hands each document over as soon as it is read and
 * holds only that one in memory, so an import may be far larger than memory; this is why {@code "format"},
 * {@code "version"} and {@code "labels"} must come before {@code "documents"}, as {@link JsonExporter} writes them.
 *
 * <p><b>Line ends.</b> FactSpan texts end their lines with LF. For an import a text with a CR is refused: the project
 * would store offsets that are not FactSpan's. For a review ({@link #carryingLineEnds}) a colleague's text with CRLF or
 * CR line ends, with offsets counted on it (as another tool writing FactSpan JSON may count them), is read with LF line
 * ends: its {@code sha256}, when it is the hash of the original text, becomes the hash of the new one, and each
 * annotation whose quote is the original text at its offsets gets the offsets {@link LineEnds#map} gives and the LF
 * text there as its quote. Everything else is read as it is and checked on the LF text, so a hash that was not the
 * text's or a quote that was not at its offsets is refused in the same words as in an import.
 */
public final class FactSpanJsonReader {

    /** Above the largest document text FactSpan takes (50 MB); Jackson's default stops at 20 MB. */
    private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** Receives what a file holds in the file's order: the labels once, then each document. */
    public interface Sink {

        void labels(List<Label> labels);

        /** The file's link types, when it has them (before its documents). */
        default void linkTypes(List<LinkType> linkTypes) {
        }

        void document(DocumentContent document);
    }

    private final Clock clock;
    private final boolean carryLineEnds;

    private FactSpanJsonReader(Clock clock, boolean carryLineEnds) {
        this.clock = clock;
        this.carryLineEnds = carryLineEnds;
    }

    /** A reader for an import: a text with a CR is refused. {@code clock} gives the documents' imported time. */
    public static FactSpanJsonReader refusingCarriageReturns(Clock clock) {
        return new FactSpanJsonReader(clock, false);
    }

    /** A reader for a review: texts with CRLF or CR line ends are read with LF ones, offsets carried over. */
    public static FactSpanJsonReader carryingLineEnds(Clock clock) {
        return new FactSpanJsonReader(clock, true);
    }

    /** Reads the whole export in {@code file} into memory. */
    public ProjectContent readFile(Path file) {
        List<Label> labels = new ArrayList<>();
        List<LinkType> linkTypes = new ArrayList<>();
        List<DocumentContent> documents = new ArrayList<>();
        reading(file, in -> {
            read(in, file.toString(), new Sink() {
                @Override
                public void labels(List<Label> read) {
                    labels.addAll(read);
                }

                @Override
                public void linkTypes(List<LinkType> read) {
                    linkTypes.addAll(read);
                }

                @Override
                public void document(DocumentContent document) {
                    documents.add(document);
                }
            });
            return null;
        });
        return new ProjectContent(labels, linkTypes, documents);
    }

    /** Runs {@code work} on {@code file}'s bytes; a file that cannot be opened is refused in one sentence. */
    static <T> T reading(Path file, Function<InputStream, T> work) {
        try (InputStream in = Files.newInputStream(file)) {
            return work.apply(in);
        } catch (NoSuchFileException e) {
            throw new FactSpanException("There is no file " + file + " to import.", e);
        } catch (IOException e) {
            throw new FactSpanException("Could not read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * Reads the export from {@code in}, handing its content to {@code sink} as it goes. Does not close {@code in}.
     *
     * @param name names the input in messages, usually its file name
     */
    public void read(InputStream in, String name, Sink sink) {
        new Run(name, sink, Timestamps.now(clock), carryLineEnds).read(in);
    }

    /** The state of one reading: what the file has declared so far. */
    private static final class Run {

        private final String name;
        private final Sink sink;
        private final Instant imported;
        private final boolean carryLineEnds;
        private final Set<String> labels = new HashSet<>();
        /** Where in the file each annotation id was first used. */
        private final Map<String, Place> annotationIds = new HashMap<>();
        private boolean formatSeen;
        private boolean versionSeen;
        private boolean exportedSeen;
        private boolean labelsSeen;
        private boolean documentsSeen;
        /** 1-based position of the document being read, 0 outside the documents, for syntax errors. */
        private int documentNumber;

        Run(String name, Sink sink, Instant imported, boolean carryLineEnds) {
            this.name = name;
            this.sink = sink;
            this.imported = imported;
            this.carryLineEnds = carryLineEnds;
        }

        void read(InputStream in) {
            try (JsonParser json = JSON.createParser(in)) {
                json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
                try {
                    readExport(json);
                } catch (StreamConstraintsException e) {
                    throw beyondLimits(json, e);
                }
            } catch (JsonEOFException e) {
                throw new FactSpanException(name + " ends in the middle of the JSON" + inDocument() + " at "
                        + position(e.getLocation()) + "; the file looks truncated.", e);
            } catch (StreamReadException e) {
                throw new FactSpanException(name + " is not valid JSON" + inDocument() + " at "
                        + position(e.getLocation()) + ": " + sentence(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new FactSpanException("Could not read " + name + ": " + e.getMessage() + ".", e);
            }
        }

        /**
         * Jackson's own words for a limit name its classes and methods, which mean nothing to a user; the parser's
         * depth tells a nesting too deep for it from a value too long.
         */
        private FactSpanException beyondLimits(JsonParser json, StreamConstraintsException e) {
            String at = inDocument() + " at " + position(json.currentTokenLocation());
            int maxDepth = json.streamReadConstraints().getMaxNestingDepth();
            if (json.getParsingContext().getNestingDepth() > maxDepth) {
                return new FactSpanException(name + " holds JSON nested more than " + maxDepth + " levels deep" + at
                        + ", deeper than FactSpan reads; a FactSpan export is only a few levels deep.", e);
            }
            return new FactSpanException(name + " holds a text, name or number longer than FactSpan reads" + at + ".",
                    e);
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
                    case "link_types" -> readLinkTypes(json);
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
            List<Label> read = new ArrayList<>();
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
                    read.add(label);
                }
            }
            labelsSeen = true;
            sink.labels(read);
        }

        // ---- link types -------------------------------------------------------------------------------------------

        private void readLinkTypes(JsonParser json) throws IOException {
            requireHeader(" before its link types");
            if (documentsSeen) {
                throw new FactSpanException(name + " has its \"link_types\" after its documents; FactSpan reads them"
                        + " first, as it writes them.");
            }
            expectArray(json, "link_types");
            List<LinkType> read = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int number = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                number++;
                String where = "In " + name + ", link type " + number;
                JsonNode node = object(json.readValueAsTree(), where);
                LinkType type;
                try {
                    type = new LinkType(string(node, "name", where), strings(node, "from", where),
                            strings(node, "to", where));
                } catch (FactSpanException e) {
                    throw new FactSpanException(where + ": " + e.getMessage(), e);
                }
                if (!names.add(type.name())) {
                    throw new FactSpanException(where + " is named " + type.name() + ", as an earlier one is.");
                }
                for (String label : concat(type.from(), type.to())) {
                    if (!labels.contains(label)) {
                        throw new FactSpanException(where + " (" + type.name() + ") names the label \"" + label
                                + "\", which the file's labels do not have.");
                    }
                }
                read.add(type);
            }
            sink.linkTypes(read);
        }

        private static List<String> strings(JsonNode node, String field, String where) {
            JsonNode value = required(node, field, where);
            if (!value.isArray()) {
                throw wrongType(value, field, "an array of label names", where);
            }
            List<String> read = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw wrongType(item, field, "an array of label names", where);
                }
                read.add(item.textValue());
            }
            return read;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
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
                sink.document(readDocument(json.readValueAsTree()));
            }
            documentNumber = 0;
            documentsSeen = true;
        }

        private DocumentContent readDocument(JsonNode node) {
            String documentName = documentName(node);
            String where = "In " + name + ", document " + documentName;
            object(node, where);
            String id = string(node, "id", where);
            String title = string(node, "title", where);
            String source = nullableString(node, "source", where);
            String sha256 = string(node, "sha256", where);
            String text = string(node, "text", where);
            LineEnds lineEnds = null;
            if (text.indexOf('\r') >= 0) {
                if (!carryLineEnds) {
                    throw new FactSpanException(where + ": its text contains a carriage return, but FactSpan texts"
                            + " end their lines with LF only, so its offsets would not be FactSpan's.");
                }
                lineEnds = LineEnds.of(text);
                if (Sha256.hex(text).equals(sha256)) {
                    sha256 = Sha256.hex(lineEnds.text());
                }
            }
            JsonNode annotations = node.get("annotations");
            if (annotations == null || !annotations.isArray()) {
                throw new FactSpanException(where + (annotations == null ? " has no \"annotations\"."
                        : ": its \"annotations\" is " + kind(annotations) + ", not an array."));
            }
            Document document = new Document(id, title, source, sha256, lineEnds == null ? text : lineEnds.text(),
                    imported);
            String actual = Sha256.hex(document.text());
            if (!actual.equals(sha256)) {
                throw new FactSpanException(where + ": its \"sha256\" " + abbreviate(sha256)
                        + " is not the SHA-256 of its text (" + actual + "), so the text or the hash was changed after"
                        + " the export.");
            }
            Map<String, Provenance> provenance = new LinkedHashMap<>();
            List<Annotation> read = readAnnotations(annotations, document, documentName, where,
                    lineEnds == null ? null : new CarriedOffsets(new CodePointIndex(text), lineEnds), provenance);
            return new DocumentContent(document, read, provenance, readComments(node.get("comments"), id, where),
                    readLinks(node.get("links"), read, id, where));
        }

        /**
         * Links are optional (an export of FactSpan before links has none). Each joins two annotations of its document
         * in the file; whether its type allows their labels is for the writer, which knows the project's types too.
         */
        private List<Link> readLinks(JsonNode links, List<Annotation> annotations, String documentId,
                                     String documentWhere) {
            if (links == null || links.isNull()) {
                return List.of();
            }
            if (!links.isArray()) {
                throw wrongType(links, "links", "an array", documentWhere);
            }
            Set<String> ids = new HashSet<>();
            annotations.forEach(a -> ids.add(a.id()));
            Map<String, String> seen = new HashMap<>();
            List<Link> read = new ArrayList<>();
            int number = 0;
            for (JsonNode node : links) {
                number++;
                String where = documentWhere + ", link " + annotationName(node, number);
                object(node, where);
                Link link = new Link(string(node, "id", where), documentId, string(node, "type", where),
                        string(node, "from", where), string(node, "to", where), string(node, "annotator", where),
                        instant(node.get("created"), "created", where),
                        instant(node.get("modified"), "modified", where), nullableString(node, "note", where));
                for (String end : List.of(link.from(), link.to())) {
                    if (!ids.contains(end)) {
                        throw new FactSpanException(where + " points to annotation " + abbreviate(end)
                                + ", which the document does not have.");
                    }
                }
                if (link.from().equals(link.to())) {
                    throw new FactSpanException(where + " joins annotation " + abbreviate(link.from()) + " to itself.");
                }
                String twin = seen.putIfAbsent(link.type() + " " + link.from() + " " + link.to(), link.id());
                if (twin != null) {
                    throw new FactSpanException(where + " is a second " + abbreviate(link.type())
                            + " link between the same two annotations as link " + abbreviate(twin) + ".");
                }
                read.add(link);
            }
            return read;
        }

        /** Comments are optional: a project never reviewed has none. */
        private List<Comment> readComments(JsonNode comments, String documentId, String documentWhere) {
            if (comments == null || comments.isNull()) {
                return List.of();
            }
            if (!comments.isArray()) {
                throw wrongType(comments, "comments", "an array", documentWhere);
            }
            List<Comment> read = new ArrayList<>();
            int number = 0;
            for (JsonNode node : comments) {
                number++;
                String where = documentWhere + ", comment " + annotationName(node, number);
                object(node, where);
                String text = string(node, "text", where);
                if (text.isBlank()) {
                    throw new FactSpanException(where + " has no text.");
                }
                read.add(new Comment(string(node, "id", where), documentId, string(node, "target", where),
                        string(node, "author", where), instant(node.get("created"), "created", where), text));
            }
            return read;
        }

        /** Where an annotation accepted in a review came from; optional. */
        private static Provenance readProvenance(JsonNode node, String where) {
            JsonNode provenance = node.get("provenance");
            if (provenance == null || provenance.isNull()) {
                return null;
            }
            String inside = where + ", its provenance";
            object(provenance, inside);
            return new Provenance(string(provenance, "accepted_from", inside), string(provenance, "accepted_by", inside),
                    instant(provenance.get("accepted_at"), "accepted_at", inside));
        }

        private List<Annotation> readAnnotations(JsonNode annotations, Document document, String documentName,
                                                 String documentWhere, CarriedOffsets carried,
                                                 Map<String, Provenance> provenance) {
            List<Annotation> read = new ArrayList<>(annotations.size());
            Map<Position, String> inFile = new HashMap<>();
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
                if (carried != null) {
                    annotation = carried.onto(annotation, text);
                }
                requireNewId(annotation.id(), new Place(documentName, number));
                try {
                    annotation.checkAgainst(text);
                } catch (FactSpanException e) {
                    throw new FactSpanException(documentWhere + ": " + e.getMessage(), e);
                }
                Position position = Position.of(annotation);
                String twin = inFile.putIfAbsent(position, annotation.id());
                if (twin != null) {
                    throw new FactSpanException(where + " has the same label and offsets (" + annotation.label() + " "
                            + annotation.span() + ") as annotation " + abbreviate(twin)
                            + " of the same document in the file.");
                }
                Provenance accepted = readProvenance(node, where);
                if (accepted != null) {
                    provenance.put(annotation.id(), accepted);
                }
                read.add(annotation);
            }
            return read;
        }

        /**
         * Refuses a second annotation with an id the file has used: the project would take it for the first one,
         * and report a difference from it, or skip it as already imported.
         */
        private void requireNewId(String id, Place place) {
            Place first = annotationIds.putIfAbsent(id, place);
            if (first == null) {
                return;
            }
            String both = first.document().equals(place.document())
                    ? "annotations " + first.number() + " and " + place.number() + " of document " + place.document()
                    : "annotation " + first.number() + " of document " + first.document() + " and annotation "
                            + place.number() + " of document " + place.document();
            throw new FactSpanException("In " + name + ", two annotations have the id " + abbreviate(id) + ": "
                    + both + "; each annotation needs an id of its own.");
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
                            + String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) + " at character "
                            + s.codePointCount(0, i) + "), which is no character.");
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
                // equal to the first instead of "differing" in digits the project never stored. The stored form,
                // which FactSpan's own exports use, is read without Instant.parse, the dearest step of reading.
                return Timestamps.parse(value.textValue()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
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

        /** Jackson's messages lack the full stop that ours end with. */
        private static String sentence(String s) {
            String line = Texts.oneLine(s);
            return line.endsWith(".") ? line : line + ".";
        }
    }

    /** A text's offsets as read, counted on its CRs, and where they land on its LF text. */
    private record CarriedOffsets(CodePointIndex original, LineEnds lineEnds) {

        /**
         * {@code annotation} on the LF text {@code after} if its quote is the original text at its offsets; else as it
         * is, for the checks to refuse.
         */
        Annotation onto(Annotation annotation, CodePointIndex after) {
            int start = annotation.start();
            int end = annotation.end();
            if (start < 0 || start >= end || end > original.length()
                    || !original.slice(start, end).equals(annotation.quote())) {
                return annotation;
            }
            int from = lineEnds.map(start);
            // A span of nothing but the CR of a CRLF keeps the line break it marked: the LF it became.
            int to = Math.max(lineEnds.map(end), from + 1);
            return new Annotation(annotation.id(), annotation.documentId(), annotation.label(), from, to,
                    after.slice(from, to), annotation.annotator(), annotation.created(), annotation.modified(),
                    annotation.note());
        }
    }

    /** An annotation's place in the file: its document as named in messages, and its 1-based number there. */
    private record Place(String document, int number) {
    }

    /** What makes two annotations of one document the same span: label and offsets. */
    record Position(String label, int start, int end) {

        static Position of(Annotation annotation) {
            return new Position(annotation.label(), annotation.start(), annotation.end());
        }
    }

    static String abbreviate(String s) {
        return Texts.abbreviate(s, 60);
    }
}
