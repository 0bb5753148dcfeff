package org.factspan.ui.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Alert;
import javafx.util.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.controlsfx.control.StatusBar;
import org.factspan.format.AtomicFile;
import org.factspan.format.JsonExporter;
import org.factspan.model.Annotation;
import org.factspan.model.FactSpanException;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.factspan.store.StoreException;
import org.factspan.model.Decision;
import org.factspan.ui.Settings;
import org.factspan.ui.Tasks;
import org.factspan.ui.review.ReviewModel;
import org.factspan.ui.review.ReviewPanel;
import org.factspan.ui.article.ArticleView;
import org.factspan.ui.workbench.Workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The annotation window: menus, the label toolbar, the documents on the left, the article in the centre, the
 * annotation table and details on the right, and the status bar. It lays out and binds; the {@link Workbench} holds
 * the state and does the work.
 */
public final class MainWindow {

    private static final double DEFAULT_WIDTH = 1360;
    private static final double DEFAULT_HEIGHT = 860;

    private final Stage stage;
    private final Workbench workbench;
    private final Settings settings;
    private final ArticleView article;
    private final AnnotationPanel annotations;
    private final ReviewModel review;
    private final ReviewPanel reviewPanel;
    private final TabPane side = new TabPane();
    private final Tab annotationsTab = new Tab("Annotations");
    private final Tab reviewTab = new Tab("Review");
    private final ListView<DocumentSummary> documentList = new ListView<>();
    private final SplitPane split = new SplitPane();
    private final ToolBar toolbar = new ToolBar();
    private final StatusBar statusBar = new StatusBar();
    /** Shows, within a second, what an import or another window committed to the open project. */
    private final Timeline outsideChanges = new Timeline(new KeyFrame(Duration.millis(500),
            event -> followOutsideChanges()));
    private final HBox countsBox = new HBox(10);
    private final Menu recentMenu = new Menu("Open _Recent");
    private final Menu showLabelsMenu = new Menu("Show _Labels");
    private final CheckMenuItem darkTheme = new CheckMenuItem("_Dark Theme");
    private Scene scene;
    private double zoom = 1.0;

