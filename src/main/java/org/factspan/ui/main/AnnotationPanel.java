package org.factspan.ui.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.geometry.Orientation;

import java.util.List;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Link;
import org.factspan.ui.workbench.Workbench;

/**
 * The right-hand side: the open document's annotations in a table that filters by label and text, and the details
 * of the selected one. Selecting a row selects the annotation in the article; double-clicking scrolls to it.
 */
final class AnnotationPanel {

    private static final String ALL_LABELS = "All labels";
    private static final javafx.css.PseudoClass EMPTY = javafx.css.PseudoClass.getPseudoClass("empty");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final Workbench workbench;
    private final TableView<Annotation> table = new TableView<>();
    /** Null while nothing is filtered or sorted; see {@link #chooseItems()}. */
    private FilteredList<Annotation> filtered;
    private SortedList<Annotation> sorted;
    private final ComboBox<String> labelFilter = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final GridPane details = new GridPane();
    private final SplitPane root = new SplitPane();
    private boolean syncing;
    private boolean detailsPending;

    AnnotationPanel(Workbench workbench) {
        this.workbench = workbench;
        table.setItems(workbench.annotations());
        // Sorting is done by a SortedList, never in place: the workbench's list must stay in reading order.
        table.setSortPolicy(t -> {
            chooseItems();
            return true;
        });
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<Annotation, ?>>) c ->
                chooseItems());
        table.setPlaceholder(new Label("No annotations.\nSelect text in the article and press 1-4."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Rows of one line each: a fixed height spares the table from measuring rows on every scroll.
        table.setFixedCellSize(30);
        table.getColumns().add(labelColumn());
        table.getColumns().add(column("Quote", a -> oneLine(a.quote()), 200));
        TableColumn<Annotation, String> annotator = column("Annotator", Annotation::annotator, 90);
        annotator.setMinWidth(90);
        table.getColumns().add(annotator);
        TableColumn<Annotation, Integer> position = new TableColumn<>("Position");
        position.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().start()));
        position.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                Annotation a = empty ? null : getTableRow().getItem();
                setText(a == null ? null : a.start() + "-" + a.end());
            }
        });
        position.setPrefWidth(80);
        position.setMinWidth(80);
        table.getColumns().add(position);
        TableColumn<Annotation, Integer> links = new TableColumn<>("Links");
        links.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(workbench.linksOf(c.getValue().id()).size()));
        // Wide enough for its header: a count needs less, but "Li..." says nothing.
        links.setPrefWidth(64);
        links.setMinWidth(64);
        table.getColumns().add(links);
        // A link changes no annotation, so no row would redraw its count by itself; links change rarely.
        workbench.links().addListener((ListChangeListener<Link>) c -> {
            table.refresh();
            showDetailsSoon();
        });
        table.setRowFactory(t -> {
            TableRow<Annotation> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    workbench.select(row.getItem());
                }
            });
            return row;
        });

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (!syncing && chosen != null) {
                syncing = true;
                workbench.selectedProperty().set(chosen);
                syncing = false;
            }
        });
        // An edit may change what the details show without changing the selection (a comment).
        workbench.addStepListener(step -> showDetailsSoon());
        // The table follows what the text is asked to show (navigation, undo, a click), not every selection: a
        // freshly tagged span is in sight in the text, and scrolling the table costs a layout pass per tag.
        workbench.revealProperty().addListener((obs, old, span) -> {
            if (span != null && workbench.selected() != null) {
                scrollIntoView(table.getSelectionModel().getSelectedIndex());
            }
        });
        workbench.selectedProperty().addListener((obs, old, now) -> {
            showDetailsSoon();
            if (!syncing) {
                syncing = true;
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else if (filtered == null) {
                    // The table shows the workbench's list in reading order: find the row by binary search, not by
                    // comparing every annotation.
                    int row = java.util.Collections.binarySearch(workbench.annotations(), now, org.factspan.model.Annotation.READING_ORDER);
                    table.getSelectionModel().clearAndSelect(row >= 0 ? row : table.getItems().indexOf(now));
                } else {
                    table.getSelectionModel().select(now);
                }
                syncing = false;
            }
        });

        labelFilter.getItems().add(ALL_LABELS);
        labelFilter.setValue(ALL_LABELS);
        workbench.labels().addListener((ListChangeListener<org.factspan.model.Label>) c -> {
            labelFilter.getItems().setAll(ALL_LABELS);
            workbench.labels().forEach(l -> labelFilter.getItems().add(l.name()));
            labelFilter.setValue(ALL_LABELS);
        });
        textFilter.setPromptText("Filter by text");
        labelFilter.valueProperty().addListener((obs, old, v) -> refilter());
        textFilter.textProperty().addListener((obs, old, v) -> refilter());
        HBox.setHgrow(textFilter, Priority.ALWAYS);
        HBox filters = new HBox(6, labelFilter, textFilter);
        filters.setPadding(new Insets(6));

        VBox top = new VBox(filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        details.getStyleClass().add("details");
        details.setHgap(10);
        details.setVgap(6);
        details.setPadding(new Insets(10));
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        details.getColumnConstraints().addAll(names, values);
        buildDetails();
        showDetails(null);

        root.setOrientation(Orientation.VERTICAL);
        root.getItems().addAll(new LayoutBoundary(top), new LayoutBoundary(details));
        root.setDividerPositions(0.68);
        root.setMinWidth(260);
        root.getStyleClass().add("side-panel");
    }

    Node node() {
        return root;
    }

    /**
     * Scrolls only when the row is out of sight: {@code TableView.scrollTo} re-measures rows every time, which was
     * most of the time a tag took on a long article.
     */
    private void scrollIntoView(int row) {
        if (row < 0) {
            return;
        }
        if (table.getSkin() instanceof TableViewSkin<?> skin) {
            VirtualFlow<?> flow = (VirtualFlow<?>) skin.getChildren().stream().filter(VirtualFlow.class::isInstance)
                    .findFirst().orElse(null);
            if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                    && row > flow.getFirstVisibleCell().getIndex() && row < flow.getLastVisibleCell().getIndex()) {
                return;
            }
        }
        table.scrollTo(Math.max(0, row - 3));
    }

    private void refilter() {
        chooseItems();
        if (filtered != null) {
            String label = labelFilter.getValue();
            String text = textFilter.getText() == null ? "" : textFilter.getText().strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(a -> (label == null || ALL_LABELS.equals(label) || a.label().equals(label))
                    && (text.isEmpty() || a.quote().toLowerCase(Locale.ROOT).contains(text)
                    || (a.note() != null && a.note().toLowerCase(Locale.ROOT).contains(text))));
        }
    }

    /**
     * Shows the workbench's list itself while nothing is filtered or sorted, and a filtered, sorted view of it
     * otherwise. The view lists re-process every insertion; on a long article that was a good part of the time a tag
     * took, for a table that usually shows the annotations in reading order anyway.
     */
    private void chooseItems() {
        boolean plain = (labelFilter.getValue() == null || ALL_LABELS.equals(labelFilter.getValue()))
                && (textFilter.getText() == null || textFilter.getText().isBlank()) && table.getSortOrder().isEmpty();
        if (plain && filtered != null) {
            sorted.comparatorProperty().unbind();
            filtered = null;
            sorted = null;
            table.setItems(workbench.annotations());
            reselect();
        } else if (!plain && filtered == null) {
            filtered = new FilteredList<>(workbench.annotations());
            sorted = new SortedList<>(filtered);
            sorted.comparatorProperty().bind(table.comparatorProperty());
            table.setItems(sorted);
            reselect();
        }
    }

    private void reselect() {
        Annotation selected = workbench.selected();
        if (selected != null) {
            syncing = true;
            table.getSelectionModel().select(selected);
            syncing = false;
        }
    }

    /** The details' value labels, made once: selecting an annotation only sets their texts. */
    private final Label detailLabel = value(false);
    private final Label detailQuote = value(true);
    private final Label detailPosition = value(false);
    private final Label detailAnnotator = value(false);
    private final Label detailCreated = value(false);
    private final Label detailModified = value(false);
    private final Label detailNote = value(true);
    private final Label detailComments = value(true);
    private final VBox detailLinks = new VBox(2);
    private final Label detailHint = new Label("Select an annotation to see its details.");

    private void buildDetails() {
        detailHint.getStyleClass().add("empty-hint");
        String[] names = {"Label", "Quote", "Position", "Annotator", "Created", "Modified", "Note", "Comments",
            "Links"};
        Node[] values = {detailLabel, detailQuote, detailPosition, detailAnnotator, detailCreated, detailModified,
            detailNote, detailComments, detailLinks};
        detailLinks.getStyleClass().add("detail-links");
        for (int row = 0; row < names.length; row++) {
            Node name = name(names[row]);
            // A name stays beside the first line of a value that runs over several (links, a long quote).
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            details.add(name, 0, row);
            details.add(values[row], 1, row);
        }
        details.add(detailHint, 0, names.length, 2, 1);
    }

    /**
     * Shows the selected annotation's details once after the current event: a tag both edits and selects, and the
     * comments come from the project file.
     */
    private void showDetailsSoon() {
        if (!detailsPending) {
            detailsPending = true;
            Platform.runLater(() -> {
                detailsPending = false;
                showDetails(workbench.selected());
            });
        }
    }

    private void showDetails(Annotation a) {
        details.getChildren().forEach(child -> child.setVisible(a != null));
        detailHint.setVisible(a == null);
        detailHint.setManaged(a == null);
        if (a == null) {
            return;
        }
        detailLabel.setText(a.label());
        detailQuote.setText("\u201C" + a.quote() + "\u201D");
        detailPosition.setText(a.start() + " - " + a.end() + " (code points)");
        detailAnnotator.setText(a.annotator());
        detailCreated.setText(TIME.format(a.created()));
        detailModified.setText(TIME.format(a.modified()));
        detailNote.setText(a.note() == null ? "(none - press Enter to add one)" : a.note());
        detailNote.pseudoClassStateChanged(EMPTY, a.note() == null);
        List<Comment> comments = workbench.commentsOn(a.id());
        detailComments.setText(comments.isEmpty() ? "(none)" : comments.stream()
                .map(c -> c.author() + ", " + TIME.format(c.created()) + ": " + c.text())
                .collect(java.util.stream.Collectors.joining("\n")));
        detailComments.pseudoClassStateChanged(EMPTY, comments.isEmpty());
        showLinks(a);
    }

    /** One line per link, "source -> “partner”" or "<-" when it ends here; clicking selects the partner. */
    private void showLinks(Annotation a) {
        detailLinks.getChildren().clear();
        List<Link> links = workbench.linksOf(a.id());
        if (links.isEmpty()) {
            Label none = value(false);
            none.setText("(none - press L to link)");
            none.pseudoClassStateChanged(EMPTY, true);
            detailLinks.getChildren().add(none);
            return;
        }
        for (Link link : links) {
            boolean outgoing = link.from().equals(a.id());
            String partnerId = outgoing ? link.to() : link.from();
            Annotation partner = workbench.annotations().stream().filter(p -> p.id().equals(partnerId)).findFirst()
                    .orElse(null);
            Hyperlink line = new Hyperlink(link.type() + (outgoing ? " -> " : " <- ")
                    + (partner == null ? "?" : "\u201C" + oneLine(partner.quote()) + "\u201D"));
            line.getStyleClass().add("detail-link");
            line.setWrapText(true);
            line.setFocusTraversable(false);
            line.setOnAction(e -> {
                if (partner != null) {
                    workbench.select(partner);
                }
            });
            detailLinks.getChildren().add(line);
        }
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("detail-name");
        return label;
    }

    /** Only free text wraps: measuring wrapped labels is most of what the details pane costs a tag. */
    private static Label value(boolean wrap) {
        Label label = new Label();
        label.setWrapText(wrap);
        label.getStyleClass().add("detail-value");
        return label;
    }

    private static String oneLine(String quote) {
        return quote.replace('\n', ' ');
    }

    private TableColumn<Annotation, String> labelColumn() {
        TableColumn<Annotation, String> column = new TableColumn<>("Label");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        column.setCellFactory(c -> new TableCell<>() {
            // One swatch per cell, recoloured: every insertion updates every visible row.
            private final Rectangle swatch = new Rectangle(10, 10);

            {
                swatch.setArcWidth(3);
                swatch.setArcHeight(3);
            }

            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                if (empty || label == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(label);
                swatch.setFill(colorOf(label));
                setGraphic(swatch);
            }
        });
        column.setPrefWidth(110);
        column.setMinWidth(100);
        return column;
    }

    private Color colorOf(String label) {
        for (org.factspan.model.Label l : workbench.labels()) {
            if (l.name().equals(label)) {
                return Color.web(l.color());
            }
        }
        return Color.GRAY;
    }

    private static TableColumn<Annotation, String> column(String title,
                                                          java.util.function.Function<Annotation, String> value,
                                                          double width) {
        TableColumn<Annotation, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
