package org.factspan.ui.main;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.controlsfx.control.StatusBar;
import org.factspan.model.Annotation;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;
import org.factspan.ui.Settings;
import org.factspan.ui.Tasks;
import org.factspan.ui.article.ArticleView;
import org.factspan.ui.review.ReviewModel;
import org.factspan.ui.review.ReviewPanel;
import org.factspan.ui.workbench.Workbench;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The annotation window: the label toolbar, the article in the centre, the annotation table and details on the
 * right, and the status bar, with the menu bar ({@link MainMenu}), the documents on the left ({@link DocumentList}) and
 * what is done with whole projects ({@link ProjectActions}) in classes of their own. It lays out and binds; the
 * {@link Workbench} holds the state and does the work.
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
    private final ProjectActions actions;
    private MainMenu menu;
    private final TabPane side = new TabPane();
    private final Tab annotationsTab = new Tab("Annotations");
    private final Tab reviewTab = new Tab("Review");
    private final SplitPane split = new SplitPane();
    private final ToolBar toolbar = new ToolBar();
    private final StatusBar statusBar = new StatusBar();
    /** Shows, within a second, what an import or another window committed to the open project. */
    private final Timeline outsideChanges = new Timeline(new KeyFrame(Duration.millis(500),
            event -> followOutsideChanges()));
    private final HBox countsBox = new HBox(10);
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
        this.actions = new ProjectActions(stage, workbench, settings, tasks, statusBar::setText);
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
        return actions.openProject(file);
    }

    private void followOutsideChanges() {
        try {
            workbench.followOutsideChanges();
        } catch (FactSpanException e) {
            statusBar.setText(e.getMessage());
        }
    }

    /** Imports articles into the open project in the background; an alert names the files that were refused. */
    public void importArticles(List<Path> files) {
        actions.importArticles(files);
    }

    /**
     * Exports the open project to {@code target} as FactSpan JSON in the background, with its progress in the status
     * bar; the project stays editable meanwhile, and the export holds the project as it was when it started.
     */
    public void export(Path target) {
        actions.export(target);
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
        DocumentList documentList = new DocumentList(workbench);
        workbench.documentProperty().addListener((obs, old, document) -> {
            updateTitle();
            String reason = workbench.project().flatMap(ProjectStore::readOnlyReason).map(r -> " \u2014 " + r)
                    .orElse("");
            statusBar.setText((document == null ? "No document open" : document.title()) + reason);
        });

        annotationsTab.setContent(annotations.node());
        annotationsTab.setClosable(false);
        reviewTab.setContent(reviewPanel.node());
        reviewTab.setClosable(false);
        side.getTabs().add(annotationsTab);
        side.setMinWidth(280);
        LayoutBoundary leftPanel = new LayoutBoundary(documentList.node());
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
        menu = new MainMenu(this, stage, workbench, settings, article, review, actions);
        root.setTop(new VBox(menu.node(), toolbar));
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
        scene.getAccelerators().putAll(menu.moreAccelerators());
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

    private void buildToolbar() {
        toolbar.getStyleClass().add("label-toolbar");
    }

    /** The label buttons, the show/hide menu and the status counts follow the project's labels. */
    private void rebuildLabelControls() {
        toolbar.getItems().clear();
        menu.rebuildShowLabels();
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
        // An import and an export may run at once; the bar shows the export's then, the one the user started last.
        var exporting = actions.exportProgressProperty().greaterThanOrEqualTo(0);
        progress.progressProperty().bind(Bindings.when(exporting).then(actions.exportProgressProperty())
                .otherwise(workbench.importProgressProperty()));
        progress.visibleProperty().bind(exporting.or(workbench.importProgressProperty().greaterThanOrEqualTo(0)));
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

    private void updateTitle() {
        StringBuilder title = new StringBuilder("FactSpan");
        workbench.project().ifPresent(p -> title.append(" - ").append(ProjectActions.displayPath(p.path()))
                .append(p.isReadOnly() ? " (read-only)" : ""));
        if (workbench.document() != null) {
            title.append(" - ").append(workbench.document().title());
        }
        stage.setTitle(title.toString());
    }

    void chooseReview() {
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

    void closeReview() {
        review.close();
        article.focus();
    }

    private void showTheirs() {
        article.setTheirs(workbench.document() == null ? List.of()
                : review.theirAnnotations(workbench.document().id()));
    }

    void editNote() {
        Annotation selected = workbench.selected();
        if (selected == null) {
            return;
        }
        NoteDialog.show(stage, selected).ifPresent(workbench::changeNoteOfSelected);
        article.focus();
    }

    void commentOnAnnotation() {
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

    void changeAnnotator() {
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

    double zoom() {
        return zoom;
    }

    void setZoom(double factor) {
        zoom = Math.max(0.6, Math.min(2.5, factor));
        article.setZoom(zoom);
    }

    void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
        settings.setDarkTheme(dark);
        article.setLabels(workbench.labels(), dark);
    }

    private void error(String header, String text) {
        Alerts.error(stage, header, text);
    }
}
