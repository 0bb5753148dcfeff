package org.factspan.edit;

import org.factspan.store.ProjectStore;

/**
 * One reversible write to the project. Changes are values holding the state before and after, so that undo and redo
 * restore exactly what was stored, however often they alternate.
 */
public sealed interface Change
        permits Edit, Change.ProvenanceChange, Change.CommentChange, Change.MarkChange, Change.LinkChange {

    void apply(ProjectStore store);

    void revert(ProjectStore store);

    /** The value before the change; null for "none". */
    Object before();

    /** The value after the change; null for "none". */
    Object after();

    /**
     * What the project holds now where this change writes, comparable with {@link #before()} and {@link #after()}:
     * undo and redo write only over the value they expect, so a change made elsewhere is never overwritten.
     */
    Object current(ProjectStore store);

    /**
     * Writes {@code to} where {@code from} was, for a value stored as a row of its own: null {@code to} deletes the
     * row, null {@code from} inserts one, else the row is updated. Undo and redo of annotations and links are this
     * with the two values swapped.
     */
    static <T> void replace(T from, T to, java.util.function.Consumer<T> delete, java.util.function.Consumer<T> insert,
                            java.util.function.Consumer<T> update) {
        if (to == null) {
            delete.accept(from);
        } else if (from == null) {
            insert.accept(to);
        } else {
            update.accept(to);
        }
    }

    /** Where an annotation accepted from a colleague came from; null for "none". */
    record ProvenanceChange(String annotationId, org.factspan.model.Provenance before,
                            org.factspan.model.Provenance after) implements Change {
        @Override
        public void apply(ProjectStore store) {
            store.setProvenance(annotationId, after);
        }

        @Override
        public void revert(ProjectStore store) {
            store.setProvenance(annotationId, before);
        }

        @Override
        public Object current(ProjectStore store) {
            return store.provenanceOf(annotationId).orElse(null);
        }
    }

    /** A comment added, edited or removed; null for "none". */
    record CommentChange(org.factspan.model.Comment before, org.factspan.model.Comment after) implements Change {
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
            return store.comment((after != null ? after : before).id()).orElse(null);
        }

        private static void write(ProjectStore store, org.factspan.model.Comment from, org.factspan.model.Comment to) {
            Change.replace(from, to, comment -> store.deleteComment(comment.id()), store::putComment,
                    store::putComment);
        }
    }

    /** A review decision recorded against one annotation; null for "undecided". */
    record MarkChange(String review, String annotationId, org.factspan.model.ReviewMark before,
                      org.factspan.model.ReviewMark after) implements Change {
        @Override
        public void apply(ProjectStore store) {
            store.setReviewMark(review, annotationId, after);
        }

        @Override
        public void revert(ProjectStore store) {
            store.setReviewMark(review, annotationId, before);
        }

        @Override
        public Object current(ProjectStore store) {
            return store.reviewMark(review, annotationId).orElse(null);
        }
    }

    /** A link added, retyped, annotated or removed; null for "none". */
    record LinkChange(org.factspan.model.Link before, org.factspan.model.Link after) implements Change {

        public LinkChange {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a link change needs a before or an after");
            }
        }

        public String linkId() {
            return (after != null ? after : before).id();
        }

        public String documentId() {
            return (after != null ? after : before).documentId();
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
            return store.link(linkId()).orElse(null);
        }

        private static void write(ProjectStore store, org.factspan.model.Link from, org.factspan.model.Link to) {
            Change.replace(from, to, link -> store.deleteLink(link.id()), store::insert, store::update);
        }
    }
}
