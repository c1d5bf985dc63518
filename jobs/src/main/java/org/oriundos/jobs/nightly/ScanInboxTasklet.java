package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.jobs.status.ScanResult;
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
 * bytes the ledger has not loaded ({@link NightScan}). With nothing new on a fresh night the job
 * ends here (exit status {@code NOTHING_NEW}); a restarted night always goes on, since a later
 * stage may be what the crash interrupted.
 */
final class ScanInboxTasklet implements Tasklet {
    private static final Logger LOG = LoggerFactory.getLogger(ScanInboxTasklet.class);
    static final String NOTHING_NEW = "NOTHING_NEW";

    private final NightlyStages stages;

    ScanInboxTasklet(NightlyStages stages) {
        this.stages = stages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext context = job.getExecutionContext();
        // a restart inherits the job context of the execution it resumes, this scan's result included
        boolean freshNight = !ExecutionKeys.SCAN.isIn(context) && !context.containsKey(ExecutionKeys.Legacy.SCANNED);
        ScanResult result = NightScan.scan(stages, NightlyParameters.rebuildsEverything(job.getJobParameters()),
                NightlyParameters.backfillOf(job.getJobParameters()), freshNight);
        for (ScanResult.NotTaken n : result.notTaken()) {
            // names printed with their control characters escaped: a line break cannot split or forge a line
            LOG.warn("{} from the inbox: {}: {}", n.waiting() ? "not taken yet" : "not taken", n.name(), n.reason());
        }
        for (ScanResult.StillRefused refused : result.stillRefused()) {
            LOG.warn("still refused, not tried again: {}", RunPrinter.stillRefused(refused));
        }
        contribution.incrementReadCount();
        if (result.night() == ScanResult.Night.NOTHING_NEW) {
            contribution.setExitStatus(new ExitStatus(NOTHING_NEW));
        }
        ExecutionKeys.SCAN.put(context, result);
        if (result.night() == ScanResult.Night.REFERENCE_CHANGED) {
            LOG.info(RunPrinter.referenceChanged(result));
        }
        return RepeatStatus.FINISHED;
    }
}
