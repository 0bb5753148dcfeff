package org.factspan.ui.workbench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import org.factspan.edit.Edit;
import org.factspan.edit.Change;
import org.factspan.edit.Editor;
import org.factspan.edit.Step;
import org.factspan.format.ArticleImport;
import org.factspan.format.FileKind;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Label;
import org.factspan.model.Link;
import org.factspan.model.LinkType;
import org.factspan.model.Span;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectLock;
import org.factspan.store.ProjectStore;
import org.factspan.store.StoreException;
import org.factspan.text.Article;
import org.factspan.text.ArticleReader;
import org.factspan.ui.Tasks;

/**
 * The state and actions of the annotation window, without a single control: the open project, the open document and
 * its annotations and links, the selection, undo and redo, importing, and what the status bar says.
 *
 * <p>Offsets here are code points, as everywhere outside the article view. Every action that changes the project
 * goes through the {@link Editor}, so it is committed before the method returns; a refused action leaves the project
 * as it was and sets {@link #messageProperty()} to the one sentence that says why.
 *
 * <p>Over 400 lines because it is the one view model that the article, the panels, the status bar and review mode
 * all bind to, and an edit changes its parts together (the annotation list, the selection, the counts, the document
 * list's count, the undo texts) in one pass that must stay in this order.
 */
public final class Workbench {

    /** How long an edit waits for another program's write (an import) before it says "Not saved". */
    static final java.time.Duration WRITE_WAIT = java.time.Duration.ofSeconds(2);

    /** The order of {@link ProjectStore#links}. */
    private static final java.util.Comparator<Link> STORE_ORDER =
            java.util.Comparator.comparing(Link::created).thenComparing(Link::id);