    public MainWindow(Stage stage, Workbench workbench, Settings settings, Tasks tasks) {
        this.stage = stage;
        this.workbench = workbench;
        this.settings = settings;
        this.article = new ArticleView(workbench);
        this.annotations = new AnnotationPanel(workbench);
        this.review = new ReviewModel(workbench, tasks, Clock.systemUTC());
        this.reviewPanel = new ReviewPanel(review, this::closeReview);
        article.setOnEditNote(this::editNote);
        article.setReviewKeys(reviewPanel::handleKey);
        build();
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    public void show() {
        stage.show();
    }

    /**
     * Opens (or creates) a project; returns false and tells the user when it cannot be opened. A project another
     * window edits is offered read-only; one that cannot be written is opened read-only at once.
     */
    public boolean openProject(Path file) {
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

    private void followOutsideChanges() {
        try {
            workbench.followOutsideChanges();
        } catch (FactSpanException e) {
            statusBar.setText(e.getMessage());
        }
    }

    private boolean confirmReadOnly(Path file) {
        ButtonType readOnly = new ButtonType("Open Read-Only", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
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

    public void importArticles(List<Path> files) {
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

    /** Remembers the window's geometry and closes the project. */
    public void close() {
        if (!stage.isIconified()) {
            settings.put("width", stage.getWidth());
            settings.put("height", stage.getHeight());
        }
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            settings.put("divider" + i, dividers[i]);
        }
        settings.put("zoom", zoom);
        settings.flush();
        outsideChanges.stop();
        workbench.closeProject();
    }

    // ---- layout ---------------------------------------------------------------------------------------------------

    private void build() {
        documentList.setItems(workbench.documents());
        documentList.setCellFactory(list -> new DocumentCell());
        Label noDocuments = new Label("No articles yet. Import one with File > Import Articles, or drop .txt files"
                + " here.");
        noDocuments.setWrapText(true);
        noDocuments.getStyleClass().add("empty-hint");
        documentList.setPlaceholder(noDocuments);
        documentList.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                workbench.openDocument(chosen.id());
            }
        });
        workbench.documentProperty().addListener((obs, old, document) -> {
            selectInList(document == null ? null : document.id());
            updateTitle();
            String reason = workbench.project().flatMap(ProjectStore::readOnlyReason).map(r -> " \u2014 " + r)
                    .orElse("");
            statusBar.setText((document == null ? "No document open" : document.title()) + reason);
        });
        workbench.documents().addListener((javafx.collections.ListChangeListener<DocumentSummary>) change ->
                Platform.runLater(() -> selectInList(workbench.document() == null ? null : workbench.document().id())));

        VBox left = new VBox(sectionTitle("Documents"), documentList);
        VBox.setVgrow(documentList, Priority.ALWAYS);
        left.getStyleClass().add("side-panel");
        left.setMinWidth(160);

        annotationsTab.setContent(annotations.node());
        annotationsTab.setClosable(false);
        reviewTab.setContent(reviewPanel.node());
        reviewTab.setClosable(false);
        side.getTabs().add(annotationsTab);
        side.setMinWidth(280);
        LayoutBoundary leftPanel = new LayoutBoundary(left);
        LayoutBoundary sidePanel = new LayoutBoundary(side);
        split.getItems().addAll(leftPanel, new LayoutBoundary(article.node()), sidePanel);
        SplitPane.setResizableWithParent(leftPanel, false);
        SplitPane.setResizableWithParent(sidePanel, false);
        workbench.documentProperty().addListener((obs, old, doc) -> showTheirs());
        review.reviewProperty().addListener((obs, old, now) -> {
            showTheirs();
            if (now == null) {
                side.getTabs().remove(reviewTab);
            } else if (!side.getTabs().contains(reviewTab)) {
                side.getTabs().add(reviewTab);
            }
            if (now != null) {
                side.getSelectionModel().select(reviewTab);
            }
        });
        split.setDividerPositions(settings.get("divider0", 0.17), settings.get("divider1", 0.64));

        buildToolbar();
        buildStatusBar();

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(menuBar(), toolbar));
        root.setBottom(statusBar);

        scene = new Scene(root, settings.get("width", DEFAULT_WIDTH), settings.get("height", DEFAULT_HEIGHT));
        scene.getStylesheets().add(MainWindow.class.getResource("/factspan/ui/factspan.css").toExternalForm());
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                importArticles(event.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), workbench::redo);
        applyTheme(settings.darkTheme());
        zoom = settings.get("zoom", 1.0);
        article.setZoom(zoom);

        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setOnCloseRequest(event -> Platform.exit());
        workbench.projectProperty().addListener((obs, old, project) -> {
            updateTitle();
            rebuildLabelControls();
        });
        workbench.readOnlyProperty().addListener((obs, old, readOnly) -> updateTitle());
        outsideChanges.setCycleCount(Animation.INDEFINITE);
        outsideChanges.play();
        workbench.messageProperty().addListener((obs, old, message) -> {
            if (!message.isEmpty()) {
                statusBar.setText(message);
            }
        });
        updateTitle();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New Project...", "Shortcut+N", this::newProject),
                item("_Open Project...", "Shortcut+O", this::chooseProject),
                recentMenu,
                new SeparatorMenuItem(),
                item("_Import Articles...", "Shortcut+I", this::chooseArticles),
                item("_Export...", "Shortcut+E", this::export),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", Platform::exit));

