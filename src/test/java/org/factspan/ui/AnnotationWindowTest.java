package org.factspan.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.factspan.model.Annotation;
import org.factspan.ui.workbench.Workbench;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tagging in the real window, headless: keys and mouse go through the scene as a user's would, and every assertion
 * reads what the project file holds, what the table lists, or the style classes the text area paints.
 */
class AnnotationWindowTest extends FxRobot {

    /** Code points: "Mr Budanov" is [0, 10), "Budanov said" [3, 15), "Russia helped Hamas" [16, 35). */
    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n"
            + "Hamas did not comment.\n";
    /** The bomb is one code point and two UTF-16 units, so "drones" starts at code point 17 and UTF-16 index 18. */
    private static final String DRONES = "Officials said \uD83D\uDCA5 drones were used.\n";
    private static final String ARABIC = "A statement in Arabic follows.\n"
            + "\u0642\u0627\u0644 \u0627\u0644\u0645\u062A\u062D\u062F\u062B \u0625\u0646 \u0627\u0644\u0647\u062C\u0648\u0645"
            + " \u0644\u0645 \u064A\u062D\u062F\u062B.\n";
    private static final String SPOKESMAN = "\u0627\u0644\u0645\u062A\u062D\u062F\u062B";

    @TempDir
    Path dir;

    private WindowHarness harness;

