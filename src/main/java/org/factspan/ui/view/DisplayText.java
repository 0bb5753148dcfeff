package org.factspan.ui.view;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text the view shows for a stored text: the same characters, with a {@code '\n'} inserted inside every paragraph
 * longer than a limit, plus the O(log n) mapping between stored and display UTF-16 indexes.
 *
 * <p>RichTextFX lays out a paragraph as one TextFlow, and a 1 MB single-line paragraph takes about 30 s to lay out
 * (see STACK.md), while scraped articles often arrive as one 200 KB line. Splitting only the view keeps the stored text,
 * its hash and every annotation offset untouched; removing the inserted newlines gives the stored text back exactly.
 *
 * <p>A long paragraph is cut at the last sentence end that fits the limit, so display lines read like paragraphs; the
 * whitespace after a sentence stays at the end of the line above. A sentence longer than the limit is cut after
 * whitespace, and a run without whitespace (CJK, a URL) is cut hard, never between the halves of a surrogate pair.
 *
 * <pre>
 *   stored:   "One. Two. Three."            (limit 10)
 *   display:  "One. Two. \nThree."          break inserted before stored index 10
 *   toDisplay(10) = 11 (the 'T'), toDisplayEnd(10) = 10 (before the break), toStored(10) = toStored(11) = 10
 * </pre>
 *
 * <p>Instances are immutable. A text without a long paragraph is its own display text: the same String instance and
 * identity mapping, at the cost of one scan for line ends.
 */
public final class DisplayText {

    /**
     * The longest display paragraph, in UTF-16 units. The measured 1 MB text in 1,416 paragraphs (about 740 units
     * each) lays out in well under a second; 1,000 units is ten to fifteen wrapped lines in a normal window, so an
     * inserted break looks like an ordinary paragraph break and no TextFlow gets much larger than the measured ones.
     */
    public static final int DEFAULT_LIMIT = 1_000;

    /** A sentence end a little past the limit would decide nothing, so the iterator never reads further than this. */
    private static final int SENTENCE_LOOKAHEAD = 200;

    /**
     * Sentence ends are looked for in the last this many units of a line first, so the iterator reads a fraction of
     * the text; only when that tail holds none is the whole line read.
     */
    private static final int SENTENCE_TAIL = 300;

    /**
     * The iterator sees the tail without what precedes it and may take its first characters for a sentence start, so
     * boundaries this close to the tail's start are not trusted.
     */
    private static final int SENTENCE_TAIL_MARGIN = 20;

    private static final int[] NONE = new int[0];

    private final String stored;
    private final String display;
    /** Stored indexes before which a newline is inserted, strictly ascending; break k sits at display index b + k. */
    private final int[] breaks;

    public DisplayText(String stored) {
        this(stored, DEFAULT_LIMIT);
    }

