package org.factspan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.factspan.model.Texts;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "info", description = "Show a project's documents, annotation counts per label and schema version.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The .factspan project file.")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            List<DocumentSummary> documents = store.documents();
            Map<String, Integer> counts = store.labelCounts();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.printf("Project   %s%n", store.path().toAbsolutePath());
            out.printf("Schema    %d%n", store.schemaVersion());
            out.printf("Documents %d, annotations %d%n", documents.size(), total);
            if (!documents.isEmpty()) {
                out.println();
                int width = documents.stream().mapToInt(d -> d.title().length()).max().orElse(5);
                width = Math.min(Math.max(width, 5), 48);
                out.printf("  %-" + width + "s %12s %12s%n", "Title", "Code points", "Annotations");
                for (DocumentSummary d : documents) {
                    out.printf("  %-" + width + "s %,12d %,12d%n", clip(d.title(), width), d.length(), d.annotations());
                }
            }
            out.println();
            out.printf("  %-12s %12s%n", "Label", "Annotations");
            counts.forEach((label, count) -> out.printf("  %-12s %,12d%n", label, count));
        }
        return Cli.OK;
    }

    private static String clip(String title, int width) {
        return Texts.abbreviate(title, width);
    }
}
