package org.oriundos.jobs.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What monitoring needs to know about a data home after a run: how the last run went, when a run
 * last succeeded, and how fresh the published warehouse is. Written after every run as a
 * Prometheus text file ({@link PrometheusTextfile}) and printed by {@code status --json}
 * ({@link RunFactsJson}): the same facts, two notations.
 *
 * @param lastRun       the last run that ended, or null when none has
 * @param lastSuccessAt when the last successful run ended (the job completed: exit code 0 or 6), or null
 * @param warehouse     the published warehouse
 */
public record RunFacts(LastRun lastRun, Instant lastSuccessAt, Warehouse warehouse) {

    /** The sources, as the ledger and the command line name them; every one is reported, with zeros. */
    public static final List<String> SOURCES = List.of("registry", "consular_activity", "projects", "survey");

    /** Every source with no files and no rows: a run that read nothing. */
    public static Map<String, SourceFigures> noFigures() {
        Map<String, SourceFigures> none = new java.util.LinkedHashMap<>();
        SOURCES.forEach(s -> none.put(s, SourceFigures.NONE));
        return none;
    }

    /**
     * The last run that ended.
     *
     * @param run               the run number ({@code status --run} takes it); 0 when the run failed before it had one
     * @param execution         the job execution id; 0 likewise
     * @param kind              {@code nightly}, {@code full rebuild} or {@code backfill <source> <year>}
     * @param status            the job's batch status (COMPLETED, FAILED, STOPPED, …); null when it never started
     * @param outcome           how it ended, in words (as {@code status} says it)
     * @param exitCode          the command's exit code (docs/architecture.md, "Exit codes")
     * @param startedAt         when the run (this execution of it) started
     * @param endedAt           when it ended
     * @param sources           the files and rows of the run, by source (every source of {@link #SOURCES})
     * @param filesStillRefused inbox files left alone because the same bytes were refused before
     * @param filesNotTaken     inbox files the scan did not take (an unknown name, a twin, an old version)
     * @param steps             how long each stage of the run took, in the order they ran
     */
    public record LastRun(long run, long execution, String kind, String status, String outcome, int exitCode,
                          Instant startedAt, Instant endedAt, Map<String, SourceFigures> sources,
                          int filesStillRefused, int filesNotTaken, List<StepTime> steps) {

        public boolean succeeded() {
            return "COMPLETED".equals(status);
        }

        /** Files the run refused, over every source. */
        public int filesRefused() {
            return sources.values().stream().mapToInt(SourceFigures::filesRefused).sum();
        }
    }

    /**
     * One source's files and rows in a run. {@code rowsLoaded} counts only the rows of files loaded
     * into the lake: the valid rows of a refused file, or of a file a failed or stopped run did not
     * get to publish, are read but not loaded. So {@code rowsRead - rowsLoaded - rowsRejected -
     * rowsSkipped} is what such files held, and 0 when every file was loaded.
     */
    public record SourceFigures(int filesLoaded, int filesRefused, long rowsRead, long rowsLoaded, long rowsRejected,
                                long rowsSkipped) {
        public static final SourceFigures NONE = new SourceFigures(0, 0, 0, 0, 0, 0);
    }

    /** How long one stage (step) of the run took, and how it ended. */
    public record StepTime(String step, String status, double seconds) {
    }

    /**
     * The published warehouse.
     *
     * @param file        the published file
     * @param dataAsOf    when the newest delivery the warehouse holds was loaded (null: no warehouse yet)
     * @param publishedAt when the published file was last rebuilt (null: no warehouse yet)
     */
    public record Warehouse(Path file, Instant dataAsOf, Instant publishedAt) {
    }
}
