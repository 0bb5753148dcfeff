package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import javafx.application.Platform;
import javafx.scene.control.ProgressBar;

import org.controlsfx.control.StatusBar;
import org.factspan.format.JsonImporter;
import org.factspan.model.Annotation;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Exporting from the window: in the background, with progress, while the window keeps editing. */
class ExportWindowTest extends FxRobot {

    private static final String BUDANOV = "Mr Budanov said Russia helped Hamas. The Kremlin denied it.\n";
    private static final String DRONES = "Officials said \uD83D\uDCA5 drones were used.\n";

    @TempDir
    Path dir;

    private WindowHarness harness;
    private final HeldTasks tasks = new HeldTasks();

    @AfterEach
    void closeWindow() throws Exception {
        tasks.release.countDown();
        if (harness != null) {
            // An export still writing into the temporary folder would fail as it is deleted, with an alert that
            // outlives this test.
            WindowHarness.waitUntil(() -> !progressBar().isVisible());
            harness.dispose();
        }
    }

    @Test
    void theExportRunsInTheBackgroundWhileTheWindowEditsAndImportsAgain() throws Exception {
        harness = WindowHarness.open(this, tasks, dir.resolve("p.factspan"));
        harness.importArticles(Files.writeString(dir.resolve("budanov.txt"), BUDANOV),
                Files.writeString(dir.resolve("drones.txt"), DRONES));
        WindowHarness.waitUntil(() -> harness.workbench().documents().size() == 2);
        String budanov = harness.documentId("budanov");
        String drones = harness.documentId("drones");
        interact(() -> harness.workbench().openDocument(budanov));
        interact(() -> harness.workbench().tag("attribution", 0, 10));
        interact(() -> harness.workbench().openDocument(drones));
        interact(() -> harness.workbench().tag("claim", 17, 23));
        List<Annotation> budanovBefore = harness.stored(budanov);
        List<Annotation> dronesBefore = harness.stored(drones);

        Path target = dir.resolve("export.json");
        tasks.hold.set(true);
        interact(() -> harness.window().export(target));
        assertTrue(tasks.started.await(10, TimeUnit.SECONDS), "the export started");

        // The export waits on its own thread; the window answers and edits meanwhile.
        assertTrue(WindowHarness.onFx(() -> progressBar().isVisible()), "the status bar shows the export's progress");
        assertEquals("Exporting to " + target + "...", WindowHarness.onFx(() -> statusBar().getText()));
        interact(() -> harness.workbench().tag("evidence", 0, 9));
        assertEquals("Saved", WindowHarness.onFx(() -> harness.workbench().saveStateProperty().get()));

        tasks.release.countDown();
        WindowHarness.waitUntil(() -> statusBar().getText().startsWith("Exported"));
        assertEquals("Exported to " + target, WindowHarness.onFx(() -> statusBar().getText()));
        assertFalse(WindowHarness.onFx(() -> progressBar().isVisible()), "the progress bar is gone");
        assertNotNull(tasks.worker.get());
        assertFalse(tasks.workerWasFxThread.get(), "the export ran off the JavaFX thread");

        try (ProjectStore again = ProjectStore.create(dir.resolve("again.factspan"))) {
            new JsonImporter(Clock.systemUTC()).importFile(target, again);
            assertEquals(List.of("budanov", "drones"), again.documents().stream().map(DocumentSummary::title).toList());
            assertEquals(budanovBefore, again.annotations(budanov));
            assertEquals(dronesBefore, again.annotations(drones),
                    "the export holds the project as it was when it started, without the later edit");
        }
    }

    private StatusBar statusBar() {
        return lookup(".status-bar").queryAs(StatusBar.class);
    }

    /** The window's bar for imports and exports, not the one the status bar's skin has of its own. */
    private ProgressBar progressBar() {
        return statusBar().getRightItems().stream().filter(ProgressBar.class::isInstance).map(ProgressBar.class::cast)
                .findFirst().orElseThrow();
    }

    /** Background tasks; while {@link #hold} is set, the next one waits for {@link #release} before it works. */
    private static final class HeldTasks implements Tasks {
        private final Tasks background = Tasks.background();
        final AtomicBoolean hold = new AtomicBoolean();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Thread> worker = new AtomicReference<>();
        final AtomicBoolean workerWasFxThread = new AtomicBoolean();

        @Override
        public <T> void run(Work<T> work, DoubleConsumer progress, Consumer<T> done, Consumer<Exception> failed) {
            if (!hold.getAndSet(false)) {
                background.run(work, progress, done, failed);
                return;
            }
            background.run(reported -> {
                worker.set(Thread.currentThread());
                workerWasFxThread.set(Platform.isFxApplicationThread());
                started.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the export");
                }
                return work.call(reported);
            }, progress, done, failed);
        }
    }
}
