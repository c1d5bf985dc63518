package org.oriundos.jobs.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oriundos.jobs.cli.Arguments;
import org.oriundos.jobs.cli.CommandSpec;
import org.oriundos.jobs.cli.CommandSpec.Option;

/** {@code oriundos bench}: its options, and the run from parsed arguments. */
public final class BenchCommand {
    public static final CommandSpec SPEC = new CommandSpec("bench", "[--rows N] [--home DIR] [--doc FILE] [--micro]",
            "measure ingest against DuckDB, the nightly, and the analyst views",
            """
            Generates extracts into <home>/bench and measures, in one run: our ingest of one 3x1 file
            (--rows rows, every field validated) against DuckDB's own CSV-to-Parquet on the same file;
            the whole nightly over 10 and 20 years of history and the incremental night that adds one
            year; the analyst views' latency on a warehouse grown to --view-rows project rows. Prints
            a table; with --doc, also writes the figures into that Markdown file (docs/performance.md).
            With --micro, runs the JMH micro-benchmarks of the hot paths instead.
            Example: oriundos bench --rows 1000000 --doc docs/performance.md
            """,
            List.of(CommandSpec.HOME,
                    new Option("rows", "N", "3x1 rows of the ingest race's file (default 1000000)"),
                    new Option("years", "LIST", "lengths of history of the nightly runs (default 10,20)"),
                    new Option("year-rows", "N", "3x1 rows of each year of those histories (default 10000)"),
                    new Option("view-rows", "N", "project rows of the warehouse the views run on (default 10000000)"),
                    new Option("ingest-heap", "SIZE", "-Xmx of the ingest race (default 512m)"),
                    new Option("nightly-heap", "SIZE", "-Xmx of the nightly runs (default: the JVM's)"),
                    new Option("only", "LIST", "run only some of: ingest, nightly, views"),
                    new Option("doc", "FILE", "write the figures into this Markdown file"),
                    new Option("no-rebuild", null, "do not time a nightly --full-rebuild after the incremental night"),
                    new Option("keep", null, "keep the generated files and warehouses in <home>/bench"),
                    new Option("seed", "S", "the generator's seed (default 2019)"),
                    new Option("micro", null, "run the JMH micro-benchmarks (parse a 3x1 row, resolve a"
                            + " municipality, write a Parquet row)")),
            0);

    private final PrintStream out;
    private final Path workingDir;

    public BenchCommand(PrintStream out, Path workingDir) {
        this.out = out;
        this.workingDir = workingDir;
    }

    /** Runs the benchmark {@code a} asks for over the data home {@code home}; returns the exit code. */
    public int run(Arguments a, Path home) throws Exception {
        if (a.flag("micro")) {
            String figures = new MicroBench(out).run();
            if (a.option("doc") != null) {
                Path doc = workingDir.resolve(a.option("doc"));
                BenchResult.writeBlock(doc, MicroBench.BEGIN, MicroBench.END, commandLine(a), figures);
                out.println("wrote the figures into " + doc);
            }
            return 0;
        }
        BenchOptions options = options(a, home);
        BenchResult result = new Bench(options, line -> out.println("… " + line)).run();
        out.println();
        out.print(result.text());
        if (options.docFile() != null) {
            result.writeInto(options.docFile(), commandLine(a));
            out.println();
            out.println("wrote the figures into " + options.docFile());
        }
        return 0;
    }

    BenchOptions options(Arguments a, Path home) {
        long rows = a.option("rows") == null ? 1_000_000L : a.longOption("rows", 1, Long.MAX_VALUE);
        long yearRows = a.option("year-rows") == null ? 10_000L : a.longOption("year-rows", 1, Long.MAX_VALUE);
        long viewRows = a.option("view-rows") == null ? 10_000_000L : a.longOption("view-rows", 1, Long.MAX_VALUE);
        long seed = a.option("seed") == null ? 2019L : a.longOption("seed", 0, Long.MAX_VALUE);
        Set<String> parts = new LinkedHashSet<>(list(a.option("only"), "ingest,nightly,views"));
        Path doc = a.option("doc") == null ? null : workingDir.resolve(a.option("doc"));
        try {
            List<Integer> years = new ArrayList<>();
            for (String y : list(a.option("years"), "10,20")) {
                years.add(parseYears(y));
            }
            return new BenchOptions(home.resolve("bench"), rows,
                    a.option("ingest-heap") == null ? "512m" : heap(a.option("ingest-heap")), years, yearRows,
                    a.option("nightly-heap") == null ? null : heap(a.option("nightly-heap")), viewRows, parts, doc,
                    a.flag("keep"), !a.flag("no-rebuild"), seed);
        } catch (IllegalArgumentException e) {
            throw new org.oriundos.jobs.cli.UsageException(e.getMessage());
        }
    }

    private static int parseYears(String y) {
        try {
            return Integer.parseInt(y);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--years takes whole numbers separated by commas, got '" + y + "'");
        }
    }

    private static String heap(String size) {
        if (!size.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("a heap size is like 512m or 2g, got '" + size + "'");
        }
        return size;
    }

    private static List<String> list(String value, String byDefault) {
        List<String> items = new ArrayList<>();
        for (String s : (value == null ? byDefault : value).split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }

    private static String commandLine(Arguments a) {
        StringBuilder sb = new StringBuilder("bin/oriundos bench");
        for (var e : a.options().entrySet()) {
            if (e.getKey().equals("home")) {
                continue;
            }
            sb.append(" --").append(e.getKey());
            if (e.getValue() != null && !a.command().option(e.getKey()).isFlag()) {
                sb.append(' ').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
