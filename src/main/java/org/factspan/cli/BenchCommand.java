package org.factspan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.factspan.edit.Editor;
import org.factspan.format.ArticleImport;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Measures the core against its targets on generated data (docs/benchmarks.md records the figures). Not a test:
 * timings depend on the machine, so they are printed, never asserted.
 */
@Command(name = "bench", description = {"Measure import, committed edits, loading and export on generated data.",
    "Prints medians; see docs/benchmarks.md. Uses a temporary folder it removes afterwards."})
final class BenchCommand implements Callable<Integer> {

    private static final String[] LABELS = {"claim", "denial", "evidence", "attribution"};

    @Option(names = "--quick", description = "Small sizes, to check that the benchmark runs.")
    boolean quick;

    @Option(names = "--runs", defaultValue = "5", description = "Repetitions of each whole-process timing.")
    int runs;

    @Option(names = "--jar", description = "factspan.jar for the whole-process export timing"
            + " (default: the jar this runs from).")
    Path jar;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("factspan-bench");
        try {
            int articleBytes = quick ? 100_000 : 1_000_000;
            out.printf(Locale.ROOT, "FactSpan benchmark (%s sizes), Java %s, %d cores%n", quick ? "quick" : "full",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            Path article = dir.resolve("article.txt");
            Files.writeString(article, GeneratedArticle.text(articleBytes, 1), StandardCharsets.UTF_8);
            importArticle(dir, article);
            editOneAtATime(dir, article, quick ? 2_000 : 20_000);
            load(dir, quick ? 10_000 : 100_000);
            export(dir, quick ? 10 : 1_000, quick ? 100 : 1_000);
        } finally {
            deleteTree(dir);
        }
        return Cli.OK;
    }

    private void importArticle(Path dir, Path article) {
        long[] times = new long[quick ? 3 : 7];
        for (int i = 0; i < times.length; i++) {
            try (ProjectStore store = ProjectStore.create(dir.resolve("import-" + i + ".factspan"))) {
                long start = System.nanoTime();
                new ArticleImport(Clock.systemUTC()).importFile(store, article);
                times[i] = System.nanoTime() - start;
            }
        }
        out.printf(Locale.ROOT, "import a %,d-byte article: median %.1f ms (%d runs)%n", size(article),
                median(times) / 1e6, times.length);
    }

    private void editOneAtATime(Path dir, Path article, int edits) {
        try (ProjectStore store = ProjectStore.create(dir.resolve("edits.factspan"))) {
            Document doc = new ArticleImport(Clock.systemUTC()).importFile(store, article).document();
            Editor editor = new Editor(store, "bench");
            long[] times = new long[edits];
            int step = doc.length() / edits;
            for (int i = 0; i < edits; i++) {
                long start = System.nanoTime();
                editor.add(doc, LABELS[i % LABELS.length], i * step, i * step + Math.max(1, step - 1));
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            out.printf(Locale.ROOT, "%,d committed edits one at a time: median %.2f ms, p99 %.2f ms, max %.1f ms"
                            + " (target: median <= 2 ms, p99 <= 10 ms)%n", edits, times[edits / 2] / 1e6,
                    times[edits * 99 / 100] / 1e6, times[edits - 1] / 1e6);
        }
    }

    private void load(Path dir, int annotations) {
        Path file = dir.resolve("load.factspan");
        String documentId;
        try (ProjectStore store = ProjectStore.create(file)) {
            documentId = generate(store, 1, annotations, 0).get(0);
        }
        long[] times = new long[quick ? 3 : 7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            try (ProjectStore store = ProjectStore.open(file)) {
                if (store.annotations(documentId).size() != annotations) {
                    throw new IllegalStateException("lost annotations");
                }
            }
            times[i] = System.nanoTime() - start;
        }
        out.printf(Locale.ROOT, "open a project and load %,d annotations: median %.0f ms, first run %.0f ms"
                + " (target: <= 500 ms)%n", annotations, median(times) / 1e6, times[0] / 1e6);
    }

    private void export(Path dir, int documents, int perDocument) throws IOException, InterruptedException {
        Path file = dir.resolve("export.factspan");
        try (ProjectStore store = ProjectStore.create(file)) {
            generate(store, documents, perDocument, 1);
        }
        int total = documents * perDocument;
        Path self = jar != null ? jar : runningJar();
        if (self == null) {
            out.println("export: skipped the whole-process timing (not running from factspan.jar; pass --jar)");
            return;
        }
        // Both write to standard output redirected to a file, so neither pays for more than producing the JSON;
        // 'export -o FILE' also syncs the file to disk before renaming it into place (see docs/benchmarks.md).
        List<String> factspan = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                self.toString(), "export", file.toString(), "-o", "-");
        List<String> sqlite = List.of("sqlite3", "-json", file.toString(),
                "SELECT id, document_id, label, start_offset, end_offset, quote, annotator, created, modified, note"
                        + " FROM annotation ORDER BY document_id, start_offset, end_offset, label");
        long[] ours = new long[runs];
        long[] theirs = new long[runs];
        for (int i = 0; i < runs; i++) {
            ours[i] = timeProcess(factspan, dir.resolve("out.json"));
            theirs[i] = timeProcess(sqlite, dir.resolve("sqlite.json"));
            if (theirs[i] < 0) {
                out.println("export: sqlite3 is not installed; install it to compare (apt-get install sqlite3)");
                return;
            }
        }
        double ratio = median(ours) / (double) median(theirs);
        out.printf(Locale.ROOT, "export %,d annotations in %,d documents, whole process: factspan %.2f s,"
                        + " sqlite3 -json %.2f s, ratio %.2f (target: <= 1.5); output %,d vs %,d bytes%n",
                total, documents, median(ours) / 1e9, median(theirs) / 1e9, ratio,
                size(dir.resolve("out.json")), size(dir.resolve("sqlite.json")));
    }

    /** Adds documents of generated text with annotations spread over them; returns the document ids. */
    private static List<String> generate(ProjectStore store, int documents, int perDocument, int seed) {
        List<String> ids = new ArrayList<>();
        Instant now = org.factspan.model.Timestamps.now(java.time.Clock.systemUTC());
        store.inTransaction(() -> {
            for (int d = 0; d < documents; d++) {
                String text = GeneratedArticle.text(Math.max(2_000, perDocument * 12), seed * 100_000 + d);
                Document doc = store.addDocumentIfAbsent(new Document(UUID.randomUUID().toString(), "article " + d,
                        null, Sha256.hex(text), text, now));
                ids.add(doc.id());
                int step = doc.length() / perDocument;
                for (int i = 0; i < perDocument; i++) {
                    int start = i * step;
                    int end = start + Math.max(1, Math.min(step, 8 + i % 40));
                    store.insert(new Annotation(UUID.randomUUID().toString(), doc.id(), LABELS[i % 4], start, end,
                            doc.index().slice(start, end), "bench", now, now, i % 10 == 0 ? "checked" : null));
                }
            }
        });
        return ids;
    }

    private static long timeProcess(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.to(output.toFile()));
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return -1;
        }
        int exit = process.waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return elapsed;
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
