package org.factspan.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.Provenance;
import org.factspan.model.ReviewMark;

/**
 * A FactSpan project: one SQLite file holding labels, documents and annotations.
 *
 * <p><b>Durability.</b> Every method that changes the project has committed the change to the file when it returns
 * (SQLite in WAL mode with {@code synchronous=FULL}; see {@code docs/decisions/0002-every-edit-committed.md}).
 * {@link #inTransaction} groups the writes of an import so that a refused file leaves the project unchanged.
 *
 * <p><b>Sharing.</b> Several programs may open one project (ADR 0008): every write transaction takes the write lock
 * at its start ({@code BEGIN IMMEDIATE}) and waits for another program's write to finish - long on the command line,
 * briefly in the window ({@link #setWriteWait}) - before it fails with {@link StoreException.Kind#BUSY}. A new project
 * is built aside and moved into place ({@link NewProject}). Reads that must agree with each other, as an export's,
 * share one {@link Snapshot}.
 *
 * <p><b>Validation.</b> Every write checks the rules of {@link org.factspan.model.Span}: offsets inside the text, the
 * quote equal to the text it covers, a known label, and no second annotation with the same label and offsets.
 *
 * <p><b>Layout.</b> This class opens the file and holds the connection, its transactions and the read-only rule; the
 * SQL of each group of tables is in a class of its own that shares the connection: {@link DocumentTables} (labels and
 * documents), {@link AnnotationTable}, {@link AnnotationChunks} (chunked reads), {@link ReviewTables} and
 * {@link LinkTable}. It stays over 400 lines because it is the store's one public face: most of its lines are short
 * delegations to those classes and the Javadoc callers read.
 *
 * <p>Not thread-safe: one thread (the window's, or the command line's) uses a store at a time.
 */
public final class ProjectStore implements AutoCloseable {

    /** The file name extension of projects. */
    public static final String EXTENSION = ".factspan";

    /** How long a store waits for another program's write unless told otherwise: an import waits for an import. */
    static final Duration DEFAULT_WRITE_WAIT = Duration.ofMinutes(10);

    /** The project's file as the user named it, for messages. */
    private final Path path;
    /** The file SQLite has open: {@link #path}, or the hidden draft of a {@link NewProject}. */
    private final Path file;
    private final Connection connection;
    private final Waiting waiting;
    /** Null for a store that may write; else the sentence that refuses a write. */
    private final String readOnlyReason;
    private int transactionDepth;
    private final DocumentTables documents;
    private final AnnotationChunks chunks;
    private final AnnotationTable annotations;
    private final ReviewTables review;
    private final LinkTable linkTable;

    private ProjectStore(Path path, Path file, Connection connection, Waiting waiting, String readOnlyReason)
            throws SQLException {
        this.path = path;
        this.file = file;
        this.connection = connection;
        this.waiting = waiting;
        this.readOnlyReason = readOnlyReason;
        this.documents = new DocumentTables(this, connection);
        this.chunks = new AnnotationChunks(this, connection);
        this.annotations = new AnnotationTable(this, connection, documents, chunks);
        this.review = new ReviewTables(this, connection);
        this.linkTable = new LinkTable(connection);
    }

