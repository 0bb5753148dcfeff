package org.factspan.ui.review;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.factspan.edit.Change;
import org.factspan.model.Annotation;
import org.factspan.model.Comment;
import org.factspan.model.Decision;
import org.factspan.model.FactSpanException;
import org.factspan.model.ReviewMark;
import org.factspan.review.Adjudicator;
import org.factspan.review.Difference;
import org.factspan.review.Review;
import org.factspan.review.ReviewSide;
import org.factspan.store.ProjectStore;
import org.factspan.ui.Tasks;
import org.factspan.ui.workbench.Workbench;

/**
 * The state and actions of a review of a colleague's file, without controls: the computed {@link Review}, the
 * difference being looked at, the decisions recorded so far, and the comments.
 *
 * <p>The differences are those computed when the review was opened; deciding one edits my project (through the
 * workbench, so it is undoable like any edit) and marks it decided, and undoing the decision removes the mark. When the
 * review is opened again later, the differences are computed afresh and the marks tell which are already decided.
 */
public final class ReviewModel {

    /** One difference with the document it is in. */
    public record Item(Review.ReviewedDocument document, Difference difference) {
    }

    private final Workbench workbench;
    private final Tasks tasks;
    private final Clock clock;
    private final ObjectProperty<Review> review = new SimpleObjectProperty<>(this, "review");
    private final ObjectProperty<Item> current = new SimpleObjectProperty<>(this, "current");
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Comment> comments = FXCollections.observableArrayList();
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final IntegerProperty decided = new SimpleIntegerProperty(this, "decided");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final ObjectProperty<Map<String, ReviewMark>> marks = new SimpleObjectProperty<>(this, "marks", Map.of());
    private Path theirs;
    private Adjudicator adjudicator;

