package org.factspan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import org.factspan.model.FactSpanException;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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
            err.println(usageError(e));
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            return report(e, debug, err);
        });
        return commandLine.execute(args);
    }

    /**
     * Prints a failure as one sentence, after its stack trace when {@code debug}, and returns the exit code: a
     * {@link FactSpanException} is bad input, anything else a fault of FactSpan's.
     */
    static int report(Exception e, boolean debug, PrintWriter err) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof FactSpanException) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        err.println("FactSpan failed unexpectedly (" + e + "); run again with --debug for details.");
        return INTERNAL;
    }

    private static String usageError(ParameterException e) {
        CommandLine failed = e.getCommandLine();
        String command = failed.getCommandName();
        String hint = " See 'factspan " + (command.equals("factspan") ? "" : command + " ") + "--help'.";
        if (e instanceof UnmatchedArgumentException unmatched && failed.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            List<String> commands = List.copyOf(failed.getSubcommands().keySet());
            String closest = unmatched.getSuggestions().stream().filter(commands::contains).findFirst()
                    .map(s -> " (did you mean '" + s + "'?)").orElse("");
            return "Unknown command '" + unmatched.getUnmatched().get(0) + "'" + closest + "; the commands are "
                    + String.join(", ", commands.subList(0, commands.size() - 1)) + " and "
                    + commands.get(commands.size() - 1) + ".";
        }
        String message = e.getMessage().strip();
        return message + (message.endsWith(".") ? "" : ".") + hint;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FactSpanCommand());
        // Every command, including one added later, answers -h and --help with its own usage instead of complaining
        // about the parameters it was not given.
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
        }
        return commandLine;
    }

    public static Set<String> subcommandNames() {
        return commandLine().getSubcommands().keySet();
    }
}