    private final Tasks tasks;
    private final Clock clock;
    private final ObjectProperty<ProjectStore> project = new SimpleObjectProperty<>(this, "project");
    private final ObservableList<DocumentSummary> documents = FXCollections.observableArrayList();
    private final ObjectProperty<Document> document = new SimpleObjectProperty<>(this, "document");
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<Link> links = FXCollections.observableArrayList();
    private final List<LinkType> linkTypes = new ArrayList<>();
    private final ObjectProperty<Annotation> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Span> reveal = new SimpleObjectProperty<>(this, "reveal");
    private final ObservableList<Label> labels = FXCollections.observableArrayList();
    private final ObservableSet<String> hiddenLabels = FXCollections.observableSet();
    private final ObservableMap<String, Integer> counts = FXCollections.observableMap(new LinkedHashMap<>());
    private final StringProperty saveState = new SimpleStringProperty(this, "saveState", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty undoText = new SimpleStringProperty(this, "undoText", "Undo");
    private final StringProperty redoText = new SimpleStringProperty(this, "redoText", "Redo");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final DoubleProperty importProgress = new SimpleDoubleProperty(this, "importProgress", -1);
    private final List<Consumer<Step>> stepListeners = new ArrayList<>();
    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private Editor editor;
    private ProjectLock lock;
    /** The project's data version when this window last looked; see {@link #followOutsideChanges}. */
    private long seenVersion;
    private String annotator;
    private boolean revealResult = true;

    public Workbench(Tasks tasks, Clock clock, String annotator) {
        this.tasks = tasks;
        this.clock = clock;
        this.annotator = annotator;
    }

    // ---- projects -------------------------------------------------------------------------------------------------

    /**
     * Opens {@code file} for editing, creating it when it does not exist, and the first document in it. Refuses with
     * {@link StoreException.Kind#LOCKED} when another window edits it and {@link StoreException.Kind#READ_ONLY} when
     * it cannot be written; {@link #openProjectReadOnly} opens it then.
     */
    public void openProject(Path file) {
        ProjectLock lock = ProjectLock.acquire(file);
        ProjectStore store;
        try {
            store = ProjectStore.openOrCreate(file);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        // The window waits on the thread that draws it: briefly, and then it says "Not saved" with the reason.
        store.setWriteWait(WRITE_WAIT);
        install(store, lock);
    }

    /** Opens an existing project for reading only; every edit is refused with {@code reason}. */
    public void openProjectReadOnly(Path file, String reason) {
        install(ProjectStore.openReadOnly(file, reason), null);
    }

    private void install(ProjectStore store, ProjectLock lock) {
        closeProject();
        this.lock = lock;
        editor = new Editor(store, annotator, clock, 1000);
        editor.addListener(this::onStep);
        labels.setAll(store.labels());
        linkTypes.addAll(store.linkTypes());
        seenVersion = store.dataVersion();
        project.set(store);
        readOnly.set(store.isReadOnly());
        refreshDocuments();
        updateUndo();
        saveState.set(store.isReadOnly() ? "Read-only" : "Saved");
        message.set(store.readOnlyReason().orElse(""));
        if (!documents.isEmpty()) {
            openDocument(documents.get(0).id());
        }
    }

    public void closeProject() {
        ProjectStore store = project.get();
        if (store != null) {
            selected.set(null);
            annotations.clear();
            links.clear();
            linkTypes.clear();
            document.set(null);
            documents.clear();
            project.set(null);
            editor = null;
            store.close();
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Whether the open project is read-only here (another window edits it, or it is write-protected). */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /**
     * Shows what other programs committed since the last call - documents an import added, annotations another window
     * changed - without touching what did not change. The window calls it about twice a second; it costs one query
     * when nothing changed.
     */
    public void followOutsideChanges() {
        ProjectStore store = project.get();
        if (store == null) {
            return;
        }
        long version = store.dataVersion();
        if (version == seenVersion) {
            return;
        }
        seenVersion = version;
        List<Label> storedLabels = store.labels();
        if (!storedLabels.equals(labels)) {
            labels.setAll(storedLabels);
        }
        List<DocumentSummary> stored = store.documents();
        if (!stored.equals(documents)) {
            documents.setAll(stored);
        }
        Document current = document.get();
        if (current == null) {
            if (!documents.isEmpty()) {
                openDocument(documents.get(0).id());
            }
            return;
        }
        List<LinkType> storedTypes = store.linkTypes();
        if (!storedTypes.equals(linkTypes)) {
            linkTypes.clear();
            linkTypes.addAll(storedTypes);
        }
        List<Link> storedLinks = store.links(current.id());
        if (!storedLinks.equals(links)) {
            links.setAll(storedLinks);
        }
        List<Annotation> loaded = new ArrayList<>(store.annotations(current.id()));
        loaded.sort(Annotation.READING_ORDER);
        if (!loaded.equals(annotations)) {
            String selectedId = selected.get() == null ? null : selected.get().id();
            annotations.setAll(loaded);
            refreshCounts();
            selected.set(loaded.stream().filter(a -> a.id().equals(selectedId)).findFirst().orElse(null));
        }
    }

    /** Hears every committed step, undo and redo (the review panel refreshes its decisions from it). */
    public void addStepListener(Consumer<Step> listener) {
        stepListeners.add(listener);
    }

    /**
     * Runs several changes as one undoable step and brings the view in step, as {@link #tag} does for one; returns
     * false (with {@link #messageProperty()} set) when the project refused them.
     */
    public boolean perform(String description, List<org.factspan.edit.Change> changes) {
        return attempt(false, () -> Optional.of(editor.perform(description, changes))).isPresent() || message.get().isEmpty();
    }

    public ReadOnlyObjectProperty<ProjectStore> projectProperty() {
        return project;
    }

    public Optional<ProjectStore> project() {
        return Optional.ofNullable(project.get());
    }

    public String annotator() {
        return annotator;
    }

    public void setAnnotator(String name) {
        if (editor != null) {
            editor.setAnnotator(name);
        }
        annotator = name.strip();
    }

    // ---- documents ------------------------------------------------------------------------------------------------

    public ObservableList<DocumentSummary> documents() {
        return documents;
    }

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document;
    }

    public Document document() {
        return document.get();
    }

    public void openDocument(String documentId) {
        if (document.get() != null && document.get().id().equals(documentId)) {
            return;
        }
        ProjectStore store = requireProject();
        Document opened = store.document(documentId)
                .orElseThrow(() -> new FactSpanException("There is no document " + documentId + " in the project."));
        List<Annotation> loaded = new ArrayList<>(store.annotations(documentId));
        loaded.sort(Annotation.READING_ORDER);
        selected.set(null);
        // The view restyles from the annotation list, so the list must belong to the new document when it looks.
        annotations.clear();
        links.clear();
        document.set(opened);
        // Links before annotations, so that a row of the new document counts its links when it appears.
        links.setAll(store.links(documentId));
        annotations.setAll(loaded);
        refreshCounts();
    }

    /**
     * Reads the articles in the background and adds them on this thread; {@code done} receives one sentence per file
     * that was refused (the others are imported). {@link #importProgressProperty()} goes from 0 to 1 while it runs.
     */
    public void importArticles(List<Path> files, Consumer<List<String>> done) {
        ProjectStore store = requireProject();
        if (store.isReadOnly()) {
            done.accept(List.of(store.readOnlyReason().orElseThrow()));
            return;
        }
        importProgress.set(0);
        tasks.run(progress -> readAll(files, progress), progress -> {
            if (importProgress.get() >= 0) {
                importProgress.set(progress);
            }
        }, results -> {
            if (project.get() != store) {
                importProgress.set(-1);
                done.accept(List.of("The import was dropped because another project was opened meanwhile."));
                return;
            }
            List<String> problems = new ArrayList<>();
            String first = null;
            ArticleImport importer = new ArticleImport(clock);
            for (Object result : results) {
                if (result instanceof Article article) {
                    try {
                        ArticleImport.Outcome outcome = importer.importArticle(store, article);
                        first = first == null ? outcome.document().id() : first;
                    } catch (FactSpanException e) {
                        problems.add(e.getMessage());
                    }
                } else {
                    problems.add((String) result);
                }
            }
            importProgress.set(-1);
            refreshDocuments();
            if (first != null) {
                openDocument(first);
            }
            done.accept(problems);
        }, e -> {
            importProgress.set(-1);
            done.accept(List.of("Import failed: " + e.getMessage()));
        });
    }

    /** Each file's {@link Article}, or the sentence that says why it was refused. */
    private static List<Object> readAll(List<Path> files, java.util.function.DoubleConsumer progress) {
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                if (FileKind.of(files.get(i)) != FileKind.ARTICLE) {
                    throw new FactSpanException(files.get(i) + " is not a .txt article; the window imports .txt"
                            + " articles (a FactSpan .json export is imported with 'factspan import').");
                }
                results.add(ArticleReader.read(files.get(i)));
            } catch (FactSpanException e) {
                results.add(e.getMessage());
            }
            progress.accept((i + 1.0) / files.size());
        }
        return results;
    }

    /** -1 when no import runs, else the share of files read so far. */
    public DoubleProperty importProgressProperty() {
        return importProgress;
    }

    // ---- annotations ----------------------------------------------------------------------------------------------

    /** The open document's annotations in {@link #Annotation.READING_ORDER}; kept in step with every edit, undo and redo. */
    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObjectProperty<Annotation> selectedProperty() {
        return selected;
    }

    public Annotation selected() {
        return selected.get();
    }

    /** Asks the view to bring a span of the open document into sight (set by undo, redo and navigation). */
    public ReadOnlyObjectProperty<Span> revealProperty() {
        return reveal;
    }

    public ObservableList<Label> labels() {
        return labels;
    }

    public Optional<Label> labelForKey(int key) {
        return labels.stream().filter(l -> l.key() == key).findFirst();
    }

    public ObservableSet<String> hiddenLabels() {
        return hiddenLabels;
    }

    /** Annotations per label in the open document, in label order. */
    public ObservableMap<String, Integer> counts() {
        return counts;
    }

    /**
     * Tags {@code [start, end)} (code points) of the open document with {@code label} and selects the new annotation.
     * Returns it, or empty when the tag was refused (see {@link #messageProperty()}).
     */
    public Optional<Annotation> tag(String label, int start, int end) {
        Document current = document.get();
        if (current == null) {
            return Optional.empty();
        }
        // The new annotation is where the user just selected: it is in sight, so the view need not scroll to it.
        revealResult = false;
        try {
            return attempt(false, () -> Optional.of(editor.perform(editor.addition(current, label, start, end))));
        } finally {
            revealResult = true;
        }
    }

    /** Gives the selected annotation another label. */
    public Optional<Annotation> relabelSelected(String label) {
        Annotation current = selected.get();
        if (current == null || current.label().equals(label)) {
            return Optional.ofNullable(current);
        }
        return attempt(false, () -> editor.relabelling(current.id(), label).map(editor::perform));
    }

    public Optional<Annotation> changeNoteOfSelected(String note) {
        Annotation current = selected.get();
        if (current == null) {
            return Optional.empty();
        }
        return attempt(false, () -> editor.noteChange(current.id(), note).map(editor::perform));
    }

    /** Leaves a comment (author: the annotator, time: now) on the selected annotation, as an undoable edit. */
    public void commentOnSelected(String text) {
        Annotation current = selected.get();
        if (current != null) {
            comment(current.documentId(), current.id(), text);
        }
    }

    /**
     * Leaves a comment (author: the annotator, time: now) on {@code target}, an annotation of the document or a
     * colleague's, as an undoable edit; a blank one is refused with a message.
     */
    public void comment(String documentId, String target, String text) {
        attempt(false, () -> Optional.of(editor.perform(editor.commenting(documentId, target, text))));
    }

    /** The comments on one annotation of the open document, oldest first. */
    public List<Comment> commentsOn(String annotationId) {
        Document current = document.get();
        if (current == null) {
            return List.of();
        }
        return requireProject().comments(current.id()).stream().filter(c -> c.target().equals(annotationId)).toList();
    }

    public Optional<Annotation> moveBoundaryOfSelected(int start, int end) {
        Annotation current = selected.get();
        if (current == null) {
            return Optional.empty();
        }
        return attempt(false, () -> editor.boundaryMove(current.id(), start, end).map(editor::perform));
    }

    public void deleteSelected() {
        Annotation current = selected.get();
        if (current != null) {
            attempt(false, () -> Optional.of(editor.perform(editor.deletion(current.id()))));
        }
    }

    /** Selects the first annotation that starts after {@code offset} (or after the selected one), wrapping around. */
    public void selectNext(int offset) {
        step(offset, true);
    }

    public void selectPrevious(int offset) {
        step(offset, false);
    }

    private void step(int offset, boolean forward) {
        List<Annotation> visible = annotations.stream().filter(a -> !hiddenLabels.contains(a.label())).toList();
        if (visible.isEmpty()) {
            return;
        }
        Annotation current = selected.get();
        int index = current == null ? -1 : visible.indexOf(current);
        Annotation next;
        if (index >= 0) {
            next = visible.get(Math.floorMod(index + (forward ? 1 : -1), visible.size()));
        } else if (forward) {
            next = visible.stream().filter(a -> a.start() >= offset).findFirst().orElse(visible.get(0));
        } else {
            List<Annotation> before = visible.stream().filter(a -> a.start() < offset).toList();
            next = before.isEmpty() ? visible.get(visible.size() - 1) : before.get(before.size() - 1);
        }
        select(next);
    }

    /** Asks the view to bring a span of the open document into sight. */
    public void revealSpan(Span span) {
        reveal.set(null);
        reveal.set(span);
    }

    /** Selects {@code annotation} and asks the view to show it. */
    public void select(Annotation annotation) {
        selected.set(annotation);
        if (annotation != null) {
            revealSpan(annotation.span());
        }
    }

    // ---- links ----------------------------------------------------------------------------------------------------

    /** The open document's links, oldest first; kept in step with every edit, undo and redo. */
    public ObservableList<Link> links() {
        return links;
    }

    /** The links of the open document that start or end at {@code annotationId}, oldest first. */
    public List<Link> linksOf(String annotationId) {
        return links.stream().filter(l -> l.touches(annotationId)).toList();
    }

    /** The project's link types whose rule allows a link from a {@code fromLabel} to a {@code toLabel}, in order. */
    public List<LinkType> linkTypesFor(String fromLabel, String toLabel) {
        return linkTypes.stream().filter(t -> t.allows(fromLabel, toLabel)).toList();
    }

    /**
     * The annotations of the open document that some link type allows from the selected one, in reading order: the
     * targets link mode steps through.
     */
    public List<Annotation> linkTargetsOfSelected() {
        Annotation from = selected.get();
        if (from == null) {
            return List.of();
        }
        return annotations.stream()
                .filter(a -> !a.id().equals(from.id()) && !linkTypesFor(from.label(), a.label()).isEmpty())
                .toList();
    }

    /**
     * Links the selected annotation to {@code targetId} with a link of {@code type}, as an undoable edit; the
     * selection stays. Empty when nothing is selected or the link was refused (see {@link #messageProperty()}).
     */
    public Optional<Link> linkSelected(String type, String targetId) {
        Annotation from = selected.get();
        if (from == null) {
            return Optional.empty();
        }
        List<Link> made = new ArrayList<>(1);
        attempt(false, () -> {
            made.add(editor.link(type, from.id(), targetId));
            // The link is no annotation edit: attempt keeps the selection and only updates the rest.
            return Optional.empty();
        });
        return made.stream().findFirst();
    }

    public void deleteLink(String linkId) {
        attempt(false, () -> {
            editor.deleteLink(linkId);
            return Optional.empty();
        });
    }

    // ---- undo and redo --------------------------------------------------------------------------------------------

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** Undoes the latest edit, in whichever document it was made, and shows what changed. */
    public void undo() {
        if (editor != null && editor.canUndo()) {
            attempt(true, () -> editor.undo().map(this::showDocumentOf));
        }
    }

    public void redo() {
        if (editor != null && editor.canRedo()) {
            attempt(false, () -> editor.redo().map(this::showDocumentOf));
        }
    }

    /** Undo and redo follow the step into its document; opening it loads the state the editor just wrote. */
    private Step showDocumentOf(Step step) {
        step.documentId().filter(id -> document.get() == null || !document.get().id().equals(id))
                .ifPresent(this::openDocument);
        return step;
    }

    // ---- status ---------------------------------------------------------------------------------------------------

    /** "Saved" after each committed edit; a sentence beginning "Not saved" when a write failed. */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState;
    }

