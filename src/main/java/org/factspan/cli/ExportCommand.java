package org.factspan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import org.factspan.format.JsonExporter;
import org.factspan.format.AtomicFile;
import org.factspan.store.ProjectStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export",
        description = {"Export a project's documents and annotations.",
            "Without -o, writes a new file under exports/ named after the project and prints its path."})
final class ExportCommand implements Callable<Integer> {

    /** The formats this version writes; more (brat, doccano, CoNLL) will join. */
    enum Format { json }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "PROJECT", description = "The .factspan project file.")
    Path project;

    @Option(names = "--format", defaultValue = "json", description = "Output format: ${COMPLETION-CANDIDATES}"
            + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", description = "Where to write; - for stdout.")
    String output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Clock clock = Clock.systemUTC();
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            JsonExporter exporter = new JsonExporter(clock);
            if ("-".equals(output)) {
                OutputStream stdout = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                exporter.export(store, stdout);
                stdout.flush();
                return Cli.OK;
            }
            Path target = output != null ? Path.of(output) : defaultTarget(store, clock);
            AtomicFile.write(target, out -> exporter.export(store, out));
            PrintWriter out = spec.commandLine().getOut();
            out.println(target);
        }
        return Cli.OK;
    }

    private static Path defaultTarget(ProjectStore store, Clock clock) {
        String base = store.name() + "-" + STAMP.format(clock.instant());
        Path target = Path.of("exports", base + ".json");
        for (int n = 2; Files.exists(target); n++) {
            target = Path.of("exports", base + "-" + n + ".json");
        }
        return target;
    }
}
