package org.factspan.review;

import java.util.Locale;

import org.factspan.model.Annotation;

/**
 * Where my annotations and theirs meet on one document: every annotation of either side is in exactly one difference.
 *
 * @param mine   my annotation, null for {@link Category#ONLY_THEIRS}
 * @param theirs their annotation in my text's offsets, null for {@link Category#ONLY_MINE}
 */
public record Difference(Category category, Annotation mine, Annotation theirs) {

    /** How a pair (or a lone annotation) relates; see {@link Differ} for the order in which pairs are made. */
    public enum Category {
        /** Same label, same offsets. */
        AGREE,
        /** Same offsets, another label. */
        LABEL_CONFLICT,
        /** Same label, overlapping, other offsets. */
        BOUNDARY_CONFLICT,
        ONLY_MINE,
        ONLY_THEIRS;

        /** The name used in reports: {@code agree}, {@code label_conflict}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Difference {
        if ((mine == null) != (category == Category.ONLY_THEIRS) || (theirs == null) != (category == Category.ONLY_MINE)) {
            throw new IllegalArgumentException(category + " with mine=" + mine + " and theirs=" + theirs);
        }
    }

    /** Where the difference starts in my text: for ordering a list of differences by position. */
    public int start() {
        return mine == null ? theirs.start() : theirs == null ? mine.start() : Math.min(mine.start(), theirs.start());
    }
}