    /** The last refusal or problem, one sentence; empty when the last action succeeded. */
    public StringProperty messageProperty() {
        return message;
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    /** An editor action: the step it performed, undid or redid, or empty when it changed nothing. */
    private interface Action {
        Optional<Step> run();
    }

    /**
     * Runs one editor action. The editor has committed (or refused) the change when it returns; its listener has
     * already patched the list, so all that is left is the selection, the counts and the undo texts.
     *
     * @param undone whether the action undoes its step, so that the file holds each edit's {@code before}
     */
    private Optional<Annotation> attempt(boolean undone, Action action) {
        requireProject();
        Optional<Step> step;
        try {
            step = action.run();
        } catch (FactSpanException e) {
            // Cleared first, so that the same refusal twice is said twice.
            message.set("");
            message.set(e.getMessage());
            if (e instanceof StoreException failure && failure.kind() == StoreException.Kind.STALE) {
                // The refused step is gone from the history: the menu must not offer it again.
                updateUndo();
            } else if (e instanceof StoreException && !readOnly.get()) {
                saveState.set("Not saved: " + e.getMessage());
            }
            return Optional.empty();
        }
        message.set("");
        saveState.set("Saved");
        // What the step's last edit in the order of writing left in the file (null after a delete) and what it
        // replaced; an undo writes the edits in reverse order.
        List<Edit> edits = step.map(Step::edits).orElse(List.of());
        Edit last = edits.isEmpty() ? null : edits.get(undone ? 0 : edits.size() - 1);
        Annotation result = last == null ? null : undone ? last.before() : last.after();
        Annotation replaced = last == null ? null : undone ? last.after() : last.before();
        // The listener put the result itself into the list when the edit was in the open document.
        Annotation current = result != null && document.get() != null
                && result.documentId().equals(document.get().id()) ? result : null;
        if (result == null && replaced == null) {
            current = selected.get();
        } else if (current != null && revealResult) {
            select(current);
        } else if (current != null) {
            selected.set(current);
        } else {
            selected.set(null);
            if (replaced != null) {
                reveal.set(replaced.span());
            }
        }
        updateDocumentCount();
        updateUndo();
        return Optional.ofNullable(current);
    }

    /**
     * Keeps the open document's list in step with one edit, undo or redo by removing the old value and inserting the
     * new one in reading order - O(log n) to find, instead of reloading 20,000 annotations after every keystroke.
     */
    private void onStep(Step step, boolean undone) {
        List<Edit> edits = new ArrayList<>(step.edits());
        if (undone) {
            Collections.reverse(edits);
        }
        List<Change.LinkChange> linkChanges = new ArrayList<>(step.linkChanges());
        if (undone) {
            Collections.reverse(linkChanges);
        }
        // Links first: a row that reappears on undo then counts its links at once.
        linkChanges.forEach(change -> onLinkChange(change, undone));
        edits.forEach(edit -> onEdit(edit, undone));
        stepListeners.forEach(listener -> listener.accept(step));
    }

    private void onEdit(Edit edit, boolean undone) {
        Annotation gone = undone ? edit.after() : edit.before();
        Annotation now = undone ? edit.before() : edit.after();
        Document current = document.get();
        if (current == null || !current.id().equals(edit.documentId())) {
            return;
        }
        if (gone != null) {
            int position = Collections.binarySearch(annotations, gone, Annotation.READING_ORDER);
            if (position >= 0) {
                annotations.remove(position);
                counts.merge(gone.label(), -1, Integer::sum);
            }
        }
        if (now != null) {
            int position = Collections.binarySearch(annotations, now, Annotation.READING_ORDER);
            annotations.add(position < 0 ? -position - 1 : position, now);
            counts.merge(now.label(), 1, Integer::sum);
        }
    }

    /** Patches one link in place, keeping the store's order (created, then id) without reading the document's links. */
    private void onLinkChange(Change.LinkChange change, boolean undone) {
        Link now = undone ? change.before() : change.after();
        Document current = document.get();
        if (current == null || !current.id().equals(change.documentId())) {
            return;
        }
        int index = -1;
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).id().equals(change.linkId())) {
                index = i;
                break;
            }
        }
        if (index >= 0 && now != null) {
            links.set(index, now);
        } else if (index >= 0) {
            links.remove(index);
        } else if (now != null) {
            int position = 0;
            while (position < links.size() && STORE_ORDER.compare(links.get(position), now) < 0) {
                position++;
            }
            links.add(position, now);
        }
    }

    /** Re-reads the list of documents (after something outside the workbench added one). */
    public void reloadDocuments() {
        refreshDocuments();
    }

    private void refreshDocuments() {
        documents.setAll(requireProject().documents());
    }

    /** Counts from scratch, when a document opens; edits then adjust the counts by one (see {@link #onEdit}). */
    private void refreshCounts() {
        Map<String, Integer> fresh = new LinkedHashMap<>();
        labels.forEach(l -> fresh.put(l.name(), 0));
        annotations.forEach(a -> fresh.merge(a.label(), 1, Integer::sum));
        counts.clear();
        counts.putAll(fresh);
        updateDocumentCount();
    }

    /** The open document's count in the document list, replaced only when it changed. */
    private void updateDocumentCount() {
        Document current = document.get();
        if (current != null) {
            for (int i = 0; i < documents.size(); i++) {
                DocumentSummary d = documents.get(i);
                if (d.id().equals(current.id()) && d.annotations() != annotations.size()) {
                    documents.set(i, new DocumentSummary(d.id(), d.title(), d.source(), d.sha256(), d.length(),
                            d.imported(), annotations.size()));
                }
            }
        }
    }

    private void updateUndo() {
        canUndo.set(editor != null && editor.canUndo());
        canRedo.set(editor != null && editor.canRedo());
        undoText.set(editor == null ? "Undo" : editor.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(editor == null ? "Redo" : editor.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    }

    private ProjectStore requireProject() {
        ProjectStore store = project.get();
        if (store == null) {
            throw new IllegalStateException("no project is open");
        }
        return store;
    }
}
