package org.factspan.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/** The error alert of the annotation window, shared by the window and its project actions. */
final class Alerts {

    private Alerts() {
    }

    /** Shows an error without waiting for it to be closed; owned by {@code stage} once the window is showing. */
    static void error(Stage stage, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        if (stage.isShowing()) {
            alert.initOwner(stage);
        }
        alert.setTitle("FactSpan");
        alert.setHeaderText(header);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.show();
    }
}
