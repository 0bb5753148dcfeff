package org.factspan.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.factspan.model.Annotation;
import org.factspan.store.DocumentSummary;
import org.factspan.ui.main.MainWindow;
import org.factspan.ui.workbench.Workbench;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real {@link MainWindow}, built as {@link FactSpanApp} builds it but without its dialogs: private settings, an
 * annotator named alice, and a project in a temporary folder. It also finds the window's parts the way a user sees
 * them (by style class), and turns text positions into points on the screen for the mouse.
 */
public final class WindowHarness {

    /** Smaller than Monocle's headless screen (1280x800), so every part of the window can be clicked. */
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 760;

    private final FxRobot robot;
    private final Settings settings;
    private final Workbench workbench;
    private Stage stage;
    private MainWindow window;

    private WindowHarness(FxRobot robot, Settings settings, Workbench workbench) {
        this.robot = robot;
        this.settings = settings;
        this.workbench = workbench;
    }

    /** Shows a new window with fresh settings and opens (or creates) {@code project}. */
    public static WindowHarness open(FxRobot robot, Tasks tasks, Path project) throws Exception {
        Settings settings = new Settings(Preferences.userRoot().node("factspan-test-" + UUID.randomUUID()));
        settings.put("width", WIDTH);
        settings.put("height", HEIGHT);
        return open(robot, tasks, project, settings);
    }

    /** As {@link #open(FxRobot, Tasks, Path)}, with settings that outlive the window (reopening a project). */
    public static WindowHarness open(FxRobot robot, Tasks tasks, Path project, Settings settings) throws Exception {
        FxToolkit.registerPrimaryStage();
        WindowHarness harness = new WindowHarness(robot, settings,
                new Workbench(tasks, Clock.systemUTC(), "alice"));
        FxToolkit.setupFixture(() -> {
            harness.stage = new Stage();
            harness.window = new MainWindow(harness.stage, harness.workbench, settings, tasks);
            harness.window.show();
            assertTrue(harness.window.openProject(project), "the project opens");
        });
        WaitForAsyncUtils.waitForFxEvents();
        return harness;
    }

    /**
     * Shows a new window with fresh settings and no project, for a test that opens one itself - through a dialog,
     * for instance, which a fixture must not wait for.
     */
    public static WindowHarness openEmpty(FxRobot robot, Tasks tasks) throws Exception {
        Settings settings = new Settings(Preferences.userRoot().node("factspan-test-" + UUID.randomUUID()));
        settings.put("width", WIDTH);
        settings.put("height", HEIGHT);
        FxToolkit.registerPrimaryStage();
        WindowHarness harness = new WindowHarness(robot, settings, new Workbench(tasks, Clock.systemUTC(), "bob"));
        FxToolkit.setupFixture(() -> {
            harness.stage = new Stage();
            harness.window = new MainWindow(harness.stage, harness.workbench, settings, tasks);
            harness.window.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return harness;
    }

    /** Closes the project and the window (and any alert it left open); the settings stay. */
    public void closeWindow() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            for (Window open : List.copyOf(Window.getWindows())) {
                if (open != FxToolkit.toolkitContext().getRegisteredStage()) {
                    open.hide();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window and forgets the settings. */
    public void dispose() throws Exception {
        try {
            closeWindow();
        } finally {
            settings.clear();
        }
    }

    public Settings settings() {
        return settings;
    }

    public Workbench workbench() {
        return workbench;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Imports through the window, which shows an alert for refused files; with inline tasks it is done on return. */
    public void importArticles(Path... files) {
        robot.interact(() -> window.importArticles(List.of(files)));
    }

    public StyleClassedTextArea area() {
        return robot.from(stage.getScene().getRoot()).lookup(".article").queryAs(StyleClassedTextArea.class);
    }

    @SuppressWarnings("unchecked")
    public TableView<Annotation> table() {
        return robot.from(stage.getScene().getRoot()).lookup(".table-view").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    public ListView<DocumentSummary> documentList() {
        return (ListView<DocumentSummary>) robot.from(stage.getScene().getRoot()).lookup(".list-view")
                .match(node -> ((ListView<?>) node).getItems() == workbench.documents()).query();
    }

    /** The cell of the document list that shows {@code title}, for clicking. */
    public ListCell<?> documentCell(String title) {
        return robot.from(documentList()).lookup(".list-cell")
                .match(node -> node instanceof ListCell<?> cell && cell.getItem() instanceof DocumentSummary d
                        && d.title().equals(title))
                .queryAs(ListCell.class);
    }

    public String documentId(String title) {
        return workbench.documents().stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow().id();
    }

    /** What the project file holds for the open document, read back from the store (not from the view's list). */
    public List<Annotation> stored() {
        return workbench.project().orElseThrow().annotations(workbench.document().id());
    }

    public List<Annotation> stored(String documentId) {
        return workbench.project().orElseThrow().annotations(documentId);
    }

    /** The display (UTF-16) index of the first {@code word} in the article as shown. */
    public int displayIndexOf(String word) {
        int at = area().getText().indexOf(word);
        assertTrue(at >= 0, () -> "the article shows " + word);
        return at;
    }

    /** The centre of the character at display index {@code i} on the screen. */
    public Point2D centreOf(int i) {
        Bounds bounds = onFx(() -> area().getCharacterBoundsOnScreen(i, i + 1)).orElseThrow();
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    /** The style classes at display index {@code i}, as the text area holds them. */
    public Collection<String> classesAt(int i) {
        return onFx(() -> area().getStyleOfChar(i));
    }

    /** The style classes at each index of {@code [from, to)} all contain {@code styleClass}. */
    public boolean allCarry(int from, int to, String styleClass) {
        for (int i = from; i < to; i++) {
            if (!classesAt(i).contains(styleClass)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The style classes the area holds at every display index, as runs "from-to [classes]", next to what a fresh
     * styler over the stored annotations gives for the whole text: after edits and selections restyled piecemeal
     * the two must be the same.
     */
    public List<String> shownAndFreshStyles() {
        return onFx(() -> {
            org.factspan.model.Document document = workbench.document();
            org.factspan.ui.view.DisplayText display = new org.factspan.ui.view.DisplayText(document.text());
            org.factspan.ui.view.AnnotationStyler fresh = new org.factspan.ui.view.AnnotationStyler(stored(),
                    document.index(), display, workbench.labels(), workbench.hiddenLabels());
            Annotation selected = workbench.selected();
            return List.of(runs(area().getStyleSpans(0, area().getLength())),
                    runs(fresh.styles(selected == null ? null : selected.id())));
        });
    }

    /** Runs of equal classes, merged where RichTextFX keeps two equal spans side by side. */
    private static String runs(org.fxmisc.richtext.model.StyleSpans<Collection<String>> spans) {
        StringBuilder out = new StringBuilder();
        int runStart = 0;
        int at = 0;
        java.util.Set<String> current = null;
        for (org.fxmisc.richtext.model.StyleSpan<Collection<String>> span : spans) {
            java.util.Set<String> style = new java.util.TreeSet<>(span.getStyle());
            if (current != null && !style.equals(current)) {
                out.append(runStart).append('-').append(at).append(' ').append(current).append('\n');
                runStart = at;
            }
            current = style;
            at += span.getLength();
        }
        return out.append(runStart).append('-').append(at).append(' ').append(current).toString();
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    public static <T> T onFx(java.util.concurrent.Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    /** Waits (polling, no fixed sleep) for background work that ends on the FX thread. */
    public static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
