package org.factspan.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * Which code points of their text reappear, in order, in mine: the base for pairing changed documents and for
 * carrying annotations over.
 *
 * <p><b>Why two levels.</b> A character-level diff of two 1 MB texts that differ in every line ending (CRLF against
 * LF) has as many edits as lines, and Myers' algorithm costs (length x edits): far too slow. So the texts are first
 * cut into tokens - a run of letters and digits, a run of whitespace, or one other character - and the token
 * sequences are diffed with java-diff-utils; whitespace runs compare equal when both or neither hold a line break,
 * which makes CRLF against LF, or two spaces against one, no edit at all. Then, inside every pair of tokens or changed
 * stretches that are not identical but small (at most {@value #REFINE_LIMIT} code points a side), a character-level
 * diff aligns the code points themselves, so "\r\n" aligns its "\n" and a corrected word keeps its unchanged letters.
 *
 * <p>The result is a list of blocks {@code theirs[t, t+n) == mine[m, m+n)}, ascending on both sides.
 */
final class TextAlignment {

    static final int REFINE_LIMIT = 1_000;

    private final int[] theirStarts;
    private final int[] myStarts;
    private final int[] lengths;
    private final int myLength;
    private final double similarity;

    private TextAlignment(int[] theirStarts, int[] myStarts, int[] lengths, int blocks, int myLength,
                          double similarity) {
        this.theirStarts = Arrays.copyOf(theirStarts, blocks);
        this.myStarts = Arrays.copyOf(myStarts, blocks);
        this.lengths = Arrays.copyOf(lengths, blocks);
        this.myLength = myLength;
        this.similarity = similarity;
    }

    /**
     * The share of words, numbers and punctuation (whitespace left out) that the two texts have in common, in order:
     * {@code 2 x common / (theirs + mine)}, 1 for identical texts up to whitespace, near 0 for unrelated ones. Whitespace
     * is left out because it is half of all tokens and matches between any two texts.
     */
    double similarity() {
        return similarity;
    }

    /**
     * Where a span starting at {@code start} in their text starts in mine: the aligned code point if {@code start} is
     * aligned, else just after the last aligned code point before it - so a replaced first word is taken in whole.
     */
    int mapStart(int start) {
        int block = blockAtOrBefore(start);
        if (block < 0) {
            return 0;
        }
        int into = start - theirStarts[block];
        return into < lengths[block] ? myStarts[block] + into : myStarts[block] + lengths[block];
    }

    /**
     * Where a span ending at {@code end} (exclusive) in their text ends in mine: after the counterpart of its last
     * code point if that is aligned, else at the next aligned code point - so a replaced last word is taken in whole.
     */
    int mapEnd(int end) {
        int last = end - 1;
        int block = blockAtOrBefore(last);
        if (block >= 0 && last - theirStarts[block] < lengths[block]) {
            return myStarts[block] + last - theirStarts[block] + 1;
        }
        int next = block + 1;
        return next < lengths.length ? myStarts[next] : myLength;
    }

    /**
     * Where their code points {@code [start, end)} are in my text when the diff aligned all of them in one piece,
     * else -1. Blocks hold equal code points only, so my text there is the same as theirs.
     */
    int counterpart(int start, int end) {
        int block = blockAtOrBefore(start);
        return block >= 0 && end <= theirStarts[block] + lengths[block] ? myStarts[block] + start - theirStarts[block]
                : -1;
    }

    private int blockAtOrBefore(int offset) {
        int position = Arrays.binarySearch(theirStarts, offset);
        return position >= 0 ? position : -position - 2;
    }

    /** The alignment of a text with itself, for documents with the same SHA-256. */
    static TextAlignment identity(int length) {
        return new TextAlignment(new int[] {0}, new int[] {0}, new int[] {length}, length == 0 ? 0 : 1, length, 1);
    }

    static TextAlignment of(Tokens theirs, Tokens mine) {
        return new Builder(theirs, mine).build();
    }

    /** The shares-in-common bound that {@link #similarity()} can never exceed, without diffing: for skipping pairs. */
    static double similarityBound(Tokens theirs, Tokens mine) {
        int denominator = theirs.words + mine.words;
        if (denominator == 0) {
            return 1;
        }
        Map<String, int[]> smaller = theirs.counts.size() <= mine.counts.size() ? theirs.counts : mine.counts;
        Map<String, int[]> larger = smaller == theirs.counts ? mine.counts : theirs.counts;
        long common = 0;
        for (Map.Entry<String, int[]> entry : smaller.entrySet()) {
            int[] other = larger.get(entry.getKey());
            if (other != null) {
                common += Math.min(entry.getValue()[0], other[0]);
            }
        }
        return 2.0 * common / denominator;
    }

    /** A text cut into tokens, with how often each non-whitespace token occurs. */
    static final class Tokens {
        final int[] codePoints;
        final List<String> keys = new ArrayList<>();
        /** Code point offset of each token, plus the text length at the end. */
        final int[] starts;
        final Map<String, int[]> counts = new HashMap<>();
        int words;

        Tokens(String text) {
            this.codePoints = text.codePoints().toArray();
            int[] found = new int[16];
            int count = 0;
            int i = 0;
            while (i < codePoints.length) {
                if (count + 1 >= found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[count++] = i;
                int from = i;
                int c = codePoints[i];
                if (Character.isLetterOrDigit(c)) {
                    while (i < codePoints.length && Character.isLetterOrDigit(codePoints[i])) {
                        i++;
                    }
                    addWord(new String(codePoints, from, i - from));
                } else if (Whitespace.is(c)) {
                    boolean lineBreak = false;
                    while (i < codePoints.length && Whitespace.is(codePoints[i])) {
                        lineBreak |= Whitespace.breaksLine(codePoints[i]);
                        i++;
                    }
                    keys.add(lineBreak ? "\n" : " ");
                } else {
                    i++;
                    addWord(new String(codePoints, from, 1));
                }
            }
            found[count] = codePoints.length;
            this.starts = Arrays.copyOf(found, count + 1);
        }

        private void addWord(String key) {
            keys.add(key);
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            words++;
        }

        int size() {
            return keys.size();
        }

        boolean isWord(int token) {
            return !Whitespace.is(codePoints[starts[token]]);
        }
    }

    private static final class Builder {
        private final Tokens theirs;
        private final Tokens mine;
        private int[] theirStarts = new int[64];
        private int[] myStarts = new int[64];
        private int[] lengths = new int[64];
        private int blocks;
        private int commonWords;

        Builder(Tokens theirs, Tokens mine) {
            this.theirs = theirs;
            this.mine = mine;
        }

        TextAlignment build() {
            int n = theirs.size();
            int m = mine.size();
            int prefix = 0;
            while (prefix < n && prefix < m && theirs.keys.get(prefix).equals(mine.keys.get(prefix))) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < n - prefix && suffix < m - prefix
                    && theirs.keys.get(n - 1 - suffix).equals(mine.keys.get(m - 1 - suffix))) {
                suffix++;
            }
            equalTokens(0, 0, prefix);
            List<AbstractDelta<String>> deltas = DiffUtils.diff(
                    theirs.keys.subList(prefix, n - suffix), mine.keys.subList(prefix, m - suffix), true).getDeltas();
            for (AbstractDelta<String> delta : deltas) {
                int t = prefix + delta.getSource().getPosition();
                int my = prefix + delta.getTarget().getPosition();
                if (delta.getType() == DeltaType.EQUAL) {
                    equalTokens(t, my, delta.getSource().size());
                } else if (delta.getType() == DeltaType.CHANGE) {
                    refine(theirs.starts[t], theirs.starts[t + delta.getSource().size()],
                            mine.starts[my], mine.starts[my + delta.getTarget().size()]);
                }
            }
            equalTokens(n - suffix, m - suffix, suffix);
            int words = theirs.words + mine.words;
            double similarity = words == 0 ? 1 : 2.0 * commonWords / words;
            return new TextAlignment(theirStarts, myStarts, lengths, blocks, mine.codePoints.length, similarity);
        }

        private void equalTokens(int t, int my, int count) {
            for (int k = 0; k < count; k++) {
                int tFrom = theirs.starts[t + k];
                int tTo = theirs.starts[t + k + 1];
                int mFrom = mine.starts[my + k];
                int mTo = mine.starts[my + k + 1];
                if (theirs.isWord(t + k)) {
                    commonWords++;
                    block(tFrom, mFrom, tTo - tFrom);
                } else if (Arrays.equals(theirs.codePoints, tFrom, tTo, mine.codePoints, mFrom, mTo)) {
                    block(tFrom, mFrom, tTo - tFrom);
                } else {
                    refine(tFrom, tTo, mFrom, mTo);
                }
            }
        }

        private void refine(int tFrom, int tTo, int mFrom, int mTo) {
            if (tTo - tFrom > REFINE_LIMIT || mTo - mFrom > REFINE_LIMIT) {
                return;
            }
            List<AbstractDelta<Integer>> deltas = DiffUtils.diff(
                    boxed(theirs.codePoints, tFrom, tTo), boxed(mine.codePoints, mFrom, mTo), true).getDeltas();
            for (AbstractDelta<Integer> delta : deltas) {
                if (delta.getType() == DeltaType.EQUAL) {
                    block(tFrom + delta.getSource().getPosition(), mFrom + delta.getTarget().getPosition(),
                            delta.getSource().size());
                }
            }
        }

        private static List<Integer> boxed(int[] codePoints, int from, int to) {
            return Arrays.stream(codePoints, from, to).boxed().toList();
        }

        private void block(int t, int my, int length) {
            if (blocks > 0 && theirStarts[blocks - 1] + lengths[blocks - 1] == t
                    && myStarts[blocks - 1] + lengths[blocks - 1] == my) {
                lengths[blocks - 1] += length;
                return;
            }
            if (blocks == lengths.length) {
                theirStarts = Arrays.copyOf(theirStarts, blocks * 2);
                myStarts = Arrays.copyOf(myStarts, blocks * 2);
                lengths = Arrays.copyOf(lengths, blocks * 2);
            }
            theirStarts[blocks] = t;
            myStarts[blocks] = my;
            lengths[blocks] = length;
            blocks++;
        }
    }
}
