package org.factspan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end at quick sizes; its timings depend on the machine and are not asserted. */
class BenchCommandTest {

    @Test
    void quickBenchRunsEveryPartAndRemovesItsTemporaryFolder() throws IOException {
        Set<String> before = benchFolders();

        CliRun run = CliRun.inProcess("bench", "--quick", "--runs", "1");

        assertEquals(Cli.OK, run.exit(), run.toString());
        assertEquals("", run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("FactSpan benchmark (quick sizes), Java "), run.toString());
        assertOneLine(lines, "import a [\\d,]+-byte article: median \\d+\\.\\d ms \\(3 runs\\)");
        assertOneLine(lines, "[\\d,]+ committed edits one at a time: median \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms,"
                + " max \\d+\\.\\d ms \\(target: .*\\)");
        assertOneLine(lines, "open a project and load [\\d,]+ annotations: median \\d+ ms, first run \\d+ ms"
                + " \\(target: .*\\)");
        // From target/classes (as under Maven) the whole-process export has no jar to run and says so; from
        // factspan.jar it is timed, against sqlite3 when that is installed.
        assertOneLine(lines, "export: skipped the whole-process timing \\(not running from factspan\\.jar; pass --jar\\)"
                + "|export [\\d,]+ annotations in [\\d,]+ documents, whole process: factspan \\d+\\.\\d\\d s, .*"
                + "|export: sqlite3 is not installed; .*");
        assertEquals(5, lines.size(), run.toString());
        assertEquals(before, benchFolders(), "the temporary folder is removed");
    }

    private static void assertOneLine(List<String> lines, String regex) {
        assertEquals(1, lines.stream().filter(l -> l.matches(regex)).count(),
                "one line matching " + regex + " in\n" + String.join("\n", lines));
    }

    private static Set<String> benchFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("factspan-bench"))
                    .collect(Collectors.toSet());
        }
    }
}
