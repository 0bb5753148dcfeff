package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.controlsfx.control.StatusBar;
import org.factspan.model.Annotation;
import org.factspan.model.Link;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Linking two annotations in the real window by keyboard alone (L, Tab, Enter, a digit), headless. */
class LinkWindowTest extends FxRobot {

    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n";

    @TempDir
    Path dir;

    private WindowHarness harness;

    @BeforeEach
    void openWindowWithArticle() throws Exception {
        Path budanov = Files.writeString(dir.resolve("budanov.txt"), BUDANOV);
        harness = WindowHarness.open(this, Tasks.inline(), dir.resolve("p.factspan"));
        harness.importArticles(budanov);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        harness.dispose();
    }

    @Test
    void lTabEnterAndADigitLinkTheSelectedAnnotationAndCtrlZUndoesIt() {
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT4);
        dragAcross("Russia", "Hamas");
        type(KeyCode.DIGIT1);
        dragAcross("Kremlin", "denied");
        type(KeyCode.DIGIT2);
        type(KeyCode.ESCAPE);
        Annotation who = stored("attribution");
        Annotation claim = stored("claim");
        Annotation denial = stored("denial");
        push(KeyCode.CONTROL, KeyCode.HOME);
        type(KeyCode.TAB);
        assertEquals(who, harness.workbench().selected());

        type(KeyCode.L);
        assertEquals(claim, harness.workbench().selected(), "the first candidate after the source is shown");
        assertTrue(statusText().contains("1 of 2"), statusText());
        type(KeyCode.ESCAPE);
        assertEquals(who, harness.workbench().selected(), "Esc goes back to the source");
        assertEquals(List.of(), storedLinks());

        type(KeyCode.L);
        clickOn(harness.centreOf(harness.displayIndexOf("Kremlin") + 1), MouseButton.PRIMARY);
        assertEquals(denial, harness.workbench().selected());
        assertEquals("Linking ended: another annotation was selected.", statusText());
        type(KeyCode.ESCAPE);
        assertNull(harness.workbench().selected(), "after a click, Esc is the article's again");
        push(KeyCode.CONTROL, KeyCode.HOME);
        type(KeyCode.TAB);

        type(KeyCode.L);
        type(KeyCode.TAB);
        assertEquals(denial, harness.workbench().selected());
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals(claim, harness.workbench().selected());
        type(KeyCode.DIGIT2);
        assertEquals(claim.label(), stored("claim").label(), "a digit before Enter tags nothing");
        type(KeyCode.ENTER);
        assertEquals("Link type:  1 source  (Esc cancels)", statusText());
        type(KeyCode.DIGIT1);

        Link source = storedLinks().get(0);
        assertEquals(List.of("source", who.id(), claim.id()), List.of(source.type(), source.from(), source.to()));
        assertEquals(1, storedLinks().size());
        assertEquals(who, harness.workbench().selected(), "the source stays selected");
        assertEquals(1, linkCount(who));
        assertEquals(0, linkCount(denial));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(lookup(".detail-link").queryAs(Hyperlink.class), MouseButton.PRIMARY);
        assertEquals(claim, harness.workbench().selected(), "a link in the details selects its partner");
        assertEquals("source <- \u201CMr Budanov\u201D", lookup(".detail-link").queryAs(Hyperlink.class).getText());

        push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals(List.of(), storedLinks());
        assertEquals(0, linkCount(who));
        assertEquals(3, harness.stored().size(), "undo takes back the link alone");
    }

    private Annotation stored(String label) {
        return harness.stored().stream().filter(a -> a.label().equals(label)).findFirst().orElseThrow();
    }

    private List<Link> storedLinks() {
        return harness.workbench().project().orElseThrow().links(harness.workbench().document().id());
    }

    private String statusText() {
        return lookup(".status-bar").queryAs(StatusBar.class).getText();
    }

    /** What the table's Links column shows for {@code annotation}. */
    private int linkCount(Annotation annotation) {
        TableColumn<Annotation, ?> column = harness.table().getColumns().stream()
                .filter(c -> c.getText().equals("Links")).findFirst().orElseThrow();
        int row = harness.table().getItems().indexOf(annotation);
        return (Integer) column.getCellData(row);
    }

    private void dragAcross(String from, String to) {
        Point2D start = harness.centreOf(harness.displayIndexOf(from));
        Point2D stop = harness.centreOf(harness.displayIndexOf(to) + to.length() - 1);
        moveTo(start).press(MouseButton.PRIMARY).moveTo(stop).release(MouseButton.PRIMARY);
    }
}
