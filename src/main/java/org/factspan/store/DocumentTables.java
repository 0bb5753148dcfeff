package org.factspan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Timestamps;
import org.sqlite.SQLiteErrorCode;

/**
 * The SQL of a {@link ProjectStore}'s tables {@code label} and {@code document}, and the code point indexes of the
 * texts read or added last, which every annotation write is checked against.
 */
final class DocumentTables {

    /** Enough for the window and a review side by side; texts can be megabytes each. */
    private static final int TEXT_CACHE_SIZE = 3;

    private final ProjectStore store;
    private final Connection connection;
    private final Map<String, CodePointIndex> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CodePointIndex> eldest) {
            return size() > TEXT_CACHE_SIZE;
        }
    };

    DocumentTables(ProjectStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, color, shortcut FROM label ORDER BY position")) {
            while (rows.next()) {
                labels.add(new Label(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return labels;
    }

    void addLabel(Label label) {
        store.checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO label (name, color, shortcut, position) VALUES (?, ?,"
                        + " CASE WHEN ? > 0 AND NOT EXISTS (SELECT 1 FROM label WHERE shortcut = ?) THEN ? ELSE 0 END,"
                        + " (SELECT COALESCE(MAX(position), 0) + 1 FROM label))")) {
            statement.setString(1, label.name());
            statement.setString(2, label.color());
            statement.setInt(3, label.key());
            statement.setInt(4, label.key());
            statement.setInt(5, label.key());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                throw new FactSpanException("The project already has a label named " + label.name() + ".");
            }
            throw store.failure("write to", e);
        }
    }

    List<DocumentSummary> documents() {
        List<DocumentSummary> documents = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT d.id, d.title, d.source, d.sha256, d.length, d.imported,"
                             + " (SELECT COUNT(*) FROM annotation a WHERE a.document_id = d.id)"
                             + " FROM document d ORDER BY d.position")) {
            while (rows.next()) {
                documents.add(new DocumentSummary(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getInt(5), Timestamps.parse(rows.getString(6)), rows.getInt(7)));
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return documents;
    }

    Optional<Document> document(String column, String value) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, title, source, sha256, text, imported FROM document WHERE " + column + " = ?")) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Document document = new Document(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), Timestamps.parse(rows.getString(6)));
                texts.put(document.id(), document.index());
                return Optional.of(document);
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
    }

    Document addDocumentIfAbsent(Document document) {
        store.checkWritable();
        Optional<Document> existing = document("sha256", document.sha256());
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO document (id, title, source, sha256, text, length, imported, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM document))")) {
            statement.setString(1, document.id());
            statement.setString(2, document.title());
            statement.setString(3, document.source());
            statement.setString(4, document.sha256());
            statement.setString(5, document.text());
            statement.setInt(6, document.length());
            statement.setString(7, Timestamps.format(document.imported()));
            statement.executeUpdate();
        } catch (SQLException e) {
            if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                throw new FactSpanException("The project already has a different document with the id "
                        + document.id() + " (\"" + document.title() + "\").");
            }
            throw store.failure("write to", e);
        }
        texts.put(document.id(), document.index());
        return document;
    }

    /** The text of a document in the project, to check an annotation of it against; empty if there is none. */
    Optional<CodePointIndex> text(String documentId) {
        CodePointIndex text = texts.get(documentId);
        return text != null ? Optional.of(text) : document("id", documentId).map(Document::index);
    }

    /** Forgets the cached texts, after a rollback that may have taken away the documents they came from. */
    void forgetTexts() {
        texts.clear();
    }
}
