package org.factspan.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The mark that one window edits a project: an operating-system lock on a file beside it, {@code NAME.factspan-lock},
 * held while the window has the project open (ADR 0008). A second window, in this program or another, finds it held
 * and opens the project read-only. The operating system drops the lock when the program ends, however it ends, so a
 * crash never leaves a project locked.
 *
 * <p>The lock is on a file of its own, never on the database: closing any handle to a file drops all of a process's
 * POSIX locks on it, and SQLite's own locks on the database must not be dropped behind its back. The empty lock file
 * stays when the project is closed: deleting it could let two windows lock two different files of one name.
 */
public final class ProjectLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The file whose lock marks the project as being edited. */
    public static Path fileOf(Path project) {
        return Path.of(project + "-lock");
    }

    /**
     * Takes the lock of {@code project}, which need not exist yet.
     *
     * @throws StoreException of kind {@link StoreException.Kind#LOCKED} when another window edits the project, or
     *     {@link StoreException.Kind#READ_ONLY} when the lock file cannot be written (then the project cannot be
     *     either)
     */
    public static ProjectLock acquire(Path project) {
        Path file = fileOf(project);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "The project " + project
                    + " cannot be edited here: its folder is read-only.", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.READ_ONLY, "The project " + project
                    + " cannot be edited here: " + ProjectFiles.describe(e) + ".", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Java keeps one lock per file and process: another window of this program holds it.
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new StoreException(StoreException.Kind.OTHER, "Could not lock the project " + project + ": "
                    + ProjectFiles.describe(e) + ".", e);
        }
        if (lock == null) {
            close(channel);
            throw new StoreException(StoreException.Kind.LOCKED, "The project " + project
                    + " is open for editing in another FactSpan window.");
        }
        return new ProjectLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through it; the operating system frees the lock with the handle.
        }
    }
}
