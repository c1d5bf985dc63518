package org.oriundos.jobs.nightly;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.Source;
import org.oriundos.jobs.home.DataHome;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Each file a run took from the inbox and how it went, read back after the run from the job
 * repository (each file's worker step keeps its counts, across restarts) and the ledger (the
 * decision {@code publishFiles} took on it). For monitoring: the run's own account of itself.
 */
public final class RunFiles {

    /** What became of a file by the end of the run. */
    public enum Outcome {
        /** Published: its rows are the current delivery of its table and period. */
        LOADED,
        /** Refused whole (ledger FAILED): nothing of it was loaded. */
        REFUSED,
        /** Read (perhaps in part) but not yet published: the run failed or was stopped before. */
        NOT_PUBLISHED
    }

    /** One file of the run. */
    public record FileAccount(String fileName, Source source, FileCounts counts, Outcome outcome) {
    }

    private RunFiles() {
    }

    /** The files of the run {@code execution} belongs to (all its executions: a restart resumes the same files). */
    public static List<FileAccount> of(JobExecution execution, JobRepository jobRepository, DataHome home) {
        List<Delivery> deliveries = DeliveryCodec.toLoad(execution.getExecutionContext());
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Instant nightStarted = nightStarted(jobRepository, execution);
        Map<String, LedgerEntry> decided = new HashMap<>();
        for (LedgerEntry e : new Ledger(home.lake()).entries()) {
            if (e.loadedAt() != null && !e.loadedAt().isBefore(nightStarted)) {
                decided.merge(e.sha256(), e, (a, b) -> a.loadedAt().isAfter(b.loadedAt()) ? a : b);
            }
        }
        List<FileAccount> files = new ArrayList<>();
        for (Delivery d : deliveries) {
            StepExecution worker = jobRepository.getLastStepExecution(execution.getJobInstance(), workerStepName(d));
            FileCounts counts = worker == null ? FileCounts.NONE : FileResults.counts(worker.getExecutionContext());
            LedgerEntry entry = decided.get(d.sha256());
            Outcome outcome = entry == null ? Outcome.NOT_PUBLISHED
                    : entry.status() == LedgerEntry.Status.LOADED ? Outcome.LOADED : Outcome.REFUSED;
            files.add(new FileAccount(d.fileName(), d.source(), counts, outcome));
        }
        return files;
    }

    /** The worker step of one file: stable across restarts, so its last execution holds the file's account. */
    static String workerStepName(Delivery d) {
        return NightlyJobConfiguration.INGEST_FILE + ":" + DeliveryCodec.partitionName(d);
    }

    /** When this night's first execution started (earlier executions of the instance, if restarted). */
    static Instant nightStarted(JobRepository jobRepository, JobExecution job) {
        return jobRepository.getJobExecutions(job.getJobInstance()).stream()
                .map(JobExecution::getCreateTime)
                .filter(Objects::nonNull)
                .map(t -> t.atZone(ZoneId.systemDefault()).toInstant())
                .min(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
