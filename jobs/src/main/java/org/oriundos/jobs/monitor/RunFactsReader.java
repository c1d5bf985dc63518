package org.oriundos.jobs.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.nightly.NightlyJobConfiguration;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.oriundos.jobs.nightly.RunFiles;
import org.oriundos.jobs.quiet.QuietCheck;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.warehouse.WarehouseException;
import org.oriundos.warehouse.WarehouseQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Reads the {@link RunFacts} of a data home from the job repository (the runs), the ledger (what
 * became of each file) and the published warehouse (how fresh it is).
 */
public final class RunFactsReader {
    private static final Logger log = LoggerFactory.getLogger(RunFactsReader.class);
    /** Job instances scanned, newest first, for the last successful run. */
    private static final int SUCCESS_SEARCH_LIMIT = 10_000;

    private final JobRepository jobRepository;
    private final DataHome home;

    public RunFactsReader(JobRepository jobRepository, DataHome home) {
        this.jobRepository = jobRepository;
        this.home = home;
    }

    /**
     * The facts as the job repository and the quiet checks have them: the last run is the latest
     * execution that ended, or the last quiet check when that ended later (a night answered before
     * any job execution, docs/operations.md "A quiet night").
     */
    public RunFacts latest() {
        JobExecution last = lastEndedExecution();
        RunFacts.LastRun run = last == null ? null : lastRun(last, derivedExitCode(last));
        QuietCheck.LastCheck check = QuietCheck.lastCheck(home);
        if (check != null && (run == null || check.facts().endedAt().isAfter(run.endedAt()))) {
            run = check.facts();
        }
        return new RunFacts(run, lastSuccess(), warehouse(home));
    }

    /** The facts right after {@code execution} ended with {@code exitCode}. */
    public RunFacts after(JobExecution execution, int exitCode) {
        // as the repository stored it, so its times are those status --json and the last success read
        JobExecution stored = jobRepository.getJobExecution(execution.getId());
        return new RunFacts(lastRun(stored == null ? execution : stored, exitCode), lastSuccess(), warehouse(home));
    }

    /** When the last successful night ended: a completed execution, or a quiet check; null when none has. */
    Instant lastSuccess() {
        Instant run = lastCompletedExecution();
        QuietCheck.LastCheck check = QuietCheck.lastCheck(home);
        Instant quiet = check == null ? null : check.facts().endedAt();
        return run == null ? quiet : quiet == null || run.isAfter(quiet) ? run : quiet;
    }

    /**
     * The exit code a run's command returned, from its record (docs/architecture.md, "Exit codes"):
     * 0 completed, 6 completed with refused files, 5 stopped, 3 failed.
     */
    static int derivedExitCode(JobExecution e) {
        BatchStatus status = e.getStatus();
        if (status == BatchStatus.COMPLETED) {
            return RunPrinter.needsAttention(e) ? 6 : 0;
        }
        return status == BatchStatus.STOPPED ? 5 : 3;
    }

    private RunFacts.LastRun lastRun(JobExecution e, int exitCode) {
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (String source : RunFacts.SOURCES) {
            figures.put(source, new long[6]);
        }
        try {
            for (RunFiles.FileAccount f : RunFiles.of(e, jobRepository, home)) {
                long[] s = figures.computeIfAbsent(f.source().tableName(), k -> new long[6]);
                s[0] += f.outcome() == RunFiles.Outcome.LOADED ? 1 : 0;
                s[1] += f.outcome() == RunFiles.Outcome.REFUSED ? 1 : 0;
                s[2] += f.counts().read();
                s[3] += f.outcome() == RunFiles.Outcome.LOADED ? f.counts().loaded() : 0;
                s[4] += f.counts().rejected();
                s[5] += f.counts().skipped();
            }
        } catch (RuntimeException ex) {
            // the lake may be out of reach (that may be why the run failed): say so, report the rest
            log.warn("cannot read the files of run {} for the metrics: {}", e.getId(), ex.getMessage());
        }
        Map<String, RunFacts.SourceFigures> sources = new LinkedHashMap<>();
        figures.forEach((source, s) -> sources.put(source,
                new RunFacts.SourceFigures((int) s[0], (int) s[1], s[2], s[3], s[4], s[5])));
        return new RunFacts.LastRun(NightlyParameters.runIdOf(e.getJobParameters()), e.getId(), RunPrinter.kind(e),
                e.getStatus().toString(), RunPrinter.outcome(e), exitCode, instant(e.getStartTime()),
                e.getEndTime() == null ? Instant.now() : instant(e.getEndTime()), sources,
                RunPrinter.filesStillRefused(e), RunPrinter.filesNotTaken(e), steps(e));
    }

