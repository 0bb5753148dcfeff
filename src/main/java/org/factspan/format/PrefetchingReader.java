package org.factspan.format;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Provenance;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;

/**
 * Reads the documents of a project in order for an export, reading the next few on other threads (each with its own
 * read-only connection) while the caller writes the current one.
 *
 * <p>Reading rows through JDBC costs about three times as much as writing them as JSON, so on a machine with two or
 * more cores overlapping the two is what brings a million-annotation export near the speed of SQLite's own JSON
 * output. A document with more annotations than {@link #PREFETCH_LIMIT} is streamed on the caller's thread instead,
 * so memory stays bounded whatever the project holds.
 */
final class PrefetchingReader implements AutoCloseable {

    /** The annotations of a document, ready to be written. */
    interface Item {
        Document document();

        /** Provenance of the annotations accepted in a review, by annotation id; usually empty. */
        Map<String, Provenance> provenance();

        List<Comment> comments();

        /** Passes the annotation rows as JSON chunks ({@link ProjectStore#scanAnnotationChunks}). */
        void replay(ProjectStore.ChunkSink sink) throws IOException;
    }

    static final int PREFETCH_LIMIT = 50_000;

    private final ProjectStore store;
    private final Deque<DocumentSummary> pending;
    private final Deque<Future<Item>> ahead = new ArrayDeque<>();
    private final ExecutorService workers;
    private final int window;
    private final Queue<ProjectStore> readers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ProjectStore> reader;

    PrefetchingReader(ProjectStore store, List<DocumentSummary> documents) {
        this.store = store;
        this.pending = new ArrayDeque<>(documents);
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors() - 1);
        this.workers = threads > 0 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "factspan-export-reader");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.window = Math.max(1, threads) * 2;
        this.reader = ThreadLocal.withInitial(() -> {
            ProjectStore opened = store.openReader();
            readers.add(opened);
            return opened;
        });
    }

    /** The next document in order, or null after the last. */
    Item next() throws IOException {
        fill();
        Future<Item> item = ahead.poll();
        if (item == null) {
            return null;
        }
        try {
            return item.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the export was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private void fill() {
        while (ahead.size() < window && !pending.isEmpty()) {
            DocumentSummary summary = pending.poll();
            if (workers == null || summary.annotations() > PREFETCH_LIMIT) {
                ahead.add(java.util.concurrent.CompletableFuture.completedFuture(streamed(summary)));
                return;
            }
            ahead.add(workers.submit(() -> prefetched(reader.get(), summary)));
        }
    }

    /** Reads the document now on the caller's thread, and its rows when the caller replays them. */
    private Item streamed(DocumentSummary summary) {
        Document document = load(store, summary);
        Map<String, Provenance> provenance = store.provenance(document.id());
        List<Comment> comments = store.comments(document.id());
        return new Item() {
            @Override
            public Document document() {
                return document;
            }

            @Override
            public Map<String, Provenance> provenance() {
                return provenance;
            }

            @Override
            public List<Comment> comments() {
                return comments;
            }

            @Override
            public void replay(ProjectStore.ChunkSink sink) throws IOException {
                store.scanAnnotationChunks(document.id(), sink);
            }
        };
    }

    private static Item prefetched(ProjectStore source, DocumentSummary summary) throws IOException {
        Document document = load(source, summary);
        List<byte[]> chunks = new ArrayList<>();
        source.scanAnnotationChunks(document.id(), chunks::add);
        Map<String, Provenance> provenance = source.provenance(document.id());
        List<Comment> comments = source.comments(document.id());
        return new Item() {
            @Override
            public Document document() {
                return document;
            }

            @Override
            public Map<String, Provenance> provenance() {
                return provenance;
            }

            @Override
            public List<Comment> comments() {
                return comments;
            }

            @Override
            public void replay(ProjectStore.ChunkSink sink) throws IOException {
                for (byte[] chunk : chunks) {
                    sink.chunk(chunk);
                }
            }
        };
    }

    private static Document load(ProjectStore source, DocumentSummary summary) {
        return source.document(summary.id()).orElseThrow(() -> new FactSpanException("The document \""
                + summary.title() + "\" was deleted during the export; export again."));
    }

    @Override
    public void close() {
        if (workers != null) {
            ahead.forEach(future -> future.cancel(true));
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        readers.forEach(ProjectStore::close);
    }
}
