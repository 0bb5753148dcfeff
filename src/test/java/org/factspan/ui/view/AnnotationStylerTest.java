package org.factspan.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Label;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnnotationStylerTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private static final List<Label> LABELS = org.factspan.store.DefaultLabels.get();
    private static final int CLAIM = 0;
    private static final int DENIAL = 1;
    private static final int EVIDENCE = 2;
    private static final int ATTRIBUTION = 3;

    private static final String TEXT = "Mr Budanov said Russia helped Hamas with weapons and money.";

    @Test
    void noAnnotationsGiveOneUnstyledSpanOverTheWholeText() {
        StyleSpans<Collection<String>> spans = styler(TEXT, List.of()).styles(null);

        assertEquals(1, spans.getSpanCount());
        assertEquals(TEXT.length(), spans.length());
        assertEquals(List.of(), spans.getStyleSpan(0).getStyle());
    }

    @Test
    void emptyTextGivesAnEmptyStyling() {
        assertEquals(0, styler("", List.of()).styles(null).length());
    }

    @Test
    void oneAnnotationIsFilledWithItsLabelPosition() {
        List<String> spans = describe(styler(TEXT, List.of(ann("a", "evidence", 3, 10))).styles(null));

        assertEquals(List.of("0-3 []", "3-10 [ann, ann-fill-2]", "10-59 []"), spans);
    }

    @Test
    void partlyOverlappingAnnotationsAreFillThenUnderlineWhereTheyShareText() {
        List<String> spans = describe(styler(TEXT, List.of(
                ann("a", "claim", 0, 10), ann("b", "evidence", 5, 15))).styles(null));

        assertEquals(List.of("0-5 [ann, ann-fill-0]", "5-10 [ann, ann-fill-0, ann-under-2]",
                "10-15 [ann, ann-fill-2]", "15-59 []"), spans);
    }

    @Test
    void threeNestedLevelsAreFillUnderlineAndBorderOutermostFirst() {
        List<String> spans = describe(styler(TEXT, List.of(
                ann("inner", "evidence", 3, 10), ann("outer", "claim", 0, 35), ann("mid", "attribution", 0, 15)))
                .styles(null));

        assertEquals(List.of("0-3 [ann, ann-fill-0, ann-under-3]",
                "3-10 [ann, ann-fill-0, ann-under-3, ann-border-2]",
                "10-15 [ann, ann-fill-0, ann-under-3]", "15-35 [ann, ann-fill-0]", "35-59 []"), spans);
    }

    @Test
    void annotationsOnTheSameTextAreOrderedByLabelNameThenIdAsEverywhere() {
        List<String> spans = describe(styler(TEXT, List.of(
                ann("z", "attribution", 3, 10), ann("y", "claim", 3, 10), ann("x", "claim", 3, 10))).styles(null));

        assertEquals("3-10 [ann, ann-fill-3, ann-under-0, ann-border-0]", spans.get(1));
        AnnotationStyler styler = styler(TEXT, List.of(
                ann("z", "attribution", 3, 10), ann("y", "claim", 3, 10), ann("x", "claim", 3, 10)));
        assertEquals(List.of("z", "x", "y"), ids(styler.annotationsAt(5)), "Annotation.READING_ORDER");
    }

    @Test
    void emojiBeforeASpanShiftsItsStyleByOneUtf16Unit() {
        String text = "\uD83D\uDCA5 Budanov said";
        List<String> spans = describe(styler(text, List.of(ann("a", "claim", 2, 9))).styles(null));

        assertEquals(List.of("0-3 []", "3-10 [ann, ann-fill-0]", "10-15 []"), spans);
        assertEquals("Budanov", text.substring(3, 10));
    }

    @Test
    void spanAcrossParagraphsIsOneStyledRangeIncludingTheLineEnd() {
        String text = "First claim.\nSecond part.";
        List<String> spans = describe(styler(text, List.of(ann("a", "claim", 6, 19))).styles(null));

        assertEquals(List.of("0-6 []", "6-19 [ann, ann-fill-0]", "19-25 []"), spans);
    }

    @Test
    void spanAcrossAnInsertedBreakCoversBothDisplayLines() {
        String text = "One. Two. Three.";
        DisplayText display = new DisplayText(text, 10);
        assertEquals("One. Two. \nThree.", display.displayText());
        AnnotationStyler styler = new AnnotationStyler(List.of(ann("a", "claim", 5, 15)), new CodePointIndex(text),
                display, LABELS, Set.of());

        assertEquals(List.of("0-5 []", "5-16 [ann, ann-fill-0]", "16-17 []"), describe(styler.styles(null)));
        assertEquals(List.of("a"), ids(styler.annotationsAt(10)));
    }

    @Test
    void spanEndingAtAnInsertedBreakLeavesTheBreakUnstyledAndOneStartingThereBeginsAfterIt() {
        String text = "One. Two. Three.";
        DisplayText display = new DisplayText(text, 10);
        AnnotationStyler styler = new AnnotationStyler(
                List.of(ann("a", "claim", 5, 10), ann("b", "denial", 10, 15)), new CodePointIndex(text), display,
                LABELS, Set.of());

        assertEquals(List.of("0-5 []", "5-10 [ann, ann-fill-0]", "10-11 []", "11-16 [ann, ann-fill-1]", "16-17 []"),
                describe(styler.styles(null)));
        assertEquals(List.of(), styler.annotationsAt(10));
    }

    @Test
    void hiddenLabelsAreNotShownAndTheirInnerAnnotationsMoveUpADepth() {
        AnnotationStyler styler = new AnnotationStyler(
                List.of(ann("outer", "claim", 0, 20), ann("inner", "evidence", 3, 10)), new CodePointIndex(TEXT),
                new DisplayText(TEXT), LABELS, Set.of("claim"));

        assertEquals(List.of("0-3 []", "3-10 [ann, ann-fill-2]", "10-59 []"), describe(styler.styles("outer")));
        assertEquals(List.of("inner"), ids(styler.annotationsAt(5)));
        assertEquals(List.of(), styler.annotationsAt(1));
    }

    @Test
    void annotationsWithALabelMissingFromTheListAreNotShown() {
        AnnotationStyler styler = styler(TEXT, List.of(ann("a", "rumour", 0, 5)));
        assertEquals(List.of("0-59 []"), describe(styler.styles(null)));
    }

    @Test
    void labelNamesWithDotsStillGiveValidClassNamesByPosition() {
        List<Label> labels = List.of(new Label("claim.strong", "#E69F00", 1), new Label("claim.weak", "#D55E00", 2));
        AnnotationStyler styler = new AnnotationStyler(List.of(ann("a", "claim.weak", 0, 5)), new CodePointIndex(TEXT),
                new DisplayText(TEXT), labels, Set.of());

        assertEquals("0-5 [ann, ann-fill-1]", describe(styler.styles(null)).get(0));
        assertTrue(AnnotationStyler.css(labels, AnnotationStyler.Theme.LIGHT).contains(".ann-fill-1 {"));
    }

    @Test
    void selectedAnnotationMarksOnlyItsOwnSegments() {
        AnnotationStyler styler = styler(TEXT, List.of(ann("a", "claim", 0, 10), ann("b", "evidence", 5, 15)));

        assertEquals(List.of("0-5 [ann, ann-fill-0]", "5-10 [ann, ann-fill-0, ann-under-2, ann-selected]",
                "10-15 [ann, ann-fill-2, ann-selected]", "15-59 []"), describe(styler.styles("b")));
        assertEquals(describe(styler.styles(null)), describe(styler.styles("no-such-id")));
    }

    @Test
    void annotationsAtListsEveryCoveringAnnotationOutermostFirst() {
        AnnotationStyler styler = styler(TEXT, List.of(
                ann("inner", "evidence", 3, 10), ann("outer", "claim", 0, 35), ann("mid", "attribution", 0, 15),
                ann("later", "denial", 40, 50)));

        assertEquals(List.of("outer", "mid", "inner"), ids(styler.annotationsAt(3)));
        assertEquals(List.of("outer", "mid"), ids(styler.annotationsAt(10)));
        assertEquals(List.of("later"), ids(styler.annotationsAt(49)));
        assertEquals(List.of(), styler.annotationsAt(50));
        assertEquals(List.of(), styler.annotationsAt(-1));
        assertEquals(List.of(), styler.annotationsAt(TEXT.length()));
    }

    @Test
    void rangeOutsideTheDisplayTextIsRefused() {
        AnnotationStyler styler = styler(TEXT, List.of());
        assertThrows(IndexOutOfBoundsException.class, () -> styler.styles(0, TEXT.length() + 1, null));
        assertThrows(IndexOutOfBoundsException.class, () -> styler.styles(5, 4, null));
    }

    @Test
    void rangeStylingEqualsTheSameSliceOfTheFullStyling() {
        Random random = new Random(42);
        String text = DisplayTextTest.randomText(random, 4_000);
        CodePointIndex index = new CodePointIndex(text);
        DisplayText display = new DisplayText(text, 60);
        List<Annotation> annotations = randomAnnotations(random, index, 400, 80);
        AnnotationStyler styler = new AnnotationStyler(annotations, index, display, LABELS, Set.of("denial"));
        String selected = annotations.get(7).id();
        StyleSpans<Collection<String>> full = styler.styles(selected);
        int length = display.displayText().length();
        assertEquals(length, full.length());

        for (int round = 0; round < 500; round++) {
            int from = random.nextInt(length + 1);
            int to = from + random.nextInt(length - from + 1);
            assertEquals(describe(full.subView(from, to)), describe(styler.styles(from, to, selected)),
                    "range [" + from + ", " + to + ")");
        }
    }

    @Test
    void fullStylingAgreesWithAnnotationsAtEverywhere() {
        Random random = new Random(7);
        String text = DisplayTextTest.randomText(random, 2_000);
        CodePointIndex index = new CodePointIndex(text);
        DisplayText display = new DisplayText(text, 45);
        AnnotationStyler styler = new AnnotationStyler(randomAnnotations(random, index, 150, 60), index, display,
                LABELS, Set.of());
        StyleSpans<Collection<String>> full = styler.styles(null);

        int position = 0;
        for (StyleSpan<Collection<String>> span : full) {
            for (int i = position; i < position + span.getLength(); i++) {
                List<Annotation> covering = styler.annotationsAt(i);
                assertEquals(!covering.isEmpty(), span.getStyle().contains("ann"), "at " + i);
                if (!covering.isEmpty()) {
                    int label = LABELS.stream().map(Label::name).toList().indexOf(covering.get(0).label());
                    assertTrue(span.getStyle().contains("ann-fill-" + label), "at " + i);
                }
            }
            position += span.getLength();
        }
    }

    @Test
    void twentyThousandAnnotationsOnAMegabyteStyleCompletely() {
        Random random = new Random(3);
        String text = DisplayTextTest.randomText(random, 1_000_000);
        CodePointIndex index = new CodePointIndex(text);
        DisplayText display = new DisplayText(text);
        List<Annotation> annotations = randomAnnotations(random, index, 20_000, 300);
        AnnotationStyler styler = new AnnotationStyler(annotations, index, display, LABELS, Set.of());

        assertEquals(display.displayText().length(), styler.styles(annotations.get(0).id()).length());
        int from = display.displayText().length() / 2;
        assertEquals(500, styler.styles(from, from + 500, null).length());
    }

    @ParameterizedTest
    @EnumSource(AnnotationStyler.Theme.class)
    void stylesheetUsesTheRichTextFxPropertiesForEveryLabel(AnnotationStyler.Theme theme) {
        String css = AnnotationStyler.css(LABELS, theme);

        for (int i = 0; i < LABELS.size(); i++) {
            assertTrue(css.contains(".ann-fill-" + i + " { -rtfx-background-color: rgba("), css);
            assertTrue(css.contains(".ann-under-" + i + " { -rtfx-underline-color: #"), css);
            assertTrue(css.contains(".ann-border-" + i + " { -rtfx-border-stroke-color: #"), css);
            assertTrue(css.contains(".ann-selected.ann-fill-" + i + " {"), css);
        }
        assertTrue(css.contains("-rtfx-underline-width: 2;"));
        assertTrue(css.contains("-rtfx-border-stroke-width: 1;"));
        assertTrue(css.lastIndexOf(".ann-selected {") > css.lastIndexOf(".ann-border-"),
                "the selection border is declared after the depth borders so it wins");
    }

    @ParameterizedTest
    @EnumSource(AnnotationStyler.Theme.class)
    void textStaysLegibleOverEveryFillAndStrokesStandOutEvenForExtremeColours(AnnotationStyler.Theme theme) {
        List<Label> labels = new ArrayList<>(LABELS);
        labels.add(new Label("white", "#FFFFFF", 0));
        labels.add(new Label("black", "#000000", 0));
        labels.add(new Label("yellow", "#FFFF00", 0));
        String css = AnnotationStyler.css(labels, theme);
        int background = rgb(theme.background());
        int text = rgb(theme.text());

        Matcher fill = Pattern.compile("rgba\\((\\d+), (\\d+), (\\d+), ([0-9.]+)\\)").matcher(css);
        int fills = 0;
        while (fill.find()) {
            double alpha = Double.parseDouble(fill.group(4));
            int over = 0;
            for (int channel = 0; channel < 3; channel++) {
                int top = Integer.parseInt(fill.group(channel + 1));
                int bottom = (background >> (16 - 8 * channel)) & 0xFF;
                over |= (int) Math.round(top * alpha + bottom * (1 - alpha)) << (16 - 8 * channel);
            }
            assertTrue(alpha >= 0.1, fill.group());
            assertTrue(AnnotationStyler.contrast(text, over) >= 4.5, fill.group() + " in " + theme);
            fills++;
        }
        assertEquals(2 * labels.size(), fills);
        Matcher stroke = Pattern.compile("-(?:underline|border-stroke)-color: (#[0-9A-F]{6})").matcher(css);
        while (stroke.find()) {
            assertTrue(AnnotationStyler.contrast(rgb(stroke.group(1)), background) >= 3.0,
                    stroke.group() + " in " + theme);
        }
    }

    @Test
    void okabeItoFillsKeepTheirWantedStrengthInBothThemes() {
        String light = AnnotationStyler.css(LABELS, AnnotationStyler.Theme.LIGHT);
        String dark = AnnotationStyler.css(LABELS, AnnotationStyler.Theme.DARK);
        assertTrue(light.contains(".ann-fill-0 { -rtfx-background-color: rgba(230, 159, 0, 0.30); }"), light);
        assertTrue(dark.contains(".ann-fill-3 { -rtfx-background-color: rgba(0, 114, 178, 0.35); }"), dark);
        assertFalse(light.contains("0.00)"));
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    @Test
    void anIncrementalChangeStylesExactlyAsAFreshBuild() {
        String text = "💥 Кремль " + "Mr Budanov said Russia helped Hamas with weapons and money. ".repeat(40);
        CodePointIndex index = new CodePointIndex(text);
        DisplayText display = new DisplayText(text, 200);
        Random random = new Random(11);
        List<Annotation> current = new ArrayList<>(randomAnnotations(random, index, 300, 40));
        AnnotationStyler styler = new AnnotationStyler(current, index, display, LABELS, Set.of("denial"));
        for (int step = 0; step < 200; step++) {
            Annotation removed = random.nextBoolean() && !current.isEmpty()
                    ? current.remove(random.nextInt(current.size())) : null;
            Annotation added = null;
            if (removed == null || random.nextBoolean()) {
                added = randomAnnotations(random, index, 1, 40).get(0);
                // Every third one starts where another does, so the order among equal starts is exercised too.
                int start = step % 3 == 0 && !current.isEmpty()
                        ? current.get(random.nextInt(current.size())).start() : added.start();
                int end = Math.max(start + 1, Math.min(index.length(), start + added.end() - added.start()));
                added = new Annotation("new-" + step, added.documentId(), added.label(), start, end,
                        added.quote(), added.annotator(), added.created(), added.modified(), added.note());
                current.add(added);
            }
            styler = styler.changed(removed, added, index, display);
            AnnotationStyler fresh = new AnnotationStyler(current, index, display, LABELS, Set.of("denial"));
            String selected = current.isEmpty() ? null : current.get(0).id();
            assertEquals(describe(fresh.styles(selected)), describe(styler.styles(selected)), "after step " + step);
            for (int at = 0; at < display.displayText().length(); at += 13) {
                assertEquals(fresh.annotationsAt(at), styler.annotationsAt(at), "at " + at + " after step " + step);
            }
        }
    }

    private static AnnotationStyler styler(String text, List<Annotation> annotations) {
        return new AnnotationStyler(annotations, new CodePointIndex(text), new DisplayText(text), LABELS, Set.of());
    }

    private static Annotation ann(String id, String label, int start, int end) {
        return new Annotation(id, "doc", label, start, end, "", "ann1", T, T, null);
    }

    private static List<Annotation> randomAnnotations(Random random, CodePointIndex index, int count, int maxLength) {
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = random.nextInt(index.length() - 1);
            int end = Math.min(index.length(), start + 1 + random.nextInt(maxLength));
            annotations.add(ann("a" + i, LABELS.get(random.nextInt(LABELS.size())).name(), start, end));
        }
        annotations.add(ann("whole", "claim", 0, index.length()));
        return annotations;
    }

    private static List<String> ids(List<Annotation> annotations) {
        return annotations.stream().map(Annotation::id).toList();
    }

    /** Spans as "from-to [classes]", merging neighbours with equal classes so only the styling itself is compared. */
    private static List<String> describe(StyleSpans<Collection<String>> spans) {
        List<String> out = new ArrayList<>();
        int position = 0;
        int runStart = 0;
        Collection<String> runStyle = null;
        for (StyleSpan<Collection<String>> span : spans) {
            if (runStyle != null && !runStyle.equals(span.getStyle())) {
                out.add(runStart + "-" + position + " " + runStyle);
                runStart = position;
            }
            runStyle = span.getStyle();
            position += span.getLength();
        }
        if (runStyle != null && position > runStart) {
            out.add(runStart + "-" + position + " " + runStyle);
        }
        return out;
    }
}
