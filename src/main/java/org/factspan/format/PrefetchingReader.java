package org.factspan.format;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Link;
import org.factspan.model.Provenance;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.store.Snapshot;

/**
 * Reads and renders the documents of a project in order for an export, working on the next few on other threads
 * (each with its own view of the same {@link Snapshot}) while the caller writes the current one.
 *
 * <p>Fetching rows and turning them into JSON text is nearly all the work of a big export, and it is independent per
 * document, so on two or more cores doing it ahead, in parallel, is what brings a million-annotation export near the
 * speed of SQLite's own JSON output. A document with more annotations than {@link #PREFETCH_LIMIT} is streamed on the
 * caller's thread instead, chunk by chunk, so memory stays bounded whatever the project holds.
 */
final class PrefetchingReader implements AutoCloseable {

    /** Turns one chunk of rows ({@link ProjectStore#scanAnnotationChunks}) into output text. */
    @FunctionalInterface
    interface Renderer {
        byte[] render(byte[] chunk, Map<String, Provenance> provenance, boolean first) throws IOException;
    }

    /** Receives rendered text in order. */
    @FunctionalInterface
    interface Output {
        void write(byte[] text) throws IOException;
    }

    /** A document, ready to be written. */
    interface Item {
        Document document();

        List<Comment> comments();

        List<Link> links();

        /** Passes the rendered annotations, in order. */
        void annotations(Output output) throws IOException;
    }

    static final int PREFETCH_LIMIT = 50_000;

    private final ProjectStore store;
    private final Renderer renderer;
    private final Deque<DocumentSummary> pending;
    private final Deque<Future<Item>> ahead = new ArrayDeque<>();
    private final ExecutorService workers;
    private final int window;
    /** The snapshot's views not in use by a worker at the moment. */
    private final BlockingQueue<ProjectStore> readers;

    /** How many reader threads are worth it on this machine: none on one core, else up to three. */
    static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores > 1 ? Math.min(3, cores) : 0;
    }

    /**
     * @param store the snapshot's main view, read on the caller's thread
     * @param readers the snapshot's other views, one per worker thread; none makes the reader work on the caller's
     *     thread alone
     */
    PrefetchingReader(ProjectStore store, List<ProjectStore> readers, List<DocumentSummary> documents,
                      Renderer renderer) {
        this.store = store;
        this.renderer = renderer;
        this.pending = new ArrayDeque<>(documents);
        this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()), false, readers);
        int threads = readers.size();
        this.workers = threads > 0 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "factspan-export-reader");
            thread.setDaemon(true);
            return thread;
        }) : null;
        this.window = Math.max(1, threads) * 2;
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
                ahead.add(CompletableFuture.completedFuture(streamed(summary)));
                return;
            }
            ahead.add(workers.submit(() -> {
                ProjectStore reader = readers.take();
                try {
                    return prefetched(reader, summary);
                } finally {
                    readers.add(reader);
                }
            }));
        }
    }

    /** An item whose annotations come from {@code source} when written. */
    private record Loaded(Document document, List<Comment> comments, List<Link> links, Source source)
            implements Item {
        @Override
        public void annotations(Output output) throws IOException {
            source.writeTo(output);
        }
    }

    @FunctionalInterface
    private interface Source {
        void writeTo(Output output) throws IOException;
    }

    /** Reads the document now on the caller's thread, and renders its rows chunk by chunk as they are written. */
    private Item streamed(DocumentSummary summary) {
        Document document = load(store, summary);
        Map<String, Provenance> provenance = store.provenance(document.id());
        return new Loaded(document, store.comments(document.id()), store.links(document.id()), output -> {
            boolean[] first = {true};
            store.scanAnnotationChunks(document.id(), chunk -> {
                output.write(renderer.render(chunk, provenance, first[0]));
                first[0] = false;
            });
        });
    }

    private Item prefetched(ProjectStore source, DocumentSummary summary) throws IOException {
        Document document = load(source, summary);
        Map<String, Provenance> provenance = source.provenance(document.id());
        List<byte[]> rendered = new ArrayList<>();
        source.scanAnnotationChunks(document.id(),
                chunk -> rendered.add(renderer.render(chunk, provenance, rendered.isEmpty())));
        return new Loaded(document, source.comments(document.id()), source.links(document.id()), output -> {
            for (byte[] text : rendered) {
                output.write(text);
            }
        });
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
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
