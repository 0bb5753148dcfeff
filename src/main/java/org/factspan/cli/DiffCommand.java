package org.factspan.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.factspan.model.Annotation;
import org.factspan.review.Difference;
import org.factspan.review.Review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", description = {"List the differences between two annotators' files, one per line:",
    "DOCUMENT<TAB>CATEGORY<TAB>MINE<TAB>THEIRS, each side as LABEL [START,END) \"QUOTE\" or '-'.",
    "Categories: label_conflict, boundary_conflict, only_mine, only_theirs, orphan (theirs could not be placed);",
    "agree too with --all. Offsets are code points of my text (of theirs for orphans)."})
final class DiffCommand implements Callable<Integer> {

    @Mixin
    ReviewFiles files;

    @Option(names = "--all", description = "Also list the annotations both agree on.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Review review = files.compare();
        PrintWriter out = spec.commandLine().getOut();
        for (Review.ReviewedDocument document : review.documents()) {
            String title = document.mine().title();
            for (Difference difference : document.differences()) {
                if (all || difference.category() != Difference.Category.AGREE) {
                    out.println(String.join("\t", title, difference.category().key(), side(difference.mine()),
                            side(difference.theirs())));
                }
            }
            for (Annotation orphan : document.orphans()) {
                out.println(String.join("\t", title, "orphan", "-", side(orphan)));
            }
        }
        return Cli.OK;
    }

    private static String side(Annotation a) {
        if (a == null) {
            return "-";
        }
        String quote = a.quote().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\"", "\\\"");
        return a.label() + " [" + a.start() + "," + a.end() + ") \"" + quote + "\"";
    }
}
