package org.factspan;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

import org.factspan.cli.Cli;

/**
 * The one entry point of {@code factspan.jar}: a sub-command runs headless on the command line, anything else opens
 * the window.
 *
 * <p>It must not extend {@code javafx.application.Application}: a shaded jar whose main class does fails with
 * "JavaFX runtime components are missing". And the command-line path must never load a JavaFX class, so that it runs
 * on machines without a display; the window class is only touched in {@link #openWindow}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && isCommandLine(args[0])) {
            System.exit(Cli.run(args));
        }
        openWindow(args);
    }

    /**
     * Whether {@code first} asks for the command line: one of its options or commands, or a word that can only be a
     * mistyped command. The window takes options and article paths; an article has a folder or an extension in its
     * name, or exists, so a bare missing word like {@code imprt} is told it is no command instead of opening a window
     * (which, on a server without a display, would fail with a stack trace).
     */
    static boolean isCommandLine(String first) {
        Set<String> options = Set.of("-h", "--help", "-V", "--version", "--debug");
        return options.contains(first) || Cli.subcommandNames().contains(first) || isMistypedCommand(first);
    }

    private static boolean isMistypedCommand(String first) {
        if (first.isEmpty() || first.startsWith("-") || first.contains(".") || first.contains("/")
                || first.contains(java.io.File.separator)) {
            return false;
        }
        try {
            return !Files.exists(Path.of(first));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static void openWindow(String[] args) {
        org.factspan.ui.FactSpanApp.launchWindow(args);
    }
}
