package org.factspan.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.factspan.model.FactSpanException;

/** The files of a project on disk: the database, SQLite's files beside it, and whether they can be written. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    static Path wal(Path file) {
        return Path.of(file + "-wal");
    }

    static Path shm(Path file) {
        return Path.of(file + "-shm");
    }

    /** The database and every file SQLite may make beside it. */
    static List<Path> withSideFiles(Path file) {
        return List.of(file, wal(file), shm(file), Path.of(file + "-journal"));
    }

    static Path folder(Path file) {
        return file.toAbsolutePath().getParent();
    }

    /**
     * Whether this user can write the project: the file, and either its folder (SQLite creates the {@code -wal} and
     * {@code -shm} there) or both of those files where they exist already.
     */
    static boolean canWrite(Path file) {
        if (!Files.isWritable(file)) {
            return false;
        }
        if (Files.isWritable(folder(file))) {
            return true;
        }
        return Files.isWritable(wal(file)) && Files.isWritable(shm(file));
    }

    /**
     * Refuses, before SQLite touches anything, a project that cannot be written: SQLite would open it read-only, create
     * write-protected side files beside it and fail only at the first write.
     */
    static void requireWritable(Path file) {
        if (!Files.isWritable(file)) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "The project " + file
                    + " is write-protected, so FactSpan cannot save to it; open it read-only, or make it writable.");
        }
        if (!canWrite(file)) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "The folder of the project " + file
                    + " is read-only, so FactSpan cannot save to the project; open it read-only, or move it.");
        }
    }

    /** Makes a rename or link of a file in {@code folder} durable (on Linux and macOS; elsewhere a no-op). */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            if (reason.contains("No space left")) {
                return "the disk is full";
            }
            if (reason.contains("Read-only file system")) {
                return "the disk or folder is read-only";
            }
            return reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static FactSpanException cannot(String what, Path file, IOException e) {
        return new FactSpanException("Cannot " + what + " " + file + ": " + describe(e) + ".", e);
    }
}
