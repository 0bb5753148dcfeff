package org.factspan.edit;

import java.util.Objects;

import org.factspan.model.Annotation;
import org.factspan.store.ProjectStore;

/**
 * One reversible change to one annotation, kept as the annotation before and after it, both addressed by the same id.
 *
 * <p>Keeping whole before/after values rather than objects or deltas means undo restores exactly what was stored -
 * the same id, times and note - and redo restores exactly what the edit first wrote, however often the two alternate.
 * {@code before} is null for an addition, {@code after} for a deletion.
 *
 * @param description what the edit did, for the window's "Undo ..." menu item, e.g. "add claim"
 */
public record Edit(String description, Annotation before, Annotation after) implements Change {

    public Edit {
        Objects.requireNonNull(description, "description");
        if (before == null && after == null) {
            throw new IllegalArgumentException("an edit needs a before or an after");
        }
        if (before != null && after != null && !before.id().equals(after.id())) {
            throw new IllegalArgumentException("an edit changes one annotation");
        }
    }

    public String annotationId() {
        return after != null ? after.id() : before.id();
    }

    public String documentId() {
        return after != null ? after.documentId() : before.documentId();
    }

    @Override
    public void apply(ProjectStore store) {
        write(store, before, after);
    }

    @Override
    public void revert(ProjectStore store) {
        write(store, after, before);
    }

    @Override
    public Object current(ProjectStore store) {
        return store.annotation(annotationId()).orElse(null);
    }

    private static void write(ProjectStore store, Annotation from, Annotation to) {
        Change.replace(from, to, annotation -> store.delete(annotation.id()), store::insert, store::update);
    }
}
