package org.factspan.review;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;

/**
 * Places their annotations on my copy of an article when the two copies differ, the way Hypothesis anchors a
 * W3C annotation on a changed page (FORMATS.md, W3C), but accepting a place only where the text around it agrees:
 * <ol>
 *   <li>where the diff of the two texts ({@link TextAlignment}) carried the quote, all its code points aligned in one
 *       piece;</li>
 *   <li>else the occurrence of the exact quote nearest the old position (carried over the edits before it,
 *       {@link TextAlignment#mapStart}) among those with their prefix or their suffix around them in my text too,
 *       {@value #CONTEXT} code points or up to the text's edge, the one with more of both winning a tie of distance;</li>
 *   <li>else a fuzzy match.</li>
 * </ol>
 * What none of these places is an orphan, for the caller to list.
 *
 * <p>Why not the old offsets when my text has the quote there: after an insertion before it, the old offsets of a short
 * quote ("he", "said") often fall on the same word elsewhere, and would be accepted there silently. Why not simply the
 * nearest occurrence: a quote in a removed sentence would move to the next "he" instead of being an orphan, and one in
 * a moved paragraph to a "said" near where the paragraph was. A quote that was moved keeps at least one side of its
 * context; one whose words were both rewritten on either side goes to the fuzzy step, which follows the diff.
 *
 * <p>The fuzzy step maps the span's ends through the alignment of the texts and accepts the slice of my text between
 * them when it is at least {@value #FUZZY_THRESHOLD} similar to the quote ({@code 2 x common code points / (quote +
 * slice)}, common code points from a java-diff-utils diff). A one-word correction in a sentence-long claim stays
 * above it ("Russia helped Hamas" against "Russia aided Hamas" is 0.81); a span whose words were mostly rewritten falls
 * below and becomes an orphan, for a person to place, rather than a guess.
 */
final class Reanchorer {

    static final double FUZZY_THRESHOLD = 0.75;
    private static final int CONTEXT = 32;

    private final CodePointIndex theirs;
    private final CodePointIndex mine;
    private final String myDocumentId;
    private final TextAlignment alignment;
    /** The UTF-16 units my text contains, built on first need. */
    private BitSet units;
    /** The code points of both texts, built on first need: only a quote the diff did not carry needs them. */
    private int[] theirCodePoints;
    private int[] myCodePoints;

    Reanchorer(CodePointIndex theirs, CodePointIndex mine, String myDocumentId, TextAlignment alignment) {
        this.theirs = theirs;
        this.mine = mine;
        this.myDocumentId = myDocumentId;
        this.alignment = alignment;
    }

    /** Their annotation moved onto my text (same id, label, annotator, times and note), or empty for an orphan. */
    Optional<Annotation> place(Annotation their) {
        int length = their.end() - their.start();
        int aligned = alignment.counterpart(their.start(), their.end());
        if (aligned >= 0) {
            return Optional.of(moved(their, aligned, aligned + length));
        }
        int found = nearestInContext(their, Math.min(alignment.mapStart(their.start()), mine.length()));
        return found >= 0 ? Optional.of(moved(their, found, found + length)) : fuzzy(their);
    }

    /**
     * The start of the occurrence of the quote nearest {@code expected} whose context agrees ({@link #agreement}), or
     * -1. Occurrences are tried outwards from {@code expected}, so a quote found near where it was costs next to
     * nothing; one that is nowhere in context costs a scan of my text and a look at each occurrence of the quote.
     */
    private int nearestInContext(Annotation their, int expected) {
        String text = mine.text();
        String quote = their.quote();
        if (!couldOccur(quote)) {
            return -1;
        }
        int from = mine.toUtf16(expected);
        int after = text.indexOf(quote, from);
        int before = from == 0 ? -1 : text.lastIndexOf(quote, from - 1);
        while (after >= 0 || before >= 0) {
            int distanceAfter = after < 0 ? Integer.MAX_VALUE : mine.toCodePoint(after) - expected;
            int distanceBefore = before < 0 ? Integer.MAX_VALUE : expected - mine.toCodePoint(before);
            int agreeAfter = distanceAfter <= distanceBefore ? agreement(their, expected + distanceAfter) : -1;
            int agreeBefore = distanceBefore <= distanceAfter ? agreement(their, expected - distanceBefore) : -1;
            if (agreeAfter >= 0 || agreeBefore >= 0) {
                return agreeAfter > agreeBefore ? expected + distanceAfter : expected - distanceBefore;
            }
            if (distanceAfter <= distanceBefore) {
                after = text.indexOf(quote, after + 1);
            }
            if (distanceBefore <= distanceAfter) {
                before = before == 0 ? -1 : text.lastIndexOf(quote, before - 1);
            }
        }
        return -1;
    }