    /**
     * Opens an existing project for reading and editing. Refuses, leaving the file untouched, a file that is missing,
     * not SQLite, not a FactSpan project, from a newer FactSpan, or one this user cannot write. Opening does not write
     * to the file; only a project from an older FactSpan is upgraded to the current schema.
     */
    public static ProjectStore open(Path file) {
        checkProjectFile(file);
        int version = ProjectHeader.check(file);
        ProjectFiles.requireWritable(file);
        Waiting waiting = new Waiting(file, DEFAULT_WRITE_WAIT);
        try {
            Connection connection = Connections.edit(file, waiting);
            try {
                if (version < Schema.VERSION || checkInside(connection, file) < Schema.VERSION) {
                    Schema.migrate(connection);
                    try (Statement statement = connection.createStatement()) {
                        // Puts the new version into the file's header, which is what open() checks first.
                        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                }
                return new ProjectStore(file, file, connection, waiting, null);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.of("open", file, e);
        }
    }

    /** Opens an existing project that this store will never write to (a colleague's file under review). */
    public static ProjectStore openReadOnly(Path file) {
        return openReadOnly(file, "The project " + file + " was opened read-only, so it cannot be changed here.");
    }

    /**
     * Opens an existing project that this store will never write to; every write is refused with {@code reason}, one
     * sentence that says why (another window edits the project, the file is write-protected, ...).
     */
    public static ProjectStore openReadOnly(Path file, String reason) {
        checkProjectFile(file);
        int version = ProjectHeader.check(file);
        if (version < Schema.VERSION) {
            throw new FactSpanException(file + " was written by an older FactSpan (project schema " + version
                    + "); open it once in the window or with 'factspan import' to upgrade it.");
        }
        Waiting waiting = new Waiting(file, DEFAULT_WRITE_WAIT);
        try {
            Connection connection = Connections.read(file, waiting);
            try {
                checkInside(connection, file);
                return new ProjectStore(file, file, connection, waiting, reason);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.of("open", file, e);
        }
    }

    /** Creates a new project with the default labels. Refuses if {@code file} exists. */
    public static ProjectStore create(Path file) {
        try (NewProject draft = NewProject.begin(file)) {
            if (!draft.publish()) {
                throw new FactSpanException("Cannot create the project " + file + ": a file of that name exists.");
            }
        }
        return open(file);
    }

    /**
     * Opens {@code file}, creating a new project there if no file exists. Of two programs creating one project at
     * once, one creates it and the other opens it.
     */
    public static ProjectStore openOrCreate(Path file) {
        if (!Files.exists(file)) {
            try (NewProject draft = NewProject.begin(file)) {
                draft.publish();
            } catch (FactSpanException e) {
                if (!Files.exists(file)) {
                    throw e;
                }
            }
        }
        return open(file);
    }

    /** A new, empty project with the default labels in {@code draft}, named {@code target} in messages. */
    static ProjectStore build(Path draft, Path target) {
        Waiting waiting = new Waiting(target, DEFAULT_WRITE_WAIT);
        try {
            Connection connection = Connections.edit(draft, waiting);
            try (Statement statement = connection.createStatement()) {
                // Before WAL, so that the application id and schema version land in the file's header at once: the
                // header is what open() checks, and in WAL mode it would wait in the log until a checkpoint.
                Schema.migrate(connection);
                statement.executeUpdate("PRAGMA journal_mode = WAL");
                ProjectStore store = new ProjectStore(target, draft, connection, waiting, null);
                store.inTransaction(() -> {
                    DefaultLabels.get().forEach(store::addLabel);
                    DefaultLabels.linkTypes().forEach(store::addLinkType);
                });
                return store;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.kindOf(e), StoreException.of("create", target, e).getMessage()
                    .replaceFirst("^Could not create", "Cannot create"), e);
        }
    }

    private static void checkProjectFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FactSpanException(Files.isDirectory(file) ? file + " is not a FactSpan project (it is a folder)."
                    : Files.exists(file)
                            ? file + " is not a FactSpan project (it is a device or other special file, not a regular"
                                    + " file)."
                    : "There is no project " + file + ".");
        }
    }

    /** Checks the application id and schema version as SQLite reads them, through a {@code -wal} if there is one. */
    private static int checkInside(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int applicationId;
            int version;
            try (ResultSet rows = statement.executeQuery("PRAGMA application_id")) {
                applicationId = rows.next() ? rows.getInt(1) : 0;
            }
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                version = rows.next() ? rows.getInt(1) : 0;
            }
            return ProjectHeader.checkVersion(file, applicationId, version);
        }
    }

    /**
     * Opens the views of one consistent state of the project, as of now, for reading on several threads: every view
     * sees the same committed state, whatever other programs write meanwhile, until the snapshot is closed. This store
     * itself is not part of it and stays free for writing.
     *
     * @param readers how many views beyond {@link Snapshot#main()} are wanted; fewer are made when the file cannot be
     *     locked for the instant it takes to line them up (a write-protected file: then nothing else writes it either)
     */
    public Snapshot snapshot(int readers) {
        return Snapshot.open(this, readers);
    }

    /** A read-only view of the same project, for a {@link Snapshot}. */
    ProjectStore openView() throws SQLException {
        return new ProjectStore(path, file, Connections.read(file, waiting), waiting,
                "The project " + path + " is being read for an export here and cannot be changed through it.");
    }

    /** The file SQLite has open, for {@link Snapshot}'s lock. */
    Path file() {
        return file;
    }

    Waiting waiting() {
        return waiting;
    }

    /** Starts a read transaction and reads once, which fixes the state this connection sees until {@link #endRead}. */
    void beginRead() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM label")) {
                rows.next();
            }
        }
    }

    /**
     * How long a write waits for another program's write to finish before it fails with
     * {@link StoreException.Kind#BUSY}. The window sets a short wait, as it waits on the thread that draws it.
     */
    public void setWriteWait(Duration wait) {
        waiting.setLimit(wait);
    }

    /** Hears, once per wait, when a write has waited for another program for a second (the command line says so). */
    public void onWaiting(Consumer<String> notice) {
        waiting.setNotice(notice);
    }

    /**
     * A number that changes whenever another connection - another program, or another store in this one - commits a
     * change to the project ({@code PRAGMA data_version}); a window polls it to show what an import added.
     */
    public long dataVersion() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA data_version")) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Whether this store refuses writes; {@link #readOnlyReason()} says why. */
    public boolean isReadOnly() {
        return readOnlyReason != null;
    }

    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    public Path path() {
        return path;
    }

    /** The project's name: its file name without the extension. */
    public String name() {
        String fileName = path.getFileName().toString();
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    public int schemaVersion() {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Runs {@code work} as one transaction: every write in it lands, or, if it throws, none does. The write lock is
     * taken at the start, waiting for another program's write if need be, so the transaction never fails halfway
     * because the project is busy. Nested calls join the outer transaction.
     */
    public void inTransaction(Runnable work) {
        checkWritable();
        if (transactionDepth > 0) {
            work.run();
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            transactionDepth++;
            try {
                work.run();
                statement.execute("COMMIT");
            } catch (RuntimeException | Error | SQLException e) {
                rollbackQuietly(connection, e);
                documents.forgetTexts();
                throw e;
            } finally {
                transactionDepth--;
            }
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /**
     * Rolls back after {@code failure}. SQLite has already rolled back after some errors (a full disk), and then says
     * there is no transaction; that is no news.
     */
    static void rollbackQuietly(Connection connection, Throwable failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException rollback) {
            if (!String.valueOf(rollback.getMessage()).contains("no transaction is active")) {
                failure.addSuppressed(rollback);
            }
        }
    }

    // ---- labels and documents ------------------------------------------------------------------------------------

    public List<Label> labels() {
        return documents.labels();
    }

    /** Adds a label after the existing ones. A key already taken by another label is dropped (set to 0). */
    public void addLabel(Label label) {
        documents.addLabel(label);
    }

    public List<DocumentSummary> documents() {
        return documents.documents();
    }

    public Optional<Document> document(String id) {
        return documents.document("id", id);
    }

    public Optional<Document> documentBySha256(String sha256) {
        return documents.document("sha256", sha256);
    }

    /**
     * Adds {@code document} unless the project already holds a document with the same text (same SHA-256), and
     * returns the document the project now holds for that text: the new one or the one that was there.
     */
    public Document addDocumentIfAbsent(Document document) {
        return documents.addDocumentIfAbsent(document);
    }

    // ---- annotations ----------------------------------------------------------------------------------------------

    /** The annotations of one document in {@link Annotation#READING_ORDER}. */
    public List<Annotation> annotations(String documentId) {
        return annotations.annotations(documentId);
    }

    /** Receives a document's annotation rows as JSON text built by SQLite; see {@link #scanAnnotationChunks}. */
    @FunctionalInterface
    public interface ChunkSink {
        void chunk(byte[] json) throws IOException;
    }

    /**
     * Passes a document's annotations to {@code sink} as UTF-8 JSON arrays of up to 10,000 rows, in the order of
     * {@link #annotations(String)}; each row is {@code [id, label, start, end, quote, annotator, created, modified,
     * note]}, times as stored. Use {@link #chunkParser} to read one.
     *
     * <p>Why JSON: fetching columns one by one through JDBC costs a native call per value, which made loading 100,000
     * annotations take well over its half-second budget; one string per chunk, built by SQLite, takes a third of
     * that, and an export can copy the values to its output without making strings. Chunks keep memory bounded for
     * any document (the offset costs a little on documents of hundreds of thousands of annotations).
     */
    public void scanAnnotationChunks(String documentId, ChunkSink sink) throws IOException {
        chunks.scan(documentId, sink);
    }

    /** A parser over one chunk of {@link #scanAnnotationChunks}, for callers that copy values without strings. */
    public static JsonParser chunkParser(byte[] json) throws IOException {
        return AnnotationChunks.parser(json);
    }

    public Optional<Annotation> annotation(String id) {
        return annotations.annotation(id);
    }

    /** Stores a new annotation after checking it against its document. */
    public void insert(Annotation annotation) {
        annotations.insert(annotation);
    }

    /** The stored annotations that have one of {@code ids}, by id, read in one query. */
    public Map<String, Annotation> annotationsWithIds(java.util.Collection<String> ids) {
        try {
            return Batches.annotationsWithIds(connection, ids);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Stores new annotations after checking each against its document, as one batch. */
    public void insertAll(List<Annotation> annotations) {
        this.annotations.insertAll(annotations);
    }

    /** Replaces the stored annotation that has the same id, after checking the new version against its document. */
    public void update(Annotation annotation) {
        checkLinksKeepTheirRules(annotation);
        annotations.update(annotation);
    }

    /**
     * Deletes the annotation with this id; returns whether there was one. Its links must be deleted first (the
     * {@code Editor} does both in one edit, so that undo restores both).
     */
    public boolean delete(String annotationId) {
        return annotations.delete(annotationId);
    }

    /** How many annotations each label has, over the whole project, in label order (labels without any included). */
    public Map<String, Integer> labelCounts() {
        return annotations.labelCounts(null);
    }

    /** How many annotations each label has in one document, in label order. */
    public Map<String, Integer> labelCounts(String documentId) {
        return annotations.labelCounts(documentId);
    }

    // ---- links --------------------------------------------------------------------------------------------------

    /** The project's link types, in the order they were added. */
    public List<LinkType> linkTypes() {
        try {
            return linkTable.types();
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Adds a link type after the existing ones; its labels must be the project's. */
    public void addLinkType(LinkType type) {
        checkWritable();
        try {
            linkTable.insertType(type);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** The links of one document, oldest first. */
    public List<Link> links(String documentId) {
        try {
            return linkTable.links(documentId);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** The links that start or end at one annotation, oldest first. */
    public List<Link> linksOf(String annotationId) {
        try {
            return linkTable.linksOf(annotationId);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    public Optional<Link> link(String id) {
        try {
            return linkTable.link(id);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Stores a new link after checking it: both ends exist in its document and are two annotations, their labels are
     * the ones its type allows, and no link of its type joins them yet.
     */
    public void insert(Link link) {
        checkWritable();
        try {
            linkTable.check(link, this::annotation);
            linkTable.insert(link);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** Replaces the stored link with the same id (a new type or note), after checking the new version. */
    public void update(Link link) {
        checkWritable();
        boolean changed;
        try {
            linkTable.check(link, this::annotation);
            changed = linkTable.update(link);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
        if (!changed) {
            throw new FactSpanException("There is no link " + link.id() + " to change.");
        }
    }

    /** Deletes the link with this id; returns whether there was one. */
    public boolean deleteLink(String linkId) {
        checkWritable();
        try {
            return linkTable.delete(linkId);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /**
     * Refuses a new label for a linked annotation that one of its links' types does not allow. Most annotations have no
     * links, so this costs one indexed query per update; an unchanged label passes the check as it passed before.
     */
    private void checkLinksKeepTheirRules(Annotation annotation) {
        for (Link link : linksOf(annotation.id())) {
            try {
                linkTable.check(link, id -> id.equals(annotation.id()) ? Optional.of(annotation) : annotation(id));
            } catch (FactSpanException e) {
                String rule = e.getMessage().substring(0, e.getMessage().length() - 1);
                throw new FactSpanException("Annotation " + annotation.id() + " cannot become " + annotation.label()
                        + ": its " + link.type() + " link would break the rule (" + rule + ").", e);
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    // ---- review: provenance, comments, decisions ------------------------------------------------------------------

    /** Where each annotation of a document that was accepted from a colleague's file came from, by annotation id. */
    public Map<String, Provenance> provenance(String documentId) {
        return review.provenance(documentId);
    }

    /** Where one annotation was accepted from, if it was. */
    public Optional<Provenance> provenanceOf(String annotationId) {
        return review.provenanceOf(annotationId);
    }

    /** Records where each of several annotations was accepted from, as one batch. */
    public void setProvenance(Map<String, Provenance> provenance) {
        checkWritable();
        try {
            Batches.setProvenance(connection, provenance);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** Records (or, with null, forgets) where an annotation of this project was accepted from. */
    public void setProvenance(String annotationId, Provenance provenance) {
        review.setProvenance(annotationId, provenance);
    }

    /** The comments on a document's annotations and differences, oldest first. */
    public List<Comment> comments(String documentId) {
        return review.comments(documentId);
    }

    public Optional<Comment> comment(String commentId) {
        return review.comment(commentId);
    }

    /** Adds a comment, or replaces the one with the same id. */
    public void putComment(Comment comment) {
        review.putComment(comment);
    }

    public void deleteComment(String commentId) {
        review.deleteComment(commentId);
    }

    /** The decisions recorded in the review of {@code review} (the colleague's file), by annotation id. */
    public Map<String, ReviewMark> reviewMarks(String review) {
        return this.review.reviewMarks(review);
    }

    /** The decision recorded on one annotation in the review of {@code review}, if any. */
    public Optional<ReviewMark> reviewMark(String review, String annotationId) {
        return this.review.reviewMark(review, annotationId);
    }

    /** Records a decision, or with {@code mark} null removes the one on {@code annotationId} in {@code review}. */
    public void setReviewMark(String review, String annotationId, ReviewMark mark) {
        this.review.setReviewMark(review, annotationId, mark);
    }

    @Override
    public void close() {
        try {
            if (connection.isClosed()) {
                return;
            }
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    /** Refuses a write to a read-only store with the sentence that says why; every write calls it first. */
    void checkWritable() {
        if (readOnlyReason != null) {
            throw new StoreException(StoreException.Kind.READ_ONLY, readOnlyReason);
        }
    }

    StoreException failure(String verb, SQLException e) {
        return StoreException.of(verb, path, e);
    }
}
