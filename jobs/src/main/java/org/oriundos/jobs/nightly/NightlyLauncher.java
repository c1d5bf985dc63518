package org.oriundos.jobs.nightly;

import org.oriundos.jobs.status.Backfill;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts tonight's load, or resumes the last one if it did not finish. The caller holds the run
 * lock, so an execution the repository still calls running belongs to a process that died: it is
 * recovered (marked failed) and restarted, resuming each file from its last committed chunk.
 */
public final class NightlyLauncher {
    private static final Logger log = LoggerFactory.getLogger(NightlyLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final RunningJob runningJob;

    public NightlyLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, RunningJob runningJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.runningJob = runningJob;
    }

    /** Runs the load (a backfill when {@code backfill} is not null) to its end (completed, failed or stopped) and returns its execution. */
    public JobExecution run(boolean fullRebuild, Backfill backfill) throws Exception {
        JobInstance last = jobRepository.getLastJobInstance(NightlyJobConfiguration.JOB_NAME);
        long nextRunId = 1;
        if (last != null) {
            JobExecution lastExecution = jobRepository.getLastJobExecution(last);
            long lastRunId = lastExecution == null ? 0 : NightlyParameters.runIdOf(lastExecution.getJobParameters());
            nextRunId = lastRunId + 1;
            if (lastExecution != null && isUnfinished(lastExecution.getStatus())) {
                NightlyParameters asked = new NightlyParameters(lastRunId, fullRebuild, backfill);
                if (lastExecution.getStatus().isRunning()) {
                    log.warn("execution {} of run {} was left {} by a process that died; recovering it",
                            lastExecution.getId(), lastRunId, lastExecution.getStatus());
                    lastExecution = jobOperator.recover(lastExecution);
                }
                if (asked.sameRequestAs(lastExecution.getJobParameters())) {
                    log.info("resuming run {} (execution {})", lastRunId, lastExecution.getId());
                    return jobOperator.restart(lastExecution);
                }
                log.info("abandoning unfinished run {}: tonight asks for a different kind of run", lastRunId);
                jobOperator.abandon(lastExecution);
            }
        }
        NightlyParameters params = new NightlyParameters(nextRunId, fullRebuild, backfill);
        log.info("starting run {}", nextRunId);
        return jobOperator.start(nightlyJob, params.toJobParameters());
    }

    /** Asks the running load, if any, to stop after its current chunk. */
    public void requestStop() {
        JobExecution execution = runningJob.requestStop();
        if (execution != null && execution.getStatus().isRunning()) {
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.warn("could not ask execution {} to stop: {}", execution.getId(), e.getMessage());
            }
        }
    }

    private static boolean isUnfinished(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }

}
