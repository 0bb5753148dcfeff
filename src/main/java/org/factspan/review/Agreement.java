package org.factspan.review;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationStudy;
import org.dkpro.statistics.agreement.unitizing.IUnitizingAnnotationUnit;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;
import org.factspan.model.Annotation;
import org.factspan.model.CodePointIndex;

/**
 * How far two annotators agree on the paired documents, per label and over all labels.
 *
 * <p>Every figure whose definition divides 0 by 0 (a label neither side used, a text with nothing but whitespace) is
 * null: "no evidence" must not read as "complete disagreement" (0) or leak into JSON as NaN. Orphans (their
 * annotations that could not be placed on my text) are outside all figures: they say nothing about how we labelled
 * the text we share; the report counts them beside the figures.
 *
 * <dl>
 *   <dt>exact span F1</dt>
 *   <dd>{@code 2 x agree / (mine + theirs)}, where mine and theirs count the annotations of the label on each side.
 *       The top-level figure is the micro-average: the same over all labels' counts.</dd>
 *   <dt>overlap F1</dt>
 *   <dd>The same with boundary_conflict pairs counted as matches: {@code 2 x (agree + boundary_conflict) / (mine +
 *       theirs)}. A boundary conflict has one label on both sides, so it belongs to that label. Overlapping spans are
 *       matched one-to-one as {@link Differ} pairs them, so one long span of mine overlapping three of theirs is one
 *       match, not three; label conflicts are never matches.</dd>
 *   <dt>Cohen's kappa</dt>
 *   <dd>Over the code points of my text that are not Unicode White_Space ({@code \p{IsWhite_Space}}): each is 1 for an
 *       annotator if inside any of their spans of the label, else 0; {@code kappa = (po - pe) / (1 - pe)}. Computed
 *       in exact integer counts and divided once. Overall pools the code points of all paired documents.</dd>
 *   <dt>alpha_u</dt>
 *   <dd>Krippendorff's unitizing alpha from dkpro-statistics-agreement, one study per label with two raters, as
 *       INCEpTION builds it: the continuum is the text's length in code points (whitespace included: alpha_u measures
 *       positions), overall the paired texts one after another. dkpro requires a rater's units of one category not to
 *       overlap, so each side's overlapping spans of the label enter as their union - the same coverage kappa counts.
 *       (INCEpTION instead skips a span that overlaps an earlier one; for nested spans the two agree.)</dd>
 * </dl>
 */
public final class Agreement {

    /** How many differences of each category. */
    public record Counts(int agree, int labelConflict, int boundaryConflict, int onlyMine, int onlyTheirs) {
    }

    /** The figures of one label; null where the figure is 0/0. */
    public record LabelFigures(Double f1Exact, Double f1Overlap, Double kappa, Double alphaU) {
    }

    /**
     * The figures of one document or of all paired documents.
     *
     * @param labels    by label name, in label order
     * @param f1Exact   micro-averaged over labels
     * @param f1Overlap micro-averaged over labels
     */
    public record Figures(Counts counts, Map<String, LabelFigures> labels, Double f1Exact, Double f1Overlap) {
    }

    /** One paired document: my text and the differences on it. */
    record Input(CodePointIndex text, List<Difference> differences) {
    }

    /** Indexes into a label's tally. */
    private static final int MINE = 0;
    private static final int THEIRS = 1;
    private static final int AGREE = 2;
    private static final int BOUNDARY = 3;

    private Agreement() {
    }

    static Figures of(List<String> labels, List<Input> documents) {
        int[] categories = new int[Difference.Category.values().length];
        Map<String, int[]> perLabel = new LinkedHashMap<>();
        labels.forEach(l -> perLabel.put(l, new int[4]));
        for (Input document : documents) {
            for (Difference d : document.differences()) {
                categories[d.category().ordinal()]++;
                if (d.mine() != null) {
                    tally(perLabel, d.mine().label())[MINE]++;
                }
                if (d.theirs() != null) {
                    tally(perLabel, d.theirs().label())[THEIRS]++;
                }
                if (d.category() == Difference.Category.AGREE) {
                    tally(perLabel, d.mine().label())[AGREE]++;
                } else if (d.category() == Difference.Category.BOUNDARY_CONFLICT) {
                    tally(perLabel, d.mine().label())[BOUNDARY]++;
                }
            }
        }
        List<Coverage> coverages = documents.stream().map(Coverage::new).toList();
        Map<String, LabelFigures> figures = new LinkedHashMap<>();
        int[] total = new int[4];
        perLabel.forEach((label, t) -> {
            for (int k = 0; k < total.length; k++) {
                total[k] += t[k];
            }
            figures.put(label, new LabelFigures(ratio(2L * t[AGREE], t[MINE] + t[THEIRS]),
                    ratio(2L * (t[AGREE] + t[BOUNDARY]), t[MINE] + t[THEIRS]), kappa(coverages, label),
                    alphaU(coverages, label)));
        });
        Counts counts = new Counts(categories[0], categories[1], categories[2], categories[3], categories[4]);
        return new Figures(counts, figures, ratio(2L * total[AGREE], total[MINE] + total[THEIRS]),
                ratio(2L * (total[AGREE] + total[BOUNDARY]), total[MINE] + total[THEIRS]));
    }