    /**
     * False when the quote holds a character my text lacks, such as the CR of a CRLF copy (stored texts end lines
     * with LF only): a quote that is not in the text costs a scan of all of it, and a CRLF copy has one such quote
     * for every span across a line break.
     */
    private boolean couldOccur(String quote) {
        if (units == null) {
            units = new BitSet(Character.MAX_VALUE + 1);
            mine.text().chars().forEach(units::set);
        }
        return quote.chars().allMatch(units::get);
    }

    /**
     * How many code points of their prefix and suffix surround a candidate at {@code start} in my text too, or -1 when
     * neither side agrees in full: {@value #CONTEXT} code points, or up to the edge of both texts.
     */
    private int agreement(Annotation their, int start) {
        if (theirCodePoints == null) {
            theirCodePoints = theirs.text().codePoints().toArray();
            myCodePoints = mine.text().codePoints().toArray();
        }
        int theirPrefix = Math.min(CONTEXT, their.start());
        int myPrefix = Math.min(CONTEXT, start);
        int prefix = 0;
        while (prefix < theirPrefix && prefix < myPrefix
                && theirCodePoints[their.start() - 1 - prefix] == myCodePoints[start - 1 - prefix]) {
            prefix++;
        }
        int end = start + their.end() - their.start();
        int theirSuffix = Math.min(CONTEXT, theirCodePoints.length - their.end());
        int mySuffix = Math.min(CONTEXT, myCodePoints.length - end);
        int suffix = 0;
        while (suffix < theirSuffix && suffix < mySuffix
                && theirCodePoints[their.end() + suffix] == myCodePoints[end + suffix]) {
            suffix++;
        }
        boolean agrees = prefix == theirPrefix && prefix == myPrefix || suffix == theirSuffix && suffix == mySuffix;
        return agrees ? prefix + suffix : -1;
    }

    private Optional<Annotation> fuzzy(Annotation their) {
        int start = alignment.mapStart(their.start());
        int end = alignment.mapEnd(their.end());
        String quote = their.quote();
        if (!Whitespace.is(quote.codePointAt(0))) {
            while (start < end && Whitespace.is(mine.text().codePointAt(mine.toUtf16(start)))) {
                start++;
            }
        }
        if (!Whitespace.is(quote.codePointBefore(quote.length()))) {
            while (start < end && Whitespace.is(mine.text().codePointBefore(mine.toUtf16(end)))) {
                end--;
            }
        }
        if (start >= end || similarity(quote, mine.slice(start, end)) < FUZZY_THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(moved(their, start, end));
    }

    static double similarity(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int total = x.length + y.length;
        double bound = total == 0 ? 1 : 2.0 * Math.min(x.length, y.length) / total;
        if (bound < FUZZY_THRESHOLD) {
            return bound;
        }
        int common = 0;
        List<AbstractDelta<Integer>> deltas = DiffUtils.diff(
                Arrays.stream(x).boxed().toList(), Arrays.stream(y).boxed().toList(), true).getDeltas();
        for (AbstractDelta<Integer> delta : deltas) {
            if (delta.getType() == DeltaType.EQUAL) {
                common += delta.getSource().size();
            }
        }
        return 2.0 * common / total;
    }

    private Annotation moved(Annotation their, int start, int end) {
        return new Annotation(their.id(), myDocumentId, their.label(), start, end, mine.slice(start, end),
                their.annotator(), their.created(), their.modified(), their.note());
    }
}
