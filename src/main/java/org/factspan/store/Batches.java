package org.factspan.store;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.factspan.model.Annotation;
import org.factspan.model.Provenance;
import org.factspan.model.Timestamps;

/**
 * The writes and reads of an import, many rows at a time: one statement for a whole document's annotations instead of
 * one per row. A statement per row cost a round trip through JDBC each, and a lookup of each id as well, which made an
 * import of 200,000 annotations take many times the few seconds SQLite itself needs (docs/benchmarks.md).
 */
final class Batches {

    private static final JsonFactory JSON = new JsonFactory();

    private Batches() {
    }

    /** The stored annotations that have one of {@code ids}, by id: one query, the ids passed as one JSON array. */
    static Map<String, Annotation> annotationsWithIds(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, Annotation> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + AnnotationTable.COLUMNS
                + " FROM annotation WHERE id IN (SELECT value FROM json_each(?))")) {
            statement.setString(1, jsonArray(ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Annotation annotation = AnnotationTable.read(rows);
                    found.put(annotation.id(), annotation);
                }
            }
        }
        return found;
    }

    /** Inserts {@code annotations}, already checked, with the store's insert statement, as one batch. */
    static void insert(PreparedStatement insert, List<Annotation> annotations) throws SQLException {
        for (Annotation annotation : annotations) {
            insert.setString(1, annotation.id());
            AnnotationTable.bind(insert, annotation, 1);
            insert.addBatch();
        }
        if (!annotations.isEmpty()) {
            insert.executeBatch();
        }
    }

    /** Records where each annotation was accepted from, as one batch. */
    static void setProvenance(Connection connection, Map<String, Provenance> provenance) throws SQLException {
        if (provenance.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR REPLACE INTO provenance (annotation_id, accepted_from, accepted_by, accepted_at)"
                        + " VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Provenance> entry : provenance.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setString(2, entry.getValue().acceptedFrom());
                statement.setString(3, entry.getValue().acceptedBy());
                statement.setString(4, Timestamps.format(entry.getValue().acceptedAt()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String jsonArray(Collection<String> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartArray();
            for (String value : values) {
                generator.writeString(value);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return out.toString();
    }
}
