package org.factspan.model;

import java.util.Locale;

/** Shortening text for messages and lists without ever cutting a character (an emoji) in half. */
public final class Texts {

    private Texts() {
    }

    /**
     * {@code text} if it has at most {@code max} code points, else its first ones followed by "...", and on one line
     * either way: a line break or other control character is shown as its escape, such as {@code \n}, so a message
     * that quotes a title or a value from a file stays the one line the command line and the window expect.
     */
    public static String abbreviate(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return oneLine(text);
        }
        return oneLine(text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 3)))) + "...";
    }

    /**
     * {@code text} with every line break and other control character shown as its escape, such as {@code \n}: for a
     * message that quotes another program's message, which may quote the input in turn.
     */
    public static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c != '\t' && (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029')) {
                line.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }
}
