package org.factspan.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import javafx.application.Platform;

/**
 * Runs slow work (reading and decoding dropped files) off the JavaFX thread and hands the result back on it.
 *
 * <p>An interface so that view-model tests can run everything on the calling thread ({@link #inline()}) and need no
 * threads or toolkit.
 */
public interface Tasks {

    /** Work that reports its progress from 0 to 1. */
    @FunctionalInterface
    interface Work<T> {
        T call(DoubleConsumer progress) throws Exception;
    }

    /** Runs {@code work}; progress, the result or the failure arrive on the thread that owns the view. */
    <T> void run(Work<T> work, DoubleConsumer progress, Consumer<T> done, Consumer<Exception> failed);

    /** Background threads, results on the JavaFX application thread. */
    static Tasks background() {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "factspan-background");
            thread.setDaemon(true);
            return thread;
        });
        return new Tasks() {
            @Override
            public <T> void run(Work<T> work, DoubleConsumer progress, Consumer<T> done,
                                Consumer<Exception> failed) {
                pool.execute(() -> {
                    try {
                        T result = work.call(p -> Platform.runLater(() -> progress.accept(p)));
                        Platform.runLater(() -> done.accept(result));
                    } catch (Exception e) {
                        Platform.runLater(() -> failed.accept(e));
                    }
                });
            }
        };
    }

    /** Everything at once on the calling thread. */
    static Tasks inline() {
        return new Tasks() {
            @Override
            public <T> void run(Work<T> work, DoubleConsumer progress, Consumer<T> done,
                                Consumer<Exception> failed) {
                T result;
                try {
                    result = work.call(progress);
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }
        };
    }
}
