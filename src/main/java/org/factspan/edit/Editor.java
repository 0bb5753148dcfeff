package org.factspan.edit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.factspan.model.Link;
import org.factspan.store.ProjectStore;
import org.factspan.store.StoreException;

/**
 * Every change to annotations goes through here: each is committed to the project file before the method returns
 * and pushed on an undo stack that spans all documents of the project.
 *
 * <p>Operations address annotations by id, so an edit stays valid when the window has reloaded its objects.
 * A failed write leaves both the file and the stacks as they were. Listeners hear of every edit, undo and redo,
 * with the edit concerned, so a view can scroll to and select what changed.
 */
public final class Editor {

    /** Enough for a day's work; the oldest edits fall off first. */
    static final int DEFAULT_LIMIT = 1000;

    private final ProjectStore store;
    private final Clock clock;
    private final int limit;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private String annotator;

    public Editor(ProjectStore store, String annotator) {
        this(store, annotator, Clock.systemUTC(), DEFAULT_LIMIT);
    }

    public Editor(ProjectStore store, String annotator, Clock clock, int limit) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        setAnnotator(annotator);
    }

    public ProjectStore store() {
        return store;
    }

    public String annotator() {
        return annotator;
    }

    public void setAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new FactSpanException("The annotator's name must not be empty.");
        }
        this.annotator = annotator.strip();
    }

    /** Hears every step, undo and redo once it is committed. */
    @FunctionalInterface
    public interface Listener {
        /** {@code undone} is true when {@code step} was undone, so the file now holds the state before it. */
        void edited(Step step, boolean undone);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    // ---- the edits ------------------------------------------------------------------------------------------------

    /** Tags {@code [start, end)} of a document (code points) with a label; returns the new annotation. */
    public Annotation add(Document document, String label, int start, int end) {
        return result(perform(addition(document, label, start, end)));
    }

    /** Deletes an annotation with its links; undo restores them all with their ids, times, notes and provenance. */
    public void delete(String annotationId) {
        perform(deletion(annotationId));
    }

    public Annotation relabel(String annotationId, String label) {
        return relabelling(annotationId, label).map(step -> result(perform(step)))
                .orElseGet(() -> existing(annotationId));
    }

    /** Sets the note; a blank note removes it. */
    public Annotation changeNote(String annotationId, String note) {
        return noteChange(annotationId, note).map(step -> result(perform(step))).orElseGet(() -> existing(annotationId));
    }

    /** Moves the start and/or end of an annotation; the quote follows the new offsets. */
    public Annotation moveBoundary(String annotationId, int start, int end) {
        return boundaryMove(annotationId, start, end).map(step -> result(perform(step)))
                .orElseGet(() -> existing(annotationId));
    }

    /**
     * Performs several changes as one undoable step, in one transaction: all of them land, or none does.
     *
     * @param description for the "Undo ..." menu item, e.g. "accept theirs"
     */
    public Step perform(String description, List<Change> changes) {
        return perform(new Step(description, changes));
    }

    // ---- the steps, made by perform -------------------------------------------------------------------------------
    // A caller that must know what a step changed (the window selects it) makes the step here and performs it.

    /** The step that {@link #add} performs. */
    public Step addition(Document document, String label, int start, int end) {
        if (start < 0 || start >= end || end > document.length()) {
            throw new FactSpanException("Cannot tag [" + start + ", " + end + ") in \"" + document.title()
                    + "\": a span must be non-empty and inside the text (" + document.length() + " code points).");
        }
        Instant now = now();
        Annotation annotation = new Annotation(UUID.randomUUID().toString(), document.id(), label, start, end,
                document.index().slice(start, end), annotator, now, now, null);
        return step(new Edit("add " + label, null, annotation));
    }

    /** The step that {@link #delete} performs. */
    public Step deletion(String annotationId) {
        Annotation before = existing(annotationId);
        List<Change> changes = new ArrayList<>();
        // Links and provenance go first, so that undo writes them back after the annotation they need.
        store.linksOf(annotationId).forEach(link -> changes.add(new Change.LinkChange(link, null)));
        store.provenanceOf(annotationId)
                .ifPresent(provenance -> changes.add(new Change.ProvenanceChange(annotationId, provenance, null)));
        changes.add(new Edit("delete " + before.label(), before, null));
        return new Step("delete " + before.label(), changes);
    }

    /** The step that {@link #relabel} performs; empty when it would change nothing. */
    public Optional<Step> relabelling(String annotationId, String label) {
        Annotation before = existing(annotationId);
        return change("relabel " + before.label() + " as " + label, before, before.withLabel(label, now()));
    }

    /** The step that {@link #changeNote} performs; empty when the note is already so. */
    public Optional<Step> noteChange(String annotationId, String note) {
        Annotation before = existing(annotationId);
        String cleaned = note == null || note.isBlank() ? null : note;
        if (java.util.Objects.equals(before.note(), cleaned)) {
            return Optional.empty();
        }
        return change(cleaned == null ? "remove note" : "edit note", before, before.withNote(cleaned, now()));
    }

    /** The step that {@link #moveBoundary} performs; empty when it would change nothing. */
    public Optional<Step> boundaryMove(String annotationId, int start, int end) {
        Annotation before = existing(annotationId);
        Document document = store.document(before.documentId()).orElseThrow();
        if (start < 0 || start >= end || end > document.length()) {
            throw new FactSpanException("Cannot move annotation " + annotationId + " to [" + start + ", " + end
                    + "): a span must be non-empty and inside the text (" + document.length() + " code points).");
        }
        return change("resize " + before.label(), before,
                before.withSpan(start, end, document.index().slice(start, end), now()));
    }

    // ---- links -----------------------------------------------------------------------------------------------------

    /**
     * Links two annotations of one document with a link of {@code type}; returns the new link. Refused with one
     * sentence when the type does not allow their labels, they are one annotation, or such a link exists.
     */
    public Link link(String type, String fromId, String toId) {
        Annotation from = existing(fromId);
        Instant now = now();
        Link link = new Link(UUID.randomUUID().toString(), from.documentId(), type, fromId, toId, annotator, now, now,
                null);
        perform(new Step("link " + type, List.of(new Change.LinkChange(null, link))));
        return link;
    }

    public void deleteLink(String linkId) {
        Link before = existingLink(linkId);
        perform(new Step("delete " + before.type() + " link", List.of(new Change.LinkChange(before, null))));
    }

    public Link retypeLink(String linkId, String type) {
        Link before = existingLink(linkId);
        return changeLink("retype " + before.type() + " link as " + type, before, before.withType(type, now()));
    }

    /** Sets a link's note; a blank note removes it. */
    public Link changeLinkNote(String linkId, String note) {
        Link before = existingLink(linkId);
        String cleaned = note == null || note.isBlank() ? null : note;
        return changeLink(cleaned == null ? "remove link note" : "edit link note", before,
                before.withNote(cleaned, now()));
    }

    private Link changeLink(String description, Link before, Link after) {
        if (Objects.equals(before.type(), after.type()) && Objects.equals(before.note(), after.note())) {
            return before;
        }
        perform(new Step(description, List.of(new Change.LinkChange(before, after))));
        return after;
    }

    private Link existingLink(String linkId) {
        return store.link(linkId).orElseThrow(() -> new FactSpanException("There is no link " + linkId + "."));
    }

    /**
     * The step that leaves a comment (author: this editor's annotator, time: now) on {@code target} in a document; the
     * one place comments are made, so a blank one is refused here, by {@link Comment}.
     */
    public Step commenting(String documentId, String target, String text) {
        Comment comment = new Comment(UUID.randomUUID().toString(), documentId, target, annotator, now(),
                text == null ? null : text.strip());
        return new Step("comment", List.of(new Change.CommentChange(null, comment)));
    }

    private static Optional<Step> change(String description, Annotation before, Annotation after) {
        return before.equals(after) ? Optional.empty() : Optional.of(step(new Edit(description, before, after)));
    }

    private static Step step(Edit edit) {
        return new Step(edit.description(), List.of(edit));
    }

    /** What a one-edit step left in the file. */
    private static Annotation result(Step step) {
        return step.edits().get(0).after();
    }

    // ---- undo and redo --------------------------------------------------------------------------------------------

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What {@link #undo()} would undo, e.g. "add claim". */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Step::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Step::description);
    }

    /**
     * Undoes the latest edit; returns it, or empty when there is nothing to undo. Refuses with
     * {@link StoreException.Kind#STALE}, and drops the step, when what it changed was changed since outside this
     * editor (by another program): undoing it would overwrite that change.
     */
    public Optional<Step> undo() {
        Step step = undo.peek();
        if (step == null) {
            return Optional.empty();
        }
        try {
            store.inTransaction(() -> {
                for (int i = step.changes().size() - 1; i >= 0; i--) {
                    Change change = step.changes().get(i);
                    expect(change, change.after(), "undo", step);
                    change.revert(store);
                }
            });
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.STALE) {
                undo.pop();
            }
            throw e;
        }
        redo.push(undo.pop());
        notifyListeners(step, true);
        return Optional.of(step);
    }

    public Optional<Step> redo() {
        Step step = redo.peek();
        if (step == null) {
            return Optional.empty();
        }
        try {
            store.inTransaction(() -> applyAll(step, "redo"));
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.STALE) {
                redo.pop();
            }
            throw e;
        }
        undo.push(redo.pop());
        notifyListeners(step, false);
        return Optional.of(step);
    }

    /**
     * Performs {@code step}, made by one of the methods above, and returns it. One transaction, even for one change:
     * the check of what is stored and the write must not be split.
     */
    public Step perform(Step step) {
        store.inTransaction(() -> applyAll(step, "make"));
        undo.push(step);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        notifyListeners(step, false);
        return step;
    }

    private void applyAll(Step step, String verb) {
        for (Change change : step.changes()) {
            expect(change, change.before(), verb, step);
            change.apply(store);
        }
    }

    private void expect(Change change, Object expected, String verb, Step step) {
        if (!Objects.equals(change.current(store), expected)) {
            throw StoreException.stale("Cannot " + verb + " \"" + step.description() + "\": what it changes was"
                    + " changed outside this window since" + (verb.equals("make") ? "." : "; the step is dropped."));
        }
    }

    private void notifyListeners(Step step, boolean undone) {
        listeners.forEach(listener -> listener.edited(step, undone));
    }

    private Annotation existing(String annotationId) {
        return store.annotation(annotationId)
                .orElseThrow(() -> new FactSpanException("There is no annotation " + annotationId + "."));
    }

    /** Millisecond precision, so that a time survives the round trip through the file and the exports unchanged. */
    private Instant now() {
        return org.factspan.model.Timestamps.now(clock);
    }
}
