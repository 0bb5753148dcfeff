package org.factspan.edit;

import java.util.List;
import java.util.Optional;

/**
 * One entry of the undo stack: the changes one user action made, undone and redone together, in one transaction.
 *
 * @param description what the action did, for "Undo ..." in the menu, e.g. "add claim" or "accept theirs"
 */
public record Step(String description, List<Change> changes) {

    public Step {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a step changes something");
        }
    }

    /** The annotation edits among the changes, in the order they are applied. */
    public List<Edit> edits() {
        return changes.stream().filter(Edit.class::isInstance).map(Edit.class::cast).toList();
    }

    /** The link changes among the changes, in the order they are applied. */
    public List<Change.LinkChange> linkChanges() {
        return changes.stream().filter(Change.LinkChange.class::isInstance).map(Change.LinkChange.class::cast)
                .toList();
    }

    /** The document the step is about (that of its first annotation edit, link or comment), if any. */
    public Optional<String> documentId() {
        for (Change change : changes) {
            if (change instanceof Edit edit) {
                return Optional.of(edit.documentId());
            }
            if (change instanceof Change.LinkChange link) {
                return Optional.of(link.documentId());
            }
            if (change instanceof Change.CommentChange comment) {
                return Optional.of((comment.after() != null ? comment.after() : comment.before()).documentId());
            }
        }
        return Optional.empty();
    }
}
