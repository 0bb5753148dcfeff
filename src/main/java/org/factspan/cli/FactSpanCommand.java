package org.factspan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "factspan",
        mixinStandardHelpOptions = true,
        versionProvider = FactSpanCommand.Version.class,
        description = {
            "Span annotation for fact-checking: claims, denials, evidence and attributions in news articles.",
            "Without a command, 'java -jar factspan.jar [--project FILE] [ARTICLE...]' opens the window."},
        subcommands = {ImportCommand.class, ExportCommand.class, InfoCommand.class, AgreeCommand.class,
            DiffCommand.class, BenchCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Offsets are Unicode code points, half-open [start, end), everywhere.",
            "Exit status: 0 success, 1 usage error, 2 bad input, 3 internal error."})
final class FactSpanCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FactSpanCommand.class.getPackage().getImplementationVersion();
            return new String[] {"FactSpan " + (version == null ? "(development build)" : version)};
        }
    }
}
