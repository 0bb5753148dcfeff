package org.factspan.ui.main;

import java.util.List;
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

    MainMenu(MainWindow window, Stage stage, Workbench workbench, Settings settings, ArticleView article,
             ReviewModel review, ProjectActions actions) {
        this.window = window;
        this.stage = stage;
        this.workbench = workbench;

        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New Project...", "Shortcut+N", actions::newProject),
                item("_Open Project...", "Shortcut+O", actions::chooseProject),
                actions.recentMenu(),
                new SeparatorMenuItem(),
                item("_Import Articles...", "Shortcut+I", actions::chooseArticles),
                item("_Export...", "Shortcut+E", actions::chooseExport),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", Platform::exit));

        MenuItem undo = item("_Undo", "Shortcut+Z", workbench::undo);
        undo.textProperty().bind(workbench.undoTextProperty());
        undo.disableProperty().bind(workbench.canUndoProperty().not());
        MenuItem redo = item("_Redo", "Shortcut+Shift+Z", workbench::redo);
        redo.textProperty().bind(workbench.redoTextProperty());
        redo.disableProperty().bind(workbench.canRedoProperty().not());
        MenuItem delete = item("_Delete Annotation", "Delete", workbench::deleteSelected);
        MenuItem note = item("Edit _Note...", "Enter", window::editNote);
        MenuItem comment = item("_Comment on Annotation...", null, window::commentOnAnnotation);
        comment.disableProperty().bind(workbench.selectedProperty().isNull());
        delete.disableProperty().bind(workbench.selectedProperty().isNull());
        note.disableProperty().bind(workbench.selectedProperty().isNull());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), delete, note, comment, new SeparatorMenuItem(),
                item("_Find...", "Shortcut+F", article::showFind),
                new SeparatorMenuItem(),
                item("Annotator _Name...", null, window::changeAnnotator));

        CheckMenuItem darkTheme = new CheckMenuItem("_Dark Theme");
        darkTheme.setSelected(settings.darkTheme());
        darkTheme.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        darkTheme.setOnAction(e -> window.applyTheme(darkTheme.isSelected()));
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom _In", "Shortcut+Equals", () -> window.setZoom(window.zoom() * 1.1)),
                item("Zoom _Out", "Shortcut+Minus", () -> window.setZoom(window.zoom() / 1.1)),
                item("_Actual Size", "Shortcut+0", () -> window.setZoom(1.0)),
                new SeparatorMenuItem(), darkTheme, showLabelsMenu);

        Menu reviewMenu = new Menu("_Review");
        MenuItem next = item("_Next Difference", "F8", review::next);
        MenuItem previous = item("_Previous Difference", "Shift+F8", review::previous);
        MenuItem keep = item("_Keep Mine  (K)", null, () -> review.decide(Decision.KEEP_MINE));
        MenuItem accept = item("Accept _Theirs  (T)", null, () -> review.decide(Decision.ACCEPT_THEIRS));
        MenuItem both = item("Accept _Both  (B)", null, () -> review.decide(Decision.ACCEPT_BOTH));
        MenuItem reject = item("Reject Both  (_X)", null, () -> review.decide(Decision.REJECT_BOTH));
        MenuItem closeReview = item("_Close Review", null, window::closeReview);
        var noReview = review.reviewProperty().isNull();
        for (MenuItem reviewItem : List.of(next, previous, keep, accept, both, reject, closeReview)) {
            reviewItem.disableProperty().bind(noReview);
        }
        reviewMenu.getItems().addAll(item("_Review Colleague's File...", "Shortcut+R", window::chooseReview),
                new SeparatorMenuItem(), next, previous, new SeparatorMenuItem(), keep, accept, both, reject,
                new SeparatorMenuItem(), closeReview);

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard Shortcuts", "F1", this::showShortcuts), item("_About FactSpan", null,
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

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
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
}
