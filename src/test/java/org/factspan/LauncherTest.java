package org.factspan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which first arguments go to the command line and which to the window. */
class LauncherTest {

    @ParameterizedTest(name = "{0} -> command line: {1}")
    @CsvSource({
        "import, true",
        "help, true",
        "--help, true",
        "--debug, true",
        "imprt, true",
        "exprot, true",
        "article.txt, false",
        "notes/article, false",
        "--project, false",
        "--annotator, false"})
    void firstArgumentDecidesBetweenCommandLineAndWindow(String first, boolean commandLine) {
        assertEquals(commandLine, Launcher.isCommandLine(first));
    }

    @Test
    void anExistingFileWithoutExtensionIsAnArticleForTheWindow() {
        assumeTrue(Files.isRegularFile(Path.of("LICENSE")), "runs in the project folder");

        assertFalse(Launcher.isCommandLine("LICENSE"));
    }
}
