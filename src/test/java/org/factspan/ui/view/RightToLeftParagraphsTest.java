package org.factspan.ui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RightToLeftParagraphsTest {

    private static final String ARABIC = "قال المتحدث إن الهجوم لم يحدث.";
    private static final String HEBREW = "הדובר אמר שהמתקפה לא התרחשה.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            قال المتحدث                | true
            הדובר אמר                  | true
            "« 300 » قال المتحدث"      | true
            The spokesman said          | false
            "300 people, قال"           | false
            "(WHO) قال"                 | false
            "\u200F(WHO) said"          | true
            ""                          | false
            "   "                       | false
            """)
    void aParagraphReadsRightToLeftWhenItsFirstStrongLetterDoes(String paragraph, boolean rightToLeft) {
        assertEquals(rightToLeft, RightToLeftParagraphs.startsRightToLeft(paragraph, 0));
    }

    @Test
    void anEmptyParagraphDoesNotTakeTheDirectionOfTheNextOne() {
        String text = "\n" + ARABIC;
        assertFalse(RightToLeftParagraphs.startsRightToLeft(text, 0));
        assertTrue(RightToLeftParagraphs.startsRightToLeft(text, 1));
    }

    @Test
    void paragraphsAreNumberedAsTheTextAreaNumbersThem() {
        String stored = "A headline\n" + ARABIC + "\n\n" + HEBREW + "\nEnglish again.\n" + ARABIC;
        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(new DisplayText(stored));

        assertEquals(List.of(1, 3, 5), paragraphs.paragraphs());
        assertFalse(paragraphs.isEmpty());
    }

    @Test
    void anEnglishTextHasNoRightToLeftParagraphs() {
        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(new DisplayText("One.\nTwo.\n"));
        assertTrue(paragraphs.isEmpty());
        assertEquals(List.of(), paragraphs.paragraphs());
    }

    @Test
    void aLongArabicParagraphCutForDisplayStaysRightToLeftWhereAPieceStartsWithLatin() {
        // Each sentence ends before a Latin acronym, so the display cuts make pieces that start with "WHO".
        String sentence = "قال المتحدث إن الهجوم لم يحدث. ";
        String stored = "Title\n" + (sentence + "WHO " + sentence).repeat(4);
        DisplayText display = new DisplayText(stored, 40);
        assertTrue(display.insertedBreakCount() > 2, "the paragraph is cut for display");
        long latinPieces = display.displayText().lines().filter(line -> line.startsWith("WHO")).count();
        assertTrue(latinPieces > 0, "some pieces start with the Latin acronym");

        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(display);

        int pieces = display.displayText().split("\n", -1).length;
        List<Integer> all = new ArrayList<>();
        for (int p = 1; p < pieces; p++) {
            all.add(p);
        }
        assertEquals(all, paragraphs.paragraphs(), "every piece of the Arabic paragraph, none of the title");
    }

    @Test
    void theSelectionIsMarkedOnlyInsideRightToLeftParagraphs() {
        String stored = "English\n" + ARABIC + "\nMore";
        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(new DisplayText(stored));
        int arabicStart = "English\n".length();
        int arabicEnd = arabicStart + ARABIC.length();
        StyleSpans<Collection<String>> plain = spans(List.of(), stored.length());

        StyleSpans<Collection<String>> marked = paragraphs.withSelection(plain, 0, 2, arabicEnd + 3);

        List<Collection<String>> each = perCharacter(marked);
        for (int i = 0; i < stored.length(); i++) {
            boolean selectedArabic = i >= arabicStart && i < arabicEnd;
            assertEquals(selectedArabic, each.get(i).contains(RightToLeftParagraphs.SELECTED), "index " + i);
        }
    }

    @Test
    void theSelectionMarkKeepsTheAnnotationStylesAndRespectsTheOffsetOfTheSpans() {
        String stored = ARABIC;
        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(new DisplayText(stored));
        StyleSpans<Collection<String>> styles = new StyleSpansBuilder<Collection<String>>()
                .add(List.of("ann-fill-0"), 4).add(List.of(), 6).create();

        StyleSpans<Collection<String>> marked = paragraphs.withSelection(styles, 10, 12, 16);

        List<Collection<String>> each = perCharacter(marked);
        assertEquals(10, each.size());
        assertEquals(List.of("ann-fill-0"), List.copyOf(each.get(0)));
        assertEquals(Set.of("ann-fill-0", RightToLeftParagraphs.SELECTED), Set.copyOf(each.get(2)));
        assertEquals(Set.of(RightToLeftParagraphs.SELECTED), Set.copyOf(each.get(5)));
        assertTrue(each.get(6).isEmpty());
    }

    @Test
    void noSelectionOrNoRightToLeftTextLeavesTheStylesAsTheyAre() {
        StyleSpans<Collection<String>> plain = spans(List.of("ann-fill-1"), 10);
        RightToLeftParagraphs arabic = RightToLeftParagraphs.of(new DisplayText(ARABIC));
        RightToLeftParagraphs english = RightToLeftParagraphs.of(new DisplayText("Only English here."));

        assertSame(plain, arabic.withSelection(plain, 0, 5, 5));
        assertSame(plain, arabic.withSelection(plain, 0, 20, 25));
        assertSame(plain, english.withSelection(plain, 0, 0, 10));
    }

    @Test
    void aMovingSelectionRestylesOnlyWhatChangedInRightToLeftParagraphs() {
        String stored = "English line\n" + ARABIC;
        RightToLeftParagraphs paragraphs = RightToLeftParagraphs.of(new DisplayText(stored));
        int a = "English line\n".length();

        assertArrayEquals(new int[] {a + 3, a + 5}, paragraphs.selectionChange(a, a + 3, a, a + 5), "grown");
        assertArrayEquals(new int[] {a + 1, a + 3}, paragraphs.selectionChange(a + 1, a + 3, a + 3, a + 3),
                "cleared");
        assertArrayEquals(new int[] {a, a + 2, a + 4, a + 6},
                paragraphs.selectionChange(a, a + 2, a + 4, a + 6), "jumped");
        assertArrayEquals(new int[] {a, a + 4}, paragraphs.selectionChange(2, a + 4, 1, 1),
                "cut to the Arabic paragraph");
        assertArrayEquals(new int[0], paragraphs.selectionChange(0, 5, 1, 6), "English only");
    }

    @Test
    void theFontIsTheFirstInstalledOfTheFontsWithArabicLetters() {
        assertEquals(Optional.of("DejaVu Sans"),
                RightToLeftParagraphs.fontFamily(List.of("Arial", "DejaVu Sans", "DejaVu Serif")));
        assertEquals(Optional.of("Tahoma"), RightToLeftParagraphs.fontFamily(List.of("Georgia", "Tahoma")));
        assertEquals(Optional.empty(), RightToLeftParagraphs.fontFamily(List.of("Georgia")));
    }

    @Test
    void theStyleSheetSetsTheFontOnlyWhenOneIsInstalled() {
        String withFont = RightToLeftParagraphs.css("DejaVu Sans");
        assertTrue(withFont.contains(".article .rtl .text { -fx-font-family: \"DejaVu Sans\"; }"), withFont);
        assertTrue(withFont.contains(".article .rtl .selection { -fx-fill: transparent; }"), withFont);
        assertTrue(withFont.contains(".rtl-selected {"), withFont);
        assertFalse(RightToLeftParagraphs.css(null).contains("-fx-font-family"));
    }

    private static List<Collection<String>> perCharacter(StyleSpans<Collection<String>> spans) {
        List<Collection<String>> each = new ArrayList<>();
        spans.forEach(span -> {
            for (int i = 0; i < span.getLength(); i++) {
                each.add(span.getStyle());
            }
        });
        return each;
    }

    private static StyleSpans<Collection<String>> spans(Collection<String> style, int length) {
        return new StyleSpansBuilder<Collection<String>>().add(style, length).create();
    }
}
