package org.factspan.review;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The agreement of a {@link Review} as the one JSON object {@code agree MINE THEIRS --json} prints:
 * <pre>
 * {"overall": M, "documents": [{"title", "sha256", "orphans": n, ...M}]}
 * M = {"counts": {"agree", "label_conflict", "boundary_conflict", "only_mine", "only_theirs"},
 *      "labels": {"&lt;label&gt;": {"f1_exact", "f1_overlap", "kappa", "alpha_u"}}, "f1_exact", "f1_overlap"}
 * </pre>
 * A document's title and sha256 are those of my copy. A 0/0 figure is JSON null. The tree is built by hand, not by
 * annotating the records, so that the key names here are the contract and renaming a Java field cannot change them.
 */
public final class AgreementReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AgreementReport() {
    }

    public static ObjectNode toJson(Review review) {
        ObjectNode root = NODES.objectNode();
        root.set("overall", figures(review.overall(), NODES.objectNode()));
        var documents = root.putArray("documents");
        for (Review.ReviewedDocument document : review.documents()) {
            ObjectNode node = documents.addObject();
            node.put("title", document.mine().title());
            node.put("sha256", document.mine().sha256());
            node.put("orphans", document.orphans().size());
            figures(document.figures(), node);
        }
        return root;
    }

    /** Writes the object on one line, without closing {@code out}. */
    public static void write(Review review, Writer out) throws IOException {
        out.write(MAPPER.writeValueAsString(toJson(review)));
    }

    private static ObjectNode figures(Agreement.Figures figures, ObjectNode node) {
        ObjectNode counts = node.putObject("counts");
        counts.put("agree", figures.counts().agree());
        counts.put("label_conflict", figures.counts().labelConflict());
        counts.put("boundary_conflict", figures.counts().boundaryConflict());
        counts.put("only_mine", figures.counts().onlyMine());
        counts.put("only_theirs", figures.counts().onlyTheirs());
        ObjectNode labels = node.putObject("labels");
        for (Map.Entry<String, Agreement.LabelFigures> entry : figures.labels().entrySet()) {
            ObjectNode label = labels.putObject(entry.getKey());
            label.put("f1_exact", entry.getValue().f1Exact());
            label.put("f1_overlap", entry.getValue().f1Overlap());
            label.put("kappa", entry.getValue().kappa());
            label.put("alpha_u", entry.getValue().alphaU());
        }
        node.put("f1_exact", figures.f1Exact());
        node.put("f1_overlap", figures.f1Overlap());
        return node;
    }
}
