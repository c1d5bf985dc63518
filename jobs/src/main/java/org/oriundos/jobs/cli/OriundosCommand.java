package org.oriundos.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One subcommand of {@code oriundos}: a picocli command whose options are its fields. Each has
 * {@code --help} and {@code --verbose}; {@link Cli} turns what it returns or throws into the exit
 * code and the one-line message.
 */
public abstract class OriundosCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "show the log on the console and stack traces of errors")
    protected boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    private boolean help;

    @Spec
    protected CommandSpec spec;

    protected final CommandIo io;

    protected OriundosCommand(CommandIo io) {
        this.io = io;
    }

    /** {@code value}, or a usage error naming the option if it is outside {@code [min, max]}. */
    protected static long within(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /**
     * The command as it was given, for the provenance of figures it writes into a document: its
     * options in the order given, without those that only say where the data home is.
     */
    protected String commandLine() {
        StringBuilder sb = new StringBuilder("bin/oriundos ").append(spec.name());
        for (var option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (name.equals("--home") || name.equals("--lake") || name.equals("--verbose")) {
                continue;
            }
            sb.append(' ').append(name);
            if (option.arity().max() > 0) {
                option.stringValues().forEach(v -> sb.append(' ').append(v));
            }
        }
        return sb.toString();
    }
}
