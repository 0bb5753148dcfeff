package org.factspan.model;

/** Shortening text for messages and lists without ever cutting a character (an emoji) in half. */
public final class Texts {

    private Texts() {
    }

    /** {@code text} if it has at most {@code max} code points, else its first ones followed by "...". */
    public static String abbreviate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 3))) + "...";
    }
}
