package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.factspan.DiskConditions;
import org.factspan.cli.Cli;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Two windows, or a window and the command line, on one project (issue 9): nothing either saves is lost. */
class SharedProjectWindowTest extends FxRobot {

    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n";

    @TempDir
    Path dir;

    private WindowHarness first;
    private WindowHarness second;

    @AfterEach
    void closeWindows() throws Exception {
        if (second != null) {
            second.dispose();
        }
        if (first != null) {
            first.dispose();
        }
    }

    @Test
    void aSecondWindowOpensTheProjectReadOnlyRefusesEveryEditAndFollowsTheFirst() throws Exception {
        Path project = dir.resolve("p.factspan");
        first = WindowHarness.open(this, Tasks.inline(), project);
        first.importArticles(Files.writeString(dir.resolve("budanov.txt"), BUDANOV));
        second = WindowHarness.openEmpty(this, Tasks.inline());

        Platform.runLater(() -> second.window().openProject(project));
        WindowHarness.waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane ask = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("This project is being edited in another window", ask.getHeaderText());
        type(KeyCode.ENTER);
        WindowHarness.waitUntil(() -> second.workbench().project().isPresent());

        assertTrue(second.stage().getTitle().contains("p.factspan (read-only)"), second.stage().getTitle());
        assertEquals("Read-only", saveState(second));
        assertEquals(BUDANOV, second.area().getText());
        assertTrue(from(second.stage().getScene().getRoot()).lookup(".label-button").queryAll().stream()
                .allMatch(javafx.scene.Node::isDisabled), "the label buttons are off in a read-only window");

        clickOn(second.area());
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), first.stored(), "the read-only window wrote nothing");
        assertEquals("Read-only here: another FactSpan window is editing this project; close it there to edit it"
                + " here.", second.workbench().messageProperty().get());
        assertEquals("Read-only", saveState(second));

        // Both windows lie at the same place on the headless screen: the first must come to the front to be clicked.
        interact(() -> first.stage().toFront());
        clickOn(first.area());
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        Annotation tagged = first.stored().get(0);
        assertEquals("attribution", tagged.label());
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> second.table().getItems().contains(tagged));
    }

    @Test
    void anImportFromTheCommandLineAppearsInTheOpenWindowWithinTwoSeconds() throws Exception {
        Path project = dir.resolve("p.factspan");
        first = WindowHarness.open(this, Tasks.inline(), project);
        first.importArticles(Files.writeString(dir.resolve("budanov.txt"), BUDANOV));
        Path drones = Files.writeString(dir.resolve("drones.txt"), "Officials said drones were used.\n");

        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "import", project.toString(),
                drones.toString());
        assertEquals(0, exit, err.toString());

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> first.workbench().documents().size() == 2);
        assertEquals(List.of("budanov", "drones"),
                first.workbench().documents().stream().map(DocumentSummary::title).toList());
        assertEquals("budanov", first.workbench().document().title(), "the open document stays open");
    }

    @Test
    void anEditWhileALongCommandLineWriteRunsSaysNotSavedInsteadOfFreezingAndWorksAfterwards() throws Exception {
        Path project = dir.resolve("p.factspan");
        first = WindowHarness.open(this, Tasks.inline(), project);
        first.importArticles(Files.writeString(dir.resolve("budanov.txt"), BUDANOV));

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread importer = new Thread(() -> {
            try (ProjectStore store = ProjectStore.open(project)) {
                store.inTransaction(() -> {
                    String text = "A long import.";
                    store.addDocumentIfAbsent(new Document("long", "long", null, Sha256.hex(text), text,
                            java.time.Instant.now()));
                    writing.countDown();
                    await(finish);
                });
            }
        });
        importer.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));

        clickOn(first.area());
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        long pressed = System.nanoTime();
        type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        long waited = System.nanoTime() - pressed;
        assertTrue(Duration.ofNanos(waited).toMillis() < 5_000, "the window waited " + waited / 1_000_000 + " ms");
        assertTrue(saveState(first).startsWith("Not saved: Could not write to the project " + project
                + ": another program"), saveState(first));
        assertEquals(List.of(), List.copyOf(first.table().getItems()), "the view shows no edit that was not saved");

        finish.countDown();
        importer.join(10_000);
        push(KeyCode.CONTROL, KeyCode.HOME);
        push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
        type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Saved", saveState(first));
        assertEquals(1, first.stored(first.documentId("budanov")).size());
    }

    @Test
    void aWriteProtectedProjectOpensReadOnlyFromTheStart() throws Exception {
        Path project = dir.resolve("p.factspan");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.addDocumentIfAbsent(new Document("d1", "budanov", null, Sha256.hex(BUDANOV), BUDANOV,
                    java.time.Instant.now()));
        }
        try (DiskConditions disk = new DiskConditions()) {
            disk.writeProtect(project);
            first = WindowHarness.openEmpty(this, Tasks.inline());
            assertTrue(WindowHarness.onFx(() -> first.window().openProject(project)));
            assertTrue(first.stage().getTitle().contains("(read-only)"), first.stage().getTitle());
            assertEquals("Read-only", saveState(first));
            assertEquals(BUDANOV, first.area().getText());
            clickOn(first.area());
            push(KeyCode.CONTROL, KeyCode.HOME);
            push(KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.RIGHT);
            type(KeyCode.DIGIT1);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Read-only here: FactSpan cannot write to p.factspan or its folder.",
                    first.workbench().messageProperty().get());
            first.dispose();
            first = null;
        }
    }

    private String saveState(WindowHarness harness) {
        return from(harness.stage().getScene().getRoot()).lookup(".save-state").queryAs(Label.class).getText();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
