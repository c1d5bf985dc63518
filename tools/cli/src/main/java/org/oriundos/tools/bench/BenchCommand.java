package org.oriundos.tools.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.DocFigures;
import org.oriundos.jobs.cli.HomeCommand;
import org.oriundos.jobs.cli.UsageException;
import org.oriundos.jobs.home.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oriundos bench}: its options, and the run from them. */
@Command(name = "bench", customSynopsis = "oriundos bench [--rows N] [--home DIR] [--doc FILE] [--micro]"
        + " [--only scale --scale LIST --scale-years Y]",
        header = "measure ingest against DuckDB, the nightly, and the analyst views",
        description = """
            Generates extracts into <home>/bench and measures, in one run: our ingest of one 3x1 file
            (--rows rows, every field validated) against DuckDB's own CSV-to-Parquet on the same file;
            the whole nightly over 10 and 20 years of history and the incremental night that adds one
            year; the analyst views' latency on a warehouse grown to --view-rows project rows. Prints
            a table; with --doc, also writes the figures into that Markdown file (docs/performance.md).
            With --micro, runs the JMH micro-benchmarks of the hot paths instead. With --only scale, runs
            the nightly at 1x, 10x and 100x a realistic program (--scale, --scale-years): its own block
            of the doc; not part of a run without --only.
            Example: oriundos bench --rows 1000000 --doc docs/performance.md""")
public final class BenchCommand extends HomeCommand {
    @Option(names = "--rows", paramLabel = "N", description = "3x1 rows of the ingest race's file (default 1000000)")
    private long rows = 1_000_000L;

    @Option(names = "--years", paramLabel = "LIST", description = "lengths of history of the nightly runs (default 10,20)")
    private String years = "10,20";

    @Option(names = "--year-rows", paramLabel = "N", description = "3x1 rows of each year of those histories (default 10000)")
    private long yearRows = 10_000L;

    @Option(names = "--view-rows", paramLabel = "N",
            description = "project rows of the warehouse the views run on (default 10000000)")
    private long viewRows = 10_000_000L;

    @Option(names = "--ingest-heap", paramLabel = "SIZE", description = "-Xmx of the ingest race (default 512m)")
    private String ingestHeap = "512m";

    @Option(names = "--nightly-heap", paramLabel = "SIZE", description = "-Xmx of the nightly runs (default: the JVM's)")
    private String nightlyHeap;

    @Option(names = "--only", paramLabel = "LIST",
            description = "run only some of: ingest, nightly, views, conform, scale (scale runs only when named)")
    private String only = "ingest,nightly,views,conform";

    @Option(names = "--conform-records", paramLabel = "N",
            description = "projects of the 3x1 year the linker is timed on, mostly new clubs (default 100000)")
    private long conformRecords = 100_000L;

    @Option(names = "--scale", paramLabel = "LIST",
            description = "the scale curve's multiples of a realistic program (default 1,10,100)")
    private String scale = "1,10,100";

    @Option(names = "--scale-years", paramLabel = "Y",
            description = "fiscal years of history of the scale curve's first nights (default 5)")
    private int scaleYears = 5;

    @Option(names = "--scale-parallel", description = "run the scale curve's factors at the same time (their CPU"
            + " times stand; their wall times include each other's load)")
    private boolean scaleParallel;

    @Option(names = "--doc", paramLabel = "FILE", description = "write the figures into this Markdown file")
    private String doc;

    @Option(names = "--no-rebuild", description = "do not time a nightly --full-rebuild after the incremental night")
    private boolean noRebuild;

    @Option(names = "--keep", description = "keep the generated files and warehouses in <home>/bench")
    private boolean keep;

    @Option(names = "--seed", paramLabel = "S", description = "the generator's seed (default 2019)")
    private long seed = 2019L;

    @Option(names = "--micro", description = "run the JMH micro-benchmarks (parse a 3x1 row, resolve a"
            + " municipality, write a Parquet row)")
    private boolean micro;

    public BenchCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected int run(Settings settings) throws Exception {
        return bench(settings.home(), settings.duckdbMemoryLimit());
    }

    /** Runs the benchmark the options ask for over the data home {@code home}; returns the exit code. */
    int bench(Path home, String duckdbMemoryLimit) throws Exception {
        PrintStream out = io.out();
        if (micro) {
            String figures = new MicroBench(out).run();
            if (doc != null) {
                Path file = io.workingDir().resolve(doc);
                DocFigures.writeBlock(file, MicroBench.BEGIN, MicroBench.END, commandLine(), figures);
                out.println("wrote the figures into " + file);
            }
            return 0;
        }
        BenchOptions options = options(home, duckdbMemoryLimit);
        BenchResult result = new Bench(options, line -> out.println("… " + line)).run();
        out.println();
        out.print(result.text());
        if (options.docFile() != null) {
            result.writeInto(options.docFile(), commandLine());
            out.println();
            out.println("wrote the figures into " + options.docFile());
        }
        return 0;
    }

    BenchOptions options(Path home, String duckdbMemoryLimit) {
        Set<String> parts = new LinkedHashSet<>(list(only));
        Path docFile = doc == null ? null : io.workingDir().resolve(doc);
        try {
            List<Integer> lengths = new ArrayList<>();
            for (String y : list(years)) {
                lengths.add(whole("--years", y));
            }
            List<Double> factors = new ArrayList<>();
            for (String f : list(scale)) {
                factors.add(factor(f));
            }
            return new BenchOptions(home.resolve("bench"), within("--rows", rows, 1, Long.MAX_VALUE), heap(ingestHeap),
                    lengths, within("--year-rows", yearRows, 1, Long.MAX_VALUE),
                    nightlyHeap == null ? null : heap(nightlyHeap), within("--view-rows", viewRows, 1, Long.MAX_VALUE),
                    within("--conform-records", conformRecords, 1, 10_000_000), duckdbMemoryLimit, parts, docFile, keep, !noRebuild, within("--seed", seed, 0, Long.MAX_VALUE),
                    factors, scaleYears, scaleParallel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int whole(String option, String y) {
        try {
            return Integer.parseInt(y);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes whole numbers separated by commas, got '" + y + "'");
        }
    }

    private static double factor(String f) {
        try {
            return Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--scale takes numbers separated by commas (1,10,100), got '" + f + "'");
        }
    }

    private static String heap(String size) {
        if (!size.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("a heap size is like 512m or 2g, got '" + size + "'");
        }
        return size;
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }
}
