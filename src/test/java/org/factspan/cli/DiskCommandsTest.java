package org.factspan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.factspan.DiskConditions;
import org.factspan.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a full disk and on write-protected projects: the cause in one sentence, nothing left behind. */
class DiskCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aJsonImportThatFillsTheDiskSaysTheDiskIsFullAndLeavesTheProjectAsItWas() throws Exception {
        Path source = dir.resolve("source.factspan");
        Path article = Files.writeString(dir.resolve("long.txt"), "The minister said so. ".repeat(30_000));
        assertEquals(0, CliRun.inProcess("import", source.toString(), article.toString()).exit());
        Path export = dir.resolve("long.json");
        assertEquals(0, CliRun.inProcess("export", source.toString(), "-o", export.toString()).exit());

        try (DiskConditions disk = new DiskConditions()) {
            Path small = disk.smallDisk(dir, 1024);
            Path project = small.resolve("p.factspan");
            ProjectStore.create(project).close();
            Files.write(small.resolve("filler"), new byte[(int) Files.getFileStore(small).getUsableSpace() - 200 * 1024]);
            byte[] before = Files.readAllBytes(project);

            CliRun run = CliRun.inProcess("import", project.toString(), export.toString());
            assertEquals(Cli.BAD_INPUT, run.exit());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().contains(export.toString()), run.err());
            assertTrue(run.err().contains("the disk is full; free some space and try again."), run.err());
            try (ProjectStore store = ProjectStore.openReadOnly(project)) {
                assertEquals(List.of(), store.documents());
            }
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(project)), "the project file is unchanged");
        }
    }

    @Test
    void anImportIntoAWriteProtectedProjectIsRefusedLeavesNoSideFilesAndWorksOnceItIsWritable() throws Exception {
        Path project = dir.resolve("p.factspan");
        Path article = Files.writeString(dir.resolve("a.txt"), "The minister said so.\n");
        ProjectStore.create(project).close();
        try (DiskConditions disk = new DiskConditions()) {
            disk.writeProtect(project);
            CliRun refused = CliRun.inProcess("import", project.toString(), article.toString());
            assertEquals(Cli.BAD_INPUT, refused.exit());
            assertEquals(List.of("The project " + project + " is write-protected, so FactSpan cannot save to it; open"
                    + " it read-only, or make it writable."), refused.errLines());
            assertEquals(List.of("a.txt", "p.factspan"), namesIn(dir), "no -wal or -shm beside it");
        }
        CliRun imported = CliRun.inProcess("import", project.toString(), article.toString());
        assertEquals(0, imported.exit(), imported.err());
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
