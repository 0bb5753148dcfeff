package org.factspan.text;

import java.util.Arrays;

/**
 * FactSpan's line ends: CRLF (Windows) and a lone CR (old Mac OS) become LF, so every stored text ends its lines with
 * LF only and offsets never count a CR. For a text that came with offsets counted on its CRs (a colleague's export
 * from another tool, say), {@link #map} carries them onto the LF text.
 */
public final class LineEnds {

    private final String text;
    /** Code point offsets, in the original text, of the CRs that were dropped (each one before an LF), ascending. */
    private final int[] dropped;

    private LineEnds(String text, int[] dropped) {
        this.text = text;
        this.dropped = dropped;
    }

    /** {@code text} with LF line ends. */
    public static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code original} with LF line ends, and where each of its offsets lands. */
    public static LineEnds of(String original) {
        int[] dropped = new int[16];
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < original.length(); i = original.offsetByCodePoints(i, 1), codePoint++) {
            if (original.charAt(i) == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n') {
                if (count == dropped.length) {
                    dropped = Arrays.copyOf(dropped, count * 2);
                }
                dropped[count++] = codePoint;
            }
        }
        return new LineEnds(normalize(original), Arrays.copyOf(dropped, count));
    }

    /** The text with LF line ends. */
    public String text() {
        return text;
    }

    /**
     * Where code point offset {@code offset} of the original lands in {@link #text()}: one code point earlier for each
     * CR dropped before it. A span's slice of the LF text is therefore its slice of the original without those CRs.
     */
    public int map(int offset) {
        int position = Arrays.binarySearch(dropped, offset);
        return offset - (position >= 0 ? position : -position - 1);
    }
}
