package org.factspan.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.factspan.model.CodePointIndex;
import org.factspan.text.LineEnds;
import org.factspan.text.Sha256;

/**
 * A colleague's FactSpan JSON export whose texts end their lines with CRLF or CR, with offsets counted on those texts
 * (as another tool writing FactSpan JSON may have counted them), copied with FactSpan's LF line ends, so that the
 * review reads it through {@link org.factspan.format.JsonImporter} like any export. The importer itself keeps refusing
 * such a text: in a user's own project it would be stored with offsets that are not FactSpan's; here the texts are
 * only compared, and the offsets are carried over exactly.
 *
 * <p>In each document whose text holds a CR: the text gets LF line ends ({@link LineEnds}); its {@code sha256}, when it
 * is the hash of the original text, becomes the hash of the new one; and each annotation whose quote is the original
 * text at its offsets gets the offsets {@link LineEnds#map} gives and the LF text there as its quote. Everything else
 * is copied as it is, for the importer to check and, where wrong, to refuse in its own words: a hash that was not the
 * text's stays, and so does an annotation whose quote was not at its offsets.
 */
final class LineEndCopy {

    /** As {@code JsonImporter}'s limit, so that a text the importer reads is never refused here first. */
    private static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private LineEndCopy() {
    }

    /**
     * The copy of {@code export}, written in {@code folder}; or empty when no text of it holds a CR, or when it is not
     * JSON read to its end here: then the importer reads the file itself and refuses it, if it must, naming the line
     * and column of the file the user chose.
     */
    static Optional<Path> of(Path export, Path folder) {
        Path copy = folder.resolve("lf.json");
        boolean changed = false;
        try (InputStream in = Files.newInputStream(export); JsonParser json = JSON.createParser(in);
             OutputStream out = Files.newOutputStream(copy);
             JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            generator.writeStartObject();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                generator.writeFieldName(field);
                if (json.nextToken() == JsonToken.START_ARRAY && field.equals("documents")) {
                    generator.writeStartArray();
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode document = json.readValueAsTree();
                        changed |= withLfLineEnds(document);
                        generator.writeTree(document);
                    }
                    generator.writeEndArray();
                } else {
                    generator.copyCurrentStructure(json);
                }
            }
            generator.writeEndObject();
            if (json.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return changed ? Optional.of(copy) : Optional.empty();
    }

    /** Gives {@code document} LF line ends as the class comment says; false when its text holds no CR. */
    private static boolean withLfLineEnds(JsonNode document) {
        JsonNode text = document.get("text");
        if (!(document instanceof ObjectNode node) || text == null || !text.isTextual()
                || text.textValue().indexOf('\r') < 0) {
            return false;
        }
        String original = text.textValue();
        LineEnds lineEnds = LineEnds.of(original);
        node.put("text", lineEnds.text());
        JsonNode sha256 = node.get("sha256");
        if (sha256 != null && Sha256.hex(original).equals(sha256.textValue())) {
            node.put("sha256", Sha256.hex(lineEnds.text()));
        }
        JsonNode annotations = node.get("annotations");
        if (annotations == null || !annotations.isArray()) {
            return true;
        }
        CodePointIndex before = new CodePointIndex(original);
        CodePointIndex after = new CodePointIndex(lineEnds.text());
        for (JsonNode annotation : annotations) {
            JsonNode start = annotation.get("start");
            JsonNode end = annotation.get("end");
            JsonNode quote = annotation.get("quote");
            if (annotation instanceof ObjectNode moved && isInt(start) && isInt(end) && quote != null && quote.isTextual()
                    && 0 <= start.intValue() && start.intValue() < end.intValue()
                    && end.intValue() <= before.length()
                    && before.slice(start.intValue(), end.intValue()).equals(quote.textValue())) {
                int from = lineEnds.map(start.intValue());
                // A span of nothing but the CR of a CRLF keeps the line break it marked: the LF it became.
                int to = Math.max(lineEnds.map(end.intValue()), from + 1);
                moved.put("start", from).put("end", to).put("quote", after.slice(from, to));
            }
        }
        return true;
    }

    private static boolean isInt(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt();
    }
}