        MenuItem undo = item("_Undo", "Shortcut+Z", workbench::undo);
        undo.textProperty().bind(workbench.undoTextProperty());
        undo.disableProperty().bind(workbench.canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", workbench::redo);
        redo.textProperty().bind(workbench.redoTextProperty());
        redo.disableProperty().bind(workbench.canRedoProperty().not());
        MenuItem delete = item("_Delete Annotation", "Delete", workbench::deleteSelected);
        MenuItem note = item("Edit _Note...", "Enter", this::editNote);
        MenuItem comment = item("_Comment on Annotation...", null, this::commentOnAnnotation);
        comment.disableProperty().bind(workbench.selectedProperty().isNull());
        delete.disableProperty().bind(workbench.selectedProperty().isNull());
        note.disableProperty().bind(workbench.selectedProperty().isNull());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), delete, note, comment, new SeparatorMenuItem(),
                item("_Find...", "Shortcut+F", article::showFind),
                new SeparatorMenuItem(),
                item("Annotator _Name...", null, this::changeAnnotator));

        darkTheme.setSelected(settings.darkTheme());
        darkTheme.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        darkTheme.setOnAction(e -> applyTheme(darkTheme.isSelected()));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom _In", "Shortcut+Equals", () -> setZoom(zoom * 1.1)),
                item("Zoom _Out", "Shortcut+Minus", () -> setZoom(zoom / 1.1)),
                item("_Actual Size", "Shortcut+0", () -> setZoom(1.0)),
                new SeparatorMenuItem(), darkTheme, showLabelsMenu);

        Menu reviewMenu = new Menu("_Review");
        MenuItem next = item("_Next Difference", "F8", review::next);
        MenuItem previous = item("_Previous Difference", "Shift+F8", review::previous);
        MenuItem keep = item("_Keep Mine  (K)", null, () -> review.decide(Decision.KEEP_MINE));
        MenuItem accept = item("Accept _Theirs  (T)", null, () -> review.decide(Decision.ACCEPT_THEIRS));
        MenuItem both = item("Accept _Both  (B)", null, () -> review.decide(Decision.ACCEPT_BOTH));
        MenuItem reject = item("Reject Both  (_X)", null, () -> review.decide(Decision.REJECT_BOTH));
        MenuItem closeReview = item("_Close Review", null, this::closeReview);
        var noReview = review.reviewProperty().isNull();
        for (MenuItem reviewItem : List.of(next, previous, keep, accept, both, reject, closeReview)) {
            reviewItem.disableProperty().bind(noReview);
        }
        reviewMenu.getItems().addAll(item("_Review Colleague's File...", "Shortcut+R", this::chooseReview),
                new SeparatorMenuItem(), next, previous, new SeparatorMenuItem(), keep, accept, both, reject,
                new SeparatorMenuItem(), closeReview);

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard Shortcuts", "F1", this::showShortcuts), item("_About FactSpan", null,
                this::showAbout));

        MenuBar bar = new MenuBar(file, edit, view, reviewMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void buildToolbar() {
        toolbar.getStyleClass().add("label-toolbar");
    }

    /** The label buttons, the show/hide menu and the status counts follow the project's labels. */
    private void rebuildLabelControls() {
        toolbar.getItems().clear();
        showLabelsMenu.getItems().clear();
        Label hint = new Label("Tag the selection:");
        hint.getStyleClass().add("toolbar-hint");
        toolbar.getItems().add(hint);
        for (org.factspan.model.Label label : workbench.labels()) {
            Button button = new Button(label.name(), swatch(label.color()));
            if (label.key() > 0) {
                button.setText(label.key() + "  " + label.name());
                button.setTooltip(new Tooltip("Tag the selection as " + label.name() + ", or relabel the selected"
                        + " annotation (key " + label.key() + ")"));
            }
            button.setFocusTraversable(false);
            button.getStyleClass().add("label-button");
            // A read-only project cannot be tagged: the buttons say so before a click is refused.
            button.disableProperty().bind(workbench.readOnlyProperty());
            button.setOnAction(e -> article.applyLabel(label.name()));
            toolbar.getItems().add(button);

            CheckMenuItem show = new CheckMenuItem(label.name());
            show.setSelected(!workbench.hiddenLabels().contains(label.name()));
            show.setOnAction(e -> {
                if (show.isSelected()) {
                    workbench.hiddenLabels().remove(label.name());
                } else {
                    workbench.hiddenLabels().add(label.name());
                }
            });
            showLabelsMenu.getItems().add(show);
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button undo = new Button("Undo");
        undo.textProperty().bind(workbench.undoTextProperty());
        undo.disableProperty().bind(workbench.canUndoProperty().not());
        undo.setOnAction(e -> workbench.undo());
        undo.setFocusTraversable(false);
        toolbar.getItems().addAll(spring, undo);
        article.setLabels(workbench.labels(), settings.darkTheme());
        countsBox.getChildren().clear();
        updateCounts();
    }

    private static Rectangle swatch(String color) {
        Rectangle swatch = new Rectangle(12, 12, javafx.scene.paint.Color.web(color));
        swatch.setArcWidth(4);
        swatch.setArcHeight(4);
        return swatch;
    }

    private void buildStatusBar() {
        Label saveState = new Label();
        saveState.textProperty().bind(workbench.saveStateProperty());
        saveState.getStyleClass().add("save-state");
        saveState.textProperty().addListener((obs, old, state) -> {
            saveState.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"),
                    state.startsWith("Not saved"));
            saveState.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("read-only"),
                    state.equals("Read-only"));
        });
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(workbench.importProgressProperty());
        progress.visibleProperty().bind(workbench.importProgressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        statusBar.getRightItems().addAll(progress, countsBox, saveState);
        statusBar.setText("");
        workbench.counts().addListener((MapChangeListener<String, Integer>) change -> updateCounts());
    }

    /** Sets the counts' texts, making new labels only when the label set changed (a tag must not re-run CSS). */
    private void updateCounts() {
        List<org.factspan.model.Label> labels = workbench.labels();
        if (countsBox.getChildren().size() != labels.size()) {
            countsBox.getChildren().clear();
            for (org.factspan.model.Label label : labels) {
                Label count = new Label("", swatch(label.color()));
                count.getStyleClass().add("status-count");
                countsBox.getChildren().add(count);
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.get(i).name();
            ((Label) countsBox.getChildren().get(i)).setText(name + " " + workbench.counts().getOrDefault(name, 0));
        }
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setPadding(new Insets(8, 10, 6, 10));
        return title;
    }

    private void selectInList(String documentId) {
        for (int i = 0; i < workbench.documents().size(); i++) {
            if (workbench.documents().get(i).id().equals(documentId)) {
                if (documentList.getSelectionModel().getSelectedIndex() != i) {
                    documentList.getSelectionModel().select(i);
                }
                return;
            }
        }
        documentList.getSelectionModel().clearSelection();
    }

    private void updateTitle() {
        StringBuilder title = new StringBuilder("FactSpan");
        workbench.project().ifPresent(p -> title.append(" - ").append(displayPath(p.path()))
                .append(p.isReadOnly() ? " (read-only)" : ""));
        if (workbench.document() != null) {
            title.append(" - ").append(workbench.document().title());
        }
        stage.setTitle(title.toString());
    }

    /** Paths under the home folder start with ~, as users know them. */
    private static String displayPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        return absolute.startsWith(home) ? "~/" + home.relativize(absolute) : absolute.toString();
    }

    // ---- actions --------------------------------------------------------------------------------------------------

    private void newProject() {
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

    private void chooseProject() {
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

    private void chooseArticles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import Articles");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text articles", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<java.io.File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            importArticles(files.stream().map(java.io.File::toPath).toList());
        }
    }

    private void export() {
        ProjectStore store = workbench.project().orElse(null);
        if (store == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("FactSpan JSON", "*.json"));
        chooser.setInitialFileName(store.name() + ".json");
        java.io.File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path target = chosen.toPath();
        try {
            AtomicFile.write(target, out -> new JsonExporter(Clock.systemUTC()).export(store, out));
            statusBar.setText("Exported to " + target);
        } catch (FactSpanException e) {
            error("The export failed", e.getMessage());
        }
    }

    private void chooseReview() {
        if (workbench.project().isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Review Colleague's File");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("FactSpan projects and exports", "*" + ProjectStore.EXTENSION, "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Optional.ofNullable(chooser.showOpenDialog(stage)).map(java.io.File::toPath).ifPresent(this::review);
    }

    /** Opens a review of a colleague's project or export against this project. */
    public void review(Path theirs) {
        statusBar.setText("Comparing with " + theirs.getFileName() + "...");
        review.open(theirs, () -> {
            statusBar.setText("Reviewing " + theirs.getFileName() + ": " + review.items().size()
                    + " differences; F8 steps through them.");
            review.next();
            reviewPanel.focusList();
        }, problem -> {
            statusBar.setText("");
            error("The file cannot be reviewed", problem);
        });
    }

    /** The review model, for tests. */
    public ReviewModel reviewModel() {
        return review;
    }

    private void closeReview() {
        review.close();
        article.focus();
    }

    private void showTheirs() {
        article.setTheirs(workbench.document() == null ? List.of()
                : review.theirAnnotations(workbench.document().id()));
    }

    private void editNote() {
        Annotation selected = workbench.selected();
        if (selected == null) {
            return;
        }
        NoteDialog.show(stage, selected).ifPresent(workbench::changeNoteOfSelected);
        article.focus();
    }

    private void commentOnAnnotation() {
        if (workbench.selected() == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(stage);
        dialog.setTitle("Comment");
        dialog.setHeaderText("Comment on this " + workbench.selected().label());
        dialog.setContentText("Comment:");
        dialog.showAndWait().ifPresent(workbench::commentOnSelected);
        article.focus();
    }

    private void changeAnnotator() {
        TextInputDialog dialog = new TextInputDialog(workbench.annotator());
        dialog.initOwner(stage);
        dialog.setTitle("Annotator");
        dialog.setHeaderText("Who is annotating?");
        dialog.setContentText("Name on new annotations:");
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(name -> {
            workbench.setAnnotator(name);
            settings.setAnnotator(name);
            settings.flush();
        });
    }

    private void setZoom(double factor) {
        zoom = Math.max(0.6, Math.min(2.5, factor));
        article.setZoom(zoom);
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
        settings.setDarkTheme(dark);
        article.setLabels(workbench.labels(), dark);
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Keyboard Shortcuts");
        alert.setHeaderText("FactSpan keyboard shortcuts");
        alert.setContentText(Shortcuts.text(workbench.labels()));
        alert.getDialogPane().setMinWidth(560);
        alert.showAndWait();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Span annotation for fact-checking, offline.\n"
                + "Every edit is saved to the project file as you make it.\n\nLicensed under the Apache License 2.0.",
                ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle("About FactSpan");
        alert.setHeaderText("FactSpan " + Optional.ofNullable(MainWindow.class.getPackage().getImplementationVersion())
                .orElse("(development build)"));
        alert.showAndWait();
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        if (stage.isShowing()) {
            alert.initOwner(stage);
        }
        alert.setTitle("FactSpan");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.show();
    }

    /** A document in the list: its title, with its annotation count on the right. */
    private static final class DocumentCell extends ListCell<DocumentSummary> {
        private final Label title = new Label();
        private final Label count = new Label();
        private final Tooltip tooltip = new Tooltip();
        private final HBox box;

        DocumentCell() {
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            count.getStyleClass().add("document-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            box = new HBox(6, title, spring, count);
            // A cell as wide as the list, not as its title: a long title is cut with an ellipsis and the count stays.
            setPrefWidth(0);
            // Written when shown, not on every update: the open document's count changes with every tag.
            tooltip.setOnShowing(e -> {
                DocumentSummary item = getItem();
                tooltip.setText(item == null ? "" : item.title() + "\n" + item.annotations() + " annotations, "
                        + String.format("%,d", item.length()) + " characters"
                        + (item.source() == null ? "" : "\n" + item.source()));
            });
        }

        @Override
        protected void updateItem(DocumentSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                title.setText(item.title());
                count.setText(String.valueOf(item.annotations()));
                setGraphic(box);
                setTooltip(tooltip);
            }
        }
    }
}
