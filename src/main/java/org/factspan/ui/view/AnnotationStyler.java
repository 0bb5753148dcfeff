package org.factspan.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;
import org.factspan.model.Label;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns the annotations of one document into RichTextFX style classes over its {@link DisplayText}, so the view only
 * applies what this computes and the rules can be tested without a window.
 *
 * <p>Overlapping and nested annotations all stay visible because each depth uses a different CSS property. At every
 * position the covering annotations are ordered outermost first (start ascending, end descending, then label order,
 * then id); the outermost gets a fill, the next an underline, any deeper one a border:
 * <pre>
 *   text:         Mr Budanov said Russia helped Hamas
 *   claim:        [---------------------------------]   depth 0: ann-fill-0
 *   attribution:  [--------]                            depth 1: ann-under-3
 *   evidence:        [-----]                            depth 2: ann-border-2
 * </pre>
 *
 * <h2>The CSS class contract</h2>
 * <ul>
 *   <li>{@code ann} on every segment covered by at least one shown annotation;</li>
 *   <li>{@code ann-fill-N}, {@code ann-under-N}, {@code ann-border-N} for depth 0, 1 and 2+, where N is the position
 *       of the annotation's label in the project's label list (names may hold '.', which CSS class names cannot);</li>
 *   <li>{@code ann-selected} on the segments of the selected annotation.</li>
 * </ul>
 * {@link #css(List, Theme)} writes the matching stylesheet. Annotations whose label is hidden, or not in the label list
 * (a rename in progress), are not shown, and {@link #annotationsAt(int)} does not find them.
 *
 * <p>An instance holds the shown annotations sorted, with their display ranges and a running maximum of their ends;
 * building it is O(n log n), and styling any range finds the annotations overlapping it by binary search, so the
 * window can restyle just the range an edit touched.
 *
 * <p>Over 400 lines because both sides of the class contract above are here: the classes each range gets, and the
 * stylesheet ({@link #css}, {@link Theme}, the contrast arithmetic) that defines them, so that a change to one is seen
 * next to the other and their tests stay together.
 */
public final class AnnotationStyler {

    /** The text and background colours the stylesheet must stay legible on: AtlantaFX Primer Light and Dark. */
    public enum Theme {
        LIGHT(0xFFFFFF, 0x24292F, 30, 55),
        DARK(0x0D1117, 0xC9D1D9, 35, 55);

        private final int background;
        private final int text;
        private final int fillPercent;
        private final int selectedFillPercent;

        Theme(int background, int text, int fillPercent, int selectedFillPercent) {
            this.background = background;
            this.text = text;
            this.fillPercent = fillPercent;
            this.selectedFillPercent = selectedFillPercent;
        }

        public String background() {
            return hex(background);
        }

        public String text() {
            return hex(text);
        }
    }

    /** WCAG AA for body text: the text over a fill must stay readable. */
    private static final double TEXT_CONTRAST = 4.5;
    /** WCAG for graphics: an underline or border must stand out from the page. */
    private static final double STROKE_CONTRAST = 3.0;

    private final int displayLength;
    private final String[] fillClass;
    private final String[] underClass;
    private final String[] borderClass;
    /** The shown annotations, outermost first; index i is their rank in every per-annotation array below. */
    private final Annotation[] sorted;
    private final int[] displayStart;
    private final int[] displayEnd;
    private final int[] labelPosition;
    /** maxEnd[i] = the largest displayEnd among sorted[0..i]: the binary search key for "may still overlap". */
    private final int[] maxEnd;
    private final Map<String, Integer> positions;
    private final Set<String> hiddenLabels;

    /**
     * @param annotations  the annotations of the document whose text {@code index} and {@code display} were built on
     * @param labels       the project's labels in order; an annotation's style classes name its label's position
     * @param hiddenLabels names of labels whose annotations are not shown
     */
    public AnnotationStyler(Collection<Annotation> annotations, CodePointIndex index, DisplayText display,
                            List<Label> labels, Set<String> hiddenLabels) {
        this.displayLength = display.displayText().length();
        this.hiddenLabels = Set.copyOf(hiddenLabels);
        positions = new HashMap<>();
        fillClass = new String[labels.size()];
        underClass = new String[labels.size()];
        borderClass = new String[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            positions.put(labels.get(i).name(), i);
            fillClass[i] = "ann-fill-" + i;
            underClass[i] = "ann-under-" + i;
            borderClass[i] = "ann-border-" + i;
        }
        List<Annotation> shown = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            if (positions.containsKey(a.label()) && !hiddenLabels.contains(a.label())) {
                shown.add(a);
            }
        }
        sorted = outermostFirst(shown);
        int n = sorted.length;
        displayStart = new int[n];
        displayEnd = new int[n];
        labelPosition = new int[n];
        maxEnd = new int[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            Annotation a = sorted[i];
            displayStart[i] = display.toDisplay(index.toUtf16(a.start()));
            displayEnd[i] = display.toDisplayEnd(index.toUtf16(a.end()));
            labelPosition[i] = positions.get(a.label());
            max = Math.max(max, displayEnd[i]);
            maxEnd[i] = max;
        }
    }

    private AnnotationStyler(AnnotationStyler base, Annotation[] sorted, int[] displayStart, int[] displayEnd,
                             int[] labelPosition, int[] maxEnd) {
        this.displayLength = base.displayLength;
        this.fillClass = base.fillClass;
        this.underClass = base.underClass;
        this.borderClass = base.borderClass;
        this.positions = base.positions;
        this.hiddenLabels = base.hiddenLabels;
        this.sorted = sorted;
        this.displayStart = displayStart;
        this.displayEnd = displayEnd;
        this.labelPosition = labelPosition;
        this.maxEnd = maxEnd;
    }

    /**
     * This styler after one edit: {@code removed} gone and {@code added} in (either may be null), on the same text.
     * Block copies of the arrays around the one changed rank instead of the O(n log n) build; this is on the path
     * of every key press that tags, so it touches no annotation object but the few it compares.
     */
    public AnnotationStyler changed(Annotation removed, Annotation added, CodePointIndex index, DisplayText display) {
        AnnotationStyler result = this;
        if (removed != null) {
            int at = indexOf(removed);
            if (at >= 0) {
                result = result.without(at);
            }
        }
        if (added != null && positions.containsKey(added.label()) && !hiddenLabels.contains(added.label())) {
            result = result.with(added, display.toDisplay(index.toUtf16(added.start())),
                    display.toDisplayEnd(index.toUtf16(added.end())));
        }
        return result;
    }

    private AnnotationStyler without(int at) {
        return spliced(at, at + 1, null, 0, 0);
    }

    private AnnotationStyler with(Annotation added, int start, int end) {
        // Display starts ascend with stored starts, so a search over the int array finds the run of equal starts
        // and only that run is ordered by the full rule.
        int at = firstIndex(displayStart, start - 1);
        while (at < sorted.length && displayStart[at] == start
                && Annotation.READING_ORDER.compare(added, sorted[at]) > 0) {
            at++;
        }
        return spliced(at, at, added, start, end);
    }

    /** A styler whose arrays leave out ranks {@code [cut, resume)} and, unless null, hold {@code added} at cut. */
    private AnnotationStyler spliced(int cut, int resume, Annotation added, int start, int end) {
        int gap = added == null ? 0 : 1;
        int n = sorted.length - (resume - cut) + gap;
        Annotation[] newSorted = new Annotation[n];
        int[] newStart = new int[n];
        int[] newEnd = new int[n];
        int[] newLabel = new int[n];
        for (Object[] arrays : new Object[][] {{sorted, newSorted}, {displayStart, newStart}, {displayEnd, newEnd},
                {labelPosition, newLabel}}) {
            System.arraycopy(arrays[0], 0, arrays[1], 0, cut);
            System.arraycopy(arrays[0], resume, arrays[1], cut + gap, sorted.length - resume);
        }
        if (added != null) {
            newSorted[cut] = added;
            newStart[cut] = start;
            newEnd[cut] = end;
            newLabel[cut] = positions.get(added.label());
        }
        return new AnnotationStyler(this, newSorted, newStart, newEnd, newLabel, runningMax(newEnd, maxEnd, cut));
    }

    /** The running maximum of {@code ends}, unchanged before rank {@code from}. */
    private static int[] runningMax(int[] ends, int[] previous, int from) {
        int[] max = new int[ends.length];
        System.arraycopy(previous, 0, max, 0, from);
        int running = from == 0 ? 0 : previous[from - 1];
        for (int i = from; i < ends.length; i++) {
            running = Math.max(running, ends[i]);
            max[i] = running;
        }
        return max;
    }

    /** The rank of {@code a} (by id) among the shown annotations, or -1. */
    private int indexOf(Annotation a) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].start() < a.start()) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < sorted.length && sorted[i].start() == a.start(); i++) {
            if (sorted[i].id().equals(a.id())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sorts by start through primitive keys, which measured several times faster than a comparator over 20,000
     * annotations, then orders the short runs with equal starts by the rest of the rule.
     */
    private static Annotation[] outermostFirst(List<Annotation> shown) {
        int n = shown.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) shown.get(i).start() << 32) | i;
        }
        Arrays.sort(keys);
        Annotation[] result = new Annotation[n];
        for (int k = 0; k < n; k++) {
            result[k] = shown.get((int) keys[k]);
        }
        int runStart = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || result[k].start() != result[runStart].start()) {
                if (k - runStart > 1) {
                    Arrays.sort(result, runStart, k, Annotation.READING_ORDER);
                }
                runStart = k;
            }
        }
        return result;
    }

    /** The style classes for the whole display text; {@code selectedId} may be null. */
    public StyleSpans<Collection<String>> styles(String selectedId) {
        return styles(0, displayLength, selectedId);
    }

    /**
     * The style classes for display range {@code [from, to)}, exactly as {@link #styles(String)} has them there, for
     * the window to apply at {@code from} after an edit or a change of selection. Two binary searches bound the
     * candidates to those starting before {@code to} and after every earlier annotation has ended before {@code from};
     * one annotation over the whole text widens that to all starting before {@code to}, which still measured about
     * 0.3 ms for 20,000 annotations on 1 MB, so no interval tree.
     */
    public StyleSpans<Collection<String>> styles(int from, int to, String selectedId) {
        if (from < 0 || from > to || to > displayLength) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside 0.." + displayLength);
        }
        int[] covering = overlapping(from, to);
        int count = covering.length;
        long[] ends = new long[count];
        int selected = -1;
        for (int k = 0; k < count; k++) {
            int i = covering[k];
            ends[k] = ((long) Math.min(displayEnd[i], to) << 32) | i;
            if (sorted[i].id().equals(selectedId)) {
                selected = i;
            }
        }
        Arrays.sort(ends);

        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>(2 * count + 1);
        int[] active = new int[Math.max(1, count)];
        int activeCount = 0;
        int position = from;
        int nextStart = 0;
        int nextEnd = 0;
        while (nextEnd < count) {
            int startAt = nextStart < count ? Math.max(displayStart[covering[nextStart]], from) : Integer.MAX_VALUE;
            int endAt = (int) (ends[nextEnd] >>> 32);
            int at = Math.min(startAt, endAt);
            if (at > position) {
                builder.add(classes(active, activeCount, selected), at - position);
                position = at;
            }
            if (endAt == at) {
                activeCount = remove(active, activeCount, (int) ends[nextEnd]);
                nextEnd++;
            } else {
                activeCount = insert(active, activeCount, covering[nextStart]);
                nextStart++;
            }
        }
        builder.add(List.of(), to - position);
        return builder.create();
    }

    /** Every shown annotation covering display index {@code displayIndex}, outermost first: for tooltips and clicks. */
    public List<Annotation> annotationsAt(int displayIndex) {
        if (displayIndex < 0 || displayIndex >= displayLength) {
            return List.of();
        }
        List<Annotation> found = new ArrayList<>();
        for (int i : overlapping(displayIndex, displayIndex + 1)) {
            found.add(sorted[i]);
        }
        return found;
    }

    /** Ranks of the annotations overlapping {@code [from, to)}, ascending, so outermost first. */
    private int[] overlapping(int from, int to) {
        if (from >= to) {
            return new int[0];
        }
        int first = firstIndex(maxEnd, from);
        int last = firstIndex(displayStart, to - 1);
        int[] found = new int[Math.max(0, last - first)];
        int count = 0;
        for (int i = first; i < last; i++) {
            if (displayEnd[i] > from) {
                found[count++] = i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The first i with {@code values[i] > bound}, for ascending {@code values}. */
    private static int firstIndex(int[] values, int bound) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= bound) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Collection<String> classes(int[] active, int activeCount, int selected) {
        if (activeCount == 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>(activeCount + 2);
        names.add("ann");
        boolean isSelected = false;
        for (int depth = 0; depth < activeCount; depth++) {
            int i = active[depth];
            int label = labelPosition[i];
            String name = depth == 0 ? fillClass[label] : depth == 1 ? underClass[label] : borderClass[label];
            if (!names.contains(name)) {
                names.add(name);
            }
            isSelected |= i == selected;
        }
        if (isSelected) {
            names.add("ann-selected");
        }
        return Collections.unmodifiableList(names);
    }

    private static int insert(int[] active, int count, int rank) {
        int at = -Arrays.binarySearch(active, 0, count, rank) - 1;
        System.arraycopy(active, at, active, at + 1, count - at);
        active[at] = rank;
        return count + 1;
    }

    private static int remove(int[] active, int count, int rank) {
        int at = Arrays.binarySearch(active, 0, count, rank);
        System.arraycopy(active, at + 1, active, at, count - at - 1);
        return count - 1;
    }

    /**
     * The stylesheet for the classes {@link AnnotationStyler} assigns, for the labels in this order. Fills are the
     * label colour at an alpha low enough that the theme's text keeps WCAG AA contrast (4.5:1) over it; underlines
     * and borders are the label colour, moved towards the theme's text colour where needed to reach 3:1 against the
     * background, since users may pick any colour. The selected annotation gets a stronger fill and a border in the
     * theme's text colour, declared last so it wins over a depth border.
     */
    public static String css(List<Label> labels, Theme theme) {
        StringBuilder css = new StringBuilder();
        css.append("/* FactSpan annotation styles, ").append(theme.name().toLowerCase(Locale.ROOT))
                .append(" theme; N is the label's position in the project's label list. */\n");
        for (int i = 0; i < labels.size(); i++) {
            int color = Integer.parseInt(labels.get(i).color().substring(1), 16);
            String stroke = hex(strokeColor(color, theme));
            css.append("/* ").append(labels.get(i).name()).append(" */\n");
            css.append(".ann-fill-").append(i).append(" { -rtfx-background-color: ")
                    .append(rgba(color, fillPercent(color, theme, theme.fillPercent))).append("; }\n");
            css.append(".ann-under-").append(i).append(" { -rtfx-underline-color: ").append(stroke)
                    .append("; -rtfx-underline-width: 2; -rtfx-underline-cap: butt; }\n");
            css.append(".ann-border-").append(i).append(" { -rtfx-border-stroke-color: ").append(stroke)
                    .append("; -rtfx-border-stroke-width: 1; }\n");
            css.append(".ann-selected.ann-fill-").append(i).append(" { -rtfx-background-color: ")
                    .append(rgba(color, fillPercent(color, theme, theme.selectedFillPercent))).append("; }\n");
        }
        css.append(".ann-selected { -rtfx-border-stroke-color: ").append(theme.text())
                .append("; -rtfx-border-stroke-width: 2; }\n");
        return css.toString();
    }

    /**
     * The stylesheet for a colleague's annotations during a review: a dashed box in the label's colour, class
     * {@code theirs-N}, so they stay apart at a glance from mine, which are filled and underlined.
     */
    public static String theirsCss(List<Label> labels, Theme theme) {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            int color = Integer.parseInt(labels.get(i).color().substring(1), 16);
            css.append(".theirs-").append(i).append(" { -rtfx-border-stroke-color: ")
                    .append(hex(strokeColor(color, theme)))
                    .append("; -rtfx-border-stroke-width: 1.5; -rtfx-border-stroke-dash-array: 5 3; }\n");
        }
        return css.toString();
    }

    /** The highest opacity up to {@code wanted} percent, in steps of 5, at which the theme's text stays readable. */
    private static int fillPercent(int color, Theme theme, int wanted) {
        int percent = wanted;
        while (percent > 5 && contrast(theme.text, blend(color, theme.background, percent / 100.0)) < TEXT_CONTRAST) {
            percent -= 5;
        }
        return percent;
    }

    private static int strokeColor(int color, Theme theme) {
        int stroke = color;
        for (double towardsText = 0.1; contrast(stroke, theme.background) < STROKE_CONTRAST; towardsText += 0.1) {
            stroke = blend(theme.text, color, Math.min(1, towardsText));
        }
        return stroke;
    }

    /** {@code top} at {@code alpha} over opaque {@code bottom}. */
    private static int blend(int top, int bottom, double alpha) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double channel = ((top >> shift) & 0xFF) * alpha + ((bottom >> shift) & 0xFF) * (1 - alpha);
            rgb |= (int) Math.round(channel) << shift;
        }
        return rgb;
    }

    /** The WCAG 2 contrast ratio of two opaque colours. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String rgba(int rgb, int percent) {
        return String.format(Locale.ROOT, "rgba(%d, %d, %d, %.2f)", (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF,
                percent / 100.0);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb);
    }
}
