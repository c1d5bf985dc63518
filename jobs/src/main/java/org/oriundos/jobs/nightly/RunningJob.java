package org.oriundos.jobs.nightly;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The execution this process is running, so a SIGTERM can ask it to stop after the current
 * chunk. A stop asked before the job starts is honoured as soon as it does.
 */
public final class RunningJob implements JobExecutionListener {
    private final AtomicReference<JobExecution> current = new AtomicReference<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Consumer<JobExecution> onStart = execution -> { };

    /** Called with each execution as it starts (the run lock records its id). */
    public void onStart(Consumer<JobExecution> callback) {
        this.onStart = callback;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        current.set(jobExecution);
        onStart.accept(jobExecution);
        if (stopRequested.get()) {
            jobExecution.setStatus(org.springframework.batch.core.BatchStatus.STOPPING);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        current.set(null);
    }

    public JobExecution current() {
        return current.get();
    }

    public boolean stopRequested() {
        return stopRequested.get();
    }

    /** Marks that a stop was asked; returns the execution to stop, or null if none runs yet. */
    public JobExecution requestStop() {
        stopRequested.set(true);
        return current.get();
    }
}
