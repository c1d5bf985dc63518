package org.oriundos.jobs.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.oriundos.jobs.SpringRuntime;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.monitor.RunFactsReader;
import org.oriundos.jobs.monitor.RunRecorder;
import org.oriundos.jobs.nightly.NightScan;
import org.oriundos.jobs.nightly.NightlyLauncher;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.oriundos.jobs.nightly.NightlyStages;
import org.oriundos.jobs.nightly.RunningJob;
import org.oriundos.jobs.ops.FailureNotifier;
import org.oriundos.jobs.ops.RunFailure;
import org.oriundos.jobs.ops.RunLock;
import org.oriundos.jobs.ops.RunLockedException;
import org.oriundos.jobs.ops.RunOutcome;
import org.oriundos.jobs.quiet.QuietCheck;
import org.oriundos.jobs.status.Backfill;
import org.oriundos.jobs.status.RunPrinter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of the nightly job as the commands {@code nightly}, {@code backfill}, {@code demo} and
 * {@code schedule} start it: the lock, Spring, the signals, the run's facts for monitoring, and
 * what the run says on the console when it ends.
 */
final class LoadRun {
    private final PrintStream out;
    private final PrintStream err;

    LoadRun(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int nightly(Settings s, boolean fullRebuild, Backfill backfill, String onFailure) throws Exception {
        RunOutcome outcome;
        try {
            outcome = runOnce(s, fullRebuild, backfill, new AtomicReference<>(), true);
        } catch (RunLockedException e) {
            throw e;
        } catch (CommandFailedException e) {
            notifyFailure(onFailure, s, new RunOutcome(e.exitCode(), null, e.getMessage()));
            throw e;
        }
        notifyFailure(onFailure, s, outcome);
        return outcome.exitCode();
    }

    /**
     * One load, start to end: takes the lock, starts (or resumes) the job with SIGTERM wired to
     * stop it, and prints how it ended. {@code running} holds the launcher while the job runs.
     */
    RunOutcome runOnce(Settings s, boolean fullRebuild, Backfill backfill,
                               AtomicReference<NightlyLauncher> running, boolean ownSignals) throws Exception {
        // SIGTERM is ours from the moment the lock is taken: one that arrives while Spring starts is
        // remembered and honoured as soon as the launcher exists (exit 5, not the JVM's 143).
        AtomicBoolean stopAsked = new AtomicBoolean();
        Runnable stop = () -> {
            stopAsked.set(true);
            NightlyLauncher launcher = running.get();
            if (launcher != null) {
                launcher.requestStop();
            }
        };
        try (RunLock lock = RunLock.acquire(s.home(), backfill == null ? "nightly"
                : "backfill " + backfill.table() + ":" + backfill.period());
             StopOnSignal signals = ownSignals ? new StopOnSignal(stop) : null) {
            // every run that took the lock leaves its facts for monitoring, however it ends
            RunRecorder recorder = new RunRecorder(s.dataHome(), RunPrinter.kind(fullRebuild, backfill));
            if (!fullRebuild && backfill == null) {
                // a night with nothing to do is answered from what the last run left, before Spring starts
                Optional<QuietCheck.Answer> quiet = QuietCheck.answer(s);
                if (quiet.isPresent()) {
                    quiet.get().lines().forEach(out::println);
                    recorder.quietCheck(quiet.get().facts());
                    return RunOutcome.completed(null);
                }
            }
            try (ConfigurableApplicationContext context = startSpring(s)) {
                QuietCheck.forget(s.dataHome()); // a run that does not complete leaves nothing for a quiet check to trust
                NightlyLauncher launcher = context.getBean(NightlyLauncher.class);
                context.getBean(RunningJob.class).onStart(execution -> lock.recordExecution(execution.getId()));
                JobExecution execution;
                running.set(launcher);
                if (stopAsked.get()) {
                    launcher.requestStop();
                }
                try {
                    execution = launcher.run(fullRebuild, backfill);
                } finally {
                    running.set(null);
                }
                RunOutcome outcome = explain(execution, s.dataHome());
                recorder.ended(execution, context.getBean(JobRepository.class), outcome.exitCode());
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    // what the next night would find, for its quiet check
                    NightlyStages stages = context.getBean(NightlyStages.class);
                    QuietCheck.afterRun(s, NightlyParameters.runIdOf(execution.getJobParameters()),
                            () -> NightScan.scan(stages, false, null, true), () -> RunFactsReader.warehouse(s.dataHome()));
                }
                return outcome;
            } catch (Exception e) {
                recorder.failed(ExitCode.of(e), Cli.describe(e));
                throw e;
            }
        }
    }

