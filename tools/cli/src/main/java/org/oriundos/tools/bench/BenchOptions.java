package org.oriundos.tools.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code oriundos bench} measures, and on how much data.
 *
 * @param workDir      where the generated files, lakes and warehouses go (removed afterwards
 *                     unless {@code keep})
 * @param ingestRows   3x1 rows of the file our ingest and DuckDB race on
 * @param ingestHeap   the heap limit of the ingest race's JVM ({@code -Xmx}), e.g. {@code 512m}
 * @param historyYears the lengths of history of the nightly runs, e.g. 10 and 20
 * @param rowsPerYear  3x1 rows of each fiscal year of those histories
 * @param nightlyHeap  the nightly JVM's {@code -Xmx}, or {@code null} for the JVM's default
 * @param viewRows     project rows the view latencies are measured on
 * @param conformRecords projects of the 3x1 year the linker's speed is measured on (mostly new names)
 * @param duckdbMemoryLimit the linker's DuckDB {@code memory_limit}, as the nightly's settings give it
 * @param parts        which of {@code ingest}, {@code nightly}, {@code views}, {@code conform}, {@code scale} to run
 * @param docFile      the Markdown file whose figures block is replaced, or {@code null}
 * @param keep         whether to keep the work folder
 * @param fullRebuild  whether to time a {@code nightly --full-rebuild} after the incremental night
 * @param seed         the generator's seed
 * @param scaleFactors the multiples of a realistic program the scale curve runs the nightly at
 * @param scaleYears   fiscal years of history of the scale curve's first nights
 * @param scaleParallel whether the scale curve runs its factors at the same time
 */
public record BenchOptions(Path workDir, long ingestRows, String ingestHeap, List<Integer> historyYears, long rowsPerYear,
                           String nightlyHeap, long viewRows, long conformRecords, String duckdbMemoryLimit,
                           Set<String> parts, Path docFile, boolean keep, boolean fullRebuild, long seed,
                           List<Double> scaleFactors, int scaleYears, boolean scaleParallel) {
    public static final Set<String> ALL_PARTS = Set.of("ingest", "nightly", "views", "conform", "scale");
    /** The parts whose figures go into the {@code bench} block; the scale curve has its own. */
    static final Set<String> BENCH_BLOCK_PARTS = Set.of("ingest", "nightly", "views", "conform");

    public BenchOptions {
        if (ingestRows < 1 || rowsPerYear < 1 || viewRows < 1 || conformRecords < 1 || conformRecords > 10_000_000) {
            throw new IllegalArgumentException("row counts must be positive");
        }
        for (String p : parts) {
            if (!ALL_PARTS.contains(p)) {
                throw new IllegalArgumentException("unknown part '" + p + "': use ingest, nightly, views, conform or scale");
            }
        }
        if (parts.contains("views") && !parts.contains("nightly")) {
            throw new IllegalArgumentException("the views are measured on the nightly's warehouse: run 'nightly' too");
        }
        for (int y : historyYears) {
            if (y < 1 || y > 60) {
                throw new IllegalArgumentException("history lengths are 1 to 60 years, got " + y);
            }
        }
        for (double f : scaleFactors) {
            if (!(f > 0 && f <= 1000)) {
                throw new IllegalArgumentException("scale factors are above 0 and at most 1000, got " + f);
            }
        }
        if (scaleYears < 1 || scaleYears > 60) {
            throw new IllegalArgumentException("--scale-years is 1 to 60 years, got " + scaleYears);
        }
        historyYears = List.copyOf(historyYears);
        scaleFactors = List.copyOf(scaleFactors);
        parts = Set.copyOf(parts);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    /** Whether any part of the {@code bench} figures block runs (the scale curve alone does not write it). */
    boolean runsBenchBlock() {
        return parts.stream().anyMatch(BENCH_BLOCK_PARTS::contains);
    }
}
