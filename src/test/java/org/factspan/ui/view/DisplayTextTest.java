package org.factspan.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.factspan.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayTextTest {

    private static final String SENTENCE = "Mr Budanov said Russia helped Hamas with weapons and money. ";

    @Test
    void shortTextIsItsOwnDisplayTextWithIdentityMapping() {
        String stored = "First paragraph.\nSecond one, with an emoji \uD83D\uDCA5.\n\nThird.";
        DisplayText display = new DisplayText(stored);

        assertSame(stored, display.displayText());
        assertSame(stored, display.storedText());
        assertEquals(0, display.insertedBreakCount());
        for (int i = 0; i <= stored.length(); i++) {
            assertEquals(i, display.toDisplay(i));
            assertEquals(i, display.toDisplayEnd(i));
            assertEquals(i, display.toStored(i));
            assertFalse(display.isInsertedBreak(i));
        }
    }

    @Test
    void manyParagraphsEachWithinTheLimitAreLeftAlone() {
        String stored = (SENTENCE.repeat(10) + "\n").repeat(100);
        assertSame(stored, new DisplayText(stored, 1_000).displayText());
    }

    @Test
    void emptyTextIsItsOwnDisplayText() {
        DisplayText display = new DisplayText("");
        assertEquals("", display.displayText());
        assertEquals(0, display.toDisplay(0));
        assertEquals(0, display.toStored(0));
    }

    @Test
    void paragraphOfExactlyTheLimitIsNotSplit() {
        String stored = "a".repeat(50);
        assertSame(stored, new DisplayText(stored, 50).displayText());
        assertEquals(1, new DisplayText(stored + "a", 50).insertedBreakCount());
    }

    @Test
    void longLineIsSplitAfterTheWhitespaceThatEndsASentence() {
        DisplayText display = new DisplayText("One. Two. Three.", 10);

        assertEquals("One. Two. \nThree.", display.displayText());
        assertEquals(11, display.toDisplay(10));
        assertEquals(10, display.toDisplayEnd(10));
        assertEquals(10, display.toStored(10));
        assertEquals(10, display.toStored(11));
        assertTrue(display.isInsertedBreak(10));
        assertFalse(display.isInsertedBreak(9));
        assertFalse(display.isInsertedBreak(11));
    }

    @Test
    void twoHundredKilobyteLineBecomesParagraphsWithinTheLimitEndingAtSentences() {
        String stored = SENTENCE.repeat(200_000 / SENTENCE.length());
        DisplayText display = new DisplayText(stored);

        assertTrue(display.insertedBreakCount() >= stored.length() / DisplayText.DEFAULT_LIMIT);
        assertEquals(stored, removeInsertedBreaks(display));
        for (String line : display.displayText().split("\n")) {
            assertTrue(line.length() <= DisplayText.DEFAULT_LIMIT, () -> "line of " + line.length());
            assertTrue(line.endsWith("money. "), () -> "line ends mid-sentence: ..." + tail(line));
        }
    }

    @Test
    void sentenceLongerThanTheLimitIsSplitAfterWhitespace() {
        String stored = "word ".repeat(100) + "end.";
        DisplayText display = new DisplayText(stored, 42);

        for (String line : display.displayText().split("\n")) {
            assertTrue(line.length() <= 42);
            assertFalse(line.startsWith(" "), "whitespace stays at the end of the line above");
        }
        assertEquals(stored, removeInsertedBreaks(display));
    }

    @Test
    void runWithoutWhitespaceIsSplitHardButNeverInsideASurrogatePair() {
        String stored = "a" + "\uD83D\uDE00".repeat(30);
        DisplayText display = new DisplayText(stored, 10);

        assertEquals(stored, removeInsertedBreaks(display));
        String shown = display.displayText();
        for (int i = 0; i < shown.length(); i++) {
            if (display.isInsertedBreak(i)) {
                assertFalse(Character.isLowSurrogate(shown.charAt(i + 1)), "break before a low surrogate at " + i);
            }
        }
        for (String line : shown.split("\n")) {
            assertTrue(line.length() <= 10);
        }
    }

    @Test
    void onlyTheLongParagraphIsSplitAndExistingNewlinesAreNotInsertedBreaks() {
        String longOne = SENTENCE.repeat(5);
        String stored = "Title\n\n" + longOne + "\nShort end.\n";
        DisplayText display = new DisplayText(stored, 130);

        assertEquals(2, display.insertedBreakCount());
        assertFalse(display.isInsertedBreak(5));
        assertFalse(display.isInsertedBreak(6));
        assertEquals(stored, removeInsertedBreaks(display));
        int newlines = 0;
        for (int i = 0; i < display.displayText().length(); i++) {
            if (display.displayText().charAt(i) == '\n' && !display.isInsertedBreak(i)) {
                newlines++;
            }
        }
        assertEquals(4, newlines);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mappingRoundTripsForEveryIndexOnMixedScripts(long seed) {
        String stored = randomText(new Random(seed), 3_000);
        DisplayText display = new DisplayText(stored, 37);
        assertTrue(display.insertedBreakCount() > 0);
        assertMappingConsistent(display);
    }

    @Test
    void megabyteLineOfCjkWithoutSpacesOrSentenceEndsIsSplitEverywhereWithinTheLimit() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(9);
        while (text.length() < 1_000_000) {
            text.append((char) (0x4E00 + random.nextInt(2_000)));
        }
        DisplayText display = new DisplayText(text.toString());

        assertEquals(999, display.insertedBreakCount());
        assertEquals(text.toString(), removeInsertedBreaks(display));
    }

    @Test
    void limitBelowTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DisplayText("abc", 1));
    }

    @Test
    void indexesOutsideTheTextAreRefused() {
        DisplayText display = new DisplayText("One. Two. Three.", 10);
        assertThrows(IndexOutOfBoundsException.class, () -> display.toDisplay(17));
        assertThrows(IndexOutOfBoundsException.class, () -> display.toDisplay(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> display.toStored(18));
        assertFalse(display.isInsertedBreak(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1946_harry_s_truman_d.txt", "2021_joseph_r_biden_d.txt"})
    void realSingleLineSpeechesSplitAtTheSentenceBoundariesOfTheWholeLine(String name) throws IOException {
        Path file = SharedFixtures.shared().resolve("fixtures/external/long-texts-sotu").resolve(name);
        assumeTrue(Files.isRegularFile(file), "no " + file);
        String stored = Files.readString(file);
        DisplayText display = new DisplayText(stored);

        assertTrue(display.insertedBreakCount() >= stored.length() / DisplayText.DEFAULT_LIMIT);
        assertEquals(stored, removeInsertedBreaks(display));
        Set<Integer> sentenceEnds = sentenceBoundaries(stored);
        String shown = display.displayText();
        int lineStart = 0;
        for (int i = 0; i < shown.length(); i++) {
            if (display.isInsertedBreak(i)) {
                int cut = display.toStored(i);
                if (!sentenceEnds.contains(cut)) {
                    int from = lineStart;
                    assertTrue(sentenceEnds.stream().noneMatch(b -> b > from && b <= from + DisplayText.DEFAULT_LIMIT),
                            "break inside a sentence at " + cut + " though one ended within the limit");
                    assertTrue(Character.isWhitespace(stored.charAt(cut - 1)), "break inside a word at " + cut);
                }
                lineStart = cut;
            }
        }
        for (String line : shown.split("\n")) {
            assertTrue(line.length() <= DisplayText.DEFAULT_LIMIT);
        }
        assertMappingConsistent(display);
    }

    private static void assertMappingConsistent(DisplayText display) {
        String stored = display.storedText();
        String shown = display.displayText();
        assertEquals(stored, removeInsertedBreaks(display));
        for (int s = 0; s <= stored.length(); s++) {
            int d = display.toDisplay(s);
            assertEquals(s, display.toStored(d), "stored " + s);
            if (s < stored.length()) {
                assertEquals(stored.charAt(s), shown.charAt(d), "stored " + s);
            }
            int end = display.toDisplayEnd(s);
            assertEquals(s, display.toStored(end), "end " + s);
            assertTrue(end == d || (end == d - 1 && display.isInsertedBreak(end)), "end " + s);
        }
        for (int d = 0; d <= shown.length(); d++) {
            int s = display.toStored(d);
            int expected = display.isInsertedBreak(d) ? d + 1 : d;
            assertEquals(expected, display.toDisplay(s), "display " + d);
            if (display.isInsertedBreak(d)) {
                assertEquals('\n', shown.charAt(d));
                assertFalse(Character.isHighSurrogate(shown.charAt(d - 1)) && d + 1 < shown.length()
                        && Character.isLowSurrogate(shown.charAt(d + 1)));
            }
        }
    }

    private static String removeInsertedBreaks(DisplayText display) {
        String shown = display.displayText();
        StringBuilder out = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            if (!display.isInsertedBreak(i)) {
                out.append(shown.charAt(i));
            }
        }
        return out.toString();
    }

    private static Set<Integer> sentenceBoundaries(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        Set<Integer> found = new HashSet<>();
        for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) {
            found.add(b);
        }
        return found;
    }

    /** Latin, Arabic, Cyrillic, CJK without spaces, emoji, combining marks, and the odd newline. */
    static String randomText(Random random, int length) {
        List<String> pieces = new ArrayList<>(List.of(
                "The minister said ", "Budanov’s claim. ", "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064A\u0631 ",
                "\u0420\u043E\u0441\u0441\u0438\u044F \u043F\u043E\u043C\u043E\u0433\u043B\u0430. ",
                "\u4ECA\u5929\u5929\u6C14\u5F88\u597D\u6211\u4EEC\u53BB\u516C\u56ED", "\u3002",
                "\uD83D\uDCA5", "\uD83D\uDC4D\uD83C\uDFFD", "e\u0301", "! ", "  ", "\n", "?"));
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(pieces.get(random.nextInt(pieces.size())));
            if (random.nextInt(40) == 0) {
                out.append(Stream.generate(() -> "\uD83D\uDE00").limit(30).reduce("", String::concat));
            }
        }
        return out.toString();
    }

    private static String tail(String line) {
        return line.substring(Math.max(0, line.length() - 40));
    }
}