    /** @param limit the longest display paragraph in UTF-16 units, at least 2 so a surrogate pair always fits */
    public DisplayText(String stored, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit " + limit + " is below 2");
        }
        this.stored = stored;
        this.breaks = findBreaks(stored, limit);
        this.display = breaks.length == 0 ? stored : insertBreaks(stored, breaks);
    }

    public String storedText() {
        return stored;
    }

    public String displayText() {
        return display;
    }

    /** How many newlines were inserted; 0 means the display text is the stored text. */
    public int insertedBreakCount() {
        return breaks.length;
    }

    /**
     * The display index of the character at stored index {@code storedUtf16} (which may equal the stored length). Where
     * a break was inserted before that character, this is after the break: the start of the next display line.
     */
    public int toDisplay(int storedUtf16) {
        checkIndex(storedUtf16, stored.length(), "stored");
        return storedUtf16 + breaksAtOrBefore(storedUtf16);
    }

    /**
     * The display index for the exclusive end of a stored range: before a break inserted at {@code storedUtf16}, so a
     * range that ends where a display line ends does not take in the inserted newline.
     */
    public int toDisplayEnd(int storedUtf16) {
        checkIndex(storedUtf16, stored.length(), "stored");
        return storedUtf16 + breaksAtOrBefore(storedUtf16 - 1);
    }

    /** The stored index of display index {@code displayUtf16}; an inserted newline maps to where it was inserted. */
    public int toStored(int displayUtf16) {
        checkIndex(displayUtf16, display.length(), "display");
        int low = 0;
        int high = breaks.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (breaks[mid] + mid < displayUtf16) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return displayUtf16 - low;
    }

    /** Whether the display character at {@code displayIndex} is a newline this class inserted. */
    public boolean isInsertedBreak(int displayIndex) {
        if (displayIndex < 0 || displayIndex >= display.length()) {
            return false;
        }
        int k = toStored(displayIndex);
        int position = Arrays.binarySearch(breaks, k);
        return position >= 0 && breaks[position] + position == displayIndex;
    }

    private int breaksAtOrBefore(int storedUtf16) {
        int position = Arrays.binarySearch(breaks, storedUtf16);
        return position >= 0 ? position + 1 : -position - 1;
    }

    private static void checkIndex(int index, int length, String what) {
        if (index < 0 || index > length) {
            throw new IndexOutOfBoundsException(what + " index " + index + " outside 0.." + length);
        }
    }

    private static int[] findBreaks(String text, int limit) {
        int[] found = NONE;
        int count = 0;
        BreakIterator sentences = null;
        int paragraphStart = 0;
        while (paragraphStart <= text.length()) {
            int newline = text.indexOf('\n', paragraphStart);
            int paragraphEnd = newline < 0 ? text.length() : newline;
            int lineStart = paragraphStart;
            while (paragraphEnd - lineStart > limit) {
                if (sentences == null) {
                    sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
                }
                int cut = cut(text, lineStart, paragraphEnd, limit, sentences);
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = cut;
                lineStart = cut;
            }
            paragraphStart = paragraphEnd + 1;
        }
        return Arrays.copyOf(found, count);
    }

    /** Where to end the display line that starts at {@code lineStart}: a position in (lineStart, lineStart + limit]. */
    private static int cut(String text, int lineStart, int paragraphEnd, int limit, BreakIterator sentences) {
        int latest = lineStart + limit;
        int windowEnd = Math.min(paragraphEnd, latest + SENTENCE_LOOKAHEAD);
        int tailStart = latest - SENTENCE_TAIL;
        if (tailStart > lineStart) {
            int boundary = lastSentenceEnd(text, tailStart, windowEnd, latest, sentences);
            if (boundary > tailStart + SENTENCE_TAIL_MARGIN) {
                return boundary;
            }
        }
        int boundary = lastSentenceEnd(text, lineStart, windowEnd, latest, sentences);
        if (boundary > lineStart) {
            return boundary;
        }
        for (int i = latest; i > lineStart; i--) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        boolean splitsPair = Character.isHighSurrogate(text.charAt(latest - 1))
                && Character.isLowSurrogate(text.charAt(latest));
        return splitsPair ? latest - 1 : latest;
    }

    /**
     * The last sentence boundary at or before {@code latest} as the iterator sees {@code text[from:to]}, which it takes
     * for a whole text: {@code from} itself comes back when there is none.
     */
    private static int lastSentenceEnd(String text, int from, int to, int latest, BreakIterator sentences) {
        // Forward only: on odd text (tables of dots) the JDK's preceding() disagrees with next(), and next() is what
        // a reader of the whole text would get.
        sentences.setText(new StringCharacterIterator(text, from, to, from));
        int last = from;
        for (int b = sentences.next(); b != BreakIterator.DONE && b <= latest; b = sentences.next()) {
            last = b;
        }
        return last;
    }

    private static String insertBreaks(String text, int[] breaks) {
        StringBuilder out = new StringBuilder(text.length() + breaks.length);
        int from = 0;
        for (int b : breaks) {
            out.append(text, from, b).append('\n');
            from = b;
        }
        return out.append(text, from, text.length()).toString();
    }
}
