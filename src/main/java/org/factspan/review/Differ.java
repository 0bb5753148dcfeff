package org.factspan.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.factspan.model.Annotation;
import org.factspan.model.Span;

/**
 * Sorts my annotations and theirs on one text into {@link Difference}s, pairing each annotation at most once.
 *
 * <p>Pairs are made in rounds, and an annotation paired in one round is out of the later ones:
 * <ol>
 *   <li>agree - same label and offsets. Done first, so that where my side holds two labels on one span (claim and
 *       denial on [5, 9)) and theirs one of them, theirs agrees with its match instead of conflicting with the
 *       other;</li>
 *   <li>label_conflict - same offsets, another label. Where several are left at one span, they pair in label
 *       order;</li>
 *   <li>boundary_conflict - same label, overlapping, other offsets; of all such candidate pairs the one sharing the
 *       most code points pairs first (ties: the smaller difference of ends, then the earlier position), so a span
 *       nested in a colleague's two pairs with the one it most resembles;</li>
 *   <li>what is left is only_mine or only_theirs.</li>
 * </ol>
 * A project never holds two annotations with one label and the same offsets, but re-anchoring can place two of
 * theirs on one span; the second then finds no partner in round 1 and goes on to the later rounds like any other.
 */
public final class Differ {

    private Differ() {
    }

    /** The differences ordered by position in my text (start, then mine before theirs), as a reviewer reads them. */
    public static List<Difference> differences(List<Annotation> mine, List<Annotation> theirs) {
        List<Difference> result = new ArrayList<>(mine.size() + theirs.size());
        boolean[] mineDone = new boolean[mine.size()];
        boolean[] theirsDone = new boolean[theirs.size()];

        Map<Key, Integer> mineByKey = new HashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            mineByKey.putIfAbsent(Key.of(mine.get(i)), i);
        }
        for (int j = 0; j < theirs.size(); j++) {
            Integer i = mineByKey.remove(Key.of(theirs.get(j)));
            if (i != null) {
                pair(result, Difference.Category.AGREE, mine, theirs, mineDone, theirsDone, i, j);
            }
        }

        Map<Span, List<Integer>> mineBySpan = new HashMap<>();
        for (int i : byLabel(mine, mineDone)) {
            mineBySpan.computeIfAbsent(mine.get(i).span(), s -> new ArrayList<>()).add(i);
        }
        for (int j : byLabel(theirs, theirsDone)) {
            List<Integer> candidates = mineBySpan.get(theirs.get(j).span());
            if (candidates != null && !candidates.isEmpty()) {
                pair(result, Difference.Category.LABEL_CONFLICT, mine, theirs, mineDone, theirsDone,
                        candidates.remove(0), j);
            }
        }

        for (int[] candidate : boundaryCandidates(mine, theirs, mineDone, theirsDone)) {
            if (!mineDone[candidate[0]] && !theirsDone[candidate[1]]) {
                pair(result, Difference.Category.BOUNDARY_CONFLICT, mine, theirs, mineDone, theirsDone,
                        candidate[0], candidate[1]);
            }
        }

        for (int i = 0; i < mine.size(); i++) {
            if (!mineDone[i]) {
                result.add(new Difference(Difference.Category.ONLY_MINE, mine.get(i), null));
            }
        }
        for (int j = 0; j < theirs.size(); j++) {
            if (!theirsDone[j]) {
                result.add(new Difference(Difference.Category.ONLY_THEIRS, null, theirs.get(j)));
            }
        }
        result.sort(Comparator.comparingInt(Difference::start)
                .thenComparingInt(d -> d.mine() == null ? Integer.MAX_VALUE : d.mine().end())
                .thenComparingInt(d -> d.theirs() == null ? Integer.MAX_VALUE : d.theirs().end())
                .thenComparing(d -> d.mine() == null ? d.theirs().label() : d.mine().label()));
        return result;
    }

    private record Key(String label, int start, int end) {
        static Key of(Annotation a) {
            return new Key(a.label(), a.start(), a.end());
        }
    }

    private static void pair(List<Difference> result, Difference.Category category, List<Annotation> mine,
                             List<Annotation> theirs, boolean[] mineDone, boolean[] theirsDone, int i, int j) {
        mineDone[i] = true;
        theirsDone[j] = true;
        result.add(new Difference(category, mine.get(i), theirs.get(j)));
    }

    /** Indexes of the annotations not yet paired, in label order (then position), for a deterministic pairing. */
    private static List<Integer> byLabel(List<Annotation> annotations, boolean[] done) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            if (!done[i]) {
                open.add(i);
            }
        }
        open.sort(Comparator.comparing((Integer i) -> annotations.get(i).label())
                .thenComparingInt(i -> annotations.get(i).start()));
        return open;
    }

    /**
     * Every open pair with one label that overlaps, as {mine, theirs, overlap, end difference}, best first. A sweep
     * over the spans sorted by start visits only spans that can still reach the current one, so 20,000 spans a side
     * cost about as many comparisons as there are overlapping pairs.
     */
    private static List<int[]> boundaryCandidates(List<Annotation> mine, List<Annotation> theirs, boolean[] mineDone,
                                                  boolean[] theirsDone) {
        Map<String, List<Integer>> mineByLabel = new HashMap<>();
        int longest = 0;
        for (int i = 0; i < mine.size(); i++) {
            if (!mineDone[i]) {
                mineByLabel.computeIfAbsent(mine.get(i).label(), l -> new ArrayList<>()).add(i);
                longest = Math.max(longest, mine.get(i).end() - mine.get(i).start());
            }
        }
        mineByLabel.values().forEach(list -> list.sort(Comparator.comparingInt(i -> mine.get(i).start())));
        List<int[]> candidates = new ArrayList<>();
        for (int j = 0; j < theirs.size(); j++) {
            List<Integer> sameLabel = theirsDone[j] ? null : mineByLabel.get(theirs.get(j).label());
            if (sameLabel == null) {
                continue;
            }
            Annotation t = theirs.get(j);
            int from = firstStartingAtOrAfter(sameLabel, mine, t.start() - longest);
            for (int k = from; k < sameLabel.size() && mine.get(sameLabel.get(k)).start() < t.end(); k++) {
                Annotation m = mine.get(sameLabel.get(k));
                int overlap = m.span().overlap(t.span());
                if (overlap > 0) {
                    int endDifference = Math.abs(m.start() - t.start()) + Math.abs(m.end() - t.end());
                    candidates.add(new int[] {sameLabel.get(k), j, overlap, endDifference});
                }
            }
        }
        candidates.sort(Comparator.comparingInt((int[] c) -> -c[2]).thenComparingInt(c -> c[3])
                .thenComparingInt(c -> mine.get(c[0]).start()).thenComparingInt(c -> theirs.get(c[1]).start()));
        return candidates;
    }

    private static int firstStartingAtOrAfter(List<Integer> sorted, List<Annotation> annotations, int offset) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (annotations.get(sorted.get(mid)).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
