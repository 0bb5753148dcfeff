package org.factspan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;

import org.factspan.model.FactSpanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not projects this version can open: each refused in one sentence, each left byte-for-byte as it was. */
class RefusedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotSqliteIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.factspan"), "These are my notes, not a database.\n");
        assertRefused(file, file + " is not a FactSpan project (it is not an SQLite database).");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.factspan"));
        assertRefused(file, file + " is an empty file, not a FactSpan project; if an older FactSpan left it after a"
                + " failed creation, delete it.");
    }

    @Test
    void aCorruptProjectIsRefused() throws Exception {
        Path file = dir.resolve("corrupt.factspan");
        ProjectStore.create(file).close();
        byte[] bytes = Files.readAllBytes(file);
        byte[] garbage = new byte[bytes.length];
        new Random(7).nextBytes(garbage);
        System.arraycopy(garbage, 0, bytes, 0, 16);
        Files.write(file, bytes);
        assertRefused(file, file + " is not a FactSpan project (it is not an SQLite database).");
    }

    @Test
    void aProjectWhosePagesAreDamagedIsRefusedWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("damaged.factspan");
        ProjectStore.create(file).close();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        byte[] before = Files.readAllBytes(file);
        FactSpanException e = assertThrows(FactSpanException.class, () -> {
            try (ProjectStore store = ProjectStore.open(file)) {
                store.documents();
            }
        });
        assertEquals(1, e.getMessage().lines().count());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anSqliteDatabaseOfAnotherProgramIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE bookmarks (url TEXT)");
        }
        assertRefused(file, file + " is an SQLite database but not a FactSpan project.");
    }

    @Test
    void aProjectFromANewerFactSpanIsRefused() throws Exception {
        Path file = dir.resolve("future.factspan");
        ProjectStore.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        assertRefused(file, file + " was written by a newer FactSpan (project schema " + (Schema.VERSION + 1)
                + "); this version reads schemas up to " + Schema.VERSION + ", so update FactSpan to open it.");
    }

    @Test
    void aMissingFileOrAFolderIsRefused() throws Exception {
        Path missing = dir.resolve("missing.factspan");
        assertEquals("There is no project " + missing + ".",
                assertThrows(FactSpanException.class, () -> ProjectStore.open(missing)).getMessage());
        assertFalse(Files.exists(missing));
        Path folder = Files.createDirectory(dir.resolve("folder.factspan"));
        assertEquals(folder + " is not a FactSpan project (it is a folder).",
                assertThrows(FactSpanException.class, () -> ProjectStore.open(folder)).getMessage());
    }

    private void assertRefused(Path file, String message) throws Exception {
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        assertEquals(message, assertThrows(FactSpanException.class, () -> ProjectStore.open(file)).getMessage());
        assertEquals(message, assertThrows(FactSpanException.class, () -> ProjectStore.openReadOnly(file)).getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
        assertFalse(Files.exists(Path.of(file + "-wal")));
        assertFalse(Files.exists(Path.of(file + "-journal")));
    }
}
