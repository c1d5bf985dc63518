package org.oriundos.jobs.nightly;

import java.time.Instant;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.home.DataHome;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Publishes each file staged by {@code ingestFiles} into the lake (or records why it was refused),
 * writing its decision to the ledger. A file already decided during this night (the run was cut
 * between the publish and this step's commit) is counted, not published twice.
 */
final class PublishFilesTasklet implements Tasklet {
    private final DataHome home;
    private final LakeStaging staging;
    private final JobRepository jobRepository;

    PublishFilesTasklet(DataHome home, LakeStaging staging, JobRepository jobRepository) {
        this.home = home;
        this.staging = staging;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobExecution job = step.getJobExecution();
        ExecutionContext jobContext = job.getExecutionContext();
        List<Delivery> deliveries = DeliveryCodec.decode(jobContext.getString(ExecutionKeys.DELIVERIES, ""));
        Instant nightStarted = RunFiles.nightStarted(jobRepository, job);
        Ledger ledger = new Ledger(home.lake());
        List<LedgerEntry> decidedTonight = ledger.entries().stream()
                .filter(e -> e.loadedAt() != null && !e.loadedAt().isBefore(nightStarted))
                .toList();
        int loaded = 0;
        int refused = 0;
        FileCounts total = FileCounts.NONE;
        StringBuilder refusals = new StringBuilder();
        StringBuilder takenWithout = new StringBuilder();
        StringBuilder changed = new StringBuilder();
        // a backfill names its period: a sharp fall in its rows is what the operator asked for
        boolean acceptRowDrop = NightlyParameters.isBackfill(job.getJobParameters());
        for (Delivery d : deliveries) {
            StepExecution worker = jobRepository.getLastStepExecution(job.getJobInstance(), RunFiles.workerStepName(d));
            if (worker == null) {
                continue; // delivered after this night's files were partitioned: the next night loads it
            }
            ExecutionContext file = worker.getExecutionContext();
            if (file.containsKey(ExecutionKeys.CHANGED)) {
                staging.abandon(d); // its bytes are not the ones scanned: nothing of it is published or recorded
                // and its cached checksum says nothing (a rewrite may have kept its size and time)
                new Inbox(home.inbox(), home.inboxChecksums()).forgetChecksum(d.fileName());
                changed.append(d.fileName()).append(": ").append(file.getString(ExecutionKeys.CHANGED)).append('\n');
                contribution.incrementReadCount();
                continue;
            }
            FileCounts counts = RunFiles.countsOf(file);
            LedgerEntry entry = decidedTonight.stream().filter(e -> e.sha256().equals(d.sha256())).findFirst()
                    .orElseGet(() -> decide(d, counts, file, acceptRowDrop));
            if (entry.status() == LedgerEntry.Status.LOADED) {
                loaded++;
                if (entry.absentColumns() != null) {
                    takenWithout.append(d.fileName()).append(": ").append(entry.absentColumns()).append('\n');
                }
            } else {
                refused++;
                refusals.append(d.fileName()).append(": ").append(entry.reason()).append('\n');
            }
            total = total.plus(entry.counts()); // a refused or held-back file loaded nothing: the ledger's counts say so
            contribution.incrementReadCount();
        }
        jobContext.putInt(ExecutionKeys.FILES_LOADED, loaded);
        jobContext.putInt(ExecutionKeys.FILES_REFUSED, refused);
        jobContext.putString(ExecutionKeys.REFUSALS, refusals.toString());
        jobContext.putString(ExecutionKeys.TAKEN_WITHOUT, takenWithout.toString());
        jobContext.putString(ExecutionKeys.CHANGED_FILES, changed.toString());
        jobContext.putLong(ExecutionKeys.ROWS_READ, total.read());
        jobContext.putLong(ExecutionKeys.ROWS_LOADED, total.loaded());
        jobContext.putLong(ExecutionKeys.ROWS_REJECTED, total.rejected());
        jobContext.putLong(ExecutionKeys.ROWS_SKIPPED, total.skipped());
        return RepeatStatus.FINISHED;
    }

    private LedgerEntry decide(Delivery d, FileCounts counts, ExecutionContext file, boolean acceptRowDrop) {
        if (file.containsKey(ExecutionKeys.REFUSED)) {
            return staging.fail(d, counts, file.getString(ExecutionKeys.REFUSED));
        }
        return staging.publish(d, counts, file.getString(ExecutionKeys.ENCODING, "unknown"),
                file.getString(ExecutionKeys.LAYOUT, "unknown"),
                file.containsKey(ExecutionKeys.HEADER_NOTE) ? file.getString(ExecutionKeys.HEADER_NOTE) : null,
                file.containsKey(ExecutionKeys.ABSENT_COLUMNS) ? file.getString(ExecutionKeys.ABSENT_COLUMNS) : null,
                acceptRowDrop);
    }
}
