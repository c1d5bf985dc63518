package org.oriundos.jobs.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.InboxScan;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.RefusedFile;
import org.oriundos.ingest.UnrecognizedFile;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.home.ConfTemplates;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.status.Backfill;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.jobs.status.ScanResult;
import org.oriundos.transform.ConformStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First completes or rolls back any publish a crash cut short, then lists the inbox files whose
 * bytes the ledger has not loaded. With nothing new on a fresh night the job ends here
 * (exit status {@code NOTHING_NEW}); a restarted night always goes on, since a later stage
 * may be what the crash interrupted.
 */
final class ScanInboxTasklet implements Tasklet {
    private static final Logger LOG = LoggerFactory.getLogger(ScanInboxTasklet.class);
    static final String NOTHING_NEW = "NOTHING_NEW";

    private final NightlyStages stages;
    private final DataHome home;
    private final LakeStaging staging;

    ScanInboxTasklet(NightlyStages stages) {
        this.stages = stages;
        this.home = stages.home();
        this.staging = stages.staging();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        staging.recover();
        Files.createDirectories(home.inbox()); // a new data home: an empty inbox, ready for the files
        ConfTemplates.writeMissing(home);      // and the analysts' correction files, explained
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        // a full rebuild (or a backfill) tries refused files again: the reject threshold may have been raised
        InboxScan scan = new Inbox(home.inbox(), home.inboxChecksums(),
                Duration.ofSeconds(stages.settings().settleSeconds()), Clock.systemUTC())
                .scan(new Ledger(home.lake()), NightlyParameters.rebuildsEverything(job.getJobParameters()));
        ExecutionContext context = job.getExecutionContext();
        List<Delivery> toLoad = scan.toLoad();
        Backfill backfill = NightlyParameters.backfillOf(job.getJobParameters());
        if (backfill != null) {
            // a backfill loads only a re-delivery of its own period; the rest waits for the night
            toLoad = toLoad.stream().filter(d -> d.source().tableName().equals(backfill.table())
                    && d.period().startsWith(backfill.period())).toList();
        }
        List<ScanResult.NotTaken> notTaken = new ArrayList<>();
        for (UnrecognizedFile u : scan.unrecognized()) {
            // names printed with their control characters escaped: a line break cannot split or forge a line
            LOG.warn("{} from the inbox: {}: {}", u.waiting() ? "not taken yet" : "not taken", u.name(), u.reason());
            notTaken.add(new ScanResult.NotTaken(u.name(), u.reason(), u.waiting()));
        }
        List<ScanResult.StillRefused> stillRefused = new ArrayList<>();
        for (RefusedFile r : scan.stillRefused()) {
            ScanResult.StillRefused refused = new ScanResult.StillRefused(r.delivery().fileName(),
                    r.refusal().reason(), LocalDate.ofInstant(r.refusal().loadedAt(), ZoneOffset.UTC));
            LOG.warn("still refused, not tried again: {}", RunPrinter.stillRefused(refused));
            stillRefused.add(refused);
        }
        contribution.incrementReadCount();
        // a restart inherits the job context of the execution it resumes, this scan's result included
        boolean freshNight = !ExecutionKeys.SCAN.isIn(context) && !context.containsKey(ExecutionKeys.Legacy.SCANNED);
        boolean quiet = toLoad.isEmpty() && freshNight && !NightlyParameters.rebuildsEverything(job.getJobParameters());
        ScanResult.Night night = ScanResult.Night.GOES_ON;
        if (quiet && !new ConformStage(home.lake(), stages.conformOptions()).upToDate()) { // conf files as they are now
            // an analyst edited a correction file (or a new version ships other catalogs): apply it tonight
            night = ScanResult.Night.REFERENCE_CHANGED;
        } else if (quiet) {
            night = ScanResult.Night.NOTHING_NEW;
            contribution.setExitStatus(new ExitStatus(NOTHING_NEW));
        }
        ScanResult result = new ScanResult(home.inbox().toString(), home.conf().toString(),
                toLoad.stream().map(DeliveryCodec::toValue).toList(), scan.alreadyLoaded().size(), notTaken,
                stillRefused, night);
        ExecutionKeys.SCAN.put(context, result);
        if (night == ScanResult.Night.REFERENCE_CHANGED) {
            LOG.info(RunPrinter.referenceChanged(result));
        }
        return RepeatStatus.FINISHED;
    }
}
