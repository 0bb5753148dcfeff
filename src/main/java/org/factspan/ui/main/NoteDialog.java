package org.factspan.ui.main;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

import org.factspan.model.Annotation;
import org.factspan.model.Texts;
import org.factspan.ui.Keys;

/** Edits the note of one annotation: {@link Keys#SAVE_NOTE} saves, Escape cancels, Enter starts a new line. */
final class NoteDialog {

    private NoteDialog() {
    }

    static Optional<String> show(Window owner, Annotation annotation) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Note");
        dialog.setHeaderText("Note on " + annotation.label() + ": \"" + abbreviate(annotation.quote()) + "\"");
        TextArea text = new TextArea(annotation.note() == null ? "" : annotation.note());
        text.setWrapText(true);
        text.setPrefRowCount(5);
        text.setPrefColumnCount(40);
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Keys.SAVE_NOTE.matches(e)) {
                dialog.setResult(text.getText());
                dialog.close();
                e.consume();
            }
        });
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? text.getText() : null);
        Platform.runLater(text::requestFocus);
        return dialog.showAndWait();
    }

    private static String abbreviate(String quote) {
        return Texts.abbreviate(quote, 60);
    }
}
