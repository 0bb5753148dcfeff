package org.factspan.review;

import java.util.regex.Pattern;

/**
 * Unicode White_Space, exactly as Java's {@code \p{IsWhite_Space}} defines it (so U+00A0 NO-BREAK SPACE is
 * whitespace, unlike {@link Character#isWhitespace}). The regex answers for every code point; a table of the Basic
 * Multilingual Plane keeps it off the hot path of kappa, which asks once per code point of a 1 MB article.
 */
final class Whitespace {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\p{IsWhite_Space}");
    private static final boolean[] BMP = new boolean[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP[c] = !Character.isSurrogate((char) c) && test(c);
        }
    }

    private Whitespace() {
    }

    static boolean is(int codePoint) {
        return codePoint <= Character.MAX_VALUE ? BMP[codePoint] : test(codePoint);
    }

    /** Whether the code point ends a line: a CRLF and an LF text then differ in no line break. */
    static boolean breaksLine(int codePoint) {
        return switch (codePoint) {
            case '\n', '\u000B', '\f', '\r', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    private static boolean test(int codePoint) {
        return WHITE_SPACE.matcher(Character.toString(codePoint)).matches();
    }
}
