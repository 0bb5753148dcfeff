package org.factspan.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Reads a {@link ProjectStore}'s annotations of one document in chunks of rows that SQLite hands over as JSON text,
 * and the JSON factory that parses them (ADR 0004).
 */
final class AnnotationChunks {

    /** Rows per round trip to SQLite when reading a document's annotations. */
    private static final int CHUNK = 10_000;
    private static final JsonFactory ROWS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    /**
     * {@link org.factspan.model.Annotation#READING_ORDER} in SQL, served by the index {@code annotation_by_document}
     * (schema 3) without a sort; {@code ProjectStoreTest.annotationsComeInReadingOrderWhateverTheOrderOfInsertion}
     * checks that the two agree.
     */
    static final String READING_ORDER = "start_offset, end_offset DESC, label, id";

    private final ProjectStore store;
    private final Connection connection;

    AnnotationChunks(ProjectStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    /** See {@link ProjectStore#scanAnnotationChunks}. */
    void scan(String documentId, ProjectStore.ChunkSink sink) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                // The aggregate takes the rows in the order of the ordered subquery (an ORDER BY inside the aggregate
                // would sort them a second time and cost more than the whole read); the pinned SQLite behaves so, and
                // ProjectStoreTest.annotationsComeInReadingOrderWhateverTheOrderOfInsertion checks it.
                "SELECT json_group_array(json_array(id, label, start_offset, end_offset, quote, annotator, created,"
                        + " modified, note)), count(*)"
                        + " FROM (SELECT * FROM annotation WHERE document_id = ?"
                        + " ORDER BY " + READING_ORDER + " LIMIT " + CHUNK + " OFFSET ?)")) {
            for (int offset = 0; ; offset += CHUNK) {
                statement.setString(1, documentId);
                statement.setInt(2, offset);
                byte[] json;
                int rows;
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    json = result.getBytes(1);
                    rows = result.getInt(2);
                }
                if (rows > 0) {
                    sink.chunk(json);
                }
                if (rows < CHUNK) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
    }

    /** Passes a document's annotation rows to {@code sink} one by one, in the order of {@link #scan}. */
    void scanRows(String documentId, AnnotationSink sink) throws IOException {
        scan(documentId, json -> parse(json, sink));
    }

    /** Reads one chunk of {@link #scan} row by row. */
    static void parse(byte[] json, AnnotationSink sink) throws IOException {
        try (JsonParser parser = ROWS.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                String id = parser.nextTextValue();
                String label = parser.nextTextValue();
                int start = parser.nextIntValue(0);
                int end = parser.nextIntValue(0);
                String quote = parser.nextTextValue();
                String annotator = parser.nextTextValue();
                String created = parser.nextTextValue();
                String modified = parser.nextTextValue();
                String note = parser.nextTextValue();
                parser.nextToken();
                sink.annotation(id, label, start, end, quote, annotator, created, modified, note);
            }
        }
    }

    /** See {@link ProjectStore#chunkParser}. */
    static JsonParser parser(byte[] json) throws IOException {
        return ROWS.createParser(json);
    }
}
