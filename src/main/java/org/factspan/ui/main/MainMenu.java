package org.factspan.ui.main;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.factspan.model.Decision;
import org.factspan.model.Label;
import org.factspan.ui.Keys;
import org.factspan.ui.Settings;
import org.factspan.ui.article.ArticleView;
import org.factspan.ui.review.ReviewModel;
import org.factspan.ui.workbench.Workbench;

/**
 * The annotation window's menu bar (File, Edit, View, Review, Help), the Help dialogs, and the View menu's show/hide
 * item per label, which follows the project's labels.
 */
final class MainMenu {

    private final MainWindow window;
    private final Stage stage;
    private final Workbench workbench;
    private final Menu showLabelsMenu = new Menu("Show _Labels");
    private final MenuBar bar;
    private final Map<KeyCombination, Runnable> moreAccelerators = new LinkedHashMap<>();

    MainMenu(MainWindow window, Stage stage, Workbench workbench, Settings settings, ArticleView article,
             ReviewModel review, ProjectActions actions) {
        this.window = window;
        this.stage = stage;
        this.workbench = workbench;

        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New Project...", Keys.NEW_PROJECT, actions::newProject),
                item("_Open Project...", Keys.OPEN_PROJECT, actions::chooseProject),
                actions.recentMenu(),
                new SeparatorMenuItem(),
                item("_Import Articles...", Keys.IMPORT, actions::chooseArticles),
                item("_Export...", Keys.EXPORT, actions::chooseExport),
                new SeparatorMenuItem(),
                item("_Quit", Keys.QUIT, Platform::exit));

        MenuItem undo = item("_Undo", Keys.UNDO, workbench::undo);
        undo.textProperty().bind(workbench.undoTextProperty());
        undo.disableProperty().bind(workbench.canUndoProperty().not());
        MenuItem redo = item("_Redo", Keys.REDO, workbench::redo);
        redo.textProperty().bind(workbench.redoTextProperty());
        redo.disableProperty().bind(workbench.canRedoProperty().not());
        MenuItem delete = item("_Delete Annotation", Keys.DELETE_ANNOTATION, workbench::deleteSelected);
        MenuItem note = item("Edit _Note...", Keys.EDIT_NOTE, window::editNote);
        MenuItem comment = item("_Comment on Annotation...", window::commentOnAnnotation);
        comment.disableProperty().bind(workbench.selectedProperty().isNull());
        delete.disableProperty().bind(workbench.selectedProperty().isNull());
        note.disableProperty().bind(workbench.selectedProperty().isNull());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), delete, note, comment, new SeparatorMenuItem(),
                item("_Find...", Keys.FIND, article::showFind),
                new SeparatorMenuItem(),
                item("Annotator _Name...", window::changeAnnotator));

        CheckMenuItem darkTheme = new CheckMenuItem("_Dark Theme");
        darkTheme.setSelected(settings.darkTheme());
        accelerate(darkTheme, Keys.DARK_THEME);
        darkTheme.setOnAction(e -> window.applyTheme(darkTheme.isSelected()));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom _In", Keys.ZOOM_IN, () -> window.setZoom(window.zoom() * 1.1)),
                item("Zoom _Out", Keys.ZOOM_OUT, () -> window.setZoom(window.zoom() / 1.1)),
                item("_Actual Size", Keys.ACTUAL_SIZE, () -> window.setZoom(1.0)),
                new SeparatorMenuItem(), darkTheme, showLabelsMenu);

        Menu reviewMenu = new Menu("_Review");
        MenuItem next = item("_Next Difference", Keys.NEXT_DIFFERENCE, review::next);
        MenuItem previous = item("_Previous Difference", Keys.PREVIOUS_DIFFERENCE, review::previous);
        MenuItem keep = item("_Keep Mine  (" + Keys.KEEP_MINE.keyText() + ")",
                () -> review.decide(Decision.KEEP_MINE));
        MenuItem accept = item("Accept _Theirs  (" + Keys.ACCEPT_THEIRS.keyText() + ")",
                () -> review.decide(Decision.ACCEPT_THEIRS));
        MenuItem both = item("Accept _Both  (" + Keys.ACCEPT_BOTH.keyText() + ")",
                () -> review.decide(Decision.ACCEPT_BOTH));
        MenuItem reject = item("Reject Both  (_" + Keys.REJECT_BOTH.keyText() + ")",
                () -> review.decide(Decision.REJECT_BOTH));
        MenuItem closeReview = item("_Close Review", window::closeReview);
        var noReview = review.reviewProperty().isNull();
        for (MenuItem reviewItem : List.of(next, previous, keep, accept, both, reject, closeReview)) {
            reviewItem.disableProperty().bind(noReview);
        }
        reviewMenu.getItems().addAll(item("_Review Colleague's File...", Keys.REVIEW, window::chooseReview),
                new SeparatorMenuItem(), next, previous, new SeparatorMenuItem(), keep, accept, both, reject,
                new SeparatorMenuItem(), closeReview);

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard Shortcuts", Keys.SHORTCUTS, this::showShortcuts), item("_About FactSpan",
                this::showAbout));

        bar = new MenuBar(file, edit, view, reviewMenu, help);
        bar.setUseSystemMenuBar(true);
    }

    MenuBar node() {
        return bar;
    }

    /** One show/hide item per label of the project. */
    void rebuildShowLabels() {
        showLabelsMenu.getItems().clear();
        for (Label label : workbench.labels()) {
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
    }

    /**
     * The accelerators beyond each item's first (Ctrl+Y for redo): a menu item has one, so the window's scene
     * takes these.
     */
    Map<KeyCombination, Runnable> moreAccelerators() {
        return moreAccelerators;
    }

    private MenuItem item(String text, Keys keys, Runnable action) {
        MenuItem item = item(text, action);
        accelerate(item, keys);
        for (KeyCombination more : keys.combinations().subList(1, keys.combinations().size())) {
            moreAccelerators.put(more, action);
        }
        return item;
    }

    /** The user data names the table's action, so a test can hold each accelerator against the table. */
    private static void accelerate(MenuItem item, Keys keys) {
        item.setAccelerator(keys.accelerator());
        item.setUserData(keys);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * Help > Keyboard Shortcuts: the key table as a two-column grid (keys, what they do) under a heading per context,
     * scrolling where the screen is too short for all of it.
     */
    private void showShortcuts() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(3);
        int row = 0;
        for (Keys.HelpLine line : Keys.helpLines(workbench.labels())) {
            if (line.heading() != null) {
                javafx.scene.control.Label heading = new javafx.scene.control.Label(line.heading());
                heading.getStyleClass().add("shortcuts-heading");
                heading.setPadding(new javafx.geometry.Insets(row == 0 ? 0 : 10, 0, 2, 0));
                grid.add(heading, 0, row++, 2, 1);
            } else {
                javafx.scene.control.Label keys = new javafx.scene.control.Label(line.keys());
                keys.getStyleClass().add("shortcuts-keys");
                // Keys are short and must be read whole; the description wraps instead.
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                javafx.scene.layout.GridPane.setValignment(keys, javafx.geometry.VPos.TOP);
                javafx.scene.control.Label help = new javafx.scene.control.Label(line.help());
                help.setWrapText(true);
                help.setMaxWidth(420);
                grid.add(keys, 0, row);
                grid.add(help, 1, row++);
            }
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, stage.getHeight() * 0.7));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Keyboard Shortcuts");
        alert.setHeaderText("FactSpan keyboard shortcuts");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setMinWidth(600);
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
}
