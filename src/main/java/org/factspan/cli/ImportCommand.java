package org.factspan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.factspan.format.ArticleImport;
import org.factspan.format.FileKind;
import org.factspan.format.ImportResult;
import org.factspan.format.JsonImporter;
import org.factspan.model.FactSpanException;
import org.factspan.store.NewProject;
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
        Clock clock = Clock.systemUTC();
        if (!Files.exists(project)) {
            // A new project is filled aside and appears only if something was imported into it, so a failed import
            // leaves no project behind and never deletes one: no other program can have opened the draft.
            try (NewProject draft = NewProject.begin(project)) {
                Outcome outcome = importFiles(draft.store(), clock);
                if (outcome.imported().isEmpty() || draft.publish()) {
                    return outcome.report();
                }
            } catch (FactSpanException e) {
                if (!Files.exists(project)) {
                    throw e;
                }
            }
            // Another program created the project meanwhile: import into that one instead.
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            return importFiles(store, clock).report();
        }
    }

    private Outcome importFiles(ProjectStore store, Clock clock) {
        store.onWaiting(spec.commandLine().getErr()::println);
        return allOrNothing ? importAllOrNothing(store, clock) : importEach(store, clock);
    }

    /**
     * What became of the files: a line for each imported one, the refusals, and a closing sentence for stderr. Kept
     * until the end, because a new project's draft may be dropped and the files imported again into the project
     * another program created meanwhile.
     */
    private final class Outcome {
        final List<String> lines = new ArrayList<>();
        final List<FactSpanException> refusals = new ArrayList<>();
        String summary;

        List<String> imported() {
            return lines;
        }

        int report() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            lines.forEach(out::println);
            refusals.forEach(e -> Cli.report(e, factspan.debug, err));
            if (summary != null) {
                err.println(summary);
            }
            return refusals.isEmpty() ? Cli.OK : Cli.BAD_INPUT;
        }
    }

    /** Imports each file in its own transaction. */
    private Outcome importEach(ProjectStore store, Clock clock) {
        Outcome outcome = new Outcome();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                outcome.lines.add(importOne(store, file, clock));
            } catch (FactSpanException e) {
                outcome.refusals.add(e);
                refused.add(file.toString());
            }
        }
        // With several files the refusals may have scrolled away among the successes; this line sums them up.
        if (!refused.isEmpty() && files.size() > 1) {
            outcome.summary = String.format("%d of %d files imported; refused: %s.", files.size() - refused.size(),
                    files.size(), String.join(", ", refused));
        }
        return outcome;
    }

    /**
     * Imports every file in one transaction, stopping at the first refusal: later files could only be refused or not
     * against writes that are rolled back anyway.
     */
    private Outcome importAllOrNothing(ProjectStore store, Clock clock) {
        Outcome outcome = new Outcome();
        List<String> done = new ArrayList<>();
        try {
            store.inTransaction(() -> files.forEach(file -> done.add(importOne(store, file, clock))));
        } catch (FactSpanException e) {
            outcome.refusals.add(e);
            if (done.size() == files.size()) {
                outcome.summary = "Nothing was imported (--all-or-nothing): the project could not be written.";
            } else {
                int unread = files.size() - done.size() - 1;
                outcome.summary = "Nothing was imported (--all-or-nothing): " + files.get(done.size()) + " was refused"
                        + (unread == 0 ? "." : ", and the " + unread + (unread == 1 ? " file" : " files")
                                + " after it " + (unread == 1 ? "was" : "were") + " not read.");
            }
            return outcome;
        }
        // Only lines of a committed transaction: none may claim a file the rollback took out again.
        outcome.lines.addAll(done);
        return outcome;
    }

    private static String importOne(ProjectStore store, Path file, Clock clock) {
        if (FileKind.of(file) == FileKind.EXPORT) {
            ImportResult result = new JsonImporter(clock).importFile(file, store);
            return String.format("%s: %d documents added, %d merged; %d annotations added, %d already present%s",
                    file, result.documentsAdded(), result.documentsMerged(), result.annotationsAdded(),
                    result.annotationsSkipped(), result.linksAdded() == 0 ? ""
                            : String.format("; %d links added", result.linksAdded()));
        }
        if (FileKind.of(file) == FileKind.ARTICLE) {
            ArticleImport.Outcome outcome = new ArticleImport(clock).importFile(store, file);
            return outcome.added()
                    ? String.format("%s: added as \"%s\" (%,d code points)", file, outcome.document().title(),
                            outcome.document().length())
                    : String.format("%s: already in the project as \"%s\"", file, outcome.document().title());
        }
        throw new FactSpanException(file + " is neither a .txt article nor a FactSpan .json export.");
    }
}
