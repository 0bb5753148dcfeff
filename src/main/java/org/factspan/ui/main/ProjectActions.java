package org.factspan.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.factspan.format.AtomicFile;
import org.factspan.format.JsonExporter;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;
import org.factspan.store.Snapshot;
import org.factspan.store.StoreException;
import org.factspan.ui.Settings;
import org.factspan.ui.Tasks;
import org.factspan.ui.workbench.Workbench;

/**
 * What the File menu does with whole projects: new, open, open recent (and the menu of recent projects), import
 * articles and export, with their file choosers and the alerts that say why something could not be done.
 */
final class ProjectActions {

    private final Stage stage;
    private final Workbench workbench;
    private final Settings settings;
    private final Tasks tasks;
    /** Where a sentence for the status bar goes. */
    private final Consumer<String> status;
    private final Menu recentMenu = new Menu("Open _Recent");
    private final DoubleProperty exportProgress = new SimpleDoubleProperty(this, "exportProgress", -1);

    ProjectActions(Stage stage, Workbench workbench, Settings settings, Tasks tasks, Consumer<String> status) {
        this.stage = stage;
        this.workbench = workbench;
        this.settings = settings;
        this.tasks = tasks;
        this.status = status;
    }

    /** See {@link MainWindow#openProject}. */
    boolean openProject(Path file) {
        try {
            try {
                workbench.openProject(file);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.LOCKED && Files.exists(file)) {
                    if (!confirmReadOnly(file)) {
                        return false;
                    }
                    workbench.openProjectReadOnly(file, "Read-only here: another FactSpan window is editing this"
                            + " project; close it there to edit it here.");
                } else if (e.kind() == StoreException.Kind.READ_ONLY && Files.exists(file)) {
                    workbench.openProjectReadOnly(file, "Read-only here: FactSpan cannot write to " + file.getFileName()
                            + " or its folder.");
                } else {
                    throw e;
                }
            }
        } catch (FactSpanException e) {
            error("The project could not be opened", e.getMessage());
            return false;
        }
        settings.projectOpened(file);
        settings.flush();
        refreshRecent();
        return true;
    }

    private boolean confirmReadOnly(Path file) {
        ButtonType readOnly = new ButtonType("Open Read-Only", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, file + " is open for editing in another FactSpan window."
                + " Open it here read-only? You can read and export it, and what the other window saves appears here.",
                readOnly, ButtonType.CANCEL);
        if (stage.isShowing()) {
            ask.initOwner(stage);
        }
        ask.setTitle("FactSpan");
        ask.setHeaderText("This project is being edited in another window");
        ask.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return ask.showAndWait().filter(readOnly::equals).isPresent();
    }

    void newProject() {
        FileChooser chooser = projectChooser("New Project");
        chooser.setInitialFileName("project" + ProjectStore.EXTENSION);
        Optional.ofNullable(chooser.showSaveDialog(stage)).map(java.io.File::toPath).ifPresent(path -> {
            Path file = path.toString().endsWith(ProjectStore.EXTENSION) ? path
                    : Path.of(path + ProjectStore.EXTENSION);
            if (Files.exists(file)) {
                error("The project was not created", "A file named " + file + " exists; choose another name.");
                return;
            }
            openProject(file);
        });
    }

    void chooseProject() {
        Optional.ofNullable(projectChooser("Open Project").showOpenDialog(stage))
                .map(java.io.File::toPath).ifPresent(this::openExisting);
    }

    private FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("FactSpan projects", "*"
                + ProjectStore.EXTENSION));
        workbench.project().map(p -> p.path().toAbsolutePath().getParent()).map(Path::toFile)
                .ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    /**
     * Opens a project that must exist (Open, Recent): a recent project that was moved or deleted is reported, not
     * silently created anew and empty at its old path.
     */
    private void openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            error("The project could not be opened", "There is no project " + file + " any more; it was moved or"
                    + " deleted.");
            return;
        }
        openProject(file);
    }

    /** The recent projects, most recent first; refreshed whenever a project opens. */
    Menu recentMenu() {
        return recentMenu;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path recent : settings.recentProjects()) {
            MenuItem item = new MenuItem(displayPath(recent));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openExisting(recent));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Paths under the home folder start with ~, as users know them. */
    static String displayPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return absolute.startsWith(home) ? "~/" + home.relativize(absolute) : absolute.toString();
    }

    void chooseArticles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Articles");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text articles", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<java.io.File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            importArticles(files.stream().map(java.io.File::toPath).toList());
        }
    }

    /** See {@link MainWindow#importArticles}. */
    void importArticles(List<Path> files) {
        if (workbench.project().isEmpty()) {
            return;
        }
        workbench.importArticles(files, problems -> {
            if (!problems.isEmpty()) {
                error(problems.size() == 1 ? "One file was not imported"
                        : problems.size() + " files were not imported", String.join("\n", problems));
            }
        });
    }

    void chooseExport() {
        ProjectStore store = workbench.project().orElse(null);
        if (store == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("FactSpan JSON", "*.json"));
        chooser.setInitialFileName(store.name() + ".json");
        Optional.ofNullable(chooser.showSaveDialog(stage)).map(java.io.File::toPath).ifPresent(this::export);
    }

    /** See {@link MainWindow#export}. */
    void export(Path target) {
        ProjectStore store = workbench.project().orElse(null);
        if (store == null) {
            return;
        }
        Snapshot snapshot;
        try {
            // Here, on the thread that owns the store: the background thread reads the snapshot's own views only.
            snapshot = JsonExporter.snapshot(store);
        } catch (FactSpanException e) {
            error("The export failed", e.getMessage());
            return;
        }
        JsonExporter exporter = new JsonExporter(Clock.systemUTC());
        exportProgress.set(0);
        status.accept("Exporting to " + target + "...");
        tasks.run(progress -> {
            try (snapshot) {
                AtomicFile.write(target, out -> exporter.export(snapshot, out, progress));
            }
            return target;
        }, progress -> {
            if (exportProgress.get() >= 0) {
                exportProgress.set(progress);
            }
        }, written -> {
            exportProgress.set(-1);
            status.accept("Exported to " + written);
        }, e -> {
            exportProgress.set(-1);
            status.accept("");
            error("The export failed", e.getMessage());
        });
    }

    /** -1 when no export runs, else the share of documents written so far. */
    ReadOnlyDoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    private void error(String header, String text) {
        Alerts.error(stage, header, text);
    }
}
