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
}
