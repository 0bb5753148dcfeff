package org.factspan.ui.view;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Adds one style class over some ranges of styled text, keeping the classes already there (find matches, selection). */
public final class StyleMarks {

    private StyleMarks() {
    }

    /**
     * {@code styles}, which start at display index {@code from}, with {@code styleClass} added over each of
     * {@code ranges} ({@code [start, end)}, ascending, not overlapping; the parts outside the styles are ignored).
     * Returns {@code styles} itself when no range reaches into them.
     */
    public static StyleSpans<Collection<String>> add(StyleSpans<Collection<String>> styles, int from,
                                                     List<int[]> ranges, String styleClass) {
        int to = from + styles.length();
        StyleSpansBuilder<Collection<String>> marks = new StyleSpansBuilder<>();
        int position = from;
        for (int[] range : ranges) {
            int start = Math.max(range[0], position);
            int end = Math.min(range[1], to);
            if (start >= end) {
                continue;
            }
            if (start > position) {
                marks.add(List.of(), start - position);
            }
            marks.add(List.of(styleClass), end - start);
            position = end;
        }
        if (position == from) {
            return styles;
        }
        if (position < to) {
            marks.add(List.of(), to - position);
        }
        return styles.overlay(marks.create(), (own, mark) -> {
            if (mark.isEmpty()) {
                return own;
            }
            Set<String> both = new HashSet<>(own);
            both.addAll(mark);
            return both;
        });
    }
}
