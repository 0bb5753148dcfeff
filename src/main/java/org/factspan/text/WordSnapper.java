package org.factspan.text;

import java.util.Optional;

/**
 * Snaps a selection outward to whole words, so a quick drag that starts or ends inside a word still annotates the
 * whole word, and trims the whitespace around it, so a double-click or a sloppy drag never makes a span that starts or
 * ends in a space.
 *
 * <p>Word characters are letters, digits, combining marks and the zero-width non-joiner Persian writes inside words;
 * an apostrophe or hyphen between two word characters belongs to the word ({@code Ukraine's}, {@code Budanov’s},
 * {@code co-operate}). Punctuation is never grown into: a selection ending at "Hamas" in "Hamas." stays without the
 * full stop, but punctuation the user did select is kept, and a selection of punctuation alone is only trimmed.
 *
 * <p>Emoji are symbols, like punctuation: a selection next to one never grows into it. A selection is never left
 * inside a character, though: not between the halves of a surrogate pair, and not before a skin-tone modifier,
 * variation selector or zero-width-joined part of an emoji sequence, so a selected emoji is always a whole one.
 */
public final class WordSnapper {

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /** A selection in UTF-16 indexes of the text, half-open. */
    public record Range(int start, int end) {
    }

    private WordSnapper() {
    }

    /**
     * The selection {@code [start, end)} of {@code text} (UTF-16 indexes) snapped to whole words and trimmed, or empty
     * when it holds nothing but whitespace.
     */
    public static Optional<Range> snap(String text, int start, int end) {
        if (start < 0 || start > end || end > text.length()) {
            throw new IndexOutOfBoundsException("selection [" + start + ", " + end + ") outside 0.." + text.length());
        }
        if (start == end) {
            return Optional.empty();
        }
        int from = splitsPair(text, start) ? start - 1 : start;
        int to = splitsPair(text, end) ? end + 1 : end;
        while (from < to && isSpace(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && isSpace(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        if (from == to) {
            return Optional.empty();
        }
        while (from > 0 && (insideWord(text, from) || attachesToPrevious(text, from))) {
            from -= Character.charCount(text.codePointBefore(from));
        }
        while (to < text.length() && (insideWord(text, to) || attachesToPrevious(text, to))) {
            to += Character.charCount(text.codePointAt(to));
        }
        return Optional.of(new Range(from, to));
    }

    private static boolean splitsPair(String text, int index) {
        return index > 0 && index < text.length()
                && Character.isHighSurrogate(text.charAt(index - 1)) && Character.isLowSurrogate(text.charAt(index));
    }

    /** Whether the boundary before {@code index} lies inside a word, so a selection must not end or start there. */
    private static boolean insideWord(String text, int index) {
        int before = text.codePointBefore(index);
        int after = text.codePointAt(index);
        if (isWordChar(before) && isWordChar(after)) {
            return true;
        }
        if (isWordChar(before) && isJoiner(after)) {
            int next = index + Character.charCount(after);
            return next < text.length() && isWordChar(text.codePointAt(next));
        }
        if (isJoiner(before) && isWordChar(after)) {
            int previous = index - Character.charCount(before);
            return previous > 0 && isWordChar(text.codePointBefore(previous));
        }
        return false;
    }

    /**
     * Whether the code point at {@code index} belongs to the character before it: a combining mark (a keycap, an
     * accent), an emoji modifier or variation selector, a zero-width joiner, or the part an emoji sequence joins on
     * after one.
     */
    private static boolean attachesToPrevious(String text, int index) {
        int after = text.codePointAt(index);
        if (isMark(after) || isModifier(after) || after == ZERO_WIDTH_JOINER) {
            return true;
        }
        return text.codePointBefore(index) == ZERO_WIDTH_JOINER;
    }

    private static boolean isModifier(int codePoint) {
        return (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F);
    }

    /** Variation selectors are marks too, but they belong to the emoji or symbol before them, not to a word. */
    private static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == 0x200C
                || (isMark(codePoint) && !isModifier(codePoint));
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Apostrophes and hyphens, which join two word characters into one word. */
    private static boolean isJoiner(int codePoint) {
        return switch (codePoint) {
            case '\'', '\u2019', '\u02BC', '-', '\u2010', '\u2011', '\u00AD' -> true;
            default -> false;
        };
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