    /** Labels only their project has still get figures: they are part of the disagreement. */
    private static int[] tally(Map<String, int[]> perLabel, String label) {
        return perLabel.computeIfAbsent(label, l -> new int[4]);
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Double kappa(List<Coverage> coverages, String label) {
        long n = 0;
        long mine = 0;
        long theirs = 0;
        long both = 0;
        for (Coverage coverage : coverages) {
            int[] m = coverage.units(label, true);
            int[] t = coverage.units(label, false);
            n += coverage.nonWhitespace(0, coverage.length);
            mine += coverage.nonWhitespace(m);
            theirs += coverage.nonWhitespace(t);
            both += coverage.nonWhitespace(intersection(m, t));
        }
        long agreeing = n - mine - theirs + 2 * both;
        long chance = mine * theirs + (n - mine) * (n - theirs);
        long denominator = n * n - chance;
        return denominator == 0 ? null : (double) (n * agreeing - chance) / denominator;
    }

    private static Double alphaU(List<Coverage> coverages, String label) {
        long length = coverages.stream().mapToLong(c -> c.length).sum();
        UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(2, 0, length);
        long offset = 0;
        for (Coverage coverage : coverages) {
            for (int rater = 0; rater < 2; rater++) {
                int[] units = coverage.units(label, rater == 0);
                for (int k = 0; k < units.length; k += 2) {
                    study.addUnit(offset + units[k], units[k + 1] - units[k], rater, label);
                }
            }
            offset += coverage.length;
        }
        return study.getUnitCount() == 0 ? null : new AlphaU(study).categoryAgreement(label);
    }

    /**
     * dkpro's alpha_u with two changes, both about the expected disagreement D_E.
     *
     * <p>A vanishing D_E gives null: dkpro returns 0 when observed and expected disagreement are equal, which includes
     * 0/0 (both annotators covering all of a one-character text).
     *
     * <p>D_E is summed in O(n log n) instead of dkpro's O(units x gaps). For each unit of length l dkpro adds up
     * {@code g - l + 1} over every gap g &gt;= l, in BigDecimal; with 5,000 spans of a label a side on a 1 MB article that
     * is 50 million additions per label and took 9 seconds where the whole review has 1. Here the gaps are sorted once
     * and, with suffix sums, each unit's sum is {@code S - (l - 1) C} for the C gaps of total S that are &gt;= l. The
     * gaps, the other terms and the final divisions are dkpro's, in exact integers where dkpro uses doubles of
     * integers; {@code AlphaUnitizingTest} checks the result against dkpro's own method. The observed disagreement,
     * the study and its units are dkpro's unchanged.
     */
    static final class AlphaU extends KrippendorffAlphaUnitizingAgreement {
        AlphaU(IUnitizingAnnotationStudy study) {
            super(study);
        }

        Double categoryAgreement(String label) {
            double expected = calculateExpectedCategoryDisagreement(label);
            return expected == 0 ? null : 1 - calculateObservedCategoryDisagreement(label) / expected;
        }

        @Override
        protected double calculateExpectedCategoryDisagreement(Object category) {
            long begin = study.getContinuumBegin();
            long length = study.getContinuumLength();
            int raters = study.getRaterCount();
            long[] gaps = new long[16];
            int gapCount = 0;
            long[] lengths = new long[16];
            int unitCount = 0;
            for (int rater = 0; rater < raters; rater++) {
                long position = begin;
                for (IUnitizingAnnotationUnit unit : study.getUnits()) {
                    if (unit.getRaterIdx() != rater || !category.equals(unit.getCategory())) {
                        continue;
                    }
                    if (gapCount + 2 > gaps.length) {
                        gaps = Arrays.copyOf(gaps, gaps.length * 2);
                    }
                    if (unitCount == lengths.length) {
                        lengths = Arrays.copyOf(lengths, lengths.length * 2);
                    }
                    if (unit.getOffset() > position) {
                        gaps[gapCount++] = unit.getOffset() - position;
                    }
                    lengths[unitCount++] = unit.getLength();
                    position = unit.getEndOffset();
                }
                if (position < begin + length) {
                    if (gapCount == gaps.length) {
                        gaps = Arrays.copyOf(gaps, gaps.length * 2);
                    }
                    gaps[gapCount++] = begin + length - position;
                }
            }
            Arrays.sort(gaps, 0, gapCount);
            long[] suffixSums = new long[gapCount + 1];
            for (int k = gapCount - 1; k >= 0; k--) {
                suffixSums[k] = suffixSums[k + 1] + gaps[k];
            }
            BigInteger sum = BigInteger.ZERO;
            BigInteger squaredLengths = BigInteger.ZERO;
            BigInteger others = BigInteger.valueOf(unitCount - 1L);
            for (int u = 0; u < unitCount; u++) {
                long l = lengths[u];
                BigInteger bigL = BigInteger.valueOf(l);
                // (N_c - 1)(2l^3 - 3l^2 + l) / 3, exact: l(l - 1)(2l - 1) is always a multiple of 6.
                sum = sum.add(others.multiply(bigL.multiply(BigInteger.valueOf(l - 1))
                        .multiply(BigInteger.valueOf(2 * l - 1))).divide(BigInteger.valueOf(3)));
                int first = firstAtLeast(gaps, gapCount, l);
                BigInteger gapSum = BigInteger.valueOf(suffixSums[first])
                        .subtract(BigInteger.valueOf(l - 1).multiply(BigInteger.valueOf(gapCount - first)));
                sum = sum.add(bigL.multiply(bigL).multiply(gapSum));
                squaredLengths = squaredLengths.add(bigL.multiply(BigInteger.valueOf(l - 1)));
            }
            BigDecimal result = new BigDecimal(sum)
                    .multiply(new BigDecimal(2).divide(new BigDecimal(length), MathContext.DECIMAL128));
            return result.divide(new BigDecimal(BigInteger.valueOf(raters * length)
                            .multiply(BigInteger.valueOf(raters * length - 1)).subtract(squaredLengths)),
                    MathContext.DECIMAL128).doubleValue();
        }

        private static int firstAtLeast(long[] sorted, int count, long value) {
            int low = 0;
            int high = count;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /** Intersection of two sorted, disjoint interval lists {@code [s0, e0, s1, e1, ...]}. */
    private static int[] intersection(int[] a, int[] b) {
        int[] result = new int[a.length + b.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int start = Math.max(a[i], b[j]);
            int end = Math.min(a[i + 1], b[j + 1]);
            if (start < end) {
                result[count++] = start;
                result[count++] = end;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** One document's text and, per label and side, the union of the spans as sorted disjoint intervals. */
    private static final class Coverage {
        final int length;
        /** {@code nonWhitespace[i]}: how many of the first i code points are not White_Space. */
        private final int[] nonWhitespace;
        private final Map<String, int[]> mine = new LinkedHashMap<>();
        private final Map<String, int[]> theirs = new LinkedHashMap<>();

        Coverage(Input input) {
            length = input.text().length();
            nonWhitespace = new int[length + 1];
            String text = input.text().text();
            int offset = 0;
            for (int i = 0; i < text.length(); offset++) {
                int c = text.codePointAt(i);
                nonWhitespace[offset + 1] = nonWhitespace[offset] + (Whitespace.is(c) ? 0 : 1);
                i += Character.charCount(c);
            }
            Map<String, List<Annotation>> mineByLabel = new LinkedHashMap<>();
            Map<String, List<Annotation>> theirsByLabel = new LinkedHashMap<>();
            for (Difference d : input.differences()) {
                if (d.mine() != null) {
                    mineByLabel.computeIfAbsent(d.mine().label(), l -> new ArrayList<>()).add(d.mine());
                }
                if (d.theirs() != null) {
                    theirsByLabel.computeIfAbsent(d.theirs().label(), l -> new ArrayList<>()).add(d.theirs());
                }
            }
            mineByLabel.forEach((label, spans) -> mine.put(label, union(spans)));
            theirsByLabel.forEach((label, spans) -> theirs.put(label, union(spans)));
        }

        int[] units(String label, boolean mySide) {
            return (mySide ? mine : theirs).getOrDefault(label, new int[0]);
        }

        long nonWhitespace(int start, int end) {
            return nonWhitespace[end] - nonWhitespace[start];
        }

        long nonWhitespace(int[] intervals) {
            long count = 0;
            for (int k = 0; k < intervals.length; k += 2) {
                count += nonWhitespace(intervals[k], intervals[k + 1]);
            }
            return count;
        }

        private static int[] union(List<Annotation> spans) {
            spans.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(a.end(), b.end()));
            int[] result = new int[2 * spans.size()];
            int count = 0;
            for (Annotation a : spans) {
                if (count > 0 && a.start() < result[count - 1]) {
                    result[count - 1] = Math.max(result[count - 1], a.end());
                } else {
                    result[count++] = a.start();
                    result[count++] = a.end();
                }
            }
            return Arrays.copyOf(result, count);
        }
    }
}
