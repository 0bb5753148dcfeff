package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A remark left during a review on an annotation, or on a difference between two annotators (then {@code target} is
 * the id of one of the annotations the difference involves: mine if there is one, else theirs).
 *
 * @param target the id of the annotation the comment is about; it need not be in this project (a colleague's
 *               annotation that was not accepted)
 */
public record Comment(String id, String documentId, String target, String author, Instant created, String text) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(created, "created");
        if (text == null || text.isBlank()) {
            throw new FactSpanException("A comment needs some text.");
        }
    }
}