    @BeforeEach
    void openWindowWithArticles() throws Exception {
        Path budanov = Files.writeString(dir.resolve("budanov.txt"), BUDANOV);
        Path drones = Files.writeString(dir.resolve("drones.txt"), DRONES);
        Path arabic = Files.writeString(dir.resolve("arabic.txt"), ARABIC);
        harness = WindowHarness.open(this, Tasks.inline(), dir.resolve("p.factspan"));
        harness.importArticles(budanov, drones, arabic);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, harness.workbench().documents().size());
        assertEquals("budanov", harness.workbench().document().title());
    }

    @AfterEach
    void closeWindow() throws Exception {
        harness.dispose();
    }

    private StyleClassedTextArea area() {
        return harness.area();
    }

    /** Ctrl+Home, then Ctrl+Shift+Right {@code words} times. */
    private void selectWordsFromStart(int words) {
        push(KeyCode.CONTROL, KeyCode.HOME);
        for (int i = 0; i < words; i++) {
            push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        }
    }

    /** Presses the mouse on the first character of {@code from} and releases it on the last one of {@code to}. */
    private void dragAcross(String from, String to) {
        Point2D start = harness.centreOf(harness.displayIndexOf(from));
        int end = harness.displayIndexOf(to) + to.length() - 1;
        Point2D stop = harness.centreOf(end);
        moveTo(start).press(MouseButton.PRIMARY).moveTo(stop).release(MouseButton.PRIMARY);
    }

    private void clickOnText(String word) {
        clickOn(harness.centreOf(harness.displayIndexOf(word) + 1), MouseButton.PRIMARY);
    }

    private Annotation only(List<Annotation> annotations) {
        assertEquals(1, annotations.size(), () -> "one annotation: " + annotations);
        return annotations.get(0);
    }

    private static void assertSpan(Annotation a, String label, int start, int end, String quote) {
        assertEquals(label, a.label());
        assertEquals(start, a.start());
        assertEquals(end, a.end());
        assertEquals(quote, a.quote());
        assertEquals("alice", a.annotator());
    }

    @Test
    void openingAnArticlePutsTheFocusInTheTextWithTheCaretAtTheStart() {
        assertTrue(area().isFocused(), "the article has the keyboard focus");
        assertEquals(0, area().getCaretPosition());
        assertEquals(BUDANOV, area().getText());

        clickOn(harness.documentCell("drones"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("drones", harness.workbench().document().title());
        assertTrue(area().isFocused(), "the article has the focus again after choosing a document");
        assertEquals(0, area().getCaretPosition());
    }

    @Test
    void keyboardSelectionAndKeyOneTagsAClaim() {
        selectWordsFromStart(2);
        type(KeyCode.DIGIT1);

        Annotation claim = only(harness.stored());
        assertSpan(claim, "claim", 0, 10, "Mr Budanov");
        assertEquals(List.of(claim), harness.table().getItems());
        assertEquals(claim, harness.workbench().selected(), "the new annotation is selected");
        assertEquals(0, area().getSelection().getLength(), "tagging clears the text selection");

        type(KeyCode.ESCAPE);
        assertNull(harness.workbench().selected());
        assertTrue(harness.allCarry(0, 10, "ann-fill-0"), () -> "claim fill at 0: " + harness.classesAt(0));
        assertFalse(harness.classesAt(0).contains("ann-selected"));
        assertTrue(harness.classesAt(10).isEmpty(), () -> "nothing after the span: " + harness.classesAt(10));
    }

    @Test
    void theTableFiltersAndSortsWithoutReorderingTheDocumentsAnnotations() throws Exception {
        Workbench workbench = harness.workbench();
        WindowHarness.onFx(() -> {
            workbench.tag("claim", 16, 35);
            workbench.tag("attribution", 0, 10);
            workbench.tag("denial", 37, 59);
            return null;
        });
        List<Annotation> readingOrder = List.copyOf(workbench.annotations());
        TextField filter = lookup(".text-field").match(n -> "Filter by text".equals(((TextField) n).getPromptText()))
                .queryAs(TextField.class);
        clickOn(filter).write("kremlin");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("denial"), harness.table().getItems().stream().map(Annotation::label).toList());

        WindowHarness.onFx(() -> {
            filter.clear();
            TableColumn<Annotation, ?> label = harness.table().getColumns().get(0);
            harness.table().getSortOrder().setAll(List.of(label));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("attribution", "claim", "denial"),
                harness.table().getItems().stream().map(Annotation::label).toList());
        assertEquals(readingOrder, List.copyOf(workbench.annotations()), "sorting the table leaves the model alone");

        WindowHarness.onFx(() -> {
            harness.table().getSortOrder().clear();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(readingOrder, List.copyOf(harness.table().getItems()));
        WindowHarness.onFx(() -> workbench.tag("evidence", 16, 22));
        assertEquals(4, harness.table().getItems().size(), "the unfiltered table follows new annotations");
    }

    @Test
    void mouseDragSnapsToWholeWordsAndKeyFourTagsAnAttribution() {
        dragAcross("ussia", "Hama");
        type(KeyCode.DIGIT4);

        Annotation attribution = only(harness.stored());
        assertSpan(attribution, "attribution", 16, 35, "Russia helped Hamas");
        assertEquals(List.of(attribution), harness.table().getItems());
        type(KeyCode.ESCAPE);
        assertTrue(harness.allCarry(16, 35, "ann-fill-3"), () -> "attribution fill: " + harness.classesAt(16));
    }

    @Test
    void doubleClickSelectsAWordToTag() {
        doubleClickOn(harness.centreOf(harness.displayIndexOf("Kremlin") + 2), MouseButton.PRIMARY);
        type(KeyCode.DIGIT4);

        assertSpan(only(harness.stored()), "attribution", 41, 48, "Kremlin");
    }

    @Test
    void anOverlappingSpanKeepsBothVisible() {
        selectWordsFromStart(2);
        type(KeyCode.DIGIT1);
        dragAcross("Budanov", "said");
        type(KeyCode.DIGIT3);
        type(KeyCode.ESCAPE);

        List<Annotation> stored = harness.stored();
        assertEquals(2, stored.size(), () -> "both annotations are stored: " + stored);
        assertSpan(stored.stream().filter(a -> a.label().equals("evidence")).findFirst().orElseThrow(),
                "evidence", 3, 15, "Budanov said");
        assertEquals(2, harness.table().getItems().size());

        assertTrue(harness.allCarry(0, 3, "ann-fill-0"));
        assertFalse(harness.classesAt(0).contains("ann-under-2"));
        for (int i = 3; i < 10; i++) {
            assertTrue(harness.classesAt(i).containsAll(List.of("ann-fill-0", "ann-under-2")),
                    "claim fill and evidence underline at " + i + ": " + harness.classesAt(i));
        }
        assertTrue(harness.allCarry(10, 15, "ann-fill-2"), () -> "evidence alone: " + harness.classesAt(11));
    }

    @Test
    void clickingAnAnnotationAndPressingTwoRelabelsIt() {
        selectWordsFromStart(2);
        type(KeyCode.DIGIT1);
        type(KeyCode.ESCAPE);
        String id = only(harness.stored()).id();

        clickOnText("Budanov");
        assertNotNull(harness.workbench().selected(), "clicking on the annotation selects it");
        assertEquals(id, harness.workbench().selected().id());
        assertTrue(harness.classesAt(4).contains("ann-selected"));
        type(KeyCode.DIGIT2);

        Annotation denial = only(harness.stored());
        assertEquals(id, denial.id());
        assertSpan(denial, "denial", 0, 10, "Mr Budanov");
        assertEquals("denial", harness.table().getItems().get(0).label());
        type(KeyCode.ESCAPE);
        assertTrue(harness.allCarry(0, 10, "ann-fill-1"), () -> "denial fill: " + harness.classesAt(0));
    }

    @Test
    void tabSelectsAnAnnotationThatTwoThenRelabels() {
        dragAcross("Russia", "Hamas");
        type(KeyCode.DIGIT1);
        type(KeyCode.ESCAPE);
        push(KeyCode.CONTROL, KeyCode.HOME);

        type(KeyCode.TAB);
        type(KeyCode.DIGIT2);

        assertSpan(only(harness.stored()), "denial", 16, 35, "Russia helped Hamas");
    }

    @Test
    void deleteRemovesAndUndoRestoresTheSameAnnotationAndBothRedoKeysRedo() {
        selectWordsFromStart(2);
        type(KeyCode.DIGIT1);
        Annotation claim = only(harness.stored());

        type(KeyCode.DELETE);
        assertEquals(List.of(), harness.stored());
        assertEquals(List.of(), harness.table().getItems());
        assertTrue(harness.classesAt(0).isEmpty(), () -> "the highlight is gone: " + harness.classesAt(0));

        push(KeyCode.CONTROL, KeyCode.Z);
        Annotation restored = only(harness.stored());
        assertEquals(claim.id(), restored.id());
        assertSpan(restored, "claim", 0, 10, "Mr Budanov");
        assertEquals(List.of(restored), harness.table().getItems());
        assertEquals(claim.id(), harness.workbench().selected().id(), "undo selects what it restored");

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertEquals(List.of(), harness.stored(), "Ctrl+Shift+Z redoes the delete");

        push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(claim.id(), only(harness.stored()).id());

        push(KeyCode.CONTROL, KeyCode.Y);
        assertEquals(List.of(), harness.stored(), "Ctrl+Y redoes the delete");
        assertEquals(List.of(), harness.table().getItems());
    }

    @Test
    void undoAfterChoosingAnotherDocumentGoesBackToTheDocumentOfTheEdit() {
        selectWordsFromStart(2);
        type(KeyCode.DIGIT1);
        String budanov = harness.documentId("budanov");
        assertEquals(1, harness.stored(budanov).size());

        clickOn(harness.documentCell("drones"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("drones", harness.workbench().document().title());
        assertEquals(DRONES, area().getText());

        push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("budanov", harness.workbench().document().title());
        assertEquals(BUDANOV, area().getText());
        assertEquals("budanov", harness.documentList().getSelectionModel().getSelectedItem().title());
        assertEquals(List.of(), harness.stored(budanov));
        assertEquals(List.of(), harness.table().getItems());
    }

    @Test
    void tabAndShiftTabMoveTheSelectionBetweenAnnotations() {
        dragAcross("Budanov", "Budanov");
        type(KeyCode.DIGIT4);
        dragAcross("Russia", "Hamas");
        type(KeyCode.DIGIT1);
        dragAcross("Kremlin", "denied");
        type(KeyCode.DIGIT2);
        type(KeyCode.ESCAPE);
        push(KeyCode.CONTROL, KeyCode.HOME);
        assertEquals(3, harness.stored().size());

        type(KeyCode.TAB);
        assertEquals("Budanov", harness.workbench().selected().quote());
        assertTrue(harness.classesAt(harness.displayIndexOf("Budanov")).contains("ann-selected"));
        assertEquals("Budanov", harness.table().getSelectionModel().getSelectedItem().quote());
        type(KeyCode.TAB);
        assertEquals("Russia helped Hamas", harness.workbench().selected().quote());
        assertFalse(harness.classesAt(harness.displayIndexOf("Budanov")).contains("ann-selected"));
        assertTrue(harness.classesAt(harness.displayIndexOf("Russia")).contains("ann-selected"));
        type(KeyCode.TAB);
        assertEquals("Kremlin denied", harness.workbench().selected().quote());
        type(KeyCode.TAB);
        assertEquals("Budanov", harness.workbench().selected().quote(), "Tab wraps around");
        List<String> styles = harness.shownAndFreshStyles();
        assertEquals(styles.get(1), styles.get(0), "restyled piece by piece, the text looks as if styled afresh");
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals("Kremlin denied", harness.workbench().selected().quote(), "Shift+Tab wraps back");
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals("Russia helped Hamas", harness.workbench().selected().quote());
        assertEquals("Russia helped Hamas", harness.table().getSelectionModel().getSelectedItem().quote());
    }

    @Test
    void anEmojiBeforeASpanCountsAsOneCodePoint() {
        clickOn(harness.documentCell("drones"));
        WaitForAsyncUtils.waitForFxEvents();
        int drones = harness.displayIndexOf("drones");
        assertEquals(18, drones, "the view shows UTF-16: the bomb takes two units");

        doubleClickOn(harness.centreOf(drones + 2), MouseButton.PRIMARY);
        type(KeyCode.DIGIT3);

        assertSpan(only(harness.stored()), "evidence", 17, 23, "drones");
        type(KeyCode.ESCAPE);
        assertTrue(harness.allCarry(18, 24, "ann-fill-2"), () -> "evidence fill: " + harness.classesAt(18));
        assertTrue(harness.classesAt(17).isEmpty() && harness.classesAt(24).isEmpty());
    }

    @Test
    void aWordInAnArabicParagraphIsTaggedWithCodePointOffsets() {
        clickOn(harness.documentCell("arabic"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(area().getParagraph(1).getParagraphStyle().contains("rtl"), "the Arabic paragraph reads RTL");
        assertFalse(area().getParagraph(0).getParagraphStyle().contains("rtl"));
        int at = harness.displayIndexOf(SPOKESMAN);

        doubleClickOn(harness.centreOf(at + 3), MouseButton.PRIMARY);
        type(KeyCode.DIGIT1);

        int start = ARABIC.codePointCount(0, ARABIC.indexOf(SPOKESMAN));
        assertSpan(only(harness.stored()), "claim", start, start + SPOKESMAN.length(), SPOKESMAN);
        type(KeyCode.ESCAPE);
        assertTrue(harness.allCarry(at, at + SPOKESMAN.length(), "ann-fill-0"));
    }

    @Test
    void ctrlFHighlightsEveryMatchAndEnterStepsToTheNext() {
        push(KeyCode.CONTROL, KeyCode.F);
        write("hamas");
        WaitForAsyncUtils.waitForFxEvents();

        int first = BUDANOV.indexOf("Hamas");
        int second = BUDANOV.indexOf("Hamas", first + 1);
        assertTrue(harness.allCarry(first, first + 5, "find-match"), () -> "first: " + harness.classesAt(first));
        assertTrue(harness.allCarry(second, second + 5, "find-match"), () -> "second: " + harness.classesAt(second));
        assertFalse(harness.classesAt(first - 1).contains("find-match"));
        assertEquals(first, area().getSelection().getStart(), "the first match is selected");
        Label count = lookup(".find-count").queryAs(Label.class);
        assertEquals("1 of 2", count.getText());

        type(KeyCode.ENTER);
        assertEquals(second, area().getSelection().getStart(), "Enter steps to the next match");
        assertEquals("2 of 2", count.getText());
        type(KeyCode.ENTER);
        assertEquals(first, area().getSelection().getStart(), "and wraps around");

        type(KeyCode.ESCAPE);
        assertFalse(harness.classesAt(first).contains("find-match"), "closing the bar clears the highlights");
        assertTrue(area().isFocused(), "the article has the focus back");
    }
}
