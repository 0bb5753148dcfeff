package org.factspan.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The project file's schema and its ordered migrations. {@code PRAGMA user_version} holds the number of migrations
 * applied; {@code PRAGMA application_id} marks the file as FactSpan's. The tables are described for people who query
 * a project with the {@code sqlite3} shell in {@code docs/project-file.md}; keep the two in step.
 */
final class Schema {

    /** "FSPN" in ASCII. */
    static final int APPLICATION_ID = 0x4653504E;

    /**
     * Migration {@code i} takes a project from schema {@code i} to {@code i + 1}. Never edit a released migration:
     * append a new one, so that every older file walks the same path.
     */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE label (
                        name     TEXT PRIMARY KEY,
                        color    TEXT NOT NULL,
                        shortcut INTEGER NOT NULL DEFAULT 0 CHECK (shortcut BETWEEN 0 AND 9),
                        position INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE document (
                        id       TEXT PRIMARY KEY,
                        title    TEXT NOT NULL,
                        source   TEXT,
                        sha256   TEXT NOT NULL UNIQUE,
                        text     TEXT NOT NULL,
                        length   INTEGER NOT NULL,
                        imported TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE annotation (
                        id           TEXT PRIMARY KEY,
                        document_id  TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        label        TEXT NOT NULL REFERENCES label(name) ON UPDATE CASCADE,
                        start_offset INTEGER NOT NULL,
                        end_offset   INTEGER NOT NULL,
                        quote        TEXT NOT NULL,
                        annotator    TEXT NOT NULL,
                        created      TEXT NOT NULL,
                        modified     TEXT NOT NULL,
                        note         TEXT,
                        CHECK (0 <= start_offset AND start_offset < end_offset),
                        UNIQUE (document_id, label, start_offset, end_offset)
                    )""",
                    // In the order documents are read and exported, so that neither needs a sort.
                    "CREATE INDEX annotation_by_document ON annotation(document_id, start_offset, end_offset, label)"),
            List.of(
                    // The order documents were added in: what lists and exports follow, and what an import of an
                    // export reproduces (import times cannot, since one import adds all its documents at once).
                    "ALTER TABLE document ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
                    "UPDATE document SET position = rowid",
                    """
                    CREATE TABLE provenance (
                        annotation_id TEXT PRIMARY KEY REFERENCES annotation(id) ON DELETE CASCADE,
                        accepted_from TEXT NOT NULL,
                        accepted_by   TEXT NOT NULL,
                        accepted_at   TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE comment (
                        id          TEXT PRIMARY KEY,
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        target      TEXT NOT NULL,
                        author      TEXT NOT NULL,
                        created     TEXT NOT NULL,
                        text        TEXT NOT NULL
                    )""",
                    "CREATE INDEX comment_by_document ON comment(document_id, target)",
                    """
                    CREATE TABLE review_decision (
                        review        TEXT NOT NULL,
                        annotation_id TEXT NOT NULL,
                        difference    TEXT NOT NULL,
                        decision      TEXT NOT NULL
                                      CHECK (decision IN ('keep_mine', 'accept_theirs', 'accept_both', 'reject_both')),
                        decided_by    TEXT NOT NULL,
                        decided_at    TEXT NOT NULL,
                        PRIMARY KEY (review, annotation_id)
                    )"""),
            List.of(
                    // One reading order everywhere (Annotation.READING_ORDER): the outer of two spans that start
                    // together first, ties broken by label and id; the index serves it without a sort.
                    "DROP INDEX annotation_by_document",
                    "CREATE INDEX annotation_by_document ON annotation(document_id, start_offset, end_offset DESC,"
                            + " label, id)"),
            List.of(
                    """
                    CREATE TABLE link_type (
                        name     TEXT PRIMARY KEY,
                        position INTEGER NOT NULL
                    )""",
                    // The labels allowed at each end of a link of a type, in the order they were given.
                    """
                    CREATE TABLE link_type_label (
                        link_type TEXT NOT NULL REFERENCES link_type(name) ON DELETE CASCADE,
                        side      TEXT NOT NULL CHECK (side IN ('from', 'to')),
                        label     TEXT NOT NULL REFERENCES label(name) ON UPDATE CASCADE,
                        position  INTEGER NOT NULL,
                        PRIMARY KEY (link_type, side, label)
                    )""",
                    // No cascade from annotations: deleting a linked annotation must delete its links in the same
                    // edit, so that undo restores them; the foreign keys make a forgotten link an error.
                    """
                    CREATE TABLE link (
                        id          TEXT PRIMARY KEY,
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        type        TEXT NOT NULL REFERENCES link_type(name),
                        from_id     TEXT NOT NULL REFERENCES annotation(id),
                        to_id       TEXT NOT NULL REFERENCES annotation(id),
                        annotator   TEXT NOT NULL,
                        created     TEXT NOT NULL,
                        modified    TEXT NOT NULL,
                        note        TEXT,
                        CHECK (from_id <> to_id),
                        UNIQUE (type, from_id, to_id)
                    )""",
                    "CREATE INDEX link_by_document ON link(document_id)",
                    "CREATE INDEX link_by_from ON link(from_id)",
                    "CREATE INDEX link_by_to ON link(to_id)"));

    /** The version that added link types; an older project gets the default ones where it has their labels. */
    private static final int LINKS = 4;

    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the schema to {@link #VERSION} in one write transaction. The version is read again inside it, so that of
     * two programs upgrading one project at once the second finds the work done.
     */
    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                int from;
                try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                    from = rows.next() ? rows.getInt(1) : 0;
                }
                for (int version = from; version < VERSION; version++) {
                    for (String sql : MIGRATIONS.get(version)) {
                        statement.executeUpdate(sql);
                    }
                }
                if (from > 0 && from < LINKS) {
                    // A new project (from 0) has no labels yet; it gets the default link types after them.
                    LinkTable.addDefaults(connection);
                }
                statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                statement.executeUpdate("PRAGMA user_version = " + VERSION);
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                ProjectStore.rollbackQuietly(connection, e);
                throw e;
            }
        }
    }
}
