package org.factspan.model;

import java.util.Arrays;

/**
 * Converts between code point offsets (what FactSpan stores and exports) and UTF-16 indexes (what Java strings and
 * JavaFX use) in one text, in O(log n) per conversion.
 *
 * <p>The two counts differ only by the characters outside the Basic Multilingual Plane (emoji, for instance), each of
 * which is one code point but two UTF-16 units. The index keeps the code point offsets of those characters, so a text
 * without any costs nothing, and converting 20,000 annotations on a 1 MB article never rescans the text.
 */
public final class CodePointIndex {

    private static final int[] NONE = new int[0];

    private final String text;
    private final int length;
    /** Code point offsets of the supplementary characters, ascending. */
    private final int[] supplementary;

    public CodePointIndex(String text) {
        this.text = text;
        int[] found = NONE;
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < text.length(); codePoint++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(16, count * 2));
                }
                found[count++] = codePoint;
                i += 2;
            } else {
                i++;
            }
        }
        this.supplementary = Arrays.copyOf(found, count);
        this.length = codePoint;
    }

    public String text() {
        return text;
    }

    /** The length of the text in code points. */
    public int length() {
        return length;
    }

    /** The UTF-16 index of code point offset {@code offset}, which may equal {@link #length()}. */
    public int toUtf16(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("code point offset " + offset + " outside 0.." + length);
        }
        return offset + supplementaryBefore(offset);
    }

    /**
     * The code point offset of UTF-16 index {@code index}. An index that falls between the two halves of a surrogate
     * pair counts as the start of that character.
     */
    public int toCodePoint(int index) {
        if (index < 0 || index > text.length()) {
            throw new IndexOutOfBoundsException("UTF-16 index " + index + " outside 0.." + text.length());
        }
        int low = 0;
        int high = supplementary.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int utf16Start = supplementary[mid] + mid;
            if (utf16Start < index) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // low = supplementary characters starting strictly before index; one of them may contain index.
        if (low > 0) {
            int lastStart = supplementary[low - 1] + (low - 1);
            if (lastStart + 1 == index) {
                return supplementary[low - 1];
            }
        }
        return index - low;
    }

    /** {@code text[start:end]} in code points, half-open. */
    public String slice(int start, int end) {
        return text.substring(toUtf16(start), toUtf16(end));
    }

    private int supplementaryBefore(int offset) {
        int position = Arrays.binarySearch(supplementary, offset);
        return position >= 0 ? position : -position - 1;
    }
}
