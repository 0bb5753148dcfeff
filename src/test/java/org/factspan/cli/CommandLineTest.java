package org.factspan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factspan.SharedFixtures;
import org.factspan.edit.Editor;
import org.factspan.format.JsonExporter;
import org.factspan.model.Annotation;
import org.factspan.model.Document;
import org.factspan.store.DocumentSummary;
import org.factspan.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, what goes to stdout and stderr, and what is left on disk. */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUDANOV = "000_cf6e1beb37eba1d1.txt";

    @TempDir
    Path folder;

    // ---- help, version, usage errors ------------------------------------------------------------------------------

    @Test
    void helpExitsZeroAndListsEverySubcommand() {
        CliRun run = CliRun.inProcess("--help");

        assertEquals(Cli.OK, run.exit(), run.toString());
        for (String command : List.of("import", "export", "info", "agree", "diff", "bench")) {
            assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith(command + " ")
                    || l.strip().equals(command)), command + " is listed:\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void versionExitsZeroAndNamesFactSpan() {
        CliRun run = CliRun.inProcess("--version");

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertTrue(run.out().startsWith("FactSpan "), run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyCommandPrintsItsOwnUsageForDashHDashDashHelpAndHelpCommand() {
        for (String command : List.of("import", "export", "info", "agree", "diff", "bench")) {
            for (String[] args : List.of(new String[] {command, "-h"}, new String[] {command, "--help"},
                    new String[] {"help", command})) {
                CliRun run = CliRun.inProcess(args);

                assertEquals(Cli.OK, run.exit(), String.join(" ", args) + ": " + run);
                assertTrue(run.out().startsWith("Usage: factspan " + command + " "), run.toString());
                assertTrue(run.out().contains("-h, --help"), run.toString());
                assertEquals("", run.err());
            }
        }
    }

    @Test
    void mistypedCommandOnAMachineWithoutADisplayIsAnUnknownCommandNamingTheClosest() throws Exception {
        CliRun run = CliRun.childProcess(folder, "imprt", "x");

        assertEquals(Cli.USAGE, run.exit(), run.toString());
        assertEquals(List.of("Unknown command 'imprt' (did you mean 'import'?); the commands are import, export, info,"
                + " agree, diff, bench and help."), run.errLines());
        assertEquals("", run.out());
        assertEquals(List.of(), fileNames(folder));
    }

    @Test
    void wordFarFromEveryCommandIsAnUnknownCommandListingThem() {
        CliRun run = CliRun.inProcess("frobnicate");

        assertEquals(Cli.USAGE, run.exit(), run.toString());
        assertEquals(List.of("Unknown command 'frobnicate'; the commands are import, export, info, agree, diff, bench"
                + " and help."), run.errLines());
    }

    @Test
    void subcommandWithoutItsArgumentsIsAUsageErrorNamingTheMissingParameter() {
        for (String command : List.of("import", "export", "info", "agree", "diff")) {
            CliRun run = CliRun.inProcess(command);

            assertEquals(Cli.USAGE, run.exit(), run.toString());
            List<String> missing = run.errLines().stream().filter(l -> l.startsWith("Missing required parameter"))
                    .toList();
            assertEquals(1, missing.size(), run.toString());
            assertTrue(missing.get(0).contains("PROJECT") || missing.get(0).contains("MINE"), run.toString());
            assertTrue(run.errLines().size() <= 2, "the missing parameter and at most a hint:\n" + run);
            assertFalse(run.err().contains("\tat "), run.toString());
            assertEquals("", run.out());
        }
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() throws IOException {
        Path project = importedProject();
        Map<String, String[]> cases = Map.of(
                "--frobnicate", new String[] {"--frobnicate"},
                "--shout", new String[] {"info", "--shout", project.toString()},
                "docx", new String[] {"export", project.toString(), "--format", "docx"});
        cases.forEach((named, args) -> {
            CliRun run = CliRun.inProcess(args);

            assertEquals(Cli.USAGE, run.exit(), run.toString());
            assertTrue(run.errLines().get(0).contains(named), run.toString());
            assertTrue(run.errLines().size() <= 2, run.toString());
            assertFalse(run.err().contains("\tat "), run.toString());
            assertEquals("", run.out());
        });
    }

    // ---- import ---------------------------------------------------------------------------------------------------

    @Test
    void importCreatesTheMissingProjectAndTurnsCrlfIntoLf() throws IOException {
        Path project = folder.resolve("new.factspan");
        Path crlf = folder.resolve("windows.txt");
        Files.write(crlf, "Mr Budanov said so.\r\nThe ministry denied it.\r\n".getBytes(StandardCharsets.UTF_8));
        Path seed = seed(BUDANOV);

        CliRun run = CliRun.inProcess("import", project.toString(), crlf.toString(), seed.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        assertEquals(2, run.outLines().size(), run.toString());
        assertTrue(run.outLines().get(0).startsWith(crlf + ": added as \"windows\""), run.toString());
        assertTrue(run.outLines().get(1).startsWith(seed + ": added as \"000_cf6e1beb37eba1d1\""), run.toString());
        assertTrue(Files.isRegularFile(project));
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(List.of("Mr Budanov said so.\nThe ministry denied it.\n",
                    Files.readString(seed, StandardCharsets.UTF_8)), texts(store));
        }

        CliRun again = CliRun.inProcess("import", project.toString(), seed.toString());
        assertEquals(Cli.OK, again.exit(), again.toString());
        assertEquals(List.of(seed + ": already in the project as \"000_cf6e1beb37eba1d1\""), again.outLines());
    }

    @Test
    void importReadsAFactSpanJsonExportWithItsAnnotations() throws IOException {
        Path source = folder.resolve("colleague.factspan");
        List<Annotation> annotations;
        try (ProjectStore store = ProjectStore.create(source)) {
            Document doc = new org.factspan.format.ArticleImport(Clock.systemUTC())
                    .importFile(store, seed(BUDANOV)).document();
            Editor editor = new Editor(store, "carol");
            tag(editor, doc, "claim", "Russia helped Hamas attacks on Israel with drone tactics");
            Annotation noted = tag(editor, doc, "attribution", "spy chief warns");
            editor.changeNote(noted.id(), "headline attribution");
            annotations = store.annotations(doc.id());
        }
        Path export = folder.resolve("colleague.json");
        try (ProjectStore store = ProjectStore.open(source); var out = Files.newOutputStream(export)) {
            new JsonExporter(Clock.systemUTC()).export(store, out);
        }
        Path project = folder.resolve("mine.factspan");

        CliRun run = CliRun.inProcess("import", project.toString(), export.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals(List.of(export + ": 1 documents added, 0 merged; 2 annotations added, 0 already present"),
                run.outLines());
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(1, store.documents().size());
            assertEquals(annotations, store.annotations(store.documents().get(0).id()));
        }
    }

    @Test
    void importOfGoodAndBadFilesReportsOneLinePerBadFileAndKeepsTheGoodOnes() throws IOException {
        Path project = folder.resolve("mixed.factspan");
        Path good = folder.resolve("good.txt");
        Files.writeString(good, "The spokesperson denied the report.\n", StandardCharsets.UTF_8);
        Path empty = Files.createFile(folder.resolve("empty.txt"));
        Path missing = folder.resolve("missing.txt");
        Path binary = folder.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        Path pdf = folder.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.7\n", StandardCharsets.US_ASCII);
        Path seed = seed(BUDANOV);
        List<Path> bad = List.of(empty, missing, binary, pdf);

        CliRun run = CliRun.inProcess("import", project.toString(), good.toString(), empty.toString(),
                missing.toString(), seed.toString(), binary.toString(), pdf.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        List<String> errors = run.errLines();
        assertEquals(bad.size() + 1, errors.size(), "one line per bad file and the sum:\n" + run);
        assertEquals("2 of 6 files imported; refused: " + empty + ", " + missing + ", " + binary + ", " + pdf + ".",
                errors.get(bad.size()));
        for (int i = 0; i < bad.size(); i++) {
            String line = errors.get(i);
            assertTrue(line.contains(bad.get(i).getFileName().toString()), line + " names " + bad.get(i));
            for (Path other : bad) {
                if (other != bad.get(i)) {
                    assertFalse(line.contains(other.getFileName().toString()), line);
                }
            }
        }
        assertFalse(run.err().contains("\tat "), run.toString());
        assertEquals(2, run.outLines().size(), run.toString());
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(List.of("good", "000_cf6e1beb37eba1d1"),
                    store.documents().stream().map(DocumentSummary::title).toList());
        }
    }

    @Test
    void importWhereEveryFileIsBadLeavesNoProjectBehind() throws IOException {
        Path project = folder.resolve("nothing.factspan");
        Path empty = Files.createFile(folder.resolve("empty.txt"));
        Path binary = folder.resolve("binary.txt");
        Files.write(binary, new byte[] {0, 1, 2, 3, 0, 0, 0, 0});
        Path pdf = folder.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.7\n", StandardCharsets.US_ASCII);
        Path json = folder.resolve("broken.json");
        Files.writeString(json, "{\"format\": \"factspan\", \"version\": 1, \"documents\": [", StandardCharsets.UTF_8);

        CliRun run = CliRun.inProcess("import", project.toString(), empty.toString(),
                folder.resolve("missing.txt").toString(), binary.toString(), pdf.toString(), json.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(6, run.errLines().size(), run.toString());
        assertTrue(run.errLines().get(5).startsWith("0 of 5 files imported; refused: "), run.toString());
        assertEquals(List.of("binary.txt", "broken.json", "empty.txt", "report.pdf"), fileNames(folder),
                "no project, -wal, -shm or -journal file is left");
    }

    @Test
    void importWithDebugPrintsTheStackTraceOfEachRefusedFile() throws IOException {
        Path project = folder.resolve("debug.factspan");
        Path good = Files.writeString(folder.resolve("good.txt"), "The minister denied it.\n", StandardCharsets.UTF_8);
        Path empty = Files.createFile(folder.resolve("empty.txt"));

        for (String[] args : List.of(new String[] {"--debug", "import", project.toString(), good.toString(),
                empty.toString()}, new String[] {"import", "--debug", project.toString(), empty.toString()})) {
            CliRun run = CliRun.inProcess(args);

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertTrue(run.err().contains("FactSpanException: " + empty + " is empty."), run.toString());
            assertTrue(run.err().contains("\tat org.factspan."), run.toString());
            assertTrue(run.errLines().contains(empty + " is empty."), "the sentence is still there:\n" + run);
        }
    }

    @Test
    void importOfJsonNestedTooDeepIsOneSentenceWithoutLibraryNamesAndLeavesTheProjectAsItWas() throws IOException {
        Path project = importedProject();
        byte[] before = Files.readAllBytes(project);
        Path deep = Files.writeString(folder.resolve("deep.json"), "[".repeat(100_000), StandardCharsets.UTF_8);

        CliRun run = CliRun.inProcess("import", project.toString(), deep.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(List.of(deep + " holds JSON nested more than 1000 levels deep at line 1, column 1001, deeper than"
                + " FactSpan reads; a FactSpan export is only a few levels deep."), run.errLines());
        assertArrayEquals(before, Files.readAllBytes(project));
    }

    @Test
    void aWriteTheProjectRefusesIsOneSentenceNamingTheImportedFile() throws IOException, SQLException {
        Path project = importedProject();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project);
             Statement statement = connection.createStatement()) {
            for (String table : List.of("document", "label")) {
                statement.executeUpdate("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table
                        + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");
            }
        }
        byte[] before = Files.readAllBytes(project);
        Path article = Files.writeString(folder.resolve("article.txt"), "A new article.\n", StandardCharsets.UTF_8);
        Path export = folder.resolve("export.json");
        Files.writeString(export, """
                {"format": "factspan", "version": 1, "exported": "2026-11-22T10:00:00Z",
                 "labels": [{"name": "satire", "color": "#56B4E9"}], "documents": []}
                """, StandardCharsets.UTF_8);

        for (Path file : List.of(article, export)) {
            CliRun run = CliRun.inProcess("import", project.toString(), file.toString());

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            // What follows is the store's account of the failure, which is the store's to word.
            assertTrue(run.err().startsWith(file + " was not imported: "), run.toString());
            assertArrayEquals(before, Files.readAllBytes(project));
        }
    }

    @Test
    void allOrNothingImportWithARefusedFileLeavesTheProjectExactlyAsItWas() throws IOException {
        Path project = importedProject();
        byte[] before = Files.readAllBytes(project);
        Path good = Files.writeString(folder.resolve("good.txt"), "The minister denied it.\n", StandardCharsets.UTF_8);
        Path empty = Files.createFile(folder.resolve("empty.txt"));
        Path later = Files.writeString(folder.resolve("later.txt"), "Not read at all.\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.inProcess("import", "--all-or-nothing", project.toString(), good.toString(),
                empty.toString(), later.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(List.of(empty + " is empty.", "Nothing was imported (--all-or-nothing): " + empty
                + " was refused, and the 1 file after it was not read."), run.errLines());
        assertEquals("", run.out(), "no line claims good.txt, which the rollback took out");
        assertArrayEquals(before, Files.readAllBytes(project), "the project is byte-for-byte as it was");
        assertEquals(List.of("empty.txt", "good.txt", "later.txt", "project.factspan"), fileNames(folder));
    }

    @Test
    void allOrNothingImportWithoutRefusalsImportsEveryFile() throws IOException {
        Path project = folder.resolve("all.factspan");
        Path one = Files.writeString(folder.resolve("one.txt"), "The minister denied it.\n", StandardCharsets.UTF_8);
        Path two = Files.writeString(folder.resolve("two.txt"), "The ministry confirmed it.\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.inProcess("import", "--all-or-nothing", project.toString(), one.toString(),
                two.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals(List.of(one + ": added as \"one\" (24 code points)", two + ": added as \"two\" (27 code points)"),
                run.outLines());
        assertEquals("", run.err());
        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(List.of("one", "two"), store.documents().stream().map(DocumentSummary::title).toList());
        }
    }

    // ---- export ---------------------------------------------------------------------------------------------------

    @Test
    void exportToAFileWritesAValidFactSpanExportAndPrintsItsPath() throws IOException {
        Path project = importedProject();
        Path target = folder.resolve("out").resolve("export.json");

        CliRun run = CliRun.inProcess("export", project.toString(), "-o", target.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals(List.of(target.toString()), run.outLines());
        assertEquals("", run.err());
        JsonNode export = JSON.readTree(target.toFile());
        assertEquals("factspan", export.get("format").textValue());
        assertEquals(1, export.get("version").intValue());
        assertEquals(3, export.get("documents").size());
        assertEquals(List.of("claim", "denial", "evidence", "attribution"),
                export.get("labels").findValuesAsText("name"));
    }

    @Test
    void exportGetsTheModeOfAnyNewFileOfTheUserNotAPrivateOne() throws IOException {
        Path project = importedProject();
        Path out = Files.createDirectory(folder.resolve("out"));
        assumeTrue(Files.getFileStore(out).supportsFileAttributeView("posix"), "a file system with Unix modes");
        Path target = out.resolve("export.json");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(out.resolve("usual.txt")));

        CliRun run = CliRun.inProcess("export", project.toString(), "-o", target.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals(PosixFilePermissions.toString(usual),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("export.json", "usual.txt"), fileNames(out), "no .part file is left");
    }

    @Test
    void exportToDashWritesTheExportToStdoutAndNothingElse() throws Exception {
        Path project = importedProject();

        CliRun run = CliRun.childProcess(folder, "export", project.toString(), "-o", "-");

        assertEquals(Cli.OK, run.exit(), run.toString());
        JsonNode export = JSON.readTree(run.out());
        assertEquals("factspan", export.get("format").textValue());
        assertEquals(1, export.get("version").intValue());
        assertEquals(3, export.get("documents").size());
        assertEquals("", run.err());
        assertEquals(List.of("project.factspan"), fileNames(folder), "no exports/ folder, no file beside the project");
    }

    @Test
    void exportWithoutOutputWritesANewFileUnderExportsInTheWorkingDirectory() throws Exception {
        Path project = importedProject();
        Path workingDirectory = Files.createDirectory(folder.resolve("cwd"));

        CliRun first = CliRun.childProcess(workingDirectory, "export", project.toString());
        CliRun second = CliRun.childProcess(workingDirectory, "export", project.toString());

        assertEquals(Cli.OK, first.exit(), first.toString());
        assertEquals(Cli.OK, second.exit(), second.toString());
        Path one = workingDirectory.resolve(first.out().strip());
        Path two = workingDirectory.resolve(second.out().strip());
        assertNotEquals(one, two);
        for (Path written : List.of(one, two)) {
            assertEquals(workingDirectory.resolve("exports"), written.getParent(), written.toString());
            assertTrue(written.getFileName().toString().matches("project-\\d{8}-\\d{6}(-\\d+)?\\.json"),
                    written.toString());
            assertEquals(3, JSON.readTree(written.toFile()).get("documents").size());
        }
        assertEquals(2, fileNames(workingDirectory.resolve("exports")).size());
    }

    // ---- info -----------------------------------------------------------------------------------------------------

    @Test
    void infoPrintsDocumentsCountsPerLabelAndTheSchemaVersion() throws IOException {
        Path project = importedProject();
        int schema;
        try (ProjectStore store = ProjectStore.open(project)) {
            schema = store.schemaVersion();
            Document doc = store.document(store.documents().get(0).id()).orElseThrow();
            Editor editor = new Editor(store, "alice");
            tag(editor, doc, "claim", "Russia helped Hamas attacks on Israel with drone tactics");
            tag(editor, doc, "claim", "Russia may have supplied Hamas invaders with captured Ukrainian weapons");
            tag(editor, doc, "attribution", "spy chief warns");
            tag(editor, doc, "evidence", "using for example FPV drones against armoured vehicles");
        }
        byte[] before = Files.readAllBytes(project);

        CliRun run = CliRun.inProcess("info", project.toString());

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().map(String::strip).toList();
        assertTrue(lines.contains("Schema    " + schema), run.out());
        assertTrue(lines.contains("Documents 3, annotations 4"), run.out());
        for (String title : List.of("000_cf6e1beb37eba1d1", "001_bd3f3987a620d1ba", "003_94a362b9198120d3")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(title + " ")), title + " listed:\n" + run.out());
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("000_cf6e1beb37eba1d1\\s+3,155\\s+4")), run.out());
        Map<String, Integer> expected = Map.of("claim", 2, "denial", 0, "evidence", 1, "attribution", 1);
        expected.forEach((label, count) -> assertTrue(lines.contains(String.format("%-12s %,12d", label, count)),
                label + " " + count + ":\n" + run.out()));
        assertArrayEquals(before, Files.readAllBytes(project), "info does not write to the project");
    }

    // ---- refused projects -----------------------------------------------------------------------------------------

    @Test
    void infoRefusesAFileThatIsNotSQLiteInOneLineAndLeavesItUnchanged() throws IOException {
        Path notes = folder.resolve("notes.factspan");
        Files.writeString(notes, "These are my notes, not a project.\n".repeat(20), StandardCharsets.UTF_8);

        assertRefused(notes, "not an SQLite database");
    }

    @Test
    void infoRefusesAMissingFileInOneLineAndCreatesNothing() throws IOException {
        Path missing = folder.resolve("missing.factspan");

        CliRun run = CliRun.inProcess("info", missing.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(missing.toString()), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
        assertEquals(List.of(), fileNames(folder));
    }

    @Test
    void infoRefusesAnotherProgramsSQLiteDatabaseInOneLineAndLeavesItUnchanged() throws IOException, SQLException {
        Path other = folder.resolve("browser-history.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE visits (url TEXT, at INTEGER)");
            statement.executeUpdate("INSERT INTO visits VALUES ('https://example.org', 1700000000)");
        }

        assertRefused(other, "not a FactSpan project");
    }

    @Test
    void infoRefusesAProjectFromANewerFactSpanInOneLineAndLeavesItUnchanged() throws IOException, SQLException {
        Path newer = folder.resolve("newer.factspan");
        try (ProjectStore store = ProjectStore.create(newer)) {
            new org.factspan.format.ArticleImport(Clock.systemUTC()).importFile(store, seed(BUDANOV));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = 99");
        }
        assertEquals(List.of("newer.factspan"), fileNames(folder), "the test's own connection left no WAL behind");

        assertRefused(newer, "newer FactSpan");
    }

    @Test
    void debugAddsTheStackTraceToARefusal() throws IOException {
        Path notes = folder.resolve("notes.factspan");
        Files.writeString(notes, "not a project", StandardCharsets.UTF_8);

        for (String[] args : List.of(new String[] {"--debug", "info", notes.toString()},
                new String[] {"info", "--debug", notes.toString()})) {
            CliRun run = CliRun.inProcess(args);

            assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
            assertTrue(run.err().contains("\tat "), run.toString());
            assertTrue(run.err().contains("FactSpanException"), run.toString());
            assertTrue(run.errLines().get(run.errLines().size() - 1).contains("is not a FactSpan project"),
                    "the sentence still ends the output:\n" + run);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void assertRefused(Path file, String reason) throws IOException {
        byte[] before = Files.readAllBytes(file);
        List<String> filesBefore = fileNames(folder);

        CliRun run = CliRun.inProcess("info", file.toString());

        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(1, run.errLines().size(), "exactly one line:\n" + run);
        assertTrue(run.err().contains(file.toString()), "names the file:\n" + run);
        assertTrue(run.err().contains(reason), "says why (" + reason + "):\n" + run);
        assertFalse(run.err().contains("\tat "), "no stack trace:\n" + run);
        assertEquals("", run.out());
        assertArrayEquals(before, Files.readAllBytes(file), "the refused file is byte-for-byte unchanged");
        assertEquals(filesBefore, fileNames(folder), "no -wal, -shm or -journal appeared beside it");
    }

    /** The three seed articles imported through the command line into {@code project.factspan}. */
    private Path importedProject() throws IOException {
        Path project = folder.resolve("project.factspan");
        List<String> args = new java.util.ArrayList<>(List.of("import", project.toString()));
        try (Stream<Path> seeds = Files.list(SharedFixtures.shared().resolve("seeds"))) {
            seeds.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> args.add(f.toString()));
        }
        CliRun run = CliRun.inProcess(args.toArray(String[]::new));
        assertEquals(Cli.OK, run.exit(), run.toString());
        return project;
    }

    @Test
    void infoRefusesADeviceWithoutCallingItAFolder() {
        CliRun run = CliRun.inProcess("info", "/dev/null");
        assertEquals(Cli.BAD_INPUT, run.exit(), run.toString());
        assertEquals(List.of("/dev/null is not a FactSpan project (it is a device or other special file, not a"
                + " regular file)."), run.errLines());
    }

    private static Path seed(String name) {
        return SharedFixtures.shared().resolve("seeds").resolve(name);
    }

    private static Annotation tag(Editor editor, Document doc, String label, String phrase) {
        int utf16 = doc.text().indexOf(phrase);
        assertTrue(utf16 >= 0, phrase);
        return editor.add(doc, label, doc.index().toCodePoint(utf16),
                doc.index().toCodePoint(utf16 + phrase.length()));
    }

    private static List<String> texts(ProjectStore store) {
        return store.documents().stream().map(d -> store.document(d.id()).orElseThrow().text()).toList();
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
