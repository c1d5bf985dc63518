package org.oriundos.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.transform.identity.LinkageModel;
import org.oriundos.transform.identity.bench.LinkageBenchmark;

/**
 * The macro benchmark behind {@code oriundos bench}: in one run, on files it generates, (1) our
 * ingest of one 2013-layout 3x1 file against DuckDB's CSV-to-Parquet, (2) the whole nightly over
 * each length of history and the incremental night after it, (3) the analyst views' latency on a
 * warehouse grown to many project rows, (4) the linker on a 3x1 year of mostly new clubs, (5) only
 * when asked, the scale curve: the nightly at multiples of a realistic program ({@link ScaleCurve}). Every
 * heavy part but the linker (timed by its own benchmark) runs in a child JVM, measured from outside.
 */
public final class Bench {
    /** A 2013-layout year: UTF-8 without BOM, LF, codes padded, no extra column. */
    static final int INGEST_YEAR = 2015;
    private static final long WARMUP_ROWS = 20_000;
    /** The population {@code oriundos links --bench --records N} links against, by default. */
    static final int CONFORM_CLUBS = 3000;
    static final long CONFORM_SEED = 11;

    private final BenchOptions options;
    private final ChildJvm jvm;
    private final Consumer<String> progress;

    public Bench(BenchOptions options, Consumer<String> progress) {
        this(options, ChildJvm.likeThisOne(), progress);
    }

    Bench(BenchOptions options, ChildJvm jvm, Consumer<String> progress) {
        this.options = options;
        this.jvm = jvm;
        this.progress = progress;
    }

    /** Runs the parts asked for and returns their figures. */
    public BenchResult run() throws IOException {
        Path work = options.workDir();
        Files.createDirectories(work);
        int threads = Runtime.getRuntime().availableProcessors();
        Instant started = Instant.now();
        try {
            IngestFigures ingest = null;
            String ingestFailure = null;
            if (options.runs("ingest")) {
                try {
                    ingest = ingest(work.resolve("ingest"), threads);
                } catch (IngestRaceFailedException e) {
                    // an out-of-memory under the heap limit is a finding, not a reason to lose the other parts
                    ingestFailure = e.getMessage();
                    progress.accept(ingestFailure);
                }
            }
            List<NightlyBench.History> histories = new ArrayList<>();
            ViewLatency.Figures views = null;
            if (options.runs("nightly")) {
                NightlyBench nightly = new NightlyBench(jvm, nightlyJvmOptions(), options.fullRebuild(), progress);
                for (int years : options.historyYears()) {
                    histories.add(nightly.run(years, options.rowsPerYear(), work.resolve("nightly-" + years + "y"),
                            options.seed()));
                }
            }
            if (options.runs("views") && !histories.isEmpty()) {
                views = views(histories.get(histories.size() - 1).warehouse(), work.resolve("views"), threads);
            }
            LinkageBenchmark.Speed conform = null;
            if (options.runs("conform")) {
                progress.accept("linking one 3x1 year of " + options.conformRecords() + " projects, mostly of new clubs,"
                        + " after a registry of " + CONFORM_CLUBS + " clubs (the linker's own benchmark)");
                conform = LinkageBenchmark.speed((int) options.conformRecords(), CONFORM_CLUBS, CONFORM_SEED,
                        LinkageModel.load(null), threads, options.duckdbMemoryLimit());
            }
            ScaleCurve.Figures scale = null;
            if (options.runs("scale")) {
                // the first and +1 year nights only: the curve is about how a night grows with the program
                NightlyBench nights = new NightlyBench(jvm, nightlyJvmOptions(), false, progress);
                scale = new ScaleCurve(nights, progress).run(options.scaleFactors(), options.scaleYears(),
                        work.resolve("scale"), options.seed(), options.scaleParallel());
            }
            return new BenchResult(started, threads, options, ingest, ingestFailure, List.copyOf(histories), views,
                    conform, scale);
        } finally {
            if (!options.keep()) {
                deleteTree(work);
            }
        }
    }

    private IngestFigures ingest(Path dir, int threads) throws IOException {
        Files.createDirectories(dir);
        progress.accept("writing a 3x1 file of " + options.ingestRows() + " rows (" + INGEST_YEAR + " layout) to " + dir);
        SampleExtracts sample = new SampleExtracts(options.seed());
        Path file = sample.writeProjectsFile(dir.resolve("file"), INGEST_YEAR, options.ingestRows()).get(0);
        Path warmup = sample.writeProjectsFile(dir.resolve("warmup"), INGEST_YEAR,
                Math.min(WARMUP_ROWS, options.ingestRows())).get(0);
        progress.accept("racing our ingest (-Xmx" + options.ingestHeap() + ") against DuckDB's COPY on "
                + Files.size(file) / 1_000_000 + " MB");
        ChildJvm.Run run = jvm.run(IngestRace.class.getName(), List.of("-Xmx" + options.ingestHeap()),
                List.of(file.toString(), warmup.toString(), dir.resolve("race").toString(), Integer.toString(threads)),
                dir, dir.resolve("race.log"));
        if (run.exitCode() != 0) {
            throw new IngestRaceFailedException("the ingest race (-Xmx" + options.ingestHeap() + ", "
                    + options.ingestRows() + " rows) exited with " + run.exitCode() + ":\n"
                    + IngestFigures.tail(run.output()).strip());
        }
        return IngestFigures.parse(run.output());
    }

    /** The ingest race's JVM did not finish (e.g. out of memory under its heap limit). */
    static final class IngestRaceFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IngestRaceFailedException(String message) {
            super(message);
        }
    }

    private ViewLatency.Figures views(Path published, Path dir, int threads) throws IOException {
        Path work = dir.resolve("oriundos.duckdb");
        progress.accept("growing a copy of the warehouse to " + options.viewRows() + " project rows"
                + " and rebuilding its aggregate tables");
        long aggregateNanos;
        try {
            aggregateNanos = ViewLatency.grow(published, work, options.viewRows(), threads);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grow the warehouse copy " + work + ": " + e.getMessage(), e);
        }
        progress.accept("timing the analyst views (" + ViewLatency.RUNS + " runs each after one to warm up)");
        return ViewLatency.measure(work, aggregateNanos);
    }

    /** The nightly's JVM as bin/oriundos starts it: the throughput collector, and the heap asked for. */
    private List<String> nightlyJvmOptions() {
        return options.nightlyHeap() == null ? List.of("-XX:+UseParallelGC")
                : List.of("-XX:+UseParallelGC", "-Xmx" + options.nightlyHeap());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the benchmark's work folder " + dir, e);
        }
    }
}
