package org.oriundos.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oriundos.jobs.cli.DocFigures;
import org.oriundos.transform.identity.bench.LinkageBenchmark;

/**
 * The figures of one {@code oriundos bench} run, as a plain-text table for the terminal and as
 * the Markdown block of {@code docs/performance.md} (between {@link #BEGIN} and {@link #END}).
 */
public record BenchResult(Instant started, int processors, BenchOptions options, IngestFigures ingest,
                          String ingestFailure, List<NightlyBench.History> histories, ViewLatency.Figures views,
                          LinkageBenchmark.Speed conform, ScaleCurve.Figures scale) {
    public static final String BEGIN = "<!-- bench:begin (written by 'oriundos bench --doc'; do not edit by hand) -->";
    public static final String END = "<!-- bench:end -->";
    static final double INGEST_TARGET = 0.5;
    static final double INCREMENTAL_TARGET = 0.2;
    static final long VIEW_TARGET_MILLIS = 200;
    static final long VIEW_TARGET_ROWS = 10_000_000;
    static final double QUIET_TARGET_SECONDS = 3;
    static final double CONFORM_TARGET_SECONDS = 10;
    static final long CONFORM_TARGET_RECORDS = 100_000;

    /** The figures as Markdown tables, with the machine and the targets. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(started.truncatedTo(ChronoUnit.MINUTES)).append(" on ").append(processors)
                .append(" processors, Java ").append(System.getProperty("java.version")).append(", ")
                .append(mb(totalMemoryBytes())).append(" MB of RAM.\n\n");
        goals(md);
        if (ingest != null) {
            IngestFigures i = ingest;
            md.append("**Ingest of one 3x1 file** (2013 layout, ").append(count(i.rowsRead())).append(" rows, ")
                    .append(mb(i.fileBytes())).append(" MB):\n\n");
            md.append("| | seconds | rows/s | MB/s | Parquet MB |\n|---|---:|---:|---:|---:|\n");
            md.append("| oriundos `FileIngest`, the nightly's `ingestFile` loop (run to the end by `FileLoader`;"
                    + " every field validated, ").append(count(i.rowsRejected()))
                    .append(" rows rejected with reasons; ").append(i.status()).append(") | ")
                    .append(secs(i.oursNanos())).append(" | ").append(count(Math.round(i.oursRowsPerSecond())))
                    .append(" | ").append(f1(i.oursMegabytesPerSecond())).append(" | ").append(mb(i.oursParquetBytes()))
                    .append(" |\n");
            md.append("| DuckDB `COPY (FROM read_csv(…, ignore_errors = true)) TO '….parquet'`, threads=").append(i.duckdbThreads())
                    .append(" | ").append(secs(i.duckdbNanos())).append(" | ")
                    .append(count(Math.round(i.duckdbRowsPerSecond()))).append(" | ")
                    .append(f1(i.duckdbMegabytesPerSecond())).append(" | ").append(mb(i.duckdbParquetBytes()))
                    .append(" |\n\n");
            md.append("Ratio (ours / DuckDB's throughput): **").append(f2(i.ratio())).append("** (target ≥ ")
                    .append(f1(INGEST_TARGET)).append(": ").append(met(i.ratio() >= INGEST_TARGET)).append("). ")
                    .append("Peak live heap of our ingest (in use after a collection): ").append(mb(i.peakHeapBytes())).append(" MB with -Xmx")
                    .append(options.ingestHeap()).append(".\n\n");
        }
        if (ingestFailure != null) {
            md.append("**Ingest of one 3x1 file**: did not finish.\n\n```\n").append(ingestFailure).append("\n```\n\n");
        }
        if (!histories.isEmpty()) {
            md.append("**The whole nightly** (ingest → transform → warehouse → report; `nightly --home …` in a child JVM")
                    .append(options.nightlyHeap() == null ? "" : " with -Xmx" + options.nightlyHeap()).append(", ")
                    .append(count(options.rowsPerYear())).append(" 3x1 rows a year plus the registry, activity and surveys):\n\n");
            md.append("| history | 3x1 rows | inbox MB | first night | peak RSS | +1 year night | peak RSS | +1 year / first"
                    + " | `--full-rebuild` | +1 year / rebuild |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (NightlyBench.History h : histories) {
                md.append("| ").append(h.years()).append(" years | ").append(count(h.projectRows())).append(" | ")
                        .append(mb(h.inboxBytes())).append(" | ").append(secs(h.full().wall())).append(" s | ")
                        .append(mb(h.full().peakRssBytes())).append(" MB | ").append(secs(h.incremental().wall()))
                        .append(" s | ").append(mb(h.incremental().peakRssBytes())).append(" MB | ")
                        .append(pct(share(h.incremental().wall(), h.full().wall()))).append(" | ")
                        .append(h.fullRebuild() == null ? "not run" : secs(h.fullRebuild().wall()) + " s").append(" | ")
                        .append(h.fullRebuild() == null ? "" : pct(share(h.incremental().wall(), h.fullRebuild().wall())))
                        .append(" |\n");
            }
            md.append("\nWhere the time goes (the job's steps as Spring Batch logged them; \"start/stop\" is the rest of"
                    + " the wall time: JVM, Spring, job repository):\n\n");
            md.append("| history | night | steps |\n|---|---|---|\n");
            for (NightlyBench.History h : histories) {
                for (NightlyBench.Night n : java.util.Arrays.asList(h.full(), h.incremental(), h.fullRebuild(), h.quiet())) {
                    if (n != null) {
                        md.append("| ").append(h.years()).append(" years | ").append(n.name()).append(" | ")
                                .append(steps(n)).append(" |\n");
                    }
                }
            }
            // the target: the +1 year night against a full rebuild of the same history (the first
            // night when the rebuild was not run, which also ingests every file and so is the longer one)
            NightlyBench.History longest = histories.get(histories.size() - 1);
            NightlyBench.Night whole = longest.fullRebuild() != null ? longest.fullRebuild() : longest.full();
            double s = share(longest.incremental().wall(), whole.wall());
            md.append("\nIncremental night at ").append(longest.years()).append(" years: ").append(pct(s))
                    .append(longest.fullRebuild() != null ? " of a `--full-rebuild`'s time" : " of the first night's time")
                    .append(" (target ≤ ").append(pct(INCREMENTAL_TARGET)).append(" of a full rebuild's: ")
                    .append(met(s <= INCREMENTAL_TARGET)).append(").\n\n");
        }
        if (views != null) {
            md.append("**Analyst queries** on ").append(count(views.projectRows())).append(" project rows (warehouse ")
                    .append(mb(views.warehouseBytes())).append(" MB; `oriundos sql`'s path: a read-only connection per"
                            + " query; median of ").append(ViewLatency.RUNS).append(" after one warm-up):\n\n");
            md.append("| query | rows | median ms | min ms | max ms |\n|---|---:|---:|---:|---:|\n");
            boolean all = true;
            for (ViewLatency.Query q : views.queries()) {
                md.append("| `").append(q.name()).append("` | ").append(count(q.rows())).append(" | ")
                        .append(ms(q.medianNanos())).append(" | ").append(ms(q.minNanos())).append(" | ")
                        .append(ms(q.maxNanos())).append(" |\n");
                all &= q.medianNanos() < VIEW_TARGET_MILLIS * 1_000_000;
            }
            if (!views.aggregateTables().isEmpty()) {
                md.append("\nThe views read the aggregate tables a build makes from the facts (")
                        .append(String.join(", ", views.aggregateTables()))
                        .append("); rebuilt from the grown copy's facts, as every nightly build does, they took ")
                        .append(secs(views.aggregateNanos())).append(" s at this size.\n");
            }
            md.append("\nEvery query under ").append(VIEW_TARGET_MILLIS).append(" ms on ").append(count(views.projectRows()))
                    .append(" rows: ").append(met(all))
                    .append(views.projectRows() < VIEW_TARGET_ROWS ? " (the target is stated for " + count(VIEW_TARGET_ROWS)
                            + " rows; this run used fewer)" : "").append(".\n");
        }
        return md.toString();
    }

    /**
     * The four goals of the nightly's speed side by side, each as this run measured it: the ingest
     * against DuckDB, a quiet night, the +1 year night against a full rebuild, the linker on a year
     * of mostly new names. A part not run reads "not run".
     */
    private void goals(StringBuilder md) {
        md.append("| goal | measured | target | met |\n|---|---:|---:|---|\n");
        md.append("| ingest of one 3x1 file: our throughput / DuckDB's | ")
                .append(ingest == null ? "not run" : f2(ingest.ratio())).append(" | ≥ ").append(f1(INGEST_TARGET))
                .append(" | ").append(ingest == null ? "" : met(ingest.ratio() >= INGEST_TARGET)).append(" |\n");
        NightlyBench.History longest = histories.isEmpty() ? null : histories.get(histories.size() - 1);
        md.append("| quiet night (nothing new), command to exit | ");
        if (longest == null) {
            md.append("not run |  ≤ ").append(f1(QUIET_TARGET_SECONDS)).append(" s | |\n");
        } else {
            double quiet = longest.quiet().wall().toNanos() / 1e9;
            md.append(f1(quiet)).append(" s (").append(longest.years()).append(" years loaded) | ≤ ")
                    .append(f1(QUIET_TARGET_SECONDS)).append(" s | ").append(met(quiet <= QUIET_TARGET_SECONDS)).append(" |\n");
        }
        md.append("| +1 year night / `--full-rebuild` | ");
        if (longest == null || longest.fullRebuild() == null) {
            md.append("not run | ≤ ").append(pct(INCREMENTAL_TARGET)).append(" | |\n");
        } else {
            double s = share(longest.incremental().wall(), longest.fullRebuild().wall());
            md.append(pct(s)).append(" at ").append(longest.years()).append(" years | ≤ ").append(pct(INCREMENTAL_TARGET))
                    .append(" | ").append(met(s <= INCREMENTAL_TARGET)).append(" |\n");
        }
        md.append("| conform: link a 3x1 year of mostly new names | ");
        if (conform == null) {
            md.append("not run | about ").append(f1(CONFORM_TARGET_SECONDS)).append(" s for ")
                    .append(count(CONFORM_TARGET_RECORDS)).append(" | |\n\n");
        } else {
            md.append(f1(conform.seconds())).append(" s for ").append(count(conform.records())).append(" | about ")
                    .append(f1(CONFORM_TARGET_SECONDS)).append(" s for ").append(count(CONFORM_TARGET_RECORDS)).append(" | ")
                    .append(conform.records() < CONFORM_TARGET_RECORDS ? "(fewer records than the target's)"
                            : met(conform.seconds() <= CONFORM_TARGET_SECONDS))
                    .append(" |\n\n");
            List<String> rules = new ArrayList<>();
            conform.byRule().forEach((rule, n) -> rules.add(rule + " " + count(n)));
            md.append("**Conform** (the linker's own benchmark, `oriundos links --bench --records N`): a 3x1 year of ")
                    .append(count(conform.records())).append(" projects, four in five from clubs never seen before, against a"
                            + " registry of ").append(count(conform.registryEntries())).append(" entries (")
                    .append(count(conform.clubs())).append(" clubs, seed ").append(conform.seed()).append("): ")
                    .append(f1(conform.seconds())).append(" s. Records by rule: ").append(String.join(", ", rules))
                    .append(".\n\n");
        }
    }

    /** The scale curve's block: the machine, then the curve; {@code null} when it was not run. */
    public String scaleMarkdown() {
        if (scale == null) {
            return null;
        }
        return "Measured " + started.truncatedTo(ChronoUnit.MINUTES) + " on " + processors + " processors, Java "
                + System.getProperty("java.version") + ", " + mb(totalMemoryBytes()) + " MB of RAM"
                + (options.nightlyHeap() == null ? "" : ", nightly with -Xmx" + options.nightlyHeap()) + ".\n\n"
                + ScaleCurve.markdown(scale);
    }

    /** The same figures for the terminal. */
    public String text() {
        StringBuilder text = new StringBuilder();
        if (options.runsBenchBlock()) {
            text.append(markdown());
        }
        if (scale != null) {
            text.append(text.isEmpty() ? "" : "\n").append("The scale curve\n\n").append(scaleMarkdown());
        }
        return text.toString().replace("**", "").replace("`", "");
    }

    /**
     * Replaces the figures blocks of {@code doc} (or appends them) with these figures and the
     * command: the bench block if a part of it ran, the scale block if the scale curve ran.
     */
    public void writeInto(Path doc, String command) throws IOException {
        if (options.runsBenchBlock()) {
            DocFigures.writeBlock(doc, BEGIN, END, command, markdown());
        }
        if (scale != null) {
            DocFigures.writeBlock(doc, ScaleCurve.BEGIN, ScaleCurve.END, command, scaleMarkdown());
        }
    }

    private static String steps(NightlyBench.Night n) {
        StringBuilder sb = new StringBuilder();
        for (NightlyBench.StepTime s : n.steps()) {
            sb.append(s.step()).append(' ').append(secs(s.time())).append(" s, ");
        }
        return sb.append("start/stop ").append(secs(n.outsideSteps())).append(" s").toString();
    }

    private static long totalMemoryBytes() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return -1;
    }

    static double share(Duration part, Duration whole) {
        return whole.isZero() ? 0 : (double) part.toNanos() / whole.toNanos();
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
