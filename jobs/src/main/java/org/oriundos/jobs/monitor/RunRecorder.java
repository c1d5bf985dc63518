package org.oriundos.jobs.monitor;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.oriundos.jobs.home.DataHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Leaves a run's {@link RunFacts} in {@code <home>/metrics/oriundos.prom} when the run ends,
 * however it ends: completed, failed, stopped, or cut short by an error before the job could run.
 * Created when the run has taken the lock (so two runs never write the file at once); the first
 * call that records wins. Writing the file never changes the run's outcome: a failure to write it
 * is logged, like a failing {@code --on-failure} command.
 */
public final class RunRecorder {
    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final DataHome home;
    private final String kind;
    private final Instant started = Instant.now();
    private boolean recorded;

    /** @param kind what the run is: {@code nightly}, {@code full rebuild}, {@code backfill <source> <year>} */
    public RunRecorder(DataHome home, String kind) {
        this.home = home;
        this.kind = kind;
    }

    /** The job ran and ended ({@code execution}); the command returns {@code exitCode}. */
    public void ended(JobExecution execution, JobRepository jobRepository, int exitCode) {
        record(() -> new RunFactsReader(jobRepository, home).after(execution, exitCode));
    }

    /**
     * The run ended with {@code exitCode} before there was a job execution to read (the job
     * repository could not be opened, say). The last success is carried over from the previous file.
     */
    public void failed(int exitCode, String reason) {
        record(() -> new RunFacts(
                new RunFacts.LastRun(0, 0, kind, null, reason, exitCode, started, Instant.now(), RunFacts.noFigures(),
                        0, 0, List.of()),
                PrometheusTextfile.lastSuccessIn(home.metricsFile()), RunFactsReader.warehouse(home)));
    }

    /** The night was answered by the quiet check, before any job execution: these are its facts. */
    public void quietCheck(RunFacts facts) {
        record(() -> facts);
    }

    private void record(Supplier<RunFacts> facts) {
        if (recorded) {
            return;
        }
        recorded = true;
        try {
            PrometheusTextfile.write(home.metricsFile(), PrometheusTextfile.render(facts.get()));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot write the run's metrics to {}: {}", home.metricsFile(), e.toString());
        }
    }
}