    public ReviewModel(Workbench workbench, Tasks tasks, Clock clock) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.clock = clock;
        workbench.addStepListener(step -> refresh());
        workbench.documentProperty().addListener((obs, old, doc) -> refreshComments());
        workbench.projectProperty().addListener((obs, old, project) -> close());
    }

    /**
     * Compares the colleague's file with my project, reading their file in the background; {@code failed} gets the
     * one sentence that says why it cannot be reviewed.
     */
    public void open(Path file, Runnable opened, java.util.function.Consumer<String> failed) {
        ProjectStore store = workbench.project().orElseThrow();
        ReviewSide mine = ReviewSide.load(store, store.path());
        tasks.run(progress -> Review.compare(mine, ReviewSide.open(file)), progress -> { }, computed -> {
            if (workbench.project().orElse(null) != store) {
                return; // another project was opened meanwhile; this review was of the one before
            }
            theirs = file;
            adjudicator = new Adjudicator(store, file, workbench.annotator());
            List<Item> all = new ArrayList<>();
            for (Review.ReviewedDocument document : computed.documents()) {
                document.differences().stream().sorted(Comparator.comparingInt(Difference::start))
                        .forEach(d -> all.add(new Item(document, d)));
            }
            items.setAll(all);
            review.set(computed);
            refresh();
            current.set(null);
            opened.run();
        }, e -> failed.accept(e instanceof FactSpanException ? e.getMessage()
                : "The review could not be computed: " + e.getMessage()));
    }

    public void close() {
        review.set(null);
        items.clear();
        comments.clear();
        current.set(null);
        theirs = null;
        adjudicator = null;
        progress.set("");
    }

    public ReadOnlyObjectProperty<Review> reviewProperty() {
        return review;
    }

    public boolean isOpen() {
        return review.get() != null;
    }

    public Path theirs() {
        return theirs;
    }

    /** Every difference of every paired document, by document and position. */
    public ObservableList<Item> items() {
        return items;
    }

    public ReadOnlyObjectProperty<Item> currentProperty() {
        return current;
    }

    /** The decisions recorded so far, by annotation id. */
    public ReadOnlyObjectProperty<Map<String, ReviewMark>> marksProperty() {
        return marks;
    }

    /** "12 of 40 differences decided". */
    public StringProperty progressProperty() {
        return progress;
    }

    public IntegerProperty decidedProperty() {
        return decided;
    }

    /** Every difference of the review, including those decisions have made disappear. */
    public IntegerProperty totalProperty() {
        return total;
    }

    /** The comments on the open document. */
    public ObservableList<Comment> comments() {
        return comments;
    }

    /** Their annotations placed on my text of {@code documentId} (for drawing), or empty outside a review. */
    public List<Annotation> theirAnnotations(String documentId) {
        Review computed = review.get();
        if (computed == null) {
            return List.of();
        }
        return computed.documents().stream().filter(d -> d.mine().id().equals(documentId))
                .flatMap(d -> d.differences().stream()).map(Difference::theirs)
                .filter(java.util.Objects::nonNull).toList();
    }

    public Optional<Decision> decision(Item item) {
        Map<String, ReviewMark> known = marks.get();
        Difference d = item.difference();
        return Optional.ofNullable(d.mine() == null ? null : known.get(d.mine().id()))
                .or(() -> Optional.ofNullable(d.theirs() == null ? null : known.get(d.theirs().id())))
                .map(ReviewMark::decision);
    }

    // ---- navigation -----------------------------------------------------------------------------------------------

    /** F8: the next undecided difference after the current one (across documents), wrapping around. */
    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    /** Steps to the nearest undecided difference in that direction, or to the adjacent one when all are decided. */
    private void step(int direction) {
        if (items.isEmpty()) {
            return;
        }
        int at = current.get() == null ? (direction > 0 ? -1 : 0) : items.indexOf(current.get());
        for (int k = 1; k <= items.size(); k++) {
            Item candidate = items.get(Math.floorMod(at + direction * k, items.size()));
            if (decision(candidate).isEmpty()) {
                show(candidate);
                return;
            }
        }
        show(items.get(Math.floorMod(at + direction, items.size())));
    }

    /** Makes {@code item} the current difference, opening its document and selecting my annotation in it. */
    public void show(Item item) {
        current.set(item);
        if (item == null) {
            return;
        }
        workbench.openDocument(item.document().mine().id());
        Difference d = item.difference();
        Annotation mine = d.mine() == null ? null : workbench.annotations().stream()
                .filter(a -> a.id().equals(d.mine().id())).findFirst().orElse(null);
        if (mine != null) {
            workbench.select(mine);
        } else {
            workbench.select(null);
            workbench.revealSpan(d.theirs() != null ? d.theirs().span() : d.mine().span());
        }
    }

    // ---- decisions ------------------------------------------------------------------------------------------------

    /** Decides the current difference, then moves to the next one. */
    public void decide(Decision decision) {
        Item item = current.get();
        if (item == null || adjudicator == null) {
            return;
        }
        if (decision(item).isPresent()) {
            workbench.messageProperty().set("This difference is already decided (" + decision(item).get().describe()
                    + "); undo the decision to change it.");
            return;
        }
        if (apply(decision.describe(), List.of(item.difference()), decision)) {
            next();
        }
    }

    /** Decides every undecided difference of one category at once, e.g. accept all agreements. */
    public void decideAll(Difference.Category category, Decision decision) {
        List<Difference> all = items.stream().map(Item::difference).filter(d -> d.category() == category).toList();
        apply(decision.describe() + " for all " + category.key().replace('_', ' ') + "s", all, decision);
    }

    private boolean apply(String description, List<Difference> differences, Decision decision) {
        if (adjudicator == null) {
            return false;
        }
        List<Change> changes = adjudicator.changes(differences, decision, org.factspan.model.Timestamps.now(clock));
        if (changes.isEmpty()) {
            workbench.messageProperty().set("Nothing left to decide there.");
            return false;
        }
        return workbench.perform(description, changes);
    }

    /** Leaves a comment on the current difference (on my annotation if I have one there, else on theirs). */
    public void comment(String text) {
        Item item = current.get();
        if (item == null) {
            return;
        }
        Difference d = item.difference();
        workbench.comment(item.document().mine().id(), d.mine() != null ? d.mine().id() : d.theirs().id(), text);
    }

    /** The comments on the current difference. */
    public List<Comment> commentsOn(Item item) {
        if (item == null) {
            return List.of();
        }
        Difference d = item.difference();
        return comments.stream().filter(c -> (d.mine() != null && c.target().equals(d.mine().id()))
                || (d.theirs() != null && c.target().equals(d.theirs().id()))).toList();
    }

    private void refresh() {
        refreshComments();
        if (adjudicator == null) {
            return;
        }
        Map<String, ReviewMark> now = adjudicator.marks();
        marks.set(now);
        int[] counts = Adjudicator.progress(items.stream().map(Item::difference).toList(), now);
        decided.set(counts[0]);
        total.set(counts[1]);
        progress.set(counts[0] + " of " + counts[1] + " differences decided");
    }

    private void refreshComments() {
        ProjectStore store = workbench.project().orElse(null);
        if (store == null || workbench.document() == null) {
            comments.clear();
            return;
        }
        comments.setAll(store.comments(workbench.document().id()));
    }
}
