package org.factspan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.factspan.format.ArticleImport;
import org.factspan.format.ImportResult;
import org.factspan.format.JsonImporter;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import",
        description = {"Import .txt articles and FactSpan .json exports into a project, creating it if missing.",
            "Each file is imported on its own: a refused file is reported and the others still import."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The .factspan project file.")
    Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = ".txt articles or .json exports.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean created = !Files.exists(project);
        int failed = 0;
        Clock clock = Clock.systemUTC();
        try (ProjectStore store = ProjectStore.openOrCreate(project)) {
            for (Path file : files) {
                try {
                    out.println(importOne(store, file, clock));
                } catch (FactSpanException e) {
                    err.println(e.getMessage());
                    failed++;
                }
            }
        } finally {
            if (created && failed == files.size()) {
                deleteQuietly(project);
            }
        }
        return failed == 0 ? Cli.OK : Cli.BAD_INPUT;
    }

    private static String importOne(ProjectStore store, Path file, Clock clock) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            ImportResult result = new JsonImporter(clock).importFile(file, store);
            return String.format("%s: %d documents added, %d merged; %d annotations added, %d already present",
                    file, result.documentsAdded(), result.documentsMerged(), result.annotationsAdded(),
                    result.annotationsSkipped());
        }
        if (name.endsWith(".txt")) {
            ArticleImport.Outcome outcome = new ArticleImport(clock).importFile(store, file);
            return outcome.added()
                    ? String.format("%s: added as \"%s\" (%,d code points)", file, outcome.document().title(),
                            outcome.document().length())
                    : String.format("%s: already in the project as \"%s\"", file, outcome.document().title());
        }
        throw new FactSpanException(file + " is neither a .txt article nor a FactSpan .json export.");
    }

    /** A project this command created for nothing is removed again, so a failed import leaves no trace. */
    private static void deleteQuietly(Path project) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(Path.of(project + suffix));
            } catch (java.io.IOException e) {
                // Leaving an empty project behind is harmless; the import error has been reported.
            }
        }
    }
}
