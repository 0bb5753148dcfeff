package org.factspan.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;

/**
 * A colleague's annotations compared with mine: which documents pair up, their annotations placed on my texts, the
 * differences, and the agreement figures. Computing it reads the two sides only; neither file is touched.
 *
 * @param labels    my labels in my order, then labels only theirs has
 * @param documents the paired documents, in my project's order
 * @param unpaired  their documents that pair with none of mine; their annotations there are not compared
 * @param overall   the figures pooled over all paired documents
 */
public record Review(List<String> labels, List<ReviewedDocument> documents, List<Document> unpaired,
                     Agreement.Figures overall) {

    /**
     * One paired document.
     *
     * @param orphans     their annotations that could not be placed on my text, as they were in theirs (with their
     *                    quote); outside the differences and the figures
     * @param differences every annotation of mine and every placed one of theirs, each in exactly one difference
     */
    public record ReviewedDocument(Document mine, Document theirs, List<Annotation> orphans,
                                   List<Difference> differences, Agreement.Figures figures) {
    }

    public Review {
        labels = List.copyOf(labels);
        documents = List.copyOf(documents);
        unpaired = List.copyOf(unpaired);
    }

    /**
     * Compares a colleague's side with mine. Refuses, in one sentence, their file being my own file, and a file that
     * shares no document with mine (none has my text, nor a similar text, see {@link DocumentPairing}).
     */
    public static Review compare(ReviewSide mine, ReviewSide theirs) {
        if (sameFile(mine.origin(), theirs.origin())) {
            throw new FactSpanException(theirs.origin() + " is your own project; choose a colleague's file to review.");
        }
        DocumentPairing.Result pairing = DocumentPairing.pair(mine.documents(), theirs.documents());
        if (pairing.pairs().isEmpty()) {
            throw new FactSpanException(theirs.origin() + " shares no document with your project: none of its texts"
                    + " is the same as, or similar enough to, one of yours.");
        }
        Set<String> labels = new LinkedHashSet<>(mine.labels());
        labels.addAll(theirs.labels());
        List<String> labelList = List.copyOf(labels);

        Map<SideDocument, Integer> myOrder = new IdentityHashMap<>();
        mine.documents().forEach(d -> myOrder.put(d, myOrder.size()));
        List<DocumentPairing.Pair> pairs = new ArrayList<>(pairing.pairs());
        pairs.sort(Comparator.comparingInt(p -> myOrder.get(p.mine())));

        List<ReviewedDocument> documents = new ArrayList<>();
        List<Agreement.Input> inputs = new ArrayList<>();
        for (DocumentPairing.Pair pair : pairs) {
            Document my = pair.mine().document();
            Reanchorer reanchorer = new Reanchorer(pair.theirs().document().index(), my.index(), my.id(),
                    pair.alignment());
            List<Annotation> placed = new ArrayList<>();
            List<Annotation> orphans = new ArrayList<>();
            for (Annotation their : pair.theirs().annotations()) {
                Optional<Annotation> moved = reanchorer.place(their);
                moved.ifPresentOrElse(placed::add, () -> orphans.add(their));
            }
            List<Difference> differences = Differ.differences(pair.mine().annotations(), placed);
            Agreement.Input input = new Agreement.Input(my.index(), differences);
            inputs.add(input);
            documents.add(new ReviewedDocument(my, pair.theirs().document(), orphans, differences,
                    Agreement.of(labelList, List.of(input))));
        }
        // One paired document is the usual case, and its study is the overall one: alpha_u is the costly figure.
        Agreement.Figures overall = documents.size() == 1 ? documents.get(0).figures()
                : Agreement.of(labelList, inputs);
        List<Document> unpaired = pairing.unpaired().stream().map(SideDocument::document).toList();
        return new Review(labelList, documents, unpaired, overall);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
