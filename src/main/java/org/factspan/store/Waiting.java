package org.factspan.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

import org.sqlite.BusyHandler;

/**
 * How long a store waits for another program's write to finish before it gives up with {@link StoreException.Kind#BUSY},
 * and whom it tells once the wait becomes noticeable.
 *
 * <p>The command line waits long (an import behind another import should wait, not fail); the window waits briefly,
 * because it waits on the thread that draws it, and then says "Not saved" with the reason.
 */
final class Waiting {

    /** After this long, {@link #notice} hears that the store is waiting. */
    private static final long NOTICE_AFTER_NANOS = Duration.ofSeconds(1).toNanos();

    private final String project;
    private volatile long limitNanos;
    private volatile Consumer<String> notice = message -> { };

    Waiting(Object project, Duration limit) {
        this.project = String.valueOf(project);
        setLimit(limit);
    }

    void setLimit(Duration limit) {
        limitNanos = limit.toNanos();
    }

    void setNotice(Consumer<String> notice) {
        this.notice = notice;
    }

    /** Each connection gets its own handler: SQLite calls it on the thread that waits, counting that wait's calls. */
    void attach(Connection connection) throws SQLException {
        BusyHandler.setHandler(connection, new BusyHandler() {
            private long started;
            private boolean noticed;

            @Override
            protected int callback(int previousCalls) {
                long now = System.nanoTime();
                if (previousCalls == 0) {
                    started = now;
                    noticed = false;
                }
                long waited = now - started;
                if (waited >= limitNanos) {
                    return 0;
                }
                if (!noticed && waited >= NOTICE_AFTER_NANOS) {
                    noticed = true;
                    notice.accept("Waiting for another program to finish writing to " + project + "...");
                }
                try {
                    // Short sleeps first: the window's own writes take a millisecond, an import's take seconds.
                    Thread.sleep(Math.min(1 + previousCalls, 20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                return 1;
            }
        });
    }
}
