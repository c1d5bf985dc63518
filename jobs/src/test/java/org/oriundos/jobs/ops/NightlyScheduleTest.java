package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Real clock, per-second schedule: each test sees a couple of ticks, bounded by latches, never by timing. */
class NightlyScheduleTest {

    private static final String EVERY_SECOND = "* * * * * *";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Thread scheduleThread;
    private NightlySchedule schedule;

    @BeforeEach
    void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(NightlySchedule.class)).addAppender(logged);
    }

    @AfterEach
    void stopSchedule() throws InterruptedException {
        if (schedule != null) {
            schedule.stop();
            scheduleThread.join(PATIENCE.toMillis());
            assertThat(scheduleThread.isAlive()).as("the schedule ends once stopped").isFalse();
        }
        ((Logger) LoggerFactory.getLogger(NightlySchedule.class)).detachAppender(logged);
    }

    @Test
    void runsTheNightlyActionAtEachTickUntilStopped() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        start(() -> {
            runs.incrementAndGet();
            twice.countDown();
            return RunOutcome.completed("run-" + runs.get());
        }, FailureNotifier.none());

        assertThat(twice.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        schedule.stop();
        scheduleThread.join(PATIENCE.toMillis());
        int afterStop = runs.get();

        assertThat(afterStop).isGreaterThanOrEqualTo(2);
        assertThat(scheduleThread.isAlive()).isFalse();
        assertThat(messages()).contains("Schedule stopped; no more runs will start");
    }

    @Test
    void skipsATickWhileARunIsStillInProgressAndNamesTheRunningOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        start(() -> {
            if (runs.incrementAndGet() == 1) {
                try (RunLock lock = RunLock.acquire(home, "nightly")) {
                    lock.recordExecution(17);
                    release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS); // a long run, over several ticks
                }
            }
            return RunOutcome.completed("17");
        }, FailureNotifier.none());

        String skip = awaitMessage("Skipping the run due at");
        release.countDown();

        assertThat(skip).contains("is still in progress")
                .contains("the run due at ")
                .contains("(nightly, pid " + ProcessHandle.current().pid() + " on host ")
                .contains("execution 17");
    }

    @Test
    void aFailedTickRunsTheFailureCommandWithTheRunIdAndReason() throws Exception {
        Path notice = home.resolve("notice.txt");
        FailureNotifier notifier = new FailureNotifier(
                "printf '%s|%s|%s' \"$ORIUNDOS_RUN_ID\" \"$ORIUNDOS_REASON\" \"$ORIUNDOS_EXIT_CODE\" > '" + notice + ".tmp'"
                        + " && mv '" + notice + ".tmp' '" + notice + "'",
                Duration.ofSeconds(30));
        start(() -> new RunOutcome(3, "17", "step buildWarehouse failed: quality check fact_project_sums failed"),
                notifier);

        awaitFile(notice);

        assertThat(Files.readString(notice))
                .isEqualTo("17|step buildWarehouse failed: quality check fact_project_sums failed|3");
    }

    @Test
    void aTickThatThrowsIsReportedAsAnUnexpectedError() throws Exception {
        Path notice = home.resolve("notice.txt");
        FailureNotifier notifier = new FailureNotifier(
                "printf '%s|%s|%s' \"$ORIUNDOS_RUN_ID\" \"$ORIUNDOS_REASON\" \"$ORIUNDOS_EXIT_CODE\" > '" + notice + ".tmp'"
                        + " && mv '" + notice + ".tmp' '" + notice + "'",
                Duration.ofSeconds(30));
        start(() -> {
            throw new IllegalStateException("job repository unreachable: connection refused");
        }, notifier);

        awaitFile(notice);

        assertThat(Files.readString(notice)).matches(
                "scheduled-\\S+Z\\|unexpected error: java.lang.IllegalStateException: job repository unreachable:"
                        + " connection refused\\|1");
    }

    @Test
    void aTickRefusedByTheLockIsSkippedWithoutANotice() throws Exception {
        Path notice = home.resolve("notice.txt");
        FailureNotifier notifier = new FailureNotifier("touch '" + notice + "'", Duration.ofSeconds(30));
        try (RunLock other = RunLock.acquire(home, "backfill --source 3x1 --year 2007")) {
            start(() -> {
                try (RunLock lock = RunLock.acquire(home, "nightly")) {
                    return RunOutcome.completed("never");
                }
            }, notifier);

            String skipped = awaitMessage("Skipped the run due at");

            assertThat(skipped).contains("another run holds the lock: backfill --source 3x1 --year 2007, pid "
                    + ProcessHandle.current().pid());
        }
        schedule.stop();
        scheduleThread.join(PATIENCE.toMillis());
        assertThat(notice).doesNotExist();
    }

    @Test
    void readsTheExpressionInTheConfiguredTimeZone() {
        NightlySchedule mexicoCity = new NightlySchedule("0 30 2 * * *", ZoneId.of("America/Mexico_City"), home,
                () -> RunOutcome.completed("x"), FailureNotifier.none());

        ZonedDateTime next = mexicoCity.nextRunAfter(ZonedDateTime.parse("2026-11-23T12:00:00Z"));

        assertThat(next.toInstant()).hasToString("2026-11-24T08:30:00Z");
    }

    @Test
    void refusesAnExpressionThatIsNotASixFieldCron() {
        assertThatThrownBy(() -> new NightlySchedule("30 2 * * *", ZoneId.of("UTC"), home,
                () -> RunOutcome.completed("x"), FailureNotifier.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid schedule '30 2 * * *': ")
                .hasMessageContaining("expected 6 fields");
    }

    private void start(NightlyAction action, FailureNotifier notifier) {
        schedule = new NightlySchedule(EVERY_SECOND, ZoneId.of("UTC"), home, action, notifier);
        scheduleThread = new Thread(schedule::run, "schedule-under-test");
        scheduleThread.start();
    }

    private List<String> messages() {
        synchronized (logged.list) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        }
    }

    private String awaitMessage(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String message : messages()) {
                if (message.startsWith(prefix)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no log line starting with '" + prefix + "' within " + PATIENCE + "; logged: " + messages());
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " was not written within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }
}
