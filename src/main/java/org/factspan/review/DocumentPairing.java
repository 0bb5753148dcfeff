package org.factspan.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which of their documents is which of mine.
 *
 * <p>The same text (same SHA-256) pairs at once. Otherwise a document of theirs pairs with one of mine whose text is
 * similar enough ({@link TextAlignment#similarity()}: the share of words, numbers and punctuation in common, in order):
 * <ul>
 *   <li>at least {@value #SAME_TITLE} when the titles are equal ignoring case and spacing. A corrected article, a
 *       trimmed footer or other line endings keep well over 0.9 of their words; 0.6 still pairs an article whose
 *       title says it is the same one after a substantial update, while two unrelated articles in one language share
 *       about 0.2 to 0.4 of their words in order (the, of, and...), so they stay apart even under one title;</li>
 *   <li>at least {@value #OTHER_TITLE} when the titles differ: without the title's word for it, only a text that is
 *       clearly the same article pairs (a retitled correction).</li>
 * </ul>
 * Below these, re-anchoring would orphan most annotations anyway, and a wrong pair would show as a flood of
 * disagreements. Candidates pair greedily, most similar first, each document at most once. Pairs are diffed only when
 * counting common words regardless of order shows they could reach the threshold, so unrelated articles cost no diff.
 */
final class DocumentPairing {

    static final double SAME_TITLE = 0.6;
    static final double OTHER_TITLE = 0.8;

    /** A paired document and how their text aligns with mine. */
    record Pair(SideDocument mine, SideDocument theirs, TextAlignment alignment) {
    }

    record Result(List<Pair> pairs, List<SideDocument> unpaired) {
    }

    private DocumentPairing() {
    }

    static Result pair(List<SideDocument> mine, List<SideDocument> theirs) {
        Map<String, SideDocument> mineBySha = new HashMap<>();
        mine.forEach(d -> mineBySha.put(d.document().sha256(), d));
        List<Pair> pairs = new ArrayList<>();
        // By identity: a side lists each document once, and hashing the record would hash all its annotations.
        Set<SideDocument> pairedMine = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SideDocument> rest = new ArrayList<>();
        for (SideDocument their : theirs) {
            SideDocument my = mineBySha.get(their.document().sha256());
            if (my != null && pairedMine.add(my)) {
                pairs.add(new Pair(my, their, TextAlignment.identity(my.document().length())));
            } else {
                rest.add(their);
            }
        }
        List<SideDocument> restMine = mine.stream().filter(d -> !pairedMine.contains(d)).toList();
        List<Pair> candidates = candidates(restMine, rest);
        candidates.sort(Comparator.comparingDouble((Pair p) -> -p.alignment().similarity()));
        Set<SideDocument> pairedTheirs = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pair candidate : candidates) {
            if (!pairedMine.contains(candidate.mine()) && !pairedTheirs.contains(candidate.theirs())) {
                pairedMine.add(candidate.mine());
                pairedTheirs.add(candidate.theirs());
                pairs.add(candidate);
            }
        }
        List<SideDocument> unpaired = rest.stream().filter(d -> !pairedTheirs.contains(d)).toList();
        return new Result(pairs, unpaired);
    }

    private static List<Pair> candidates(List<SideDocument> mine, List<SideDocument> theirs) {
        List<Pair> candidates = new ArrayList<>();
        if (mine.isEmpty() || theirs.isEmpty()) {
            return candidates;
        }
        Map<SideDocument, TextAlignment.Tokens> tokens = new IdentityHashMap<>();
        for (SideDocument their : theirs) {
            TextAlignment.Tokens theirTokens = tokens.computeIfAbsent(their, d -> new TextAlignment.Tokens(d.document().text()));
            for (SideDocument my : mine) {
                double threshold = title(my).equals(title(their)) ? SAME_TITLE : OTHER_TITLE;
                TextAlignment.Tokens myTokens = tokens.computeIfAbsent(my, d -> new TextAlignment.Tokens(d.document().text()));
                if (TextAlignment.similarityBound(theirTokens, myTokens) < threshold) {
                    continue;
                }
                TextAlignment alignment = TextAlignment.of(theirTokens, myTokens);
                if (alignment.similarity() >= threshold) {
                    candidates.add(new Pair(my, their, alignment));
                }
            }
        }
        return candidates;
    }

    private static String title(SideDocument document) {
        return document.document().title().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
