package org.factspan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What one run of the command line did: its exit code and what it wrote to stdout and stderr. */
record CliRun(int exit, String out, String err) {

    /** Runs {@code factspan ARGS} in this JVM through {@link Cli#run(PrintWriter, PrintWriter, String...)}. */
    static CliRun inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            exit = Cli.run(o, e, args);
        }
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * Runs {@code factspan ARGS} as a user does, in a child JVM through {@code org.factspan.Launcher} on this test's
     * class path, in {@code workingDirectory}, without a display. Needed where the command writes to the process's own stdout or resolves
     * paths against the working directory.
     */
    static CliRun childProcess(Path workingDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                "org.factspan.Launcher"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("factspan-cli", ".out");
        Path stderr = Files.createTempFile("factspan-cli", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // As on a server: anything that wrongly reaches for the window fails at once instead of opening one.
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("factspan " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new CliRun(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** The lines of stderr, without empty ones. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The lines of stdout, without empty ones. */
    List<String> outLines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
