package org.factspan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shortTextIsKeptAndLongTextIsCutBetweenCharacters() {
        assertEquals("short", Texts.abbreviate("short", 10));
        String emoji = "\uD83D\uDCA5".repeat(20);
        String cut = Texts.abbreviate(emoji, 10);
        assertEquals("\uD83D\uDCA5".repeat(7) + "...", cut, "seven whole emoji, none cut in half");
    }

    /** Found by JsonImportFuzzTest: a colour holding U+2028 split the refusal that quoted it into two lines. */
    @Test
    void quotedTextStaysOnOneLine() {
        assertEquals("a\\nb\\r\\u2028c\\u0085d\\u0000\te", Texts.abbreviate("a\nb\r\u2028c\u0085d\u0000\te", 60));
        assertEquals("ab\\n...", Texts.abbreviate("ab\ncdefgh", 6));
    }
}
