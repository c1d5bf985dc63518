package org.oriundos.jobs.nightly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.FileIngest;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.status.PublishResult;
import org.oriundos.jobs.status.RejectAccount;
import org.oriundos.jobs.status.Rows;
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
        List<Delivery> deliveries = DeliveryCodec.toLoad(jobContext);
        Instant nightStarted = RunFiles.nightStarted(jobRepository, job);
        Ledger ledger = new Ledger(home.lake());
        List<LedgerEntry> decidedTonight = ledger.entries().stream()
                .filter(e -> e.loadedAt() != null && !e.loadedAt().isBefore(nightStarted))
                .toList();
        int loaded = 0;
        int refused = 0;
        FileCounts total = FileCounts.NONE;
        List<PublishResult.FileNote> refusals = new ArrayList<>();
        List<PublishResult.FileNote> takenWithout = new ArrayList<>();
        List<PublishResult.FileNote> changed = new ArrayList<>();
        // a backfill names its period: a sharp fall in its rows is what the operator asked for
        boolean acceptRowDrop = NightlyParameters.isBackfill(job.getJobParameters());
        for (Delivery d : deliveries) {
            StepExecution worker = jobRepository.getLastStepExecution(job.getJobInstance(), RunFiles.workerStepName(d));
            if (worker == null) {
                continue; // delivered after this night's files were partitioned: the next night loads it
            }
            FileIngest.Outcome outcome = FileResults.outcome(worker.getExecutionContext());
            if (outcome == null) {
                throw new IllegalStateException(d.fileName() + ": its worker step " + worker.getStatus()
                        + " did not read it to its end; cannot publish it");
            }
            if (outcome instanceof FileIngest.Changed c) {
                // its bytes are not the ones scanned: nothing of it is published or recorded
                FileIngest.decide(staging, d, c, acceptRowDrop);
                // and its cached checksum says nothing (a rewrite may have kept its size and time)
                new Inbox(home.inbox(), home.inboxChecksums()).forgetChecksum(d.fileName());
                changed.add(new PublishResult.FileNote(d.fileName(), c.reason()));
                contribution.incrementReadCount();
                continue;
            }
            LedgerEntry entry = decidedTonight.stream().filter(e -> e.sha256().equals(d.sha256())).findFirst()
                    .orElseGet(() -> FileIngest.decide(staging, d, outcome, acceptRowDrop));
            if (entry.status() == LedgerEntry.Status.LOADED) {
                loaded++;
                if (entry.absentColumns() != null) {
                    takenWithout.add(new PublishResult.FileNote(d.fileName(), entry.absentColumns()));
                }
            } else {
                refused++;
                refusals.add(new PublishResult.FileNote(d.fileName(), entry.reason()));
            }
            total = total.plus(entry.counts()); // a refused or held-back file loaded nothing: the ledger's counts say so
            contribution.incrementReadCount();
        }
        // the night's rejected count and the lines of 'oriundos rejects' differ when a delivery of
        // tonight was replaced tonight or a file was refused: say so beside the count
        Set<String> tonight = new HashSet<>();
        for (Delivery d : deliveries) {
            tonight.add(d.sha256());
        }
        List<LedgerEntry> after = ledger.entries();
        RejectAccount account = RejectAccount.of(after, e -> tonight.contains(e.sha256()) && e.loadedAt() != null
                && !e.loadedAt().isBefore(nightStarted));
        ExecutionKeys.PUBLISH.put(jobContext, new PublishResult(loaded, refused, Rows.of(total), refusals, takenWithout,
                changed, account));
        return RepeatStatus.FINISHED;
    }
}
