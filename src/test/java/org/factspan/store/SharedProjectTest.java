package org.factspan.store;

import static org.factspan.store.ProjectStoreTest.annotation;
import static org.factspan.store.ProjectStoreTest.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.factspan.DiskConditions;
import org.factspan.model.Document;
import org.factspan.model.FactSpanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stores - standing in for several programs - on one project file at once (issue 9, ADR 0008). */
class SharedProjectTest {

    @TempDir
    Path dir;

    @Test
    void aWriterWaitsForAnotherWritersTransactionInsteadOfFailing() throws Exception {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (ProjectStore first = ProjectStore.open(file); ProjectStore second = ProjectStore.open(file)) {
            CountDownLatch inside = new CountDownLatch(1);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<?> slow = thread.submit(() -> first.inTransaction(() -> {
                first.addDocumentIfAbsent(document("d1", "one"));
                inside.countDown();
                sleep(700);
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            // Reads first and then writes, as an import does: a deferred transaction would fail at once with
            // SQLITE_BUSY here, since its snapshot is older than the other's commit.
            second.inTransaction(() -> {
                second.documents();
                second.addDocumentIfAbsent(document("d2", "two"));
            });
            slow.get(10, TimeUnit.SECONDS);
            thread.shutdown();
            assertEquals(List.of("d1", "d2"), second.documents().stream().map(DocumentSummary::id).toList());
        }
    }

    @Test
    void aWriterThatWaitsLongerThanItsLimitSaysTheProjectIsBusyAndWritesNothing() throws Exception {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (ProjectStore importer = ProjectStore.open(file); ProjectStore window = ProjectStore.open(file)) {
            window.setWriteWait(Duration.ofMillis(200));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread thread = new Thread(() -> importer.inTransaction(() -> {
                importer.addDocumentIfAbsent(document("d1", "one"));
                inside.countDown();
                await(done);
            }));
            thread.start();
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            StoreException busy = assertThrows(StoreException.class,
                    () -> window.addDocumentIfAbsent(document("d2", "two")));
            done.countDown();
            thread.join(10_000);
            assertEquals(StoreException.Kind.BUSY, busy.kind());
            assertEquals("Could not write to the project " + file + ": another program (an import, or FactSpan in"
                    + " another window) is writing to it and did not finish in time; try again in a moment.",
                    busy.getMessage());
            assertEquals(List.of("d1"), window.documents().stream().map(DocumentSummary::id).toList());
        }
    }

    @Test
    void ofTwoProgramsCreatingOneProjectAtOnceOneCreatesItAndTheOtherOpensIt() throws Exception {
        for (int r = 0; r < 10; r++) {
            String round = String.valueOf(r);
            Path file = dir.resolve("new-" + round + ".factspan");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (String id : List.of("a", "b")) {
                runs.add(threads.submit(() -> {
                    await(start);
                    try (ProjectStore store = ProjectStore.openOrCreate(file)) {
                        store.addDocumentIfAbsent(document(id + round, "text of " + id));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            try (ProjectStore store = ProjectStore.openReadOnly(file)) {
                assertEquals(4, store.labels().size());
                assertEquals(2, store.documents().size());
            }
            assertEquals(List.of(file.getFileName().toString()), namesIn(dir).stream()
                    .filter(n -> n.startsWith("new-" + round + ".") || n.startsWith(".new-" + round + ".")).toList(),
                    "no draft is left behind");
        }
    }

    @Test
    void aDraftThatIsNotPublishedLeavesNothingAndAPublishedOneAppearsWhole() throws Exception {
        Path file = dir.resolve("p.factspan");
        try (NewProject draft = NewProject.begin(file)) {
            draft.store().addDocumentIfAbsent(document("d1", "one"));
            assertFalse(Files.exists(file), "a draft is invisible under the project's name");
        }
        assertEquals(List.of(), namesIn(dir));
        try (NewProject draft = NewProject.begin(file)) {
            draft.store().addDocumentIfAbsent(document("d1", "one"));
            assertTrue(draft.publish());
        }
        assertEquals(List.of("p.factspan"), namesIn(dir));
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(1, store.documents().size());
            assertEquals(4, store.labels().size());
        }
    }

    @Test
    void aDraftIsNotPublishedOverAProjectAnotherProgramCreatedMeanwhile() throws Exception {
        Path file = dir.resolve("p.factspan");
        try (NewProject draft = NewProject.begin(file)) {
            try (ProjectStore other = ProjectStore.create(file)) {
                other.addDocumentIfAbsent(document("theirs", "their text"));
            }
            draft.store().addDocumentIfAbsent(document("mine", "my text"));
            assertFalse(draft.publish());
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            assertEquals(List.of("theirs"), store.documents().stream().map(DocumentSummary::id).toList());
        }
        assertEquals(List.of("p.factspan"), namesIn(dir));
    }

    @Test
    void aFailedCreationOnAFullDiskLeavesNoFileBehind() throws Exception {
        try (DiskConditions disk = new DiskConditions()) {
            Path small = disk.smallDisk(dir, 64);
            Files.write(small.resolve("filler"), new byte[60 * 1024]);
            Path file = small.resolve("p.factspan");
            FactSpanException refused = assertThrows(FactSpanException.class, () -> ProjectStore.create(file));
            assertTrue(refused.getMessage().startsWith("Cannot create the project " + file + ": "),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("disk is full"), refused.getMessage());
            assertEquals(List.of("filler"), namesIn(small));
        }
    }

    @Test
    void aWriteOnAFullDiskSaysTheDiskIsFullAndLeavesTheProjectAsItWas() throws Exception {
        try (DiskConditions disk = new DiskConditions()) {
            Path small = disk.smallDisk(dir, 512);
            Path file = small.resolve("p.factspan");
            ProjectStore.create(file).close();
            Files.write(small.resolve("filler"), new byte[(int) Files.getFileStore(small).getUsableSpace() - 128 * 1024]);
            try (ProjectStore store = ProjectStore.open(file)) {
                String big = "word ".repeat(200_000);
                StoreException full = assertThrows(StoreException.class, () -> store.inTransaction(
                        () -> store.addDocumentIfAbsent(document("d1", big))));
                assertEquals(StoreException.Kind.DISK_FULL, full.kind());
                assertEquals("Could not write to the project " + file + ": the disk is full; free some space and"
                        + " try again.", full.getMessage());
                assertEquals(List.of(), store.documents());
            }
            Files.write(small.resolve("more"), new byte[(int) Files.getFileStore(small).getUsableSpace()]);
            StoreException full = assertThrows(StoreException.class, () -> ProjectStore.open(file));
            assertEquals(StoreException.Kind.DISK_FULL, full.kind(), full.getMessage());
        }
    }

    @Test
    void aReadOnlyStoreSeesWhatAWriterCommitsAndCheckpointsWhileItIsOpen() throws Exception {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        assertFalse(Files.exists(ProjectFiles.wal(file)), "the project is closed: no log beside it");
        try (ProjectStore reader = ProjectStore.openReadOnly(file)) {
            assertEquals(0, reader.documents().size());
            try (ProjectStore writer = ProjectStore.open(file)) {
                for (int i = 0; i < 50; i++) {
                    Document doc = writer.addDocumentIfAbsent(document("d" + i, "text number " + i));
                    writer.insert(annotation("a" + i, doc, "claim", 0, 4));
                }
            }
            // The writer closed last but one, checkpointing its log into the file under the reader's feet: a reader
            // that took the file as immutable would now see pages it did not expect.
            assertEquals(50, reader.documents().size());
            assertEquals(1, reader.annotations("d49").size());
        }
        assertEquals(List.of("p.factspan"), namesIn(dir));
    }

    @Test
    void aNewerSchemaWaitingInTheLogIsRefusedThoughTheHeaderIsOld() throws Exception {
        Path file = dir.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (Connection newer = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = newer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("PRAGMA user_version = 999");
            // While this connection is open, 999 is in the -wal only; the header still says the current version.
            assertEquals(Schema.VERSION, ProjectHeader.check(file));
            String expected = file + " was written by a newer FactSpan (project schema 999); this version reads"
                    + " schemas up to " + Schema.VERSION + ", so update FactSpan to open it.";
            assertEquals(expected, assertThrows(FactSpanException.class, () -> ProjectStore.open(file)).getMessage());
            assertEquals(expected,
                    assertThrows(FactSpanException.class, () -> ProjectStore.openReadOnly(file)).getMessage());
        }
    }

    @Test
    void aWriteProtectedProjectIsRefusedForWritingBeforeSqliteTouchesItAndReadsWithoutSideFiles() throws Exception {
        Path file = dir.resolve("p.factspan");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.addDocumentIfAbsent(document("d1", "one"));
        }
        try (DiskConditions disk = new DiskConditions()) {
            disk.writeProtect(file);
            StoreException refused = assertThrows(StoreException.class, () -> ProjectStore.open(file));
            assertEquals(StoreException.Kind.READ_ONLY, refused.kind());
            assertEquals("The project " + file + " is write-protected, so FactSpan cannot save to it; open it"
                    + " read-only, or make it writable.", refused.getMessage());
            assertEquals(List.of("p.factspan"), namesIn(dir), "no write-protected -shm that blocks later writers");
            try (ProjectStore reader = ProjectStore.openReadOnly(file)) {
                assertEquals(1, reader.documents().size());
            }
            assertEquals(List.of("p.factspan"), namesIn(dir));
        }
        try (ProjectStore store = ProjectStore.open(file)) {
            store.addDocumentIfAbsent(document("d2", "two"));
        }
    }

    @Test
    void aProjectInAReadOnlyFolderIsRefusedForWritingAndReadable() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path file = folder.resolve("p.factspan");
        ProjectStore.create(file).close();
        try (DiskConditions disk = new DiskConditions()) {
            disk.writeProtect(folder);
            StoreException refused = assertThrows(StoreException.class, () -> ProjectStore.open(file));
            assertEquals("The folder of the project " + file + " is read-only, so FactSpan cannot save to the"
                    + " project; open it read-only, or move it.", refused.getMessage());
            try (ProjectStore reader = ProjectStore.openReadOnly(file)) {
                assertEquals(4, reader.labels().size());
            }
            assertEquals(List.of("p.factspan"), namesIn(folder));
        }
    }

    @Test
    void aSnapshotKeepsOneStateWhileOthersWrite() throws Exception {
        Path file = dir.resolve("p.factspan");
        try (ProjectStore writer = ProjectStore.create(file)) {
            Document doc = writer.addDocumentIfAbsent(document("d1", "one two three"));
            writer.insert(annotation("a1", doc, "claim", 0, 3));
            try (Snapshot snapshot = writer.snapshot(2)) {
                assertEquals(2, snapshot.readers().size());
                writer.insert(annotation("a2", doc, "claim", 4, 7));
                writer.addLabel(new org.factspan.model.Label("rumour", "#777777", 0));
                writer.addDocumentIfAbsent(document("d2", "four"));
                for (ProjectStore view : Stream.concat(Stream.of(snapshot.main()), snapshot.readers().stream())
                        .toList()) {
                    assertEquals(1, view.annotations("d1").size());
                    assertEquals(4, view.labels().size());
                    assertEquals(1, view.documents().size());
                }
            }
            assertEquals(2, writer.annotations("d1").size(), "the writer was never blocked for long");
        }
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
