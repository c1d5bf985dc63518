package org.oriundos.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the subcommand, its options, and any bare argument.
 * {@code --name value} and {@code --name=value} are both accepted; {@code --oriundos.x=v} sets a
 * setting (see {@link org.oriundos.jobs.home.Settings}).
 */
public record Arguments(CommandSpec command, Map<String, String> options, Map<String, String> settings,
                        List<String> positionals, boolean help, boolean verbose) {

    public static Arguments parse(CommandSpec spec, List<String> args) {
        Map<String, CommandSpec.Option> known = spec.optionsByName();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        boolean verbose = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--verbose") || arg.equals("-v")) {
                verbose = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.equals("--")) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.startsWith("oriundos.")) {
                if (value == null) {
                    throw new UsageException(arg + " needs a value: --" + name + "=VALUE");
                }
                settings.put(name, value);
                continue;
            }
            CommandSpec.Option option = known.get(name);
            if (option == null) {
                throw new UsageException("'" + spec.name() + "' has no option --" + name
                        + " (see: oriundos " + spec.name() + " --help)");
            }
            if (option.isFlag()) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value: --" + name + " " + option.argument());
                }
                value = args.get(++i);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        if (!help && positionals.size() > spec.positionals()) {
            throw new UsageException(spec.positionals() == 0
                    ? "'" + spec.name() + "' takes no argument '" + positionals.get(0) + "' (see: oriundos " + spec.name() + " --help)"
                    : "'" + spec.name() + "' takes one argument, got " + positionals.size() + " (quote the query)");
        }
        return new Arguments(spec, options, settings, positionals, help, verbose);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String option(String name) {
        return options.get(name);
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null) {
            CommandSpec.Option option = command.option(name);
            throw new UsageException("'" + command.name() + "' needs --" + name
                    + (option == null || option.isFlag() ? "" : " " + option.argument()));
        }
        return value;
    }

    public int intOption(String name, int min, int max) {
        return (int) longOption(name, min, max);
    }

    public long longOption(String name, long min, long max) {
        String value = required(name);
        try {
            long n = Long.parseLong(value.replace("_", "").trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    /** A setting from the command line ({@code --home} wins over {@code --oriundos.home=}). */
    public String setting(String name) {
        if (name.equals("oriundos.home") && options.containsKey("home")) {
            return options.get("home");
        }
        if (name.equals("oriundos.lake") && options.containsKey("lake")) {
            return options.get("lake");
        }
        return settings.get(name);
    }
}
