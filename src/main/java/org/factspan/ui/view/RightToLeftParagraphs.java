package org.factspan.ui.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fxmisc.richtext.model.StyleSpans;

/**
 * Which paragraphs of a {@link DisplayText} read right to left, and the styles that make them display well.
 *
 * <p>A paragraph reads right to left when its first strong character is (Unicode bidi rule P2: Arabic, Hebrew,
 * Syriac, Thaana, ...). A display paragraph that {@link DisplayText} cut out of a long stored paragraph takes the
 * direction of the stored paragraph, so a continuation that happens to start with a number or a Latin name does not
 * flip to the left.
 *
 * <p>The text flow stays left to right (ADR 0006): right-to-left paragraphs are right-aligned, drawn in one font that
 * has the Arabic and Hebrew letters ({@link #fontFamily}), and show the selection as a text background
 * ({@link #SELECTED}) because RichTextFX draws the selection shape of bidi lines in the wrong places.
 */
public final class RightToLeftParagraphs {

    /** The paragraph style class of a right-to-left paragraph. */
    public static final String PARAGRAPH = "rtl";
    /** The text style class of selected characters in a right-to-left paragraph. */
    public static final String SELECTED = "rtl-selected";

    /** Fonts with Arabic and Hebrew letters, most likely first: Linux, then macOS/Windows, then Noto. */
    static final List<String> FONTS = List.of("DejaVu Sans", "Arial", "Segoe UI", "Tahoma", "Noto Sans Arabic");

    private static final RightToLeftParagraphs NONE = new RightToLeftParagraphs(List.of(), new int[0]);

    private final List<Integer> paragraphs;
    /** Display ranges of the right-to-left paragraphs, {@code [start0, end0, start1, end1, ...]}, ascending. */
    private final int[] ranges;

    private RightToLeftParagraphs(List<Integer> paragraphs, int[] ranges) {
        this.paragraphs = paragraphs;
        this.ranges = ranges;
    }

    /** No right-to-left paragraphs: no text, or a text being replaced. */
    public static RightToLeftParagraphs none() {
        return NONE;
    }

    /** The right-to-left paragraphs of the display text, numbered as the text area numbers its paragraphs. */
    public static RightToLeftParagraphs of(DisplayText display) {
        String text = display.displayText();
        List<Integer> found = new ArrayList<>();
        List<Integer> bounds = new ArrayList<>();
        boolean rightToLeft = false;
        int paragraph = 0;
        for (int start = 0; start <= text.length(); paragraph++) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            boolean continuation = start > 0 && display.isInsertedBreak(start - 1);
            if (!continuation) {
                rightToLeft = startsRightToLeft(display.storedText(), display.toStored(start));
            }
            if (rightToLeft) {
                found.add(paragraph);
                bounds.add(start);
                bounds.add(end);
            }
            start = end + 1;
        }
        if (found.isEmpty()) {
            return NONE;
        }
        return new RightToLeftParagraphs(List.copyOf(found), bounds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The stored paragraph that starts at {@code from} reads right to left (its first strong letter is RTL). */
    static boolean startsRightToLeft(String text, int from) {
        for (int i = from; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return true;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR:
                    return false;
                default:
                    i += Character.charCount(codePoint);
            }
        }
        return false;
    }

    /** The text area's paragraph numbers of the right-to-left paragraphs, ascending. */
    public List<Integer> paragraphs() {
        return paragraphs;
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    /**
     * {@code styles}, which start at display index {@code from}, with {@link #SELECTED} added to the characters of
     * the selection {@code [selectionStart, selectionEnd)} that lie in right-to-left paragraphs.
     */
    public StyleSpans<Collection<String>> withSelection(StyleSpans<Collection<String>> styles, int from,
                                                        int selectionStart, int selectionEnd) {
        if (selectionStart >= selectionEnd) {
            return styles;
        }
        List<int[]> selected = new ArrayList<>();
        for (int r = 0; r < ranges.length; r += 2) {
            int start = Math.max(selectionStart, ranges[r]);
            int end = Math.min(selectionEnd, ranges[r + 1]);
            if (start < end) {
                selected.add(new int[] {start, end});
            }
        }
        return StyleMarks.add(styles, from, selected, SELECTED);
    }

    /**
     * The display ranges whose {@link #SELECTED} marks change when the selection moves from {@code [oldStart,
     * oldEnd)} to {@code [newStart, newEnd)}: the parts of the two ranges that differ, cut to right-to-left
     * paragraphs, as {@code [start0, end0, start1, end1, ...]}.
     */
    public int[] selectionChange(int oldStart, int oldEnd, int newStart, int newEnd) {
        List<int[]> changed = new ArrayList<>();
        if (oldStart >= oldEnd || newStart >= newEnd || oldEnd <= newStart || newEnd <= oldStart) {
            changed.add(new int[] {oldStart, oldEnd});
            changed.add(new int[] {newStart, newEnd});
        } else {
            changed.add(new int[] {Math.min(oldStart, newStart), Math.max(oldStart, newStart)});
            changed.add(new int[] {Math.min(oldEnd, newEnd), Math.max(oldEnd, newEnd)});
        }
        List<Integer> cut = new ArrayList<>();
        for (int[] range : changed) {
            for (int r = 0; r < ranges.length; r += 2) {
                int start = Math.max(range[0], ranges[r]);
                int end = Math.min(range[1], ranges[r + 1]);
                if (start < end) {
                    cut.add(start);
                    cut.add(end);
                }
            }
        }
        return cut.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first of {@link #FONTS} that is installed, if any. */
    public static Optional<String> fontFamily(Collection<String> installedFamilies) {
        return FONTS.stream().filter(installedFamilies::contains).findFirst();
    }

    /** The style sheet text that gives right-to-left paragraphs {@code fontFamily} (null: keep the article's font). */
    public static String css(String fontFamily) {
        String font = fontFamily == null ? ""
                : ".article ." + PARAGRAPH + " .text { -fx-font-family: \"" + fontFamily + "\"; }\n";
        return font
                + ".article ." + PARAGRAPH + " .selection { -fx-fill: transparent; }\n"
                + "." + SELECTED + " { -rtfx-background-color: -color-accent-subtle; }\n";
    }
}
