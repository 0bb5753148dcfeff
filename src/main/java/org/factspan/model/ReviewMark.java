package org.factspan.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision recorded against one annotation of a review - mine or the colleague's - so that the review's progress
 * survives closing the app: a difference counts as decided when any annotation it involves carries a mark.
 *
 * @param review     the colleague's file (its absolute path), which tells one review from another
 * @param difference one id per decided difference, shared by the marks of all annotations it involved: the review
 *                   counts decisions by it, so progress stays the same however the differences regroup when they are
 *                   computed again (an accepted pair becomes an agreement, a rejected one may vanish)
 */
public record ReviewMark(String review, String annotationId, String difference, Decision decision, String decidedBy,
                         Instant decidedAt) {

    public ReviewMark {
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(annotationId, "annotationId");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
