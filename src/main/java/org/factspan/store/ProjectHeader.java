package org.factspan.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.factspan.model.FactSpanException;

/**
 * Reads the first 100 bytes of a would-be project file, so that a file that is not SQLite, an SQLite file of another
 * program, or a project of a newer FactSpan is refused before SQLite opens it - SQLite may write to a file (a journal,
 * a WAL) just by opening it, and a refused file must stay byte-for-byte as it was.
 *
 * <p>Offsets from the SQLite file format: the 16-byte magic string at 0, {@code user_version} at 60 and
 * {@code application_id} at 68, both 4-byte big-endian.
 */
final class ProjectHeader {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private ProjectHeader() {
    }

    /** Refuses {@code file} unless it is a FactSpan project this version can read; returns its schema version. */
    static int check(Path file) {
        byte[] header = new byte[HEADER_SIZE];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_SIZE);
        } catch (IOException e) {
            throw ProjectFiles.cannot("read", file, e);
        }
        if (read == 0) {
            throw new FactSpanException(file + " is an empty file, not a FactSpan project; if an older FactSpan left it"
                    + " after a failed creation, delete it.");
        }
        if (read < HEADER_SIZE || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new FactSpanException(file + " is not a FactSpan project (it is not an SQLite database).");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        return checkVersion(file, buffer.getInt(68), buffer.getInt(60));
    }

    /**
     * Refuses a project of another program or a newer FactSpan. Called with the header's values before SQLite opens
     * the file, and again with the values SQLite reads after opening: a {@code -wal} beside the file can hold a newer
     * schema that the header does not show yet.
     */
    static int checkVersion(Path file, int applicationId, int userVersion) {
        if (applicationId != Schema.APPLICATION_ID) {
            throw new FactSpanException(file + " is an SQLite database but not a FactSpan project.");
        }
        if (userVersion > Schema.VERSION) {
            throw new FactSpanException(file + " was written by a newer FactSpan (project schema " + userVersion
                    + "); this version reads schemas up to " + Schema.VERSION + ", so update FactSpan to open it.");
        }
        return userVersion;
    }
}
