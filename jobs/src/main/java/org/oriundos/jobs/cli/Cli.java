package org.oriundos.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.oriundos.ingest.FileRefusedException;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.ops.RunLockedException;
import org.oriundos.warehouse.WarehouseException;

/**
 * The command line: parses the arguments, sets up the log, runs one command and turns its end
 * into an exit code (docs/architecture.md). Errors are one sentence on stderr; {@code --verbose}
 * adds the log on the console and the stack trace.
 */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;

    public Cli(PrintStream out, PrintStream err, Path workingDir) {
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
    }

    public int run(String... argv) {
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty()) {
            err.print(Commands.usage());
            return ExitCode.BAD_ARGUMENTS;
        }
        String name = args.get(0);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(Commands.usage());
            return ExitCode.OK;
        }
        CommandSpec spec = Commands.find(name);
        if (spec == null) {
            err.println("oriundos: unknown command '" + name + "' (commands: "
                    + String.join(", ", Commands.ALL.stream().map(CommandSpec::name).toList()) + ")");
            return ExitCode.BAD_ARGUMENTS;
        }
        boolean verbose = args.contains("--verbose") || args.contains("-v");
        try {
            Arguments arguments = Arguments.parse(spec, args.subList(1, args.size()));
            if (arguments.help()) {
                out.print(spec.help());
                return ExitCode.OK;
            }
            Settings settings = Settings.resolve(setting -> {
                String value = arguments.setting(setting);
                return value != null ? value : Settings.systemProperty(setting);
            }, workingDir);
            if (spec.option("home") != null) {
                routeLog(settings, verbose);
            }
            return new CommandRunner(out, err, workingDir, verbose).run(arguments, settings);
        } catch (UsageException | Settings.SettingsException e) {
            err.println("oriundos " + name + ": " + e.getMessage());
            return ExitCode.BAD_ARGUMENTS;
        } catch (RunLockedException e) {
            err.println("oriundos " + name + ": " + e.getMessage());
            return ExitCode.LOCKED;
        } catch (CommandFailedException e) {
            err.println("oriundos " + name + ": " + (DiskFull.in(e.getCause()) && !DiskFull.in(e.getMessage())
                    ? DiskFull.sentence(e.getMessage()) : e.getMessage()));
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode();
        } catch (WarehouseException | FileRefusedException | UncheckedIOException e) {
            err.println("oriundos " + name + ": " + (DiskFull.in(e) ? DiskFull.sentence("the command failed")
                    : e.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCode.LOAD_FAILED;
        } catch (Exception e) {
            if (DiskFull.in(e)) {
                err.println("oriundos " + name + ": " + DiskFull.sentence("the command failed"));
                if (verbose) {
                    e.printStackTrace(err);
                }
                return ExitCode.LOAD_FAILED;
            }
            err.println("oriundos " + name + ": unexpected error: " + describe(e)
                    + (verbose ? "" : " (run again with --verbose to see where, and please report it)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCode.UNEXPECTED;
        }
    }

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

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
