package org.oriundos.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oriundos} without a command: its usage, on stderr, and the usage-error exit code. */
@Command(name = "oriundos",
        customSynopsis = "oriundos COMMAND [OPTIONS]   (oriundos COMMAND --help for its options)",
        description = "A nightly batch data warehouse for research on Mexican hometown associations.",
        footer = "The data home defaults to ./var (--home DIR). Docs: docs/*.md")
final class OriundosRoot implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final CommandIo io;

    OriundosRoot(CommandIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.err().print(spec.commandLine().getUsageMessage());
        return ExitCode.BAD_ARGUMENTS;
    }
}
