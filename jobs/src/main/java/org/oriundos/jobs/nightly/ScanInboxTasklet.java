package org.oriundos.jobs.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final String SCANNED = "inbox.scanned";

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
        String backfill = NightlyParameters.backfillOf(job.getJobParameters());
        if (!backfill.isEmpty()) {
            // a backfill loads only a re-delivery of its own period; the rest waits for the night
            String[] tablePeriod = backfill.split(":", 2);
            toLoad = toLoad.stream().filter(d -> d.source().tableName().equals(tablePeriod[0])
                    && d.period().startsWith(tablePeriod[1])).toList();
        }
        context.putString(ExecutionKeys.DELIVERIES, DeliveryCodec.encode(toLoad));
        context.putInt(ExecutionKeys.FILES_ALREADY_LOADED, scan.alreadyLoaded().size());
        context.putInt(ExecutionKeys.FILES_UNRECOGNIZED, scan.unrecognized().size());
        StringBuilder notTaken = new StringBuilder();
        for (UnrecognizedFile u : scan.unrecognized()) {
            // names printed with their control characters escaped: a line break cannot split or forge a line
            LOG.warn("{} from the inbox: {}: {}", u.waiting() ? "not taken yet" : "not taken", u.name(), u.reason());
            notTaken.append(u.waiting() ? "yet " : "").append(u.name()).append(": ").append(u.reason()).append('\n');
        }
        context.putString(ExecutionKeys.NOT_TAKEN, notTaken.toString());
        StringBuilder stillRefused = new StringBuilder();
        for (RefusedFile r : scan.stillRefused()) {
            String line = r.delivery().fileName() + ": " + r.refusal().reason() + " (refused "
                    + DateTimeFormatter.ISO_LOCAL_DATE.format(r.refusal().loadedAt().atZone(ZoneOffset.UTC)) + ")";
            LOG.warn("still refused, not tried again: {}", line);
            stillRefused.append(line).append('\n');
        }
        context.putString(ExecutionKeys.STILL_REFUSED, stillRefused.toString());
        contribution.incrementReadCount();
        StringBuilder files = new StringBuilder();
        for (Delivery d : toLoad) {
            files.append(files.length() == 0 ? "" : ", ").append(d.fileName());
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putString("to.load", files.toString());
        // a restart inherits the job context of the execution it resumes, marker included
        boolean freshNight = !context.containsKey(SCANNED);
        context.putString(SCANNED, "yes");
        boolean quiet = toLoad.isEmpty() && freshNight && !NightlyParameters.rebuildsEverything(job.getJobParameters());
        if (quiet && !new ConformStage(home.lake(), stages.conformOptions()).upToDate()) { // conf files as they are now
            // an analyst edited a correction file (or a new version ships other catalogs): apply it tonight
            String note = "nothing new in " + home.inbox() + ", but the reference data changed since the lake was"
                    + " conformed (" + home.conf() + "): conforming again";
            LOG.info(note);
            context.putString(ExecutionKeys.REFERENCE_CHANGED, note);
        } else if (quiet) {
            context.putString(ExecutionKeys.NOTHING_NEW_MESSAGE, "nothing new in " + home.inbox() + ": "
                    + scan.alreadyLoaded().size() + " file" + (scan.alreadyLoaded().size() == 1 ? "" : "s")
                    + " already loaded" + (scan.stillRefused().isEmpty() ? ""
                    : ", " + scan.stillRefused().size() + " still refused"));
            contribution.setExitStatus(new ExitStatus(NOTHING_NEW));
        }
        return RepeatStatus.FINISHED;
    }
}
