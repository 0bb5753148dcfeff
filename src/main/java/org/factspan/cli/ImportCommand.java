package org.factspan.cli;

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
        Clock clock = Clock.systemUTC();
        if (!Files.exists(project)) {
            // A new project is filled aside and appears only if something was imported into it, so a failed import
            // leaves no project behind and never deletes one: no other program can have opened the draft.
            try (NewProject draft = NewProject.begin(project)) {
                Outcome outcome = importAll(draft.store(), clock);
                if (outcome.failed() == files.size() || draft.publish()) {
                    return outcome.report(spec);
                }
            } catch (FactSpanException e) {
                if (!Files.exists(project)) {
                    throw e;
                }
            }
            // Another program created the project meanwhile: import into that one instead.
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            return importAll(store, clock).report(spec);
        }
    }

    /** What happened to each file: a line for stdout, or the sentence that refused it. */
    private record Outcome(List<String> lines, List<String> refusals) {

        int failed() {
            return refusals.size();
        }

        int report(CommandSpec spec) {
            lines.forEach(spec.commandLine().getOut()::println);
            refusals.forEach(spec.commandLine().getErr()::println);
            return refusals.isEmpty() ? Cli.OK : Cli.BAD_INPUT;
        }
    }

    private Outcome importAll(ProjectStore store, Clock clock) {
        store.onWaiting(spec.commandLine().getErr()::println);
        List<String> lines = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Path file : files) {
            try {
                lines.add(importOne(store, file, clock));
            } catch (FactSpanException e) {
                refusals.add(e.getMessage());
            }
        }
        return new Outcome(lines, refusals);
    }

    private static String importOne(ProjectStore store, Path file, Clock clock) {
        if (FileKind.of(file) == FileKind.EXPORT) {
            ImportResult result = new JsonImporter(clock).importFile(file, store);
            return String.format("%s: %d documents added, %d merged; %d annotations added, %d already present",
                    file, result.documentsAdded(), result.documentsMerged(), result.annotationsAdded(),
                    result.annotationsSkipped());
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
