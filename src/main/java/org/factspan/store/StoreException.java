package org.factspan.store;

import java.sql.SQLException;

import org.factspan.model.FactSpanException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A read or write of the project that failed for a reason outside the user's input - the disk is full, the file is
 * write-protected, another program holds the project - said as its cause, with the {@link Kind} for callers that act
 * on it (the window says "Not saved" for every kind but {@link Kind#STALE}).
 *
 * <p>This is where SQLite's result codes become sentences, so that no layer above the store needs {@code java.sql}.
 */
public final class StoreException extends FactSpanException {

    /** What went wrong, as far as the user can act on it. */
    public enum Kind {
        /** Another program held the project's write lock for longer than this store waits. */
        BUSY,
        /** The disk (or the project's size limit) is full. */
        DISK_FULL,
        /** Another window edits the project ({@link ProjectLock}). */
        LOCKED,
        /** The file or its folder cannot be written, or the project was opened read-only. */
        READ_ONLY,
        /** The file is damaged. */
        DAMAGED,
        /** The stored value is no longer the one an undo or redo step expects: it was changed elsewhere. */
        STALE,
        /** Anything else SQLite or the file system reported. */
        OTHER
    }

    private final Kind kind;

    StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A refused undo or redo: the project no longer holds what the step expects. */
    public static StoreException stale(String message) {
        return new StoreException(Kind.STALE, message);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The sentence for a failed {@code verb} ("write to", "read", "open") of the project {@code project}, naming the
     * cause where SQLite's result code tells it.
     */
    static StoreException of(String verb, Object project, SQLException e) {
        Kind kind = kindOf(e);
        if (kind == Kind.OTHER && isIoError(e) && project instanceof java.nio.file.Path file && diskIsFull(file)) {
            // A full disk fails the log's or the shared memory's growth as a bare I/O error, not SQLITE_FULL.
            kind = Kind.DISK_FULL;
        }
        String cause = switch (kind) {
            case BUSY -> "another program (an import, or FactSpan in another window) is writing to it and did not"
                    + " finish in time; try again in a moment";
            case DISK_FULL -> "the disk is full; free some space and try again";
            case READ_ONLY -> "the file or its folder is read-only";
            case DAMAGED -> "the file is damaged (" + detail(e) + ")";
            default -> detail(e);
        };
        return new StoreException(kind, "Could not " + verb + " the project " + project + ": " + cause + ".", e);
    }

    static Kind kindOf(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return Kind.OTHER;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED, ...) share the primary code's low byte.
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return Kind.BUSY;
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return Kind.DISK_FULL;
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
            return Kind.READ_ONLY;
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Kind.DAMAGED;
        }
        return Kind.OTHER;
    }

    static boolean isConstraint(SQLException e, SQLiteErrorCode code) {
        return e instanceof SQLiteException s && s.getResultCode() == code;
    }

    private static boolean isIoError(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_IOERR.code;
    }

    /** Less than a page or two left where the project lies. */
    private static boolean diskIsFull(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.getFileStore(ProjectFiles.folder(file)).getUsableSpace() < 64 * 1024;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** SQLite's own words without the "[SQLITE_...]" prefix sqlite-jdbc puts before them. */
    private static String detail(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int bracket = message.startsWith("[") ? message.indexOf("] ") : -1;
        return bracket > 0 ? message.substring(bracket + 2) : message;
    }
}
