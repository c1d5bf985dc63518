package org.oriundos.jobs.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs the nightly load at the times of a Spring cron expression (6 fields: second minute hour
 * day-of-month month day-of-week, e.g. {@code 0 30 2 * * *}) in a given time zone, until stopped.
 *
 * <p>Runs never overlap: a tick that comes while a run is still going is skipped, with a log line
 * naming the running one, and the next tick tries again (a resumable job loses nothing by waiting).
 * A tick whose run fails (any exit but completed, locked or stopped) calls the {@link FailureNotifier}.
 *
 * <pre>{@code
 * NightlySchedule schedule = new NightlySchedule("0 30 2 * * *", ZoneId.of("America/Mexico_City"),
 *         home, () -> runNightlyAndSayHowItEnded(), notifier);
 * Runtime.getRuntime().addShutdownHook(new Thread(schedule::stop));   // plus stopping the running job
 * schedule.run();                                                        // blocks until stop()
 * }</pre>
 */
public final class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final String expression;
    private final CronExpression cron;
    private final ZoneId zone;
    private final Path home;
    private final NightlyAction action;
    private final FailureNotifier notifier;
    private final Clock clock;
    private final Object wakeUp = new Object();
    private final AtomicReference<ZonedDateTime> runningTick = new AtomicReference<>();
    private volatile boolean stopped;

    /**
     * @param cron the Spring cron expression, e.g. {@code 0 30 2 * * *}
     * @param zone the time zone the expression is read in
     * @throws IllegalArgumentException naming the expression when it is not a valid 6-field cron
     */
    public NightlySchedule(String cron, ZoneId zone, Path home, NightlyAction action, FailureNotifier notifier) {
        this(cron, zone, home, action, notifier, Clock.system(zone));
    }

    NightlySchedule(String cron, ZoneId zone, Path home, NightlyAction action, FailureNotifier notifier, Clock clock) {
        this.expression = cron;
        this.cron = parse(cron);
        this.zone = zone;
        this.home = home;
        this.action = action;
        this.notifier = notifier;
        this.clock = clock.withZone(zone);
    }

    /** Parses a 6-field Spring cron expression, with a message a person can act on. */
    public static CronExpression parse(String cron) {
        try {
            return CronExpression.parse(cron == null ? "" : cron.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid schedule '" + cron + "': " + e.getMessage()
                    + " (expected 6 fields: second minute hour day-of-month month day-of-week, e.g. '0 30 2 * * *')", e);
        }
    }

    /** The first run time strictly after {@code after}, in this schedule's zone. */
    public ZonedDateTime nextRunAfter(ZonedDateTime after) {
        ZonedDateTime next = cron.next(after.withZoneSameInstant(zone));
        if (next == null) {
            throw new IllegalStateException("the schedule '" + expression + "' has no run after " + WHEN.format(after));
        }
        return next;
    }

    /** Runs the schedule on the calling thread until {@link #stop()}; then waits for a run in progress to end. */
    public void run() {
        ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nightly-run");
            thread.setDaemon(false);
            return thread;
        });
        try {
            ZonedDateTime next = nextRunAfter(ZonedDateTime.now(clock));
            log.info("Scheduled nightly runs of {} at '{}' ({}); the next at {}", home, expression, zone, WHEN.format(next));
            while (sleepUntil(next)) {
                ZonedDateTime tick = next;
                ZonedDateTime running = runningTick.get();
                if (running != null) {
                    log.warn("Skipping the run due at {}: {} is still in progress", WHEN.format(tick), describeRunning(running));
                } else {
                    runningTick.set(tick);
                    worker.execute(() -> runTick(tick));
                }
                // a late wake-up (a suspended machine) catches up with one run, not one per missed tick
                ZonedDateTime now = ZonedDateTime.now(clock);
                next = nextRunAfter(tick.isAfter(now) ? tick : now);
            }
            log.info("Schedule stopped; no more runs will start");
        } finally {
            worker.shutdown();
            awaitQuietly(worker);
        }
    }

    /** Stops starting runs (from a shutdown hook, say). A run in progress goes on until it ends or is stopped. */
    public void stop() {
        stopped = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void runTick(ZonedDateTime tick) {
        String tickId = "scheduled-" + tick.toInstant();
        RunOutcome outcome;
        try {
            log.info("Starting the nightly run due at {}", WHEN.format(tick));
            outcome = action.run();
        } catch (RunLockedException e) {
            outcome = new RunOutcome(RunOutcome.LOCKED, null, e.getMessage());
        } catch (Exception | Error e) {
            log.error("The nightly run due at {} failed unexpectedly", WHEN.format(tick), e);
            outcome = new RunOutcome(RunOutcome.UNEXPECTED, null, "unexpected error: " + e);
        } finally {
            runningTick.set(null);
        }
        String runId = outcome.runId() == null ? tickId : outcome.runId();
        if (outcome.exitCode() == RunOutcome.LOCKED) {
            log.warn("Skipped the run due at {}: {}", WHEN.format(tick), outcome.reason());
        } else if (outcome.exitCode() == RunOutcome.STOPPED) {
            log.info("The nightly run {} was stopped; the next run resumes it", runId);
        } else if (outcome.needsNotice()) {
            log.error("The nightly run {} due at {} ended with exit code {}: {}", runId, WHEN.format(tick),
                    outcome.exitCode(), outcome.reason());
            notifier.notify(new RunFailure(runId, outcome.reason(), home, outcome.exitCode()));
        } else {
            log.info("The nightly run {} due at {} completed", runId, WHEN.format(tick));
        }
    }

    private String describeRunning(ZonedDateTime tick) {
        String holder = RunLock.holder(home).map(LockHolder::describe).orElse(null);
        return "the run due at " + WHEN.format(tick) + (holder == null ? "" : " (" + holder + ")");
    }

    /** Sleeps until {@code when}; false when stopped first. */
    private boolean sleepUntil(ZonedDateTime when) {
        synchronized (wakeUp) {
            while (!stopped) {
                long nanos = Duration.between(ZonedDateTime.now(clock), when).toNanos();
                long millis = (nanos + 999_999) / 1_000_000; // rounded up: never start before the due time
                if (nanos <= 0) {
                    return true;
                }
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            return false;
        }
    }

    private static void awaitQuietly(ExecutorService worker) {
        try {
            while (!worker.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("Waiting for the nightly run in progress to end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