    private void notifyFailure(String onFailure, Settings s, RunOutcome outcome) {
        if (onFailure == null || !outcome.needsNotice()) {
            return;
        }
        FailureNotifier.Notice notice = new FailureNotifier(onFailure, FailureNotifier.DEFAULT_TIMEOUT)
                .notify(new RunFailure(outcome.runId(), outcome.reason(), s.home(), outcome.exitCode()));
        if (notice.outcome() != FailureNotifier.Notice.Outcome.SENT) {
            err.println("the --on-failure command did not succeed: " + notice.outcome().toString()
                    .toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private RunOutcome explain(JobExecution e, DataHome home) {
        long runId = NightlyParameters.runIdOf(e.getJobParameters());
        String executionId = Long.toString(e.getId());
        if (e.getStatus() == BatchStatus.STOPPED) {
            String reason = "run " + runId + " stopped after its last committed chunk; 'oriundos nightly' resumes it";
            err.println(reason);
            return new RunOutcome(ExitCode.STOPPED, executionId, reason);
        }
        if (e.getStatus() != BatchStatus.COMPLETED && diskFull(e)) {
            String reason = DiskFull.sentence("run " + runId + " failed" + failedStep(e));
            err.println(reason); // one line: the log may be on the full disk too, and says no more
            return new RunOutcome(ExitCode.LOAD_FAILED, executionId, reason);
        }
        if (e.getStatus() != BatchStatus.COMPLETED) {
            String reason = "run " + runId + " failed" + failedStep(e) + ": " + failure(e);
            err.println(reason);
            err.println("the published warehouse is unchanged; details: oriundos status --run " + runId
                    + ", log: " + home.logs().resolve("oriundos.log"));
            return new RunOutcome(ExitCode.LOAD_FAILED, executionId, reason);
        }
        RunPrinter.afterRun(e).forEach(out::println);
        String attention = RunPrinter.attention(e);
        if (attention != null) {
            out.println(attention);
            return new RunOutcome(ExitCode.FILES_REFUSED, executionId, attention);
        }
        return RunOutcome.completed(executionId);
    }

    /** Whether the run failed for want of disk space, in whichever step and layer said so. */
    private static boolean diskFull(JobExecution e) {
        for (Throwable t : e.getAllFailureExceptions()) {
            if (DiskFull.in(t)) {
                return true;
            }
        }
        if (DiskFull.in(e.getExitStatus().getExitDescription())) {
            return true;
        }
        for (StepExecution step : e.getStepExecutions()) {
            if (DiskFull.in(step.getExitStatus().getExitDescription())) {
                return true;
            }
        }
        return false;
    }

    private static String failedStep(JobExecution e) {
        for (StepExecution step : e.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED && !step.getStepName().contains(":")) {
                return " in step " + step.getStepName();
            }
        }
        return "";
    }

    private static String failure(JobExecution e) {
        List<Throwable> failures = e.getAllFailureExceptions();
        if (failures.isEmpty()) {
            String description = e.getExitStatus().getExitDescription();
            return description == null || description.isBlank() ? e.getExitStatus().getExitCode()
                    : description.strip().split("\n", 2)[0];
        }
        return Cli.describe(failures.get(0));
    }

    static ConfigurableApplicationContext startSpring(Settings s) {
        try {
            return SpringRuntime.start(s);
        } catch (RuntimeException e) {
            if (DiskFull.in(e)) {
                throw new CommandFailedException(ExitCode.LOAD_FAILED, DiskFull.sentence("cannot open the job repository"), e);
            }
            throw new CommandFailedException(ExitCode.UNEXPECTED,
                    "cannot open the job repository: " + Cli.describe(rootCause(e)), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
