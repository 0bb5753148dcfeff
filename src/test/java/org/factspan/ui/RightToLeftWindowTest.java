package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.stage.Popup;
import javafx.stage.Window;

import org.factspan.model.Annotation;
import org.factspan.ui.view.RightToLeftParagraphs;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An Arabic news article in the real window, headless (ADR 0006). Monocle lays text out with the same Pango shaping
 * as a Linux desktop, so the glyph runs this test reads are the ones a user would see drawn.
 */
class RightToLeftWindowTest extends FxRobot {

    /** An English line with an emoji (two UTF-16 units, one code point), then two Arabic paragraphs. */
    private static final String ARTICLE = "Figures from the health ministry \uD83D\uDCCA\n"
            + "\n"
            + "قال المتحدث باسم وزارة الصحة في مؤتمر صحفي يوم الثلاثاء إن عدد المصابين ارتفع إلى أكثر من 300 شخص "
            + "خلال الأسبوع الماضي، مؤكداً أن المستشفيات في المدينة تعمل بكامل طاقتها. وأضاف أن تقارير منظمة "
            + "الصحة العالمية (WHO) تشير إلى نقص حاد في الأدوية والمعدات الطبية.\n"
            + "\n"
            + "في المقابل، نفت الحكومة هذه الأرقام ووصفتها بأنها مبالغ فيها.\n";
    private static final int REPORT = 2;
    private static final String SPOKESMAN = "المتحدث باسم وزارة الصحة";
    private static final String INJURED = "أكثر من 300 شخص";
    private static final String DENIED = "نفت الحكومة هذه الأرقام";
    /** How far the pointer may move between two clicks of a double click, which selects a word, at the most. */
    private static final int MULTI_CLICK_DISTANCE = 20;

    @TempDir
    java.nio.file.Path dir;

    private WindowHarness harness;

    @BeforeEach
    void openTheArabicArticle() throws Exception {
        java.nio.file.Path article = Files.writeString(dir.resolve("health.txt"), ARTICLE);
        harness = WindowHarness.open(this, Tasks.inline(), dir.resolve("p.factspan"));
        harness.importArticles(article);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("health", harness.workbench().document().title());
    }

    @AfterEach
    void closeWindow() throws Exception {
        harness.dispose();
    }

    private StyleClassedTextArea area() {
        return harness.area();
    }

