package org.oriundos.jobs.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oriundos.ingest.FileRefusedException;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.links.LinksCommand;
import org.oriundos.jobs.ops.RunLockedException;
import org.oriundos.warehouse.WarehouseException;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line (docs/architecture.md): picocli parses the arguments into the command's class
 * (one per command), the command sets up the log and runs, and its end becomes an exit code here.
 * Errors are one sentence on stderr; {@code --verbose} adds the log on the console and the stack
 * trace. Settings may be given as {@code --oriundos.<name>=VALUE} anywhere on the line.
 */
public final class Cli {
    static final String SETTINGS_FOOTER = """
            Settings may also be given as --oriundos.<name>=VALUE, -Doriundos.<name>=VALUE or
            ORIUNDOS_<NAME>: home, lake, base-year, max-reject-share, duckdb.threads, duckdb.memory-limit,
            report.lang (en or es), report.institution.""";
    private static final String SETTING_PREFIX = "--oriundos.";
    private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value for option '([^']+)': (.*)", Pattern.DOTALL);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;
    private final List<Function<CommandIo, Object>> toolCommands;

    /** A command line whose standard input ({@code sql -}) is the process's. */
    public Cli(PrintStream out, PrintStream err, Path workingDir) {
        this(System.in, out, err, workingDir);
    }

    public Cli(InputStream in, PrintStream out, PrintStream err, Path workingDir) {
        this(in, out, err, workingDir, List.of());
    }

    /**
     * The command line of a jar that adds commands to these: the tools jar's {@code generate},
     * {@code demo} and {@code bench} (tools/, docs/architecture.md), made for each run's io.
     */
    public Cli(InputStream in, PrintStream out, PrintStream err, Path workingDir,
               List<Function<CommandIo, Object>> toolCommands) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
        this.toolCommands = List.copyOf(toolCommands);
    }

    public int run(String... argv) {
        String name = argv.length == 0 ? "" : argv[0];
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        boolean verbose = false;
        for (String arg : argv) {
            verbose |= arg.equals("--verbose") || arg.equals("-v");
            if (!arg.startsWith(SETTING_PREFIX)) {
                args.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                err.println("oriundos " + name + ": " + arg + " needs a value: " + arg + "=VALUE");
                return ExitCode.BAD_ARGUMENTS;
            }
            settings.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        CommandLine commandLine = commandLine(new CommandIo(in, out, err, workingDir, settings), toolCommands);
        boolean stackTraces = verbose;
        commandLine.setParameterExceptionHandler((e, given) -> usageError(e, args));
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> failed(command.getCommandName(), e, stackTraces));
        try {
            return commandLine.execute(args.toArray(String[]::new));
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /**
     * The order of the list of commands in {@code oriundos --help}, the tools jar's commands among
     * the others where a user has always found them.
     */
    private static final List<String> LISTED = List.of("nightly", "demo", "status", "sql", "rejects", "unresolved",
            "report", "generate", "backfill", "schedule", "bench", "links", "completion");

    /** Every command of the jar that runs at night, one class each, with the help they share. */
    public static CommandLine commandLine(CommandIo io) {
        return commandLine(io, List.of());
    }

    /** The commands of the jar that runs at night and {@code toolCommands}, with the help they share. */
    public static CommandLine commandLine(CommandIo io, List<Function<CommandIo, Object>> toolCommands) {
        CommandLine root = new CommandLine(new OriundosRoot(io));
        List<CommandLine> commands = new ArrayList<>();
        for (Object command : List.of(new NightlyCommand(io), new StatusCommand(io),
                new SqlCommand(io), new RejectsCommand(io), new UnresolvedCommand(io), new ReportCommand(io),
                new BackfillCommand(io), new ScheduleCommand(io),
                new LinksCommand(io), new CompletionCommand(io))) {
            commands.add(new CommandLine(command));
        }
        toolCommands.forEach(make -> commands.add(new CommandLine(make.apply(io))));
        commands.sort(Comparator.comparingInt(c -> LISTED.contains(c.getCommandName())
                ? LISTED.indexOf(c.getCommandName()) : LISTED.size()));
        commands.forEach(root::addSubcommand);
        root.addSubcommand("help", new CommandLine.HelpCommand());
        root.getSubcommands().get("help").getCommandSpec().usageMessage()
                .header("the list of commands, or the help of one (oriundos help COMMAND)");
        layOut(root.getCommandSpec().usageMessage(), null);
        root.getCommandSpec().usageMessage().commandListHeading("%ncommands:%n");
        root.getSubcommands().forEach((name, sub) -> layOut(sub.getCommandSpec().usageMessage(),
                name.equals("help") || name.equals("completion") ? null : SETTINGS_FOOTER));
        // registered after the subcommands: picocli passes these on to the commands it has then
        root.registerConverter(Long.class, Cli::wholeNumber);
        root.registerConverter(Long.TYPE, Cli::wholeNumber);
        root.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        root.setUsageHelpWidth(100);
        root.setExpandAtFiles(false); // a query or a value that starts with @ is itself, not a file of arguments
        root.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        root.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        return root;
    }

    /**
     * "usage: oriundos COMMAND …", the description, the options and the settings: the header is
     * the command's line in the list of commands, not part of its own help.
     */
    private static void layOut(UsageMessageSpec usage, String footer) {
        List<String> sections = new ArrayList<>(usage.sectionKeys());
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
        sections.remove(UsageMessageSpec.SECTION_KEY_HEADER);
        usage.sectionKeys(sections);
        usage.synopsisHeading("usage: ").descriptionHeading("%n").parameterListHeading("%narguments:%n")
                .optionListHeading("%noptions:%n").footerHeading("%n");
        if (footer != null) {
            usage.footer(footer);
        }
    }

    private static Long wholeNumber(String value) {
        try {
            return Long.parseLong(value.replace("_", "").trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, got '" + value + "'");
        }
    }

    /** A command line picocli could not parse: one sentence that names the command and the culprit. */
    private int usageError(ParameterException e, List<String> args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandName();
        if (command.getParent() == null) {
            String given = e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    ? u.getUnmatched().get(0) : args.isEmpty() ? "" : args.get(0);
            err.println("oriundos: unknown command '" + given + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")");
            return ExitCode.BAD_ARGUMENTS;
        }
        err.println("oriundos " + name + ": " + usageMessage(e, name, args));
        return ExitCode.BAD_ARGUMENTS;
    }

    private static String usageMessage(ParameterException e, String name, List<String> args) {
        // picocli checks the required options before it reports an unknown one: the typo comes first
        String unknown = unknownOption(e.getCommandLine(), args);
        if (unknown != null) {
            return "'" + name + "' has no option " + unknown + " (see: oriundos " + name + " --help)";
        }
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return "'" + name + "' takes no argument '" + u.getUnmatched().get(0) + "' (see: oriundos " + name + " --help)";
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec option) {
            String usage = option.longestName() + " " + option.paramLabel();
            return given(option, args) ? option.longestName() + " needs a value: " + usage
                    : "'" + name + "' needs " + usage;
        }
        if (e instanceof OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec option) {
            return option.longestName() + " is given twice";
        }
        ArgSpec arg = e.getArgSpec();
        Matcher invalid = INVALID_VALUE.matcher(e.getMessage());
        if (arg instanceof OptionSpec option && invalid.matches()) {
            String reason = e.getCause() instanceof TypeConversionException t ? t.getMessage() : invalid.group(2);
            return option.longestName() + " " + reason;
        }
        return e.getMessage();
    }

    /** The first argument after the command's name that looks like an option the command does not have. */
    private static String unknownOption(CommandLine command, List<String> args) {
        for (String arg : args.subList(Math.min(1, args.size()), args.size())) {
            if (arg.equals("--")) {
                return null;
            }
            String optionName = arg.split("=", 2)[0];
            if (arg.startsWith("-") && arg.length() > 1 && command.getCommandSpec().findOption(optionName) == null) {
                return optionName;
            }
        }
        return null;
    }

    /** Whether the option was on the command line (then it is its value that is missing). */
    private static boolean given(OptionSpec option, List<String> args) {
        for (String arg : args) {
            for (String optionName : option.names()) {
                if (arg.equals(optionName) || arg.startsWith(optionName + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A command that threw: the exit code its exception stands for, and one sentence. */
    private int failed(String name, Exception e, boolean verbose) {
        if (e instanceof UsageException || e instanceof Settings.SettingsException) {
            err.println("oriundos " + name + ": " + e.getMessage());
            return ExitCode.BAD_ARGUMENTS;
        }
        if (e instanceof RunLockedException) {
            err.println("oriundos " + name + ": " + e.getMessage());
            return ExitCode.LOCKED;
        }
        if (e instanceof CommandFailedException f) {
            err.println("oriundos " + name + ": " + (DiskFull.in(f.getCause()) && !DiskFull.in(f.getMessage())
                    ? DiskFull.sentence(f.getMessage()) : f.getMessage()));
            if (verbose && f.getCause() != null) {
                f.getCause().printStackTrace(err);
            }
            return f.exitCode();
        }
        if (e instanceof WarehouseException || e instanceof FileRefusedException || e instanceof UncheckedIOException) {
            err.println("oriundos " + name + ": " + (DiskFull.in(e) ? DiskFull.sentence("the command failed")
                    : e.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCode.LOAD_FAILED;
        }
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

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
