package org.factspan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.factspan.format.ArticleImport;
import org.factspan.format.ImportResult;
import org.factspan.format.JsonImporter;
import org.factspan.model.FactSpanException;
import org.factspan.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import",
        description = {"Import .txt articles and FactSpan .json exports into a project, creating it if missing.",
            "Each file is imported on its own: a refused file is reported, the other files are imported and kept,"
                + " and the exit status is 2. With --all-or-nothing one refused file keeps every file out."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The .factspan project file.")
    Path project;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = ".txt articles or .json exports.")
    List<Path> files;

    @Option(names = "--all-or-nothing",
            description = "Import every file in one transaction: if one is refused, nothing is imported.")
    boolean allOrNothing;

    @ParentCommand
    FactSpanCommand factspan;

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
            failed = allOrNothing ? importAllOrNothing(store, clock, out, err) : importEach(store, clock, out, err);
        } finally {
            if (created && failed == files.size()) {
                deleteQuietly(project);
            }
        }
        return failed == 0 ? Cli.OK : Cli.BAD_INPUT;
    }

    /** Imports each file in its own transaction; returns how many were refused. */
    private int importEach(ProjectStore store, Clock clock, PrintWriter out, PrintWriter err) {
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                out.println(importOne(store, file, clock));
            } catch (FactSpanException e) {
                Cli.report(e, factspan.debug, err);
                refused.add(file.toString());
            }
        }
        // With several files the refusals may have scrolled away among the successes; this line sums them up.
        if (!refused.isEmpty() && files.size() > 1) {
            err.printf("%d of %d files imported; refused: %s.%n", files.size() - refused.size(), files.size(),
                    String.join(", ", refused));
        }
        return refused.size();
    }

    /**
     * Imports every file in one transaction, stopping at the first refusal: later files could only be refused or not
     * against writes that are rolled back anyway. Returns how many files were not imported.
     */
    private int importAllOrNothing(ProjectStore store, Clock clock, PrintWriter out, PrintWriter err) {
        List<String> done = new ArrayList<>();
        try {
            store.inTransaction(() -> files.forEach(file -> done.add(importOne(store, file, clock))));
        } catch (FactSpanException e) {
            Cli.report(e, factspan.debug, err);
            if (done.size() == files.size()) {
                err.println("Nothing was imported (--all-or-nothing): the project could not be written.");
            } else {
                int unread = files.size() - done.size() - 1;
                err.println("Nothing was imported (--all-or-nothing): " + files.get(done.size()) + " was refused"
                        + (unread == 0 ? "." : ", and the " + unread + (unread == 1 ? " file" : " files")
                                + " after it " + (unread == 1 ? "was" : "were") + " not read."));
            }
            return files.size();
        }
        // Printed only after the commit, so that no line claims a file the rollback took out again.
        done.forEach(out::println);
        return 0;
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
