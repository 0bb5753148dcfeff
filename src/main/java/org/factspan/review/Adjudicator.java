package org.factspan.review;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.factspan.edit.Change;
import org.factspan.edit.Edit;
import org.factspan.model.Annotation;
import org.factspan.model.Decision;
import org.factspan.model.Provenance;
import org.factspan.model.ReviewMark;
import org.factspan.store.ProjectStore;

/**
 * Turns a reviewer's decision on a difference into the changes it makes to MY project, for the editor to perform as
 * one undoable step.
 *
 * <p>What each decision keeps:
 * <pre>
 *                   my annotation   their annotation
 *   keep mine       kept            not taken
 *   accept theirs   deleted         added (with its annotator and times, and provenance)
 *   accept both     kept            added
 *   reject both     deleted         not taken
 * </pre>
 * An agreement changes nothing unless both are rejected. Every annotation the difference involves gets a
 * {@link ReviewMark}, which is how the review's progress survives closing the app: a difference whose annotations
 * carry a mark is decided, and it stays decided when the review is computed again - an accepted annotation keeps
 * their id, so it is found agreeing with itself and marked.
 */
public final class Adjudicator {

    private final ProjectStore store;
    private final String review;
    private final String source;
    private final String reviewer;

    /**
     * @param theirs   the colleague's file under review
     * @param reviewer who decides (my annotator name)
     */
    public Adjudicator(ProjectStore store, Path theirs, String reviewer) {
        this.store = store;
        this.review = key(theirs);
        this.source = theirs.getFileName().toString();
        this.reviewer = reviewer;
    }

    /** How decisions of a review are filed: the absolute path of the colleague's file. */
    public static String key(Path theirs) {
        return theirs.toAbsolutePath().normalize().toString();
    }

    public String review() {
        return review;
    }

    /** The decisions recorded so far in this review, by annotation id. */
    public Map<String, ReviewMark> marks() {
        return store.reviewMarks(review);
    }

    /**
     * "decided of total" for a review whose differences are {@code differences} now: every decision counts once
     * (by its difference id), and the differences no decision covers are the rest. Differences computed again after
     * decisions regroup (accepting theirs turns a conflict into an agreement; rejecting an only-mine one removes
     * it), so counting decided differences directly would change with every reopening.
     */
    public static int[] progress(List<Difference> differences, Map<String, ReviewMark> marks) {
        long open = differences.stream().filter(d -> !decided(d, marks)).count();
        int decisions = (int) marks.values().stream().map(ReviewMark::difference).distinct().count();
        return new int[] {decisions, (int) open + decisions};
    }

    /** Whether a decision covers this difference, given {@link #marks()}. */
    public static boolean decided(Difference difference, Map<String, ReviewMark> marks) {
        return (difference.mine() != null && marks.containsKey(difference.mine().id()))
                || (difference.theirs() != null && marks.containsKey(difference.theirs().id()));
    }

    /**
     * The changes that carry out {@code decision} on each undecided one of {@code differences}, as one step; empty
     * when all are decided. A decision is changed by undoing it, never by deciding again, since the first decision
     * may have deleted the annotation the second would keep.
     */
    public List<Change> changes(List<Difference> differences, Decision decision, Instant now) {
        Map<String, ReviewMark> marks = marks();
        Set<String> taken = new LinkedHashSet<>();
        List<Change> changes = new ArrayList<>();
        for (Difference difference : differences) {
            if (!decided(difference, marks)) {
                changes.addAll(changes(difference, decision, now, marks, taken));
            }
        }
        return changes;
    }

    private List<Change> changes(Difference difference, Decision decision, Instant now, Map<String, ReviewMark> marks,
                                 Set<String> taken) {
        List<Change> changes = new ArrayList<>();
        Annotation mine = difference.mine() == null ? null : store.annotation(difference.mine().id()).orElse(null);
        Annotation theirs = difference.theirs();
        boolean agree = difference.category() == Difference.Category.AGREE;
        boolean keepMine = decision == Decision.KEEP_MINE || decision == Decision.ACCEPT_BOTH
                || (agree && decision == Decision.ACCEPT_THEIRS);
        boolean takeTheirs = !agree && (decision == Decision.ACCEPT_THEIRS || decision == Decision.ACCEPT_BOTH);

        if (mine != null && !keepMine) {
            // A provenance is forgotten before its annotation goes, so that undo restores both.
            store.provenanceOf(mine.id()).ifPresent(p -> changes.add(new Change.ProvenanceChange(mine.id(), p, null)));
            changes.add(new Edit(decision.describe(), mine, null));
        }
        Annotation copy = null;
        if (theirs != null && takeTheirs) {
            boolean idFree = (mine != null && !keepMine && mine.id().equals(theirs.id()))
                    || (store.annotation(theirs.id()).isEmpty() && !taken.contains(theirs.id()));
            copy = idFree ? theirs : new Annotation(UUID.randomUUID().toString(), theirs.documentId(), theirs.label(),
                    theirs.start(), theirs.end(), theirs.quote(), theirs.annotator(), theirs.created(),
                    theirs.modified(), theirs.note());
            taken.add(copy.id());
            changes.add(new Edit(decision.describe(), null, copy));
            changes.add(new Change.ProvenanceChange(copy.id(), null, new Provenance(source, reviewer, now)));
        }
        Set<String> involved = new LinkedHashSet<>();
        if (difference.mine() != null) {
            involved.add(difference.mine().id());
        }
        if (theirs != null) {
            involved.add(theirs.id());
        }
        if (copy != null) {
            involved.add(copy.id());
        }
        String group = UUID.randomUUID().toString();
        for (String id : involved) {
            changes.add(new Change.MarkChange(review, id, marks.get(id),
                    new ReviewMark(review, id, group, decision, reviewer, now)));
        }
        return changes;
    }
}
