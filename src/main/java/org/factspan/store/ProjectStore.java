package org.factspan.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Decision;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Provenance;
import org.factspan.model.ReviewMark;
import org.factspan.model.Timestamps;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
 * <p>Not thread-safe: one thread (the window's, or the command line's) uses a store at a time.
 */
public final class ProjectStore implements AutoCloseable {

    /** The file name extension of projects. */
    public static final String EXTENSION = ".factspan";

    /** How long a store waits for another program's write unless told otherwise: an import waits for an import. */
    static final Duration DEFAULT_WRITE_WAIT = Duration.ofMinutes(10);

    static final String ANNOTATION_COLUMNS =
            "id, document_id, label, start_offset, end_offset, quote, annotator, created, modified, note";
    /** Enough for the window and a review side by side; texts can be megabytes each. */
    private static final int TEXT_CACHE_SIZE = 3;

    /** The project's file as the user named it, for messages. */
    private final Path path;
    /** The file SQLite has open: {@link #path}, or the hidden draft of a {@link NewProject}. */
    private final Path file;
    private final Connection connection;
    private final Waiting waiting;
    /** Null for a store that may write; else the sentence that refuses a write. */
    private final String readOnlyReason;
    private int transactionDepth;
    private final Map<String, CodePointIndex> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CodePointIndex> eldest) {
            return size() > TEXT_CACHE_SIZE;
        }
    };
    private final PreparedStatement insertAnnotation;
    private final PreparedStatement updateAnnotation;
    private final PreparedStatement deleteAnnotation;
    private final PreparedStatement selectAnnotation;

    private ProjectStore(Path path, Path file, Connection connection, Waiting waiting, String readOnlyReason)
            throws SQLException {
        this.path = path;
        this.file = file;
        this.connection = connection;
        this.waiting = waiting;
        this.readOnlyReason = readOnlyReason;
        this.insertAnnotation = connection.prepareStatement(
                "INSERT INTO annotation (" + ANNOTATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.updateAnnotation = connection.prepareStatement(
                "UPDATE annotation SET document_id = ?, label = ?, start_offset = ?, end_offset = ?, quote = ?,"
                        + " annotator = ?, created = ?, modified = ?, note = ? WHERE id = ?");
        this.deleteAnnotation = connection.prepareStatement("DELETE FROM annotation WHERE id = ?");
        this.selectAnnotation = connection.prepareStatement(
                "SELECT " + ANNOTATION_COLUMNS + " FROM annotation WHERE id = ?");
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
                store.inTransaction(() -> DefaultLabels.get().forEach(store::addLabel));
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
                texts.clear();
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

    // ---- labels ---------------------------------------------------------------------------------------------------

    public List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, color, shortcut FROM label ORDER BY position")) {
            while (rows.next()) {
                labels.add(new Label(rows.getString(1), rows.getString(2), rows.getInt(3)));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return labels;
    }

    /** Adds a label after the existing ones. A key already taken by another label is dropped (set to 0). */
    public void addLabel(Label label) {
        checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO label (name, color, shortcut, position) VALUES (?, ?,"
                        + " CASE WHEN ? > 0 AND NOT EXISTS (SELECT 1 FROM label WHERE shortcut = ?) THEN ? ELSE 0 END,"
                        + " (SELECT COALESCE(MAX(position), 0) + 1 FROM label))")) {
            statement.setString(1, label.name());
            statement.setString(2, label.color());
            statement.setInt(3, label.key());
            statement.setInt(4, label.key());
            statement.setInt(5, label.key());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                throw new FactSpanException("The project already has a label named " + label.name() + ".");
            }
            throw failure("write to", e);
        }
    }

    // ---- documents ------------------------------------------------------------------------------------------------

    public List<DocumentSummary> documents() {
        List<DocumentSummary> documents = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT d.id, d.title, d.source, d.sha256, d.length, d.imported,"
                             + " (SELECT COUNT(*) FROM annotation a WHERE a.document_id = d.id)"
                             + " FROM document d ORDER BY d.position")) {
            while (rows.next()) {
                documents.add(new DocumentSummary(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getInt(5), Timestamps.parse(rows.getString(6)), rows.getInt(7)));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return documents;
    }

    public Optional<Document> document(String id) {
        return findDocument("id", id);
    }

    public Optional<Document> documentBySha256(String sha256) {
        return findDocument("sha256", sha256);
    }

    private Optional<Document> findDocument(String column, String value) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, title, source, sha256, text, imported FROM document WHERE " + column + " = ?")) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Document document = new Document(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), Timestamps.parse(rows.getString(6)));
                texts.put(document.id(), document.index());
                return Optional.of(document);
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Adds {@code document} unless the project already holds a document with the same text (same SHA-256), and
     * returns the document the project now holds for that text: the new one or the one that was there.
     */
    public Document addDocumentIfAbsent(Document document) {
        checkWritable();
        Optional<Document> existing = documentBySha256(document.sha256());
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO document (id, title, source, sha256, text, length, imported, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM document))")) {
            statement.setString(1, document.id());
            statement.setString(2, document.title());
            statement.setString(3, document.source());
            statement.setString(4, document.sha256());
            statement.setString(5, document.text());
            statement.setInt(6, document.length());
            statement.setString(7, Timestamps.format(document.imported()));
            statement.executeUpdate();
        } catch (SQLException e) {
            if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                throw new FactSpanException("The project already has a different document with the id "
                        + document.id() + " (\"" + document.title() + "\").");
            }
            throw failure("write to", e);
        }
        texts.put(document.id(), document.index());
        return document;
    }

    // ---- annotations ----------------------------------------------------------------------------------------------

    /** The annotations of one document, by start and then end offset. */
    public List<Annotation> annotations(String documentId) {
        List<Annotation> annotations = new ArrayList<>();
        try {
            readRows(documentId, (id, label, start, end, quote, annotator, created, modified, note) ->
                    annotations.add(new Annotation(id, documentId, label, start, end, quote, annotator,
                            Timestamps.parse(created), Timestamps.parse(modified), note)));
        } catch (IOException e) {
            throw new FactSpanException("Could not read the annotations of " + path + ": " + e.getMessage() + ".", e);
        }
        return annotations;
    }

    /** Rows per round trip to SQLite when reading a document's annotations. */
    private static final int CHUNK = 10_000;
    private static final JsonFactory ROWS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    /** Receives a document's annotation rows as JSON text built by SQLite; see {@link #scanAnnotationChunks}. */
    @FunctionalInterface
    public interface ChunkSink {
        void chunk(byte[] json) throws IOException;
    }

    /**
     * Passes a document's annotations to {@code sink} as UTF-8 JSON arrays of up to 10,000 rows, in the order of
     * {@link #annotations(String)}; each row is {@code [id, label, start, end, quote, annotator, created, modified,
     * note]}, times as stored. Use {@link #parseChunk} to read one.
     *
     * <p>Why JSON: fetching columns one by one through JDBC costs a native call per value, which made loading 100,000
     * annotations take well over its half-second budget; one string per chunk, built by SQLite, takes a third of
     * that, and an export can copy the values to its output without making strings. Chunks keep memory bounded for
     * any document (the offset costs a little on documents of hundreds of thousands of annotations).
     */
    public void scanAnnotationChunks(String documentId, ChunkSink sink) throws IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                // The aggregate takes the rows in the order of the ordered subquery (an ORDER BY inside the aggregate
                // would sort them a second time and cost more than the whole read); the pinned SQLite behaves so, and
                // ProjectStoreTest.annotationsComeInReadingOrderWhateverTheOrderOfInsertion checks it.
                "SELECT json_group_array(json_array(id, label, start_offset, end_offset, quote, annotator, created,"
                        + " modified, note)), count(*)"
                        + " FROM (SELECT * FROM annotation WHERE document_id = ?"
                        + " ORDER BY start_offset, end_offset, label LIMIT " + CHUNK + " OFFSET ?)")) {
            for (int offset = 0; ; offset += CHUNK) {
                statement.setString(1, documentId);
                statement.setInt(2, offset);
                byte[] json;
                int rows;
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    json = result.getBytes(1);
                    rows = result.getInt(2);
                }
                if (rows > 0) {
                    sink.chunk(json);
                }
                if (rows < CHUNK) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Reads one chunk of {@link #scanAnnotationChunks} row by row. */
    public static void parseChunk(byte[] json, AnnotationSink sink) throws IOException {
        try (JsonParser parser = ROWS.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                String id = parser.nextTextValue();
                String label = parser.nextTextValue();
                int start = parser.nextIntValue(0);
                int end = parser.nextIntValue(0);
                String quote = parser.nextTextValue();
                String annotator = parser.nextTextValue();
                String created = parser.nextTextValue();
                String modified = parser.nextTextValue();
                String note = parser.nextTextValue();
                parser.nextToken();
                sink.annotation(id, label, start, end, quote, annotator, created, modified, note);
            }
        }
    }

    /** A parser over one chunk of {@link #scanAnnotationChunks}, for callers that copy values without strings. */
    public static JsonParser chunkParser(byte[] json) throws IOException {
        return ROWS.createParser(json);
    }

    private void readRows(String documentId, AnnotationSink sink) throws IOException {
        scanAnnotationChunks(documentId, json -> parseChunk(json, sink));
    }

    public Optional<Annotation> annotation(String id) {
        try {
            selectAnnotation.setString(1, id);
            try (ResultSet rows = selectAnnotation.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Stores a new annotation after checking it against its document. */
    public void insert(Annotation annotation) {
        checkWritable();
        check(annotation);
        try {
            bind(insertAnnotation, annotation, 1);
            insertAnnotation.setString(1, annotation.id());
            insertAnnotation.executeUpdate();
        } catch (SQLException e) {
            throw refusal(annotation, e);
        }
    }

    /** The annotations the project holds with any of {@code ids}, by id, in any document; one query for all. */
    public Map<String, Annotation> annotationsWithIds(java.util.Collection<String> ids) {
        try {
            return Batches.annotationsWithIds(connection, ids);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * Stores new annotations after checking each against its document, as one batch: an import's many rows. The
     * caller has made sure that their ids are new and their labels and offsets free (an import decides that for a whole
     * document in memory); a batch that breaks a constraint fails as a whole, without naming the annotation.
     */
    public void insertAll(List<Annotation> annotations) {
        checkWritable();
        annotations.forEach(this::check);
        try {
            Batches.insert(insertAnnotation, annotations);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** Replaces the stored annotation that has the same id, after checking the new version against its document. */
    public void update(Annotation annotation) {
        checkWritable();
        check(annotation);
        int changed;
        try {
            bind(updateAnnotation, annotation, 0);
            updateAnnotation.setString(10, annotation.id());
            changed = updateAnnotation.executeUpdate();
        } catch (SQLException e) {
            throw refusal(annotation, e);
        }
        if (changed == 0) {
            throw new FactSpanException("There is no annotation " + annotation.id() + " to change.");
        }
    }

    /** Deletes the annotation with this id; returns whether there was one. */
    public boolean delete(String annotationId) {
        checkWritable();
        try {
            deleteAnnotation.setString(1, annotationId);
            return deleteAnnotation.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** How many annotations each label has, over the whole project, in label order (labels without any included). */
    public Map<String, Integer> labelCounts() {
        return labelCounts(null);
    }

    /** How many annotations each label has in one document, in label order. */
    public Map<String, Integer> labelCounts(String documentId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String sql = "SELECT l.name, (SELECT COUNT(*) FROM annotation a WHERE a.label = l.name"
                + (documentId == null ? "" : " AND a.document_id = ?") + ") FROM label l ORDER BY l.position";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (documentId != null) {
                statement.setString(1, documentId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return counts;
    }

    // ---- review: provenance, comments, decisions ------------------------------------------------------------------

    /** Where each annotation of a document that was accepted from a colleague's file came from, by annotation id. */
    public Map<String, Provenance> provenance(String documentId) {
        Map<String, Provenance> found = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT p.annotation_id, p.accepted_from, p.accepted_by, p.accepted_at FROM provenance p"
                        + " JOIN annotation a ON a.id = p.annotation_id WHERE a.document_id = ?")) {
            statement.setString(1, documentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new Provenance(rows.getString(2), rows.getString(3),
                            Timestamps.parse(rows.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return found;
    }

    /** Where one annotation was accepted from, if it was. */
    public Optional<Provenance> provenanceOf(String annotationId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT accepted_from, accepted_by, accepted_at FROM provenance WHERE annotation_id = ?")) {
            statement.setString(1, annotationId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Provenance(rows.getString(1), rows.getString(2),
                        Timestamps.parse(rows.getString(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Records (or, with null, forgets) where an annotation of this project was accepted from. */
    public void setProvenance(String annotationId, Provenance provenance) {
        checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(provenance == null
                ? "DELETE FROM provenance WHERE annotation_id = ?"
                : "INSERT OR REPLACE INTO provenance (annotation_id, accepted_from, accepted_by, accepted_at)"
                        + " VALUES (?, ?, ?, ?)")) {
            statement.setString(1, annotationId);
            if (provenance != null) {
                statement.setString(2, provenance.acceptedFrom());
                statement.setString(3, provenance.acceptedBy());
                statement.setString(4, Timestamps.format(provenance.acceptedAt()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                throw new FactSpanException("There is no annotation " + annotationId + " to record provenance for.");
            }
            throw failure("write to", e);
        }
    }

    /** Records where each of many annotations was accepted from, by annotation id. */
    public void setProvenance(Map<String, Provenance> provenance) {
        checkWritable();
        try {
            Batches.setProvenance(connection, provenance);
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** The comments on a document's annotations and differences, oldest first. */
    public List<Comment> comments(String documentId) {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, document_id, target, author, created, text FROM comment WHERE document_id = ?"
                        + " ORDER BY created, id")) {
            statement.setString(1, documentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    comments.add(new Comment(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), Timestamps.parse(rows.getString(5)), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return comments;
    }

    public Optional<Comment> comment(String commentId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, document_id, target, author, created, text FROM comment WHERE id = ?")) {
            statement.setString(1, commentId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Comment(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), Timestamps.parse(rows.getString(5)), rows.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Adds a comment, or replaces the one with the same id. */
    public void putComment(Comment comment) {
        checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT OR REPLACE INTO comment (id, document_id, target, author, created, text)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, comment.id());
            statement.setString(2, comment.documentId());
            statement.setString(3, comment.target());
            statement.setString(4, comment.author());
            statement.setString(5, Timestamps.format(comment.created()));
            statement.setString(6, comment.text());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                throw new FactSpanException("Comment " + comment.id() + " belongs to a document that is not in the"
                        + " project (" + comment.documentId() + ").");
            }
            throw failure("write to", e);
        }
    }

    public void deleteComment(String commentId) {
        checkWritable();
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM comment WHERE id = ?")) {
            statement.setString(1, commentId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("write to", e);
        }
    }

    /** The decisions recorded in the review of {@code review} (the colleague's file), by annotation id. */
    public Map<String, ReviewMark> reviewMarks(String review) {
        Map<String, ReviewMark> marks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT annotation_id, difference, decision, decided_by, decided_at FROM review_decision"
                        + " WHERE review = ?")) {
            statement.setString(1, review);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    marks.put(rows.getString(1), new ReviewMark(review, rows.getString(1), rows.getString(2),
                            Decision.ofKey(rows.getString(3)), rows.getString(4), Timestamps.parse(rows.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return marks;
    }

    /** The decision recorded on one annotation in the review of {@code review}, if any. */
    public Optional<ReviewMark> reviewMark(String review, String annotationId) {
        return Optional.ofNullable(reviewMarks(review).get(annotationId));
    }

    /** Records a decision, or with {@code mark} null removes the one on {@code annotationId} in {@code review}. */
    public void setReviewMark(String review, String annotationId, ReviewMark mark) {
        checkWritable();
        try (PreparedStatement statement = connection.prepareStatement(mark == null
                ? "DELETE FROM review_decision WHERE review = ? AND annotation_id = ?"
                : "INSERT OR REPLACE INTO review_decision (review, annotation_id, difference, decision, decided_by,"
                        + " decided_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, review);
            statement.setString(2, annotationId);
            if (mark != null) {
                statement.setString(3, mark.difference());
                statement.setString(4, mark.decision().key());
                statement.setString(5, mark.decidedBy());
                statement.setString(6, Timestamps.format(mark.decidedAt()));
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("write to", e);
        }
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

    // ---- internals ------------------------------------------------------------------------------------------------

    private void check(Annotation annotation) {
        CodePointIndex text = texts.get(annotation.documentId());
        if (text == null) {
            text = document(annotation.documentId())
                    .orElseThrow(() -> new FactSpanException("Annotation " + annotation.id()
                            + " belongs to a document that is not in the project (" + annotation.documentId() + ")."))
                    .index();
        }
        annotation.checkAgainst(text);
    }

    static void bind(PreparedStatement statement, Annotation a, int offset) throws SQLException {
        statement.setString(offset + 1, a.documentId());
        statement.setString(offset + 2, a.label());
        statement.setInt(offset + 3, a.start());
        statement.setInt(offset + 4, a.end());
        statement.setString(offset + 5, a.quote());
        statement.setString(offset + 6, a.annotator());
        statement.setString(offset + 7, Timestamps.format(a.created()));
        statement.setString(offset + 8, Timestamps.format(a.modified()));
        statement.setString(offset + 9, a.note());
    }

    static Annotation read(ResultSet rows) throws SQLException {
        return new Annotation(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                rows.getInt(5), rows.getString(6), rows.getString(7), Timestamps.parse(rows.getString(8)),
                Timestamps.parse(rows.getString(9)), rows.getString(10));
    }

    private RuntimeException refusal(Annotation a, SQLException e) {
        if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
            return new FactSpanException("The document already has a " + a.label() + " annotation at [" + a.start()
                    + ", " + a.end() + "); annotation " + a.id() + " would duplicate it.");
        }
        if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
            return new FactSpanException("The project already has an annotation with the id " + a.id() + ".");
        }
        if (isConstraint(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
            return new FactSpanException("Annotation " + a.id() + " has the label \"" + a.label()
                    + "\", which the project does not have.");
        }
        return failure("write to", e);
    }

    private static boolean isConstraint(SQLException e, SQLiteErrorCode code) {
        return e instanceof SQLiteException s && s.getResultCode() == code;
    }

    private void checkWritable() {
        if (readOnlyReason != null) {
            throw new StoreException(StoreException.Kind.READ_ONLY, readOnlyReason);
        }
    }

    private StoreException failure(String verb, SQLException e) {
        return StoreException.of(verb, path, e);
    }
}
