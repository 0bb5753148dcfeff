package org.factspan.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections to a project file, for editing or for reading, so that several programs can share one
 * project safely (ADR 0008).
 *
 * <p>Transactions are begun and ended with SQL ({@code BEGIN IMMEDIATE}, {@code COMMIT}) on connections left in JDBC
 * auto-commit: sqlite-jdbc's own transaction API begins the next transaction right after each commit, which with
 * {@code IMMEDIATE} would hold the project's write lock between transactions and block every other program.
 */
final class Connections {

    private Connections() {
    }

    /** A connection that reads and writes; the caller has checked that the file can be written. */
    static Connection edit(Path file, Waiting waiting) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties());
        waiting.attach(connection);
        return connection;
    }

    /**
     * A connection that only reads, opened the safe way for what the file is:
     * <ul>
     *   <li>a file this user can write, in a folder it can write: read-write with {@code query_only}, so that SQLite
     *       shares the project with writers through its usual locks and, as the last connection to close, removes the
     *       {@code -wal} and {@code -shm} files it created - a read-only connection ({@code mode=ro}) leaves them;</li>
     *   <li>otherwise, when a {@code -wal} exists (someone may be writing): {@code mode=ro}, using the existing files;</li>
     *   <li>otherwise (a write-protected file without a log, or a read-only folder or medium): {@code immutable}, since
     *       nothing can write the file without first changing its permissions, and SQLite would otherwise leave
     *       write-protected {@code -shm} files that block every later writer.</li>
     * </ul>
     */
    static Connection read(Path file, Waiting waiting) throws SQLException {
        Properties properties = properties();
        String url;
        if (ProjectFiles.canWrite(file)) {
            url = "jdbc:sqlite:" + file.toAbsolutePath();
        } else {
            properties.setProperty("open_mode",
                    String.valueOf(SQLiteOpenMode.READONLY.flag | SQLiteOpenMode.OPEN_URI.flag));
            url = "jdbc:sqlite:" + file.toAbsolutePath().toUri()
                    + (Files.exists(ProjectFiles.wal(file)) ? "?mode=ro" : "?immutable=1");
        }
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        waiting.attach(connection);
        return connection;
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("synchronous", "FULL");
        // 64 MB of page cache (SQLite's default is 2 MB), taken only as a write needs it: an import's batches touch
        // three indexes of the annotation table, and with the default cache they went back to disk for their pages.
        properties.setProperty("cache_size", "-65536");
        return properties;
    }
}
