package org.factspan.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.factspan.model.Annotation;
import org.factspan.model.FactSpanException;
import org.factspan.model.Timestamps;
import org.sqlite.SQLiteErrorCode;

/**
 * The SQL of a {@link ProjectStore}'s table {@code annotation}: the statements every edit reuses, the checks an
 * annotation passes before it is written, and the sentences a refused one gets.
 */
final class AnnotationTable {

    static final String COLUMNS =
            "id, document_id, label, start_offset, end_offset, quote, annotator, created, modified, note";

    private final ProjectStore store;
    private final Connection connection;
    private final DocumentTables documents;
    private final AnnotationChunks chunks;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private final PreparedStatement select;

    AnnotationTable(ProjectStore store, Connection connection, DocumentTables documents, AnnotationChunks chunks)
            throws SQLException {
        this.store = store;
        this.connection = connection;
        this.documents = documents;
        this.chunks = chunks;
        this.insert = connection.prepareStatement(
                "INSERT INTO annotation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.update = connection.prepareStatement(
                "UPDATE annotation SET document_id = ?, label = ?, start_offset = ?, end_offset = ?, quote = ?,"
                        + " annotator = ?, created = ?, modified = ?, note = ? WHERE id = ?");
        this.delete = connection.prepareStatement("DELETE FROM annotation WHERE id = ?");
        this.select = connection.prepareStatement("SELECT " + COLUMNS + " FROM annotation WHERE id = ?");
    }

    List<Annotation> annotations(String documentId) {
        List<Annotation> annotations = new ArrayList<>();
        try {
            chunks.scanRows(documentId, (id, label, start, end, quote, annotator, created, modified, note) ->
                    annotations.add(new Annotation(id, documentId, label, start, end, quote, annotator,
                            Timestamps.parse(created), Timestamps.parse(modified), note)));
        } catch (IOException e) {
            throw new FactSpanException("Could not read the annotations of " + store.path() + ": " + e.getMessage()
                    + ".", e);
        }
        return annotations;
    }

    Optional<Annotation> annotation(String id) {
        try {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
    }

    /** Inserts annotations, each checked first, as one batch: an import's documents hold thousands. */
    void insertAll(List<Annotation> annotations) {
        store.checkWritable();
        annotations.forEach(this::check);
        try {
            Batches.insert(insert, annotations);
        } catch (SQLException e) {
            throw store.failure("write to", e);
        }
    }

    void insert(Annotation annotation) {
        store.checkWritable();
        check(annotation);
        try {
            bind(insert, annotation, 1);
            insert.setString(1, annotation.id());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw refusal(annotation, e);
        }
    }

    void update(Annotation annotation) {
        store.checkWritable();
        check(annotation);
        int changed;
        try {
            bind(update, annotation, 0);
            update.setString(10, annotation.id());
            changed = update.executeUpdate();
        } catch (SQLException e) {
            throw refusal(annotation, e);
        }
        if (changed == 0) {
            throw new FactSpanException("There is no annotation " + annotation.id() + " to change.");
        }
    }

    boolean delete(String annotationId) {
        store.checkWritable();
        try {
            delete.setString(1, annotationId);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                throw new FactSpanException("Annotation " + annotationId + " has links; delete them with it.");
            }
            throw store.failure("write to", e);
        }
    }

    /** Counts per label in label order, over the whole project when {@code documentId} is null. */
    Map<String, Integer> labelCounts(String documentId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String sql = "SELECT l.name, (SELECT COUNT(*) FROM annotation a WHERE a.label = l.name"
                + (documentId == null ? "" : " AND a.document_id = ?") + ") FROM label l ORDER BY l.position";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (documentId != null) {
                statement.setString(1, documentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return counts;
    }

    private void check(Annotation annotation) {
        annotation.checkAgainst(documents.text(annotation.documentId())
                .orElseThrow(() -> new FactSpanException("Annotation " + annotation.id()
                        + " belongs to a document that is not in the project (" + annotation.documentId() + ").")));
    }

    static void bind(PreparedStatement statement, Annotation a, int offset) throws SQLException {
        statement.setString(offset + 1, a.documentId());
        statement.setString(offset + 2, a.label());
        statement.setInt(offset + 3, a.start());
        statement.setInt(offset + 4, a.end());
        statement.setString(offset + 5, a.quote());
        statement.setString(offset + 6, a.annotator());
        statement.setString(offset + 7, Timestamps.format(a.created()));
        statement.setString(offset + 8, Timestamps.format(a.modified()));
        statement.setString(offset + 9, a.note());
    }

    static Annotation read(ResultSet rows) throws SQLException {
        return new Annotation(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                rows.getInt(5), rows.getString(6), rows.getString(7), Timestamps.parse(rows.getString(8)),
                Timestamps.parse(rows.getString(9)), rows.getString(10));
    }

    private RuntimeException refusal(Annotation a, SQLException e) {
        if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
            return new FactSpanException("The document already has a " + a.label() + " annotation at [" + a.start()
                    + ", " + a.end() + "); annotation " + a.id() + " would duplicate it.");
        }
        if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
            return new FactSpanException("The project already has an annotation with the id " + a.id() + ".");
        }
        if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
            return new FactSpanException("Annotation " + a.id() + " has the label \"" + a.label()
                    + "\", which the project does not have.");
        }
        return store.failure("write to", e);
    }
}
