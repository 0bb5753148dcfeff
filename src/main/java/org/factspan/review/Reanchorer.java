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
 * W3C annotation on a changed page (FORMATS.md, W3C): the old position if the text there is still the quote; else
 * the occurrence of the exact quote nearest the old position, their prefix and suffix deciding between two at the
 * same distance; else a fuzzy match. What none of these places is an orphan, for the caller to list.
 *
 * <p>"The old position" is carried over the edits before it ({@link TextAlignment#mapStart}): in a CRLF copy every
 * line ending before an annotation shifts it by one, and on a long article the raw old offset would sit nearer to
 * another occurrence of a short quote than to its own.
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

    Reanchorer(CodePointIndex theirs, CodePointIndex mine, String myDocumentId, TextAlignment alignment) {
        this.theirs = theirs;
        this.mine = mine;
        this.myDocumentId = myDocumentId;
        this.alignment = alignment;
    }

    /** Their annotation moved onto my text (same id, label, annotator, times and note), or empty for an orphan. */
    Optional<Annotation> place(Annotation their) {
        String quote = their.quote();
        if (their.end() <= mine.length() && mine.slice(their.start(), their.end()).equals(quote)) {
            return Optional.of(moved(their, their.start(), their.end()));
        }
        int expected = Math.min(alignment.mapStart(their.start()), mine.length());
        int exact = nearestOccurrence(their, expected);
        if (exact >= 0) {
            return Optional.of(moved(their, exact, exact + (their.end() - their.start())));
        }
        return fuzzy(their);
    }

    /**
     * The start of the occurrence of the quote nearest {@code expected}, or -1. Once an occurrence after it is found,
     * only the stretch as close before it is searched, so a quote found where it was costs next to nothing. A quote
     * that is nowhere in my text costs one scan of it.
     */
    private int nearestOccurrence(Annotation their, int expected) {
        String text = mine.text();
        String quote = their.quote();
        if (!couldOccur(quote)) {
            return -1;
        }
        int from = mine.toUtf16(expected);
        int after = text.indexOf(quote, from);
        if (after == from) {
            return expected;
        }
        int afterAt = after < 0 ? -1 : mine.toCodePoint(after);
        int before;
        if (from == 0) {
            before = -1;
        } else if (after < 0) {
            before = text.lastIndexOf(quote, from - 1);
        } else {
            int low = mine.toUtf16(Math.max(0, expected - (afterAt - expected)));
            int found = text.substring(low, from - 1 + quote.length()).lastIndexOf(quote);
            before = found < 0 ? -1 : low + found;
        }
        if (after < 0 || before < 0) {
            return after < 0 && before < 0 ? -1 : after < 0 ? mine.toCodePoint(before) : afterAt;
        }
        int beforeAt = mine.toCodePoint(before);
        int distanceAfter = afterAt - expected;
        int distanceBefore = expected - beforeAt;
        if (distanceAfter != distanceBefore) {
            return distanceAfter < distanceBefore ? afterAt : beforeAt;
        }
        int length = their.end() - their.start();
        return context(their, afterAt, length) > context(their, beforeAt, length) ? afterAt : beforeAt;
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

    /** How many code points of their prefix and suffix surround a candidate at {@code start} in my text too. */
    private int context(Annotation their, int start, int length) {
        int[] theirPrefix = theirs.slice(Math.max(0, their.start() - CONTEXT), their.start()).codePoints().toArray();
        int[] myPrefix = mine.slice(Math.max(0, start - CONTEXT), start).codePoints().toArray();
        int[] theirSuffix = theirs.slice(their.end(), Math.min(theirs.length(), their.end() + CONTEXT))
                .codePoints().toArray();
        int end = start + length;
        int[] mySuffix = mine.slice(end, Math.min(mine.length(), end + CONTEXT)).codePoints().toArray();
        int score = 0;
        while (score < theirPrefix.length && score < myPrefix.length
                && theirPrefix[theirPrefix.length - 1 - score] == myPrefix[myPrefix.length - 1 - score]) {
            score++;
        }
        int common = Arrays.mismatch(theirSuffix, mySuffix);
        return score + (common < 0 ? theirSuffix.length : common);
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
