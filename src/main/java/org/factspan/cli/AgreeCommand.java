package org.factspan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.factspan.review.Agreement;
import org.factspan.review.AgreementReport;
import org.factspan.review.Review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "agree", description = {"Agreement between two annotators' files, per document and overall.",
    "Exact and overlap span F1, Cohen's kappa over code points and Krippendorff's unitizing alpha, per label.",
    "A figure that would be 0/0 is shown as '-' (null in JSON)."})
final class AgreeCommand implements Callable<Integer> {

    @Mixin
    ReviewFiles files;

    @Option(names = "--json", description = "Print one JSON object (the format is in docs/review.md).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Review review = files.compare();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            AgreementReport.write(review, out);
            out.println();
            return Cli.OK;
        }
        for (Review.ReviewedDocument document : review.documents()) {
            out.printf("%s (%d orphans)%n", document.mine().title(), document.orphans().size());
            table(out, document.figures());
            out.println();
        }
        out.println("Overall");
        table(out, review.overall());
        if (!review.unpaired().isEmpty()) {
            out.printf("%nNot compared (no matching document of mine): %d of their documents%n",
                    review.unpaired().size());
        }
        return Cli.OK;
    }

    private static void table(PrintWriter out, Agreement.Figures figures) {
        Agreement.Counts c = figures.counts();
        out.printf("  agree %d, label conflict %d, boundary conflict %d, only mine %d, only theirs %d%n",
                c.agree(), c.labelConflict(), c.boundaryConflict(), c.onlyMine(), c.onlyTheirs());
        out.printf("  %-14s %8s %10s %8s %8s%n", "label", "F1 exact", "F1 overlap", "kappa", "alpha_u");
        for (Map.Entry<String, Agreement.LabelFigures> entry : figures.labels().entrySet()) {
            Agreement.LabelFigures f = entry.getValue();
            out.printf("  %-14s %8s %10s %8s %8s%n", entry.getKey(), number(f.f1Exact()), number(f.f1Overlap()),
                    number(f.kappa()), number(f.alphaU()));
        }
        out.printf("  %-14s %8s %10s%n", "micro-average", number(figures.f1Exact()), number(figures.f1Overlap()));
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
