package org.factspan;

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

    static boolean isCommandLine(String first) {
        Set<String> options = Set.of("-h", "--help", "-V", "--version", "--debug");
        return options.contains(first) || Cli.subcommandNames().contains(first);
    }

    private static void openWindow(String[] args) {
        org.factspan.ui.FactSpanApp.launchWindow(args);
    }
}
