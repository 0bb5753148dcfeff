package org.factspan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.factspan.model.Annotation;
import org.junit.jupiter.api.Test;

class DifferTest {

    private static final Instant WHEN = Instant.parse("2026-05-03T10:00:00Z");

    @Test
    void whereMySpanCarriesTwoLabelsTheMatchingOneAgreesAndTheOtherStaysMine() {
        Annotation myClaim = annotation("m1", "claim", 5, 9);
        Annotation myDenial = annotation("m2", "denial", 5, 9);
        Annotation theirDenial = annotation("t1", "denial", 5, 9);

        List<Difference> differences = Differ.differences(List.of(myClaim, myDenial), List.of(theirDenial));

        assertEquals(List.of(
                new Difference(Difference.Category.AGREE, myDenial, theirDenial),
                new Difference(Difference.Category.ONLY_MINE, myClaim, null)), differences);
    }

    @Test
    void sameOffsetsWithAnotherLabelAreALabelConflictNotABoundaryConflict() {
        Annotation mine = annotation("m1", "claim", 0, 10);
        Annotation theirs = annotation("t1", "evidence", 0, 10);
        Annotation theirClaim = annotation("t2", "claim", 2, 10);

        List<Difference> differences = Differ.differences(List.of(mine), List.of(theirs, theirClaim));

        assertEquals(List.of(
                new Difference(Difference.Category.LABEL_CONFLICT, mine, theirs),
                new Difference(Difference.Category.ONLY_THEIRS, null, theirClaim)), differences);
    }

    @Test
    void theLargestOverlapPairsFirst() {
        Annotation outer = annotation("m1", "claim", 0, 40);
        Annotation inner = annotation("m2", "claim", 30, 40);
        Annotation theirs = annotation("t1", "claim", 25, 41);

        List<Difference> differences = Differ.differences(List.of(outer, inner), List.of(theirs));

        assertEquals(List.of(
                new Difference(Difference.Category.BOUNDARY_CONFLICT, outer, theirs),
                new Difference(Difference.Category.ONLY_MINE, inner, null)), differences);
    }

    @Test
    void touchingSpansDoNotOverlap() {
        Annotation mine = annotation("m1", "claim", 0, 5);
        Annotation theirs = annotation("t1", "claim", 5, 9);

        List<Difference> differences = Differ.differences(List.of(mine), List.of(theirs));

        assertEquals(List.of(
                new Difference(Difference.Category.ONLY_MINE, mine, null),
                new Difference(Difference.Category.ONLY_THEIRS, null, theirs)), differences);
    }

    private static Annotation annotation(String id, String label, int start, int end) {
        return new Annotation(id, "doc", label, start, end, "x".repeat(end - start), "x", WHEN, WHEN, null);
    }
}
