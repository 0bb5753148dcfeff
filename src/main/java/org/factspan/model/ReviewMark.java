package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision recorded against one annotation of a review - mine or the colleague's - so that the review's progress
 * survives closing the app: a difference counts as decided when any annotation it involves carries a mark.
 *
 * @param review the colleague's file (its absolute path), which tells one review from another
 */
public record ReviewMark(String review, String annotationId, Decision decision, String decidedBy, Instant decidedAt) {

    public ReviewMark {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(annotationId, "annotationId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
