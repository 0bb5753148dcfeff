package org.factspan.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.factspan.model.FactSpanException;

/**
 * A new project built beside its final name and moved into place only when it is complete and no file of that name
 * exists, so that no other program ever sees a half-made project, a failed creation leaves nothing behind (not even
 * an empty file: a full disk fails here, on the hidden draft), and two programs creating the same project at once
 * cannot both make it (ADR 0008).
 *
 * <p>Typical use: {@code try (NewProject draft = NewProject.begin(file)) { fill draft.store(); draft.publish(); }}.
 * Closing a draft that was not published deletes it; the draft has a hidden name of its own that no other program
 * knows, so deleting it can never remove anything another program has opened.
 */
public final class NewProject implements AutoCloseable {

    private final Path target;
    private final Path draft;
    private ProjectStore store;
    private boolean published;

    private NewProject(Path target, Path draft, ProjectStore store) {
        this.target = target;
        this.draft = draft;
        this.store = store;
    }

    /** Starts a new project with the default labels, to be published as {@code target}. */
    public static NewProject begin(Path target) {
        if (Files.exists(target)) {
            throw new FactSpanException("Cannot create the project " + target + ": a file of that name exists.");
        }
        Path folder = ProjectFiles.folder(target);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw ProjectFiles.cannot("create the folder for the project", target, e);
        }
        Path draft = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".creating");
        try {
            return new NewProject(target, draft, ProjectStore.build(draft, target));
        } catch (RuntimeException e) {
            deleteDraft(draft);
            throw e;
        }
    }

    /** The project being built; it becomes the project at the target's name when published. */
    public ProjectStore store() {
        return store;
    }

    public Path target() {
        return target;
    }

    /**
     * Closes the draft and moves it to the target's name unless a file of that name exists by now. Returns whether it
     * did; if not, another program created the project meanwhile, and the draft is deleted.
     */
    public boolean publish() {
        store.close();
        store = null;
        try {
            try {
                // A hard link is the one atomic "rename unless the name exists" that Java offers on POSIX systems.
                Files.createLink(target, draft);
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                if (e instanceof FileAlreadyExistsException) {
                    return false;
                }
                moveUnlessExists();
            } catch (FileSystemException e) {
                if (Files.exists(target)) {
                    return false;
                }
                // File systems without hard links (FAT, some network shares) refuse the link itself.
                moveUnlessExists();
            }
            published = true;
            ProjectFiles.syncFolder(ProjectFiles.folder(target));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw ProjectFiles.cannot("create the project", target, e);
        } finally {
            deleteDraft(draft);
        }
    }

    /**
     * Without hard links: a move that refuses an existing target. Java checks and renames in two steps, so a project
     * created in between by another program could be replaced; this is the best such file systems allow.
     */
    private void moveUnlessExists() throws IOException {
        Files.move(draft, target);
    }

    /** Deletes the draft unless it was published. */
    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
        if (!published) {
            deleteDraft(draft);
        }
    }

    private static void deleteDraft(Path draft) {
        for (Path file : ProjectFiles.withSideFiles(draft)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover hidden draft holds nothing anyone needs; the failure that led here has been reported.
            }
        }
    }
}
