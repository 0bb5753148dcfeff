package org.factspan.ui.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Decision;
import org.factspan.model.Texts;
import org.factspan.review.Agreement;
import org.factspan.review.Difference;
import org.factspan.review.Review;
import org.factspan.ui.Keys;

/**
 * The review side panel: progress, the agreement chart, the differences (filterable by category), the current
 * difference with my and their annotation and its comments, and the decision buttons, with their keys from
 * {@link Keys}.
 */
public final class ReviewPanel {

    private static final String ALL = "All differences";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final ReviewModel model;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(-1, 1, 0.5));
    private final ComboBox<String> filter = new ComboBox<>();
    private final FilteredList<ReviewModel.Item> shown;
    private final ListView<ReviewModel.Item> list = new ListView<>();
    private final VBox details = new VBox(4);
    private final Label orphans = new Label();
    private boolean syncing;

    public ReviewPanel(ReviewModel model, Runnable onClose) {
        this.model = model;
        shown = new FilteredList<>(model.items());
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Button close = new Button("Close Review");
        close.setOnAction(e -> onClose.run());
        close.setFocusTraversable(false);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox header = new HBox(8, title, spring, close);

        progressText.textProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        // A short window shrinks the panel's rows to their minimum, which for a progress bar is nothing at all.
        progress.setMinHeight(Region.USE_PREF_SIZE);
        model.decidedProperty().addListener((obs, old, now) -> updateProgress());
        model.totalProperty().addListener((obs, old, now) -> updateProgress());

        chart.setLegendVisible(true);
        // Below the plot the legend needs the chart to be 200 px plus title and legend high, or JavaFX drops it.
        chart.setLegendSide(Side.RIGHT);
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        chart.setMinHeight(180);
        chart.setCategoryGap(14);
        chart.setBarGap(1);
        Label chartTitle = new Label("Agreement by label, all paired documents");
        chartTitle.getStyleClass().add("detail-name");
        chart.getStyleClass().add("agreement-chart");

        filter.getItems().add(ALL);
        for (Difference.Category category : Difference.Category.values()) {
            filter.getItems().add(category.key());
        }
        filter.setValue(ALL);
        filter.valueProperty().addListener((obs, old, value) -> shown.setPredicate(item -> ALL.equals(value)
                || item.difference().category().key().equals(value)));
        filter.setFocusTraversable(false);
        MenuButton bulk = new MenuButton("Decide All...");
        bulk.getItems().addAll(
                bulkItem("Accept all agreements", Difference.Category.AGREE, Decision.KEEP_MINE),
                bulkItem("Keep mine for all label conflicts", Difference.Category.LABEL_CONFLICT, Decision.KEEP_MINE),
                bulkItem("Accept theirs for all label conflicts", Difference.Category.LABEL_CONFLICT,
                        Decision.ACCEPT_THEIRS),
                bulkItem("Keep mine for all boundary conflicts", Difference.Category.BOUNDARY_CONFLICT,
                        Decision.KEEP_MINE),
                bulkItem("Accept theirs for all boundary conflicts", Difference.Category.BOUNDARY_CONFLICT,
                        Decision.ACCEPT_THEIRS),
                bulkItem("Keep all only-mine annotations", Difference.Category.ONLY_MINE, Decision.KEEP_MINE),
                bulkItem("Accept all only-theirs annotations", Difference.Category.ONLY_THEIRS, Decision.ACCEPT_THEIRS),
                bulkItem("Reject all only-theirs annotations", Difference.Category.ONLY_THEIRS, Decision.KEEP_MINE));
        bulk.setFocusTraversable(false);
        HBox filters = new HBox(6, filter, bulk);

        list.setItems(shown);
        list.setCellFactory(v -> new ItemCell());
        list.setPlaceholder(new Label("No differences in this category."));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!syncing && item != null) {
                model.show(item);
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handleKey(e)) {
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(120);

        model.currentProperty().addListener((obs, old, item) -> {
            syncing = true;
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(item);
                int row = list.getSelectionModel().getSelectedIndex();
                if (row >= 0) {
                    list.scrollTo(Math.max(0, row - 2));
                }
            }
            syncing = false;
            showDetails(item);
        });
        model.marksProperty().addListener((obs, old, marks) -> {
            list.refresh();
            showDetails(model.currentProperty().get());
        });
        model.comments().addListener((javafx.collections.ListChangeListener<Comment>) c ->
                showDetails(model.currentProperty().get()));
        model.reviewProperty().addListener((obs, old, review) -> showReview(review));

        FlowPane buttons = new FlowPane(6, 6,
                decisionButton("Keep mine", Keys.KEEP_MINE, Decision.KEEP_MINE),
                decisionButton("Accept theirs", Keys.ACCEPT_THEIRS, Decision.ACCEPT_THEIRS),
                decisionButton("Accept both", Keys.ACCEPT_BOTH, Decision.ACCEPT_BOTH),
                decisionButton("Reject both", Keys.REJECT_BOTH, Decision.REJECT_BOTH),
                commentButton());
        details.getStyleClass().add("difference-details");
        details.setPadding(new Insets(6));

        orphans.setWrapText(true);
        orphans.getStyleClass().add("review-orphans");
        orphans.setVisible(false);
        orphans.setManaged(false);
        root.getChildren().addAll(header, progressText, progress, chartTitle, chart, orphans, filters, list, details,
                buttons);
        root.setPadding(new Insets(8, 10, 10, 10));
        root.getStyleClass().addAll("side-panel", "review-panel");
        showDetails(null);
    }

    public Node node() {
        return root;
    }

    public void focusList() {
        list.requestFocus();
    }

    /** The decision and comment keys, also used by the article during a review. */
    public boolean handleKey(KeyEvent event) {
        Optional<Keys> action = Keys.of(Keys.Context.REVIEW, event);
        if (!model.isOpen() || action.isEmpty()) {
            return false;
        }
        switch (action.get()) {
            case KEEP_MINE -> model.decide(Decision.KEEP_MINE);
            case ACCEPT_THEIRS -> model.decide(Decision.ACCEPT_THEIRS);
            case ACCEPT_BOTH -> model.decide(Decision.ACCEPT_BOTH);
            case REJECT_BOTH -> model.decide(Decision.REJECT_BOTH);
            case COMMENT -> {
                if (model.currentProperty().get() == null) {
                    return false;
                }
                askComment();
            }
            // F8 and Shift+F8 are the Review menu's accelerators, which work wherever the focus is.
            default -> {
                return false;
            }
        }
        return true;
    }

    private MenuItem bulkItem(String text, Difference.Category category, Decision decision) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> model.decideAll(category, decision));
        return item;
    }

    private Button decisionButton(String text, Keys key, Decision decision) {
        Button button = new Button(text + " (" + key.keyText() + ")");
        button.setOnAction(e -> model.decide(decision));
        button.disableProperty().bind(model.currentProperty().isNull());
        button.setFocusTraversable(false);
        return button;
    }

    private Button commentButton() {
        Button button = new Button("Comment... (" + Keys.COMMENT.keyText() + ")");
        button.setOnAction(e -> askComment());
        button.disableProperty().bind(model.currentProperty().isNull());
        button.setFocusTraversable(false);
        return button;
    }

    private void askComment() {
        TextInputDialog dialog = new TextInputDialog();
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setTitle("Comment");
        dialog.setHeaderText("Comment on this difference");
        dialog.setContentText("Comment:");
        dialog.showAndWait().ifPresent(model::comment);
    }

    private void showReview(Review review) {
        chart.getData().clear();
        if (review == null) {
            title.setText("");
            return;
        }
        title.setText("Reviewing " + model.theirs().getFileName());
        showOrphans(review);
        Map<String, XYChart.Series<String, Number>> series = new java.util.LinkedHashMap<>();
        for (String name : List.of("F1 exact", "F1 overlap", "kappa", "alpha_u")) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(name);
            series.put(name, s);
        }
        for (Map.Entry<String, Agreement.LabelFigures> entry : review.overall().labels().entrySet()) {
            Agreement.LabelFigures f = entry.getValue();
            add(series.get("F1 exact"), entry.getKey(), f.f1Exact());
            add(series.get("F1 overlap"), entry.getKey(), f.f1Overlap());
            add(series.get("kappa"), entry.getKey(), f.kappa());
            add(series.get("alpha_u"), entry.getKey(), f.alphaU());
        }
        chart.getData().setAll(series.values());
        Tooltip.install(chart, new Tooltip(String.format(Locale.ROOT, "Micro-averaged F1: exact %s, overlap %s."
                        + " Figures that would be 0/0 are left out.", number(review.overall().f1Exact()),
                number(review.overall().f1Overlap()))));
        updateProgress();
    }

    /**
     * Their annotations that could not be placed on my text are listed, never dropped: they are outside the
     * differences and the figures, so this is the only place the reviewer sees them.
     */
    private void showOrphans(Review review) {
        List<String> lines = new java.util.ArrayList<>();
        for (Review.ReviewedDocument document : review.documents()) {
            for (Annotation orphan : document.orphans()) {
                lines.add(orphan.label() + " \u201C" + abbreviate(orphan.quote()) + "\u201D by " + orphan.annotator()
                        + " in \u201C" + document.mine().title() + "\u201D");
            }
        }
        orphans.setVisible(!lines.isEmpty());
        orphans.setManaged(!lines.isEmpty());
        orphans.setText(lines.size() + (lines.size() == 1 ? " annotation of theirs" : " annotations of theirs")
                + " could not be placed on your text (orphans):\n" + String.join("\n", lines));
    }

    private static void add(XYChart.Series<String, Number> series, String label, Double value) {
        if (value != null) {
            series.getData().add(new XYChart.Data<>(label, value));
        }
    }

    private void updateProgress() {
        int total = model.totalProperty().get();
        progress.setProgress(total == 0 ? 1 : model.decidedProperty().get() / (double) total);
    }

    private void showDetails(ReviewModel.Item item) {
        details.getChildren().clear();
        if (item == null) {
            Label hint = new Label(model.isOpen() ? "Press " + Keys.NEXT_DIFFERENCE.keyText()
                    + " for the next difference." : "");
            hint.getStyleClass().add("empty-hint");
            details.getChildren().add(hint);
            return;
        }
        Difference d = item.difference();
        Label category = new Label(describe(d.category()) + " in \u201C" + item.document().mine().title() + "\u201D"
                + model.decision(item).map(x -> " - decided: " + x.describe()).orElse(""));
        category.getStyleClass().add("detail-name");
        category.setWrapText(true);
        details.getChildren().addAll(category, side("Mine", d.mine()), side("Theirs", d.theirs()));
        for (Comment comment : model.commentsOn(item)) {
            Label line = new Label(comment.author() + ", " + TIME.format(comment.created()) + ": " + comment.text());
            line.setWrapText(true);
            line.getStyleClass().add("review-comment");
            details.getChildren().add(line);
        }
    }

    private static Label side(String who, Annotation a) {
        Label label = new Label(who + ": " + (a == null ? "(none)" : a.label() + " [" + a.start() + ", " + a.end()
                + ") \u201C" + abbreviate(a.quote()) + "\u201D by " + a.annotator()
                + (a.note() == null ? "" : " - note: " + a.note())));
        label.setWrapText(true);
        return label;
    }

    static String describe(Difference.Category category) {
        return switch (category) {
            case AGREE -> "Agreement";
            case LABEL_CONFLICT -> "Label conflict";
            case BOUNDARY_CONFLICT -> "Boundary conflict";
            case ONLY_MINE -> "Only mine";
            case ONLY_THEIRS -> "Only theirs";
        };
    }

    private static String abbreviate(String quote) {
        return Texts.abbreviate(quote.replace('\n', ' '), 70);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A difference in the list: decided mark, category, labels and quote. */
    private final class ItemCell extends ListCell<ReviewModel.Item> {
        @Override
        protected void updateItem(ReviewModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            Difference d = item.difference();
            String labels = d.mine() != null && d.theirs() != null && !d.mine().label().equals(d.theirs().label())
                    ? d.mine().label() + " / " + d.theirs().label()
                    : (d.mine() != null ? d.mine() : d.theirs()).label();
            Annotation shown = d.mine() != null ? d.mine() : d.theirs();
            setText((model.decision(item).isPresent() ? "\u2713 " : "\u2022 ") + describe(d.category()) + ": "
                    + labels + " \u201C" + abbreviate(shown.quote()) + "\u201D");
        }
    }
}
