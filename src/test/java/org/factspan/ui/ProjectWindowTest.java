package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Point2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.factspan.model.Annotation;
import org.factspan.store.DocumentSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The project around the article: importing through the window, and finding the work again after a restart. */
class ProjectWindowTest extends FxRobot {

    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n";
    private static final String DRONES = "Officials said \uD83D\uDCA5 drones were used.\n";

    @TempDir
    Path dir;

    private WindowHarness harness;

    @AfterEach
    void closeWindow() throws Exception {
        if (harness != null) {
            harness.dispose();
        }
    }

    @Test
    void anEmptyFileIsNamedInAnErrorAndTheOtherFilesStillImport() throws Exception {
        Path budanov = Files.writeString(dir.resolve("budanov.txt"), BUDANOV);
        Path empty = Files.writeString(dir.resolve("empty-article.txt"), "");
        Path drones = Files.writeString(dir.resolve("drones.txt"), DRONES);
        harness = WindowHarness.open(this, Tasks.background(), dir.resolve("p.factspan"));

        harness.importArticles(budanov, empty, drones);
        WindowHarness.waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());

        DialogPane pane = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("One file was not imported", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("empty-article.txt"), pane.getContentText());
        assertTrue(pane.getStyleClass().contains("error"), "an error alert");
        assertEquals(List.of("budanov", "drones"),
                harness.workbench().documents().stream().map(DocumentSummary::title).toList());
        assertEquals("budanov", harness.workbench().document().title(), "the first good file is open");
        assertEquals(BUDANOV, harness.area().getText());

        clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup(".dialog-pane").tryQuery().isEmpty(), "OK closes the alert");
    }

    @Test
    void reopeningTheProjectShowsEveryAnnotationAgain() throws Exception {
        Path project = dir.resolve("p.factspan");
        Path budanov = Files.writeString(dir.resolve("budanov.txt"), BUDANOV);
        Path drones = Files.writeString(dir.resolve("drones.txt"), DRONES);
        harness = WindowHarness.open(this, Tasks.inline(), project);
        harness.importArticles(budanov, drones);
        WaitForAsyncUtils.waitForFxEvents();

        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT4);
        doubleClickOn(harness.centreOf(harness.displayIndexOf("Hamas") + 1), MouseButton.PRIMARY);
        type(KeyCode.DIGIT1);
        doubleClickOn(harness.centreOf(harness.displayIndexOf("denied") + 1), MouseButton.PRIMARY);
        type(KeyCode.DIGIT2);
        type(KeyCode.TAB);
        type(KeyCode.DIGIT3);
        clickOn(harness.documentCell("drones"));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D bomb = harness.centreOf(harness.displayIndexOf("drones") + 1);
        doubleClickOn(bomb, MouseButton.PRIMARY);
        type(KeyCode.DIGIT3);

        String budanovId = harness.documentId("budanov");
        String dronesId = harness.documentId("drones");
        List<Annotation> budanovBefore = harness.stored(budanovId);
        List<Annotation> dronesBefore = harness.stored(dronesId);
        assertEquals(Set.of("evidence:Mr Budanov", "claim:Hamas", "denial:denied"), summary(budanovBefore),
                "Tab from the new 'denied' wraps to 'Mr Budanov', which 3 relabels");
        assertEquals(Set.of("evidence:drones"), summary(dronesBefore));

        Settings settings = harness.settings();
        interact(() -> harness.workbench().closeProject());
        harness.closeWindow();
        harness = WindowHarness.open(this, Tasks.inline(), project, settings);

        assertEquals(List.of("budanov", "drones"),
                harness.workbench().documents().stream().map(DocumentSummary::title).toList());
        assertEquals(budanovBefore, harness.stored(budanovId));
        assertEquals(dronesBefore, harness.stored(dronesId));
        assertEquals("budanov", harness.workbench().document().title());
        assertEquals(Set.copyOf(budanovBefore), Set.copyOf(harness.table().getItems()));
        assertTrue(harness.allCarry(0, 10, "ann-fill-2"), () -> "highlight after reopening: " + harness.classesAt(0));

        clickOn(harness.documentCell("drones"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dronesBefore, List.copyOf(harness.table().getItems()));
        assertTrue(harness.allCarry(18, 24, "ann-fill-2"), () -> "drones highlight: " + harness.classesAt(18));
    }

    private static Set<String> summary(List<Annotation> annotations) {
        return annotations.stream().map(a -> a.label() + ":" + a.quote()).collect(Collectors.toSet());
    }
}
