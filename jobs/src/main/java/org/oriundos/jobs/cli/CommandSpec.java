package org.oriundos.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subcommand: its options and its help text.
 *
 * @param name        the subcommand
 * @param synopsis    its arguments, as shown in the usage line
 * @param summary     one line, for the list of commands
 * @param description what it does, for {@code --help}
 * @param options     the options it takes (besides {@code --help} and {@code --verbose})
 * @param positionals how many bare arguments it takes (0 or 1)
 */
public record CommandSpec(String name, String synopsis, String summary, String description,
                          List<Option> options, int positionals) {

    /**
     * @param name     without the leading dashes
     * @param argument the value's name, or {@code null} for a flag
     * @param help     one line
     */
    public record Option(String name, String argument, String help) {
        public boolean isFlag() {
            return argument == null;
        }
    }

    public static final Option HOME = new Option("home", "DIR", "the data home (default ./var)");
    public static final Option LAKE = new Option("lake", "URI", "where the lake lives (default <home>/lake; hdfs:// works)");

    public Option option(String optionName) {
        for (Option o : options) {
            if (o.name().equals(optionName)) {
                return o;
            }
        }
        return null;
    }

    public String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: oriundos ").append(name).append(synopsis.isEmpty() ? "" : " " + synopsis).append("\n\n");
        sb.append(description.strip()).append("\n\noptions:\n");
        List<String[]> rows = new ArrayList<>();
        for (Option o : options) {
            rows.add(new String[] {"--" + o.name() + (o.isFlag() ? "" : " " + o.argument()), o.help()});
        }
        rows.add(new String[] {"--verbose", "show the log on the console and stack traces of errors"});
        rows.add(new String[] {"--help", "show this help"});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) {
            sb.append("  ").append(String.format("%-" + width + "s", r[0])).append("  ").append(r[1]).append('\n');
        }
        sb.append("\nSettings may also be given as --oriundos.<name>=VALUE, -Doriundos.<name>=VALUE or\n"
                + "ORIUNDOS_<NAME>: home, lake, base-year, max-reject-share, duckdb.threads, duckdb.memory-limit,\n"
                + "report.lang (en or es), report.institution.\n");
        return sb.toString();
    }

    /** The options by name, for parsing. */
    Map<String, Option> optionsByName() {
        Map<String, Option> byName = new LinkedHashMap<>();
        options.forEach(o -> byName.put(o.name(), o));
        return byName;
    }
}
