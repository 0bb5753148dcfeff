package org.factspan.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.factspan.model.Comment;
import org.factspan.model.Decision;
import org.factspan.model.FactSpanException;
import org.factspan.model.Provenance;
import org.factspan.model.ReviewMark;
import org.factspan.model.Timestamps;
import org.sqlite.SQLiteErrorCode;

/**
 * The SQL of a {@link ProjectStore}'s review tables: {@code provenance} (where an accepted annotation came from),
 * {@code comment} and {@code review_decision} (ADR 0005).
 */
final class ReviewTables {

    private final ProjectStore store;
    private final Connection connection;

    ReviewTables(ProjectStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    Map<String, Provenance> provenance(String documentId) {
        Map<String, Provenance> found = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.annotation_id, p.accepted_from, p.accepted_by, p.accepted_at FROM provenance p"
                        + " JOIN annotation a ON a.id = p.annotation_id WHERE a.document_id = ?")) {
            statement.setString(1, documentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new Provenance(rows.getString(2), rows.getString(3),
                            Timestamps.parse(rows.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return found;
    }

    Optional<Provenance> provenanceOf(String annotationId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT accepted_from, accepted_by, accepted_at FROM provenance WHERE annotation_id = ?")) {
            statement.setString(1, annotationId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Provenance(rows.getString(1), rows.getString(2),
                        Timestamps.parse(rows.getString(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
    }

    void setProvenance(String annotationId, Provenance provenance) {
        store.checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(provenance == null
                ? "DELETE FROM provenance WHERE annotation_id = ?"
                : "INSERT OR REPLACE INTO provenance (annotation_id, accepted_from, accepted_by, accepted_at)"
                        + " VALUES (?, ?, ?, ?)")) {
            statement.setString(1, annotationId);
            if (provenance != null) {
                statement.setString(2, provenance.acceptedFrom());
                statement.setString(3, provenance.acceptedBy());
                statement.setString(4, Timestamps.format(provenance.acceptedAt()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                throw new FactSpanException("There is no annotation " + annotationId + " to record provenance for.");
            }
            throw store.failure("write to", e);
        }
    }

    List<Comment> comments(String documentId) {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, document_id, target, author, created, text FROM comment WHERE document_id = ?"
                        + " ORDER BY created, id")) {
            statement.setString(1, documentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    comments.add(new Comment(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), Timestamps.parse(rows.getString(5)), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return comments;
    }

    Optional<Comment> comment(String commentId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, document_id, target, author, created, text FROM comment WHERE id = ?")) {
            statement.setString(1, commentId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Comment(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), Timestamps.parse(rows.getString(5)), rows.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
    }

    void putComment(Comment comment) {
        store.checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR REPLACE INTO comment (id, document_id, target, author, created, text)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, comment.id());
            statement.setString(2, comment.documentId());
            statement.setString(3, comment.target());
            statement.setString(4, comment.author());
            statement.setString(5, Timestamps.format(comment.created()));
            statement.setString(6, comment.text());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (StoreException.isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                throw new FactSpanException("Comment " + comment.id() + " belongs to a document that is not in the"
                        + " project (" + comment.documentId() + ").");
            }
            throw store.failure("write to", e);
        }
    }

    void deleteComment(String commentId) {
        store.checkWritable();
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM comment WHERE id = ?")) {
            statement.setString(1, commentId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw store.failure("write to", e);
        }
    }

    Map<String, ReviewMark> reviewMarks(String review) {
        Map<String, ReviewMark> marks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT annotation_id, difference, decision, decided_by, decided_at FROM review_decision"
                        + " WHERE review = ?")) {
            statement.setString(1, review);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    marks.put(rows.getString(1), new ReviewMark(review, rows.getString(1), rows.getString(2),
                            Decision.ofKey(rows.getString(3)), rows.getString(4), Timestamps.parse(rows.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw store.failure("read", e);
        }
        return marks;
    }

    Optional<ReviewMark> reviewMark(String review, String annotationId) {
        return Optional.ofNullable(reviewMarks(review).get(annotationId));
    }

    void setReviewMark(String review, String annotationId, ReviewMark mark) {
        store.checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(mark == null
                ? "DELETE FROM review_decision WHERE review = ? AND annotation_id = ?"
                : "INSERT OR REPLACE INTO review_decision (review, annotation_id, difference, decision, decided_by,"
                        + " decided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, review);
            statement.setString(2, annotationId);
            if (mark != null) {
                statement.setString(3, mark.difference());
                statement.setString(4, mark.decision().key());
                statement.setString(5, mark.decidedBy());
                statement.setString(6, Timestamps.format(mark.decidedAt()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw store.failure("write to", e);
        }
    }
}
