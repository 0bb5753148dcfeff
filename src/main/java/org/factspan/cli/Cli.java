package org.factspan.cli;

import java.io.PrintWriter;
import java.util.Set;

import org.factspan.model.FactSpanException;

import picocli.CommandLine;

/**
 * Runs the command line and turns outcomes into exit codes: 0 success, 1 a usage error, 2 bad input (a refused file
 * or project), 3 an internal error. An error is one sentence on stderr; the stack trace only with {@code --debug}.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            String command = e.getCommandLine().getCommandName();
            String message = e.getMessage().strip();
            err.println(message + (message.endsWith(".") ? "" : ".") + " See 'factspan "
                    + (command.equals("factspan") ? "" : command + " ") + "--help'.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (debug) {
                e.printStackTrace(err);
            }
            if (e instanceof FactSpanException) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
            err.println("FactSpan failed unexpectedly (" + e + "); run again with --debug for details.");
            return INTERNAL;
        });
        return commandLine.execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new FactSpanCommand());
    }

    public static Set<String> subcommandNames() {
        return commandLine().getSubcommands().keySet();
    }
}
