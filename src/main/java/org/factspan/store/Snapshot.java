package org.factspan.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only views of one committed state of a project, for reading it on several threads as one consistent whole
 * (an export): labels, documents and every chunk of annotations come from the same state, whatever other programs
 * commit meanwhile.
 *
 * <p>How: each view is a connection in a read transaction, and SQLite fixes what a read transaction sees at its first
 * read. The views make that first read while a lock connection holds the project's write lock
 * ({@code BEGIN IMMEDIATE}), so no commit can fall between them; the lock is released as soon as they are lined up,
 * a few milliseconds, and the views keep their state until closed. Where the lock cannot be taken (a write-protected
 * file, which nothing else writes either) there is one view.
 */
public final class Snapshot implements AutoCloseable {

    private final List<ProjectStore> views;

    private Snapshot(List<ProjectStore> views) {
        this.views = views;
    }

    static Snapshot open(ProjectStore store, int readers) {
        List<ProjectStore> views = new ArrayList<>();
        try {
            Connection lock = ProjectFiles.canWrite(store.file()) ? Connections.edit(store.file(), store.waiting()) : null;
            boolean locked = false;
            try {
                if (lock != null) {
                    try (Statement statement = lock.createStatement()) {
                        statement.execute("BEGIN IMMEDIATE");
                        locked = true;
                    }
                }
                int count = lock == null ? 1 : 1 + Math.max(0, readers);
                for (int i = 0; i < count; i++) {
                    ProjectStore view = store.openView();
                    views.add(view);
                    view.beginRead();
                }
            } finally {
                if (lock != null) {
                    try (Statement statement = lock.createStatement()) {
                        if (locked) {
                            // The lock connection wrote nothing; ending its transaction releases the write lock.
                            statement.execute("ROLLBACK");
                        }
                    } finally {
                        lock.close();
                    }
                }
            }
            return new Snapshot(views);
        } catch (SQLException | RuntimeException e) {
            views.forEach(ProjectStore::close);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw StoreException.of("read", store.path(), (SQLException) e);
        }
    }

    /** The view to read labels and the document list from, and anything the reader threads do not. */
    public ProjectStore main() {
        return views.get(0);
    }

    /** The views for other threads, one each; possibly none. */
    public List<ProjectStore> readers() {
        return views.subList(1, views.size());
    }

    /** Ends the read transactions; the views are closed. */
    @Override
    public void close() {
        views.forEach(ProjectStore::close);
    }
}
