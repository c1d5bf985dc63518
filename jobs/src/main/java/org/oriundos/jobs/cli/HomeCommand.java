package org.oriundos.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oriundos.jobs.home.Settings;
import picocli.CommandLine.Option;

/**
 * A command that works on a data home ({@code --home}): it resolves the settings, sends the log to
 * {@code <home>/logs/oriundos.log} (on the console too with {@code --verbose}), then runs.
 */
public abstract class HomeCommand extends OriundosCommand {
    @Option(names = "--home", paramLabel = "DIR", description = "the data home (default ./var)")
    private String home;

    protected HomeCommand(CommandIo io) {
        super(io);
    }

    /** The {@code --lake} given, for the commands that take one. */
    protected String lake() {
        return null;
    }

    @Override
    public final Integer call() throws Exception {
        Settings settings = io.settings(home, lake());
        routeLog(settings, verbose);
        return run(settings);
    }

    /** Runs the command; returns its exit code or throws an exception {@link Cli} words. */
    protected abstract int run(Settings settings) throws Exception;

    /** The log goes to {@code <home>/logs/oriundos.log}; the console shows it only with --verbose. */
    private static void routeLog(Settings settings, boolean verbose) {
        Path logs = settings.dataHome().logs();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.BAD_ARGUMENTS,
                    "cannot create the log folder " + logs + ": " + e.getMessage(), e);
        }
        LogSetup.configure(logs.resolve("oriundos.log"), verbose);
    }
}
