package org.factspan.ui.main;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.factspan.model.Document;
import org.factspan.store.DocumentSummary;
import org.factspan.ui.workbench.Workbench;

/**
 * The documents panel on the left of the annotation window: the project's documents with their annotation counts, the
 * open one selected; choosing one opens it.
 */
final class DocumentList {

    private final Workbench workbench;
    private final ListView<DocumentSummary> list = new ListView<>();
    private final VBox panel;

    DocumentList(Workbench workbench) {
        this.workbench = workbench;
        list.setItems(workbench.documents());
        list.setCellFactory(view -> new DocumentCell());
        Label noDocuments = new Label("No articles yet. Import one with File > Import Articles, or drop .txt files"
                + " here.");
        noDocuments.setWrapText(true);
        noDocuments.getStyleClass().add("empty-hint");
        list.setPlaceholder(noDocuments);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                workbench.openDocument(chosen.id());
            }
        });
        workbench.documentProperty().addListener((obs, old, document) -> selectInList(document));
        workbench.documents().addListener((ListChangeListener<DocumentSummary>) change ->
                Platform.runLater(() -> selectInList(workbench.document())));

        panel = new VBox(sectionTitle("Documents"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        panel.getStyleClass().add("side-panel");
        panel.setMinWidth(160);
    }

    Node node() {
        return panel;
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setPadding(new Insets(8, 10, 6, 10));
        return title;
    }

    private void selectInList(Document document) {
        String documentId = document == null ? null : document.id();
        for (int i = 0; i < workbench.documents().size(); i++) {
            if (workbench.documents().get(i).id().equals(documentId)) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                }
                return;
            }
        }
        list.getSelectionModel().clearSelection();
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
