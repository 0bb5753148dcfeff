package org.factspan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.format.JsonExporter;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.ProjectStore;
import org.factspan.text.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run at the same time on one project, as a script and a user do (issue 9): nothing is deleted, nothing
 * waits in vain, and every export is one state of the project that imports again.
 */
class ConcurrentCommandsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFailedImportNeverDeletesTheProjectAnotherImportFilledMeanwhile() throws Exception {
        Path project = dir.resolve("x.factspan");
        Path pipe = dir.resolve("bad.json");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "no mkfifo here");
        Path article = Files.writeString(dir.resolve("a.txt"), "The minister said the bridge was safe.\n");
        ExecutorService background = Executors.newSingleThreadExecutor();
        // The first import blocks reading the pipe until this test writes to it, so the second runs in between.
        Future<CliRun> first = background.submit(() -> CliRun.childProcess(dir, "import", project.toString(),
                pipe.toString()));
        waitUntil(() -> namesIn(dir).stream().anyMatch(n -> n.contains("x.factspan")));

        CliRun second = CliRun.inProcess("import", project.toString(), article.toString());
        assertEquals(0, second.exit(), second.err());

        try (OutputStream out = Files.newOutputStream(pipe)) {
            out.write("{\"format\": \"factspan\", \"version\": 1, \"documents\": [".getBytes(StandardCharsets.UTF_8));
        }
        CliRun failed = first.get(60, TimeUnit.SECONDS);
        background.shutdown();
        assertEquals(2, failed.exit(), failed.err());
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertEquals(1, store.documents().size(), "the second import's article is still there");
        }
        assertEquals(List.of("a.txt", "bad.json", "x.factspan"), namesIn(dir));
    }

    @Test
    void twoJsonImportsIntoOneProjectAtOnceBothLand() throws Exception {
        Path project = dir.resolve("p.factspan");
        assertEquals(0, CliRun.inProcess("import", project.toString(),
                Files.writeString(dir.resolve("start.txt"), "start\n").toString()).exit());
        for (int round = 0; round < 5; round++) {
            List<Path> files = List.of(export("a" + round, 2000), export("b" + round, 2000));
            List<CliRun> runs = atOnce(files.stream().map(f -> new String[] {"import", project.toString(),
                    f.toString()}).toList());
            for (CliRun run : runs) {
                assertEquals(0, run.exit(), run.err());
            }
        }
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            assertEquals(11, store.documents().size());
            assertEquals(20_000, store.labelCounts().get("claim"));
        }
    }

    @Test
    void twoImportsCreatingTheSameNewProjectAtOnceBothLandWithOneSetOfLabels() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path project = dir.resolve("new-" + round + ".factspan");
            List<Path> files = List.of(export("a" + round, 500), export("b" + round, 500));
            List<CliRun> runs = atOnce(files.stream().map(f -> new String[] {"import", project.toString(),
                    f.toString()}).toList());
            for (CliRun run : runs) {
                assertEquals(0, run.exit(), run.err());
            }
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                assertEquals(4, store.labels().size());
                assertEquals(2, store.documents().size());
            }
        }
    }

    @Test
    void everyExportTakenWhileImportsRunHoldsWholeImportsOnlyAndImportsAgain() throws Exception {
        Path project = dir.resolve("p.factspan");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(export("doc" + i, 2000));
        }
        assertEquals(0, CliRun.inProcess("import", project.toString(), files.get(0).toString()).exit());
        AtomicBoolean importing = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> imports = background.submit(() -> {
            try {
                for (Path file : files.subList(1, files.size())) {
                    CliRun run = CliRun.inProcess("import", project.toString(), file.toString());
                    assertEquals(0, run.exit(), run.err());
                }
            } finally {
                importing.set(false);
            }
            return null;
        });
        int exports = 0;
        while (importing.get() || exports < 3) {
            Path out = dir.resolve("export-" + exports + ".json");
            CliRun run = CliRun.inProcess("export", project.toString(), "-o", out.toString());
            assertEquals(0, run.exit(), run.err());
            JsonNode export = JSON.readTree(out.toFile());
            for (JsonNode document : export.get("documents")) {
                assertEquals(2000, document.get("annotations").size(), "export " + exports + " holds document "
                        + document.get("id") + " whole or not at all");
            }
            Path again = dir.resolve("again-" + exports + ".factspan");
            CliRun reimport = CliRun.inProcess("import", again.toString(), out.toString());
            assertEquals(0, reimport.exit(), reimport.err());
            exports++;
        }
        imports.get(120, TimeUnit.SECONDS);
        background.shutdown();
    }

    @Test
    void aDocumentReadInChunksWhileAnotherProgramAddsToItIsExportedOnceOverWithEachIdOnce() throws Exception {
        Path project = dir.resolve("p.factspan");
        String text = "w ".repeat(40_000);
        Document document = new Document("big", "big", null, Sha256.hex(text), text, T);
        try (ProjectStore store = ProjectStore.create(project)) {
            store.inTransaction(() -> {
                store.addDocumentIfAbsent(document);
                for (int i = 0; i < 25_000; i++) {
                    store.insert(annotation(document, "a" + i, "claim", 2 * i + 20_000));
                }
            });
        }
        AtomicBoolean exporting = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<Integer> writes = background.submit(() -> {
            int added = 0;
            try (ProjectStore writer = ProjectStore.open(project)) {
                // Spans that sort before every other: each shifts the rows a LIMIT/OFFSET chunk would read next.
                while (exporting.get() && added < 10_000) {
                    writer.insert(annotation(document, "early" + added, "denial", 2 * added));
                    added++;
                }
            }
            return added;
        });
        try {
            for (int i = 0; i < 3; i++) {
                Path out = dir.resolve("export-" + i + ".json");
                CliRun run = CliRun.inProcess("export", project.toString(), "-o", out.toString());
                assertEquals(0, run.exit(), run.err());
                Set<String> ids = new HashSet<>();
                for (JsonNode annotation : JSON.readTree(out.toFile()).get("documents").get(0).get("annotations")) {
                    assertTrue(ids.add(annotation.get("id").asText()), "export " + i + " repeats "
                            + annotation.get("id"));
                }
            }
        } finally {
            exporting.set(false);
        }
        assertTrue(writes.get(60, TimeUnit.SECONDS) > 0, "the writer ran during the exports");
        background.shutdown();
    }

    /** A FactSpan JSON export of one document with {@code annotations} one-letter claims. */
    private Path export(String id, int annotations) throws IOException {
        String text = (id + " ").repeat(1) + "x ".repeat(annotations);
        Document document = new Document(id, "title " + id, null, Sha256.hex(text), text, T);
        Path folder = Files.createTempDirectory(dir, "source");
        Path file = dir.resolve(id + ".json");
        try (ProjectStore store = ProjectStore.create(folder.resolve("source.factspan"));
             OutputStream out = Files.newOutputStream(file)) {
            store.inTransaction(() -> {
                store.addDocumentIfAbsent(document);
                for (int i = 0; i < annotations; i++) {
                    store.insert(annotation(document, id + "-" + i, "claim", id.length() + 1 + 2 * i));
                }
            });
            new JsonExporter(Clock.systemUTC()).export(store, out);
        }
        return file;
    }

    private static Annotation annotation(Document document, String id, String label, int start) {
        return new Annotation(id, document.id(), label, start, start + 1, document.index().slice(start, start + 1),
                "alice", T, T, null);
    }

    /** Runs the command lines in this JVM at the same moment, each on its own thread. */
    private static List<CliRun> atOnce(List<String[]> commands) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(commands.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (String[] command : commands) {
            runs.add(threads.submit(() -> {
                start.await();
                return CliRun.inProcess(command);
            }));
        }
        start.countDown();
        List<CliRun> done = new ArrayList<>();
        for (Future<CliRun> run : runs) {
            done.add(run.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();
        return done;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("source")).sorted().toList();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.sleep(20);
        }
    }
}
