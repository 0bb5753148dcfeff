package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A typed, directed link from one annotation to another of the same document: the attribution that is the source of
 * a claim, the evidence that supports or refutes it, the denial that disputes it. Links are values addressed by id,
 * like annotations: an edit makes a new one with the same id. {@code note} is null when there is none.
 *
 * @param from the id of the annotation the link starts at
 * @param to the id of the annotation it points to
 */
public record Link(String id, String documentId, String type, String from, String to, String annotator,
                   Instant created, Instant modified, String note) {

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(modified, "modified");
    }

    public Link withType(String newType, Instant at) {
        return new Link(id, documentId, newType, from, to, annotator, created, at, note);
    }

    public Link withNote(String newNote, Instant at) {
        return new Link(id, documentId, type, from, to, annotator, created, at, newNote);
    }

    /** Whether the link starts or ends at the annotation {@code annotationId}. */
    public boolean touches(String annotationId) {
        return from.equals(annotationId) || to.equals(annotationId);
    }
}
