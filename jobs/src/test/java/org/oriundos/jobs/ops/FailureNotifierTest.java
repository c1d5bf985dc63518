package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.ops.FailureNotifier.Notice;

class FailureNotifierTest {

    @TempDir
    Path dir;

    @Test
    void runsTheCommandWithTheRunIdReasonHomeAndExitCodeInItsEnvironment() throws Exception {
        Path notice = dir.resolve("notice.txt");
        FailureNotifier notifier = new FailureNotifier(
                "printf '%s|%s|%s|%s' \"$ORIUNDOS_RUN_ID\" \"$ORIUNDOS_REASON\" \"$ORIUNDOS_HOME\" \"$ORIUNDOS_EXIT_CODE\" > '"
                        + notice + "'", Duration.ofSeconds(30));

        Notice result = notifier.notify(new RunFailure("17",
                "step buildWarehouse failed:\nquality check fact_project_sums failed", dir.resolve("var"), 3));

        assertThat(result.outcome()).isEqualTo(Notice.Outcome.SENT);
        assertThat(Files.readString(notice)).isEqualTo(
                "17|step buildWarehouse failed: quality check fact_project_sums failed|" + dir.resolve("var") + "|3");
    }

    @Test
    void reportsACommandThatFailsWithWhatItPrintedInsteadOfThrowing() {
        FailureNotifier notifier = new FailureNotifier("echo 'mail: no such user ops' >&2; exit 7", Duration.ofSeconds(30));

        Notice result = notifier.notify(new RunFailure("18", "the load failed", dir, 3));

        assertThat(result.outcome()).isEqualTo(Notice.Outcome.COMMAND_FAILED);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.output()).isEqualTo("mail: no such user ops");
    }

    @Test
    void killsACommandAndItsChildrenWhenItRunsPastItsTimeLimit() throws Exception {
        Path childPid = dir.resolve("child.pid");
        FailureNotifier notifier = new FailureNotifier(
                "sleep 300 & echo $! > '" + childPid + "'; wait", Duration.ofSeconds(2));

        Notice result = notifier.notify(new RunFailure("19", "the load failed", dir, 3));

        assertThat(result.outcome()).isEqualTo(Notice.Outcome.TIMED_OUT);
        long sleeper = Long.parseLong(Files.readString(childPid).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(sleeper);
        if (handle.isPresent()) {
            handle.get().onExit().get(); // killed: ends; would hang here (and time the suite out) if left running
        }
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void doesNothingWhenNoCommandIsConfigured() {
        FailureNotifier notifier = new FailureNotifier("  ", Duration.ofSeconds(1));

        assertThat(notifier.isConfigured()).isFalse();
        assertThat(notifier.notify(new RunFailure("20", "x", dir, 3)).outcome()).isEqualTo(Notice.Outcome.NOT_CONFIGURED);
    }
}