    /** Each stage of the run (its last execution, across restarts), in the order they ran; file workers left out. */
    private List<RunFacts.StepTime> steps(JobExecution e) {
        Map<String, StepExecution> last = new LinkedHashMap<>();
        List<StepExecution> all = new ArrayList<>();
        for (JobExecution execution : jobRepository.getJobExecutions(e.getJobInstance())) {
            all.addAll(execution.getId() == e.getId() ? e.getStepExecutions() : execution.getStepExecutions());
        }
        all.sort(Comparator.comparing(StepExecution::getId));
        for (StepExecution s : all) {
            if (!s.getStepName().contains(":") && s.getStartTime() != null) {
                last.remove(s.getStepName());
                last.put(s.getStepName(), s);
            }
        }
        List<RunFacts.StepTime> steps = new ArrayList<>();
        for (StepExecution s : last.values()) {
            Instant end = s.getEndTime() == null ? Instant.now() : instant(s.getEndTime());
            steps.add(new RunFacts.StepTime(s.getStepName(), s.getStatus().toString(),
                    Duration.between(instant(s.getStartTime()), end).toNanos() / 1e9));
        }
        return steps;
    }

    /** The latest execution of the nightly job that is not running (one a dead process left STARTED is skipped). */
    private JobExecution lastEndedExecution() {
        for (int start = 0; start < SUCCESS_SEARCH_LIMIT; start += 100) {
            List<JobInstance> instances = jobRepository.getJobInstances(NightlyJobConfiguration.JOB_NAME, start, 100);
            for (JobInstance instance : instances) {
                JobExecution newest = jobRepository.getJobExecutions(instance).stream()
                        .filter(x -> !x.getStatus().isRunning() && x.getEndTime() != null)
                        .max(Comparator.comparing(JobExecution::getId)).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
            if (instances.size() < 100) {
                break;
            }
        }
        return null;
    }

    /** When the newest completed execution ended; null when no run ever completed. */
    private Instant lastCompletedExecution() {
        for (int start = 0; start < SUCCESS_SEARCH_LIMIT; start += 100) {
            List<JobInstance> instances = jobRepository.getJobInstances(NightlyJobConfiguration.JOB_NAME, start, 100);
            Instant best = null;
            for (JobInstance instance : instances) {
                for (JobExecution x : jobRepository.getJobExecutions(instance)) {
                    if (x.getStatus() == BatchStatus.COMPLETED && x.getEndTime() != null) {
                        Instant end = instant(x.getEndTime());
                        best = best == null || end.isAfter(best) ? end : best;
                    }
                }
                if (best != null) {
                    return best; // instances come newest first: an older one cannot have ended later
                }
            }
            if (instances.size() < 100) {
                break;
            }
        }
        return null;
    }

    /** How fresh the published warehouse is; nulls when there is none or it cannot be read. */
    public static RunFacts.Warehouse warehouse(DataHome home) {
        Path file = home.warehouseFile();
        if (!Files.isRegularFile(file)) {
            return new RunFacts.Warehouse(file, null, null);
        }
        Instant publishedAt = null;
        Instant dataAsOf = null;
        try {
            publishedAt = Files.getLastModifiedTime(file).toInstant();
            List<List<Object>> rows = WarehouseQuery.run(file,
                    "select epoch_ms(max(loaded_at)) from audit_file_load where in_warehouse").rows();
            Object ms = rows.isEmpty() ? null : rows.get(0).get(0);
            dataAsOf = ms == null ? null : Instant.ofEpochMilli(((Number) ms).longValue());
        } catch (IOException | WarehouseException | ClassCastException e) {
            log.warn("cannot read how fresh the warehouse {} is: {}", file, e.getMessage());
        }
        return new RunFacts.Warehouse(file, dataAsOf, publishedAt);
    }

    /** Spring Batch keeps times as local date-times of this machine's zone. */
    static Instant instant(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toInstant();
    }
}
