package org.factspan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordSnapperTest {

    /** Snaps the selection written as the first occurrence of {@code selected} in {@code text}; returns the result. */
    private static String snapped(String text, String selected) {
        int start = text.indexOf(selected);
        assertTrue(start >= 0, selected);
        return snapped(text, start, start + selected.length());
    }

    private static String snapped(String text, int start, int end) {
        Optional<WordSnapper.Range> range = WordSnapper.snap(text, start, end);
        return range.map(r -> text.substring(r.start(), r.end())).orElse(null);
    }

    @ParameterizedTest(name = "[{1}] in \"{0}\" -> [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Mr Budanov said Russia helped Hamas. | udan           | Budanov",
        "Mr Budanov said Russia helped Hamas. | Budanov s      | Budanov said",
        "Mr Budanov said Russia helped Hamas. | \" Budanov \"  | Budanov",
        "Mr Budanov said Russia helped Hamas. | elped Hamas.   | helped Hamas.",
        "Mr Budanov said Russia helped Hamas. | Hamas          | Hamas",
        "Ukraine's army advanced.             | kraine         | Ukraine's",
        "Ukraine's army advanced.             | Ukraine        | Ukraine's",
        "Budanov’s claim                      | anov           | Budanov’s",
        "they will co-operate fully           | operate        | co-operate",
        "they will co-operate fully           | co             | co-operate",
        "a well - known case                  | well           | well",
        "'quoted' word                        | quote          | quoted",
        "(Applause.) Thank you.               | (Applause.)    | (Applause.)",
        "(Applause.) Thank you.               | pplause        | Applause",
        "Он сказал, что Россия помогла ХАМАС. | оссия пом      | Россия помогла",
        "Он сказал, что Россия помогла ХАМАС. | ХАМАС.         | ХАМАС.",
        "قال بودانوف إن روسيا ساعدت حماس      | دانو           | بودانوف",
        "café au lait                         | caf            | café",
        "Price: 1,000 dollars                 | 1,0            | 1,000",
    })
    void snapsToWholeWordsAndTrims(String text, String selected, String expected) {
        assertEquals(expected, snapped(text, selected));
    }

    @Test
    void combiningAccentStaysWithItsLetter() {
        String text = "cafe\u0301 au lait";
        assertEquals("cafe\u0301", snapped(text, 0, 4));
    }

    @Test
    void punctuationOnlySelectionIsKeptTrimmed() {
        assertEquals("--", snapped("wait  --  what", 4, 10));
        assertEquals("!?", snapped("What !? Really", 5, 7));
    }

    @Test
    void whitespaceOnlySelectionIsEmpty() {
        String text = "one \u00A0\t\n two";
        assertEquals(Optional.empty(), WordSnapper.snap(text, 3, 8));
        assertEquals(Optional.empty(), WordSnapper.snap(text, 2, 2));
    }

    @Test
    void emptySelectionIsEmptyEvenInsideAWordOrAnEmoji() {
        assertEquals(Optional.empty(), WordSnapper.snap("Budanov", 3, 3));
        assertEquals(Optional.empty(), WordSnapper.snap("a\uD83D\uDCA5", 2, 2));
    }

    @Test
    void selectionAcrossParagraphsKeepsTheLineEndsInside() {
        String text = "First claim here.\n\nSecond claim there.";
        assertEquals("here.\n\nSecond claim", snapped(text, "ere.\n\nSecond cl"));
    }

    @Test
    void emojiNextToAWordIsNotGrownInto() {
        String text = "boom\uD83D\uDCA5boom";
        assertEquals("boom", snapped(text, 1, 3));
        assertEquals("boom", snapped(text, 7, 8));
    }

    @Test
    void selectionInsideAnEmojiKeepsTheWholeSurrogatePair() {
        String text = "a \uD83D\uDCA5 b";
        assertEquals("\uD83D\uDCA5", snapped(text, 3, 4));
        assertEquals("\uD83D\uDCA5", snapped(text, 2, 3));
    }

    @Test
    void emojiWithSkinToneOrJoinedSequenceIsKeptWhole() {
        String thumbs = "\uD83D\uDC4D\uD83C\uDFFD";
        assertEquals(thumbs, snapped("ok " + thumbs + " ok", 3, 5));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(family, snapped("x " + family + " y", 2, 4));
        assertEquals(family, snapped("x " + family + " y", 7, 9));
        String heart = "\u2764\uFE0F";
        assertEquals(heart, snapped("I " + heart + "you", 2, 3));
        assertEquals("you", snapped("I " + heart + "you", 4, 7));
    }

    @Test
    void resultNeverSplitsASurrogatePairOrStartsOrEndsWithWhitespace() {
        Random random = new Random(11);
        String[] pieces = {"Budanov’s ", "co-operate", " ", "\n", "\uD83D\uDCA5", "Россия", "حماس", ".", "\u00A0",
            "\uD83D\uDC4D\uD83C\uDFFD", "今天"};
        StringBuilder builder = new StringBuilder();
        while (builder.length() < 2_000) {
            builder.append(pieces[random.nextInt(pieces.length)]);
        }
        String text = builder.toString();
        for (int round = 0; round < 5_000; round++) {
            int start = random.nextInt(text.length() + 1);
            int end = start + random.nextInt(Math.min(40, text.length() - start) + 1);
            Optional<WordSnapper.Range> range = WordSnapper.snap(text, start, end);
            if (range.isEmpty()) {
                assertTrue(text.substring(start, end).chars().allMatch(c -> isSpace((char) c)), start + "-" + end);
                continue;
            }
            int s = range.get().start();
            int e = range.get().end();
            int selectedFrom = start;
            while (isSpace(text.charAt(selectedFrom))) {
                selectedFrom++;
            }
            int selectedTo = end;
            while (isSpace(text.charAt(selectedTo - 1))) {
                selectedTo--;
            }
            assertTrue(s <= selectedFrom && e >= selectedTo, "snapped " + s + "-" + e + " lost part of " + start + "-" + end);
            assertTrue(s == 0 || !Character.isLowSurrogate(text.charAt(s)), "starts inside a pair at " + s);
            assertTrue(e == text.length() || !Character.isLowSurrogate(text.charAt(e)), "ends inside a pair at " + e);
            assertTrue(!isSpace(text.charAt(s)) && !isSpace(text.charAt(e - 1)), "whitespace at an edge " + s + "-" + e);
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    @Test
    void selectionOutsideTheTextIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> WordSnapper.snap("abc", 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> WordSnapper.snap("abc", 2, 1));
    }
}