    @Test
    void theWorkaroundForJavaFxsStalePangoRunsIsInstalled() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the workaround is for Pango, on Linux");
        assertEquals("INSTALLED", WindowHarness.onFx(() -> {
            Method install = Class.forName("org.factspan.ui.article.ComplexTextWrapFix")
                    .getDeclaredMethod("install");
            install.setAccessible(true);
            return install.invoke(null).toString();
        }));
    }

    @Test
    void everyCharacterOfAWrappedArabicParagraphIsDrawnOnceInsideTheArea() throws Exception {
        tagTheArticle();
        TextFlow flow = flowOf(REPORT);
        List<Run> runs = WindowHarness.onFx(() -> Run.of(flow));
        String text = area().getParagraph(REPORT).getText();
        double width = WindowHarness.onFx(() -> flow.getWidth() - flow.getInsets().getRight());
        Set<Double> lines = runs.stream().map(Run::y).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(lines.size() >= 3, () -> "the paragraph wraps over several lines: " + lines);
        assertTrue(runs.size() > lines.size(), "the highlights split the lines into several runs");

        int glyphs = 0;
        int covered = 0;
        for (Run run : runs) {
            for (int offset : run.charOffsets()) {
                assertTrue(offset >= 0 && offset < run.length(), () -> "a glyph of " + run + " draws a character of"
                        + " another run (JavaFX's stale Pango cache): " + text.substring(run.start(), run.end()));
            }
            assertTrue(run.x() >= -0.5 && run.x() + run.width() <= width + 0.5,
                    () -> run + " lies inside the paragraph's width " + width);
            glyphs += run.charOffsets().length;
            covered += run.length();
        }
        assertEquals(text.length(), covered, "the runs cover the paragraph once");
        assertTrue(glyphs <= text.length(), "no character is drawn twice: " + glyphs + " glyphs for "
                + text.length() + " characters");
        for (Node node : WindowHarness.onFx(() -> List.copyOf(flow.getChildren()))) {
            if (node instanceof Text piece) {
                Bounds bounds = WindowHarness.onFx(piece::getBoundsInParent);
                assertTrue(bounds.getMinX() >= -0.5 && bounds.getMaxX() <= width + 0.5,
                        () -> "\"" + piece.getText() + "\" is inside the area: " + bounds);
            }
        }
    }

    @Test
    void arabicParagraphsReadFromTheRightInOneFontWithArabicLetters() {
        assertFalse(area().getParagraph(0).getParagraphStyle().contains(RightToLeftParagraphs.PARAGRAPH));
        assertTrue(area().getParagraph(REPORT).getParagraphStyle().contains(RightToLeftParagraphs.PARAGRAPH));
        TextFlow flow = flowOf(REPORT);
        assertEquals(TextAlignment.RIGHT, WindowHarness.onFx(flow::getTextAlignment));

        int start = area().getAbsolutePosition(REPORT, 0);
        Bounds first = characterBounds(start);
        Bounds flowOnScreen = WindowHarness.onFx(() -> flow.localToScreen(flow.getLayoutBounds()));
        double right = flowOnScreen.getMaxX() - WindowHarness.onFx(() -> flow.getInsets().getRight());
        assertEquals(right, first.getMaxX(), 2, "the first word starts at the right edge");

        int end = start + area().getParagraph(REPORT).length() - 1;
        assertEquals('.', area().getText().charAt(end));
        assertTrue(characterBounds(end).getCenterX() < characterBounds(end - 1).getMinX(),
                "the closing full stop is drawn left of the last word: the paragraph's base direction is RTL");

        Set<String> families = WindowHarness.onFx(() -> flow.getChildren().stream()
                .filter(Text.class::isInstance).map(n -> ((Text) n).getFont().getFamily())
                .collect(Collectors.toSet()));
        RightToLeftParagraphs.fontFamily(WindowHarness.onFx(Font::getFamilies))
                .ifPresent(family -> assertEquals(Set.of(family), families, "one font for every run"));
        double size = WindowHarness.onFx(() -> ((Text) flow.getChildren().get(0)).getFont().getSize());
        assertEquals(16, size, 0.01, "the article's size");
    }

    @Test
    void keyboardSelectionInAnArabicParagraphTagsCodePointOffsets() {
        int start = area().getAbsolutePosition(REPORT, 0);
        Bounds first = characterBounds(start);
        clickOn(new Point2D(first.getMaxX() + 4, first.getCenterY()), MouseButton.PRIMARY);
        assertEquals(start, area().getCaretPosition(), "a click right of the first line puts the caret before it");
        for (int word = 0; word < 2; word++) {
            push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        }
        String said = "قال المتحدث";
        assertEquals(said, area().getSelectedText().strip());
        assertTrue(harness.allCarry(start, start + said.length(), RightToLeftParagraphs.SELECTED),
                "the selection is drawn as a background of the selected Arabic characters");
        assertTrue(WindowHarness.onFx(() -> selectionShapesOf(flowOf(REPORT)).stream()
                .allMatch(shape -> Color.TRANSPARENT.equals(shape.getFill()))),
                "RichTextFX's own selection shape is not drawn in RTL paragraphs");

        type(KeyCode.DIGIT1);

        Annotation claim = harness.stored().get(0);
        int codePoint = start - 1;
        assertEquals("claim", claim.label());
        assertEquals(codePoint, claim.start(), "the emoji is one code point");
        assertEquals(codePoint + said.length(), claim.end());
        assertEquals(said, claim.quote());
        assertFalse(harness.classesAt(start).contains(RightToLeftParagraphs.SELECTED), "tagging deselects");
        assertTrue(harness.classesAt(start).contains("ann-fill-0"));
    }

    @Test
    void hoveringAnArabicWordShowsTheAnnotationsOnIt() throws Exception {
        tagTheArticle();
        restOn(INJURED, 1);
        assertEquals(List.of("claim - alice", "evidence - alice"), hoverLines());

        restOn("المستشفيات", 2);
        assertTrue(hoverLines().isEmpty(), () -> "no annotation on that word: " + hoverLines());
    }

    @Test
    void clickingAnywhereOnAnArabicWordSelectsItsAnnotation() {
        tagTheArticle();
        List<Integer> clickCounts = new ArrayList<>();
        interact(() -> area().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> clickCounts.add(e.getClickCount())));
        int spokesman = harness.displayIndexOf(SPOKESMAN);
        int[] letters = {spokesman, spokesman + 3, spokesman + "المتحدث".length() - 1};
        for (int letter : letters) {
            type(KeyCode.ESCAPE);
            singleClickOn(letter);
            Annotation selected = harness.workbench().selected();
            assertNotNull(selected, () -> "a click on letter " + (letter - spokesman) + " selects the annotation");
            assertEquals(SPOKESMAN, selected.quote());
        }
        int denied = harness.displayIndexOf(DENIED);
        type(KeyCode.ESCAPE);
        singleClickOn(denied + DENIED.length() - 1);
        Annotation denial = harness.workbench().selected();
        assertNotNull(denial, "a click on the last letter of a span selects it");
        assertEquals("denial", denial.label());
        assertEquals(List.of(1, 1, 1, 1), clickCounts, "single clicks, not a double click that selects a word");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Claim over the injured figure with evidence nested in it, attribution on the spokesman, a denial. */
    private void tagTheArticle() {
        String claim = "عدد المصابين ارتفع إلى أكثر من 300 شخص خلال الأسبوع الماضي";
        interact(() -> {
            tag("attribution", SPOKESMAN);
            tag("claim", claim);
            tag("evidence", INJURED);
            tag("denial", DENIED);
            harness.workbench().select(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, harness.stored().size());
    }

    private void tag(String label, String quote) {
        int start = ARTICLE.codePointCount(0, ARTICLE.indexOf(quote));
        assertTrue(harness.workbench().tag(label, start, start + quote.codePointCount(0, quote.length())).isPresent());
    }

    private Bounds characterBounds(int displayIndex) {
        return WindowHarness.onFx(() -> area().getCharacterBoundsOnScreen(displayIndex, displayIndex + 1))
                .orElseThrow();
    }

    /** The text flow RichTextFX shows paragraph {@code paragraph} in. */
    private TextFlow flowOf(int paragraph) {
        String text = area().getParagraph(paragraph).getText();
        return (TextFlow) from(area()).lookup(".paragraph-text")
                .match(node -> node instanceof TextFlow flow && text.equals(textOf(flow))).query();
    }

    private static String textOf(TextFlow flow) {
        return flow.getChildren().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
    }

    private static List<Path> selectionShapesOf(TextFlow flow) {
        return flow.getChildren().stream().filter(n -> n.getStyleClass().contains("selection"))
                .map(Path.class::cast).toList();
    }

    /**
     * Moves the pointer onto character {@code letter} of {@code word} and waits until the article has reported it
     * resting on that word: the article's own handler of that event has then shown the hover or, where no
     * annotation is, left it hidden. A rest on the way there (a slow machine) is not the one waited for.
     */
    private void restOn(String word, int letter) throws Exception {
        int start = harness.displayIndexOf(word);
        AtomicInteger restedOn = new AtomicInteger(-1);
        EventHandler<MouseOverTextEvent> rest = e -> restedOn.set(e.getCharacterIndex());
        interact(() -> area().addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, rest));
        try {
            moveTo(harness.centreOf(start + letter));
            WindowHarness.waitUntil(() -> restedOn.get() >= start && restedOn.get() < start + word.length());
        } finally {
            interact(() -> area().removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, rest));
        }
    }

    /**
     * Clicks the character, first moving the pointer farther than a double click may move (Monocle: 20 px), so the
     * press counts as a new click however soon it follows the last one.
     */
    private void singleClickOn(int displayIndex) {
        Point2D target = harness.centreOf(displayIndex);
        moveTo(target.add(0, -3 * MULTI_CLICK_DISTANCE));
        clickOn(target, MouseButton.PRIMARY);
    }

    private List<String> hoverLines() {
        return WindowHarness.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Popup && w.isShowing())
                .flatMap(w -> ((Popup) w).getContent().stream())
                .flatMap(n -> n.lookupAll(".hover-line").stream())
                .map(n -> ((Label) n).getText()).toList());
    }

    /**
     * One glyph run of a laid-out text flow, read from JavaFX's internal text layout (the test runs on the class
     * path, where JavaFX's packages are open): which characters of the paragraph it covers, the character each of
     * its glyphs draws (relative to the run), and where it is placed.
     */
    private record Run(int start, int length, int[] charOffsets, double x, double y, double width) {

        int end() {
            return start + length;
        }

        static List<Run> of(TextFlow flow) throws ReflectiveOperationException {
            Method layoutOf = TextFlow.class.getDeclaredMethod("getTextLayout");
            layoutOf.setAccessible(true);
            Object layout = layoutOf.invoke(flow);
            List<Run> runs = new ArrayList<>();
            for (Object run : (Object[]) layout.getClass().getMethod("getRuns").invoke(layout)) {
                Class<?> type = run.getClass();
                int glyphCount = (int) type.getMethod("getGlyphCount").invoke(run);
                int[] offsets = new int[glyphCount];
                Method charOffset = type.getMethod("getCharOffset", int.class);
                for (int g = 0; g < glyphCount; g++) {
                    offsets[g] = (int) charOffset.invoke(run, g);
                }
                Object location = type.getMethod("getLocation").invoke(run);
                runs.add(new Run((int) type.getMethod("getStart").invoke(run),
                        (int) type.getMethod("getLength").invoke(run), offsets,
                        location.getClass().getField("x").getFloat(location),
                        location.getClass().getField("y").getFloat(location),
                        (float) type.getMethod("getWidth").invoke(run)));
            }
            return runs;
        }

        @Override
        public String toString() {
            return "run [" + start + ", " + end() + ") at x " + x + " width " + width;
        }
    }
}
