package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path home;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            ChildJvm.kill(child);
        }
    }

    @Test
    void refusesASecondRunWhileAnotherProcessHoldsTheLockAndNamesIt() throws Exception {
        Process other = holdLockInAnotherProcess("nightly", "17");
        long otherPid = other.pid();

        assertThatThrownBy(() -> RunLock.acquire(home, "backfill --source 3x1 --year 2007"))
                .isInstanceOf(RunLockedException.class)
                .hasMessageStartingWith("another run holds the lock: nightly, pid " + otherPid + " on host "
                        + LockHolder.hostName() + ", started ")
                .hasMessageContaining(" UTC, execution 17")
                .hasMessageContaining(home.toAbsolutePath().resolve("oriundos.lock").toString());
        assertThat(RunLock.holder(home)).hasValueSatisfying(holder -> {
            assertThat(holder.pid()).isEqualTo(otherPid);
            assertThat(holder.command()).isEqualTo("nightly");
            assertThat(holder.executionId()).isEqualTo(17);
        });
    }

    @Test
    void takesOverTheLockOfARunKilledWithSigkill() throws Exception {
        Process killed = holdLockInAnotherProcess("nightly", null);
        long killedPid = killed.pid();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(home.resolve("oriundos.lock"))).contains("pid=" + killedPid);
        assertThat(RunLock.holder(home)).isEmpty();

        try (RunLock lock = RunLock.acquire(home, "nightly")) {
            assertThat(lock.takenOverFrom()).hasValueSatisfying(previous -> assertThat(previous.pid()).isEqualTo(killedPid));
            assertThat(lock.holder().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(Files.readString(home.resolve("oriundos.lock"))).contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void anotherProcessGetsTheLockOnceTheHolderReleasesIt() throws Exception {
        Process other = holdLockInAnotherProcess("nightly", null);
        other.getOutputStream().close(); // the holder finishes and releases
        assertThat(ChildJvm.awaitLine(other, "RELEASED", Duration.ofSeconds(30))).isEqualTo("RELEASED");
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (RunLock lock = RunLock.acquire(home, "nightly")) {
            assertThat(lock.takenOverFrom()).isEmpty();
            assertThat(RunLock.holder(home)).hasValue(lock.holder());
        }
        assertThat(RunLock.holder(home)).isEmpty();
        assertThat(Files.size(home.resolve("oriundos.lock"))).isZero();
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheLock() throws Exception {
        try (RunLock lock = RunLock.acquire(home, "nightly")) {
            lock.recordExecution(42);
            Process other = ChildJvm.builder(LockHoldingProcess.class, List.of(home.toString(), "nightly"))
                    .redirectErrorStream(true).start();
            children.add(other);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).contains("another run holds the lock: nightly, pid " + ProcessHandle.current().pid())
                    .contains("execution 42");
            assertThat(other.exitValue()).isNotZero();
            assertThat(lock.isHeld()).isTrue();
        }
    }

    @Test
    void refusesASecondRunInTheSameProcessWithoutLosingTheFirstLock() {
        try (RunLock first = RunLock.acquire(home, "schedule")) {
            assertThatThrownBy(() -> RunLock.acquire(home, "nightly"))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageStartingWith("another run holds the lock: schedule, pid " + ProcessHandle.current().pid());
            assertThat(RunLock.holder(home)).hasValue(first.holder());
            assertThat(first.isHeld()).isTrue();
        }
        try (RunLock again = RunLock.acquire(home, "nightly")) {
            assertThat(again.holder().command()).isEqualTo("nightly");
        }
    }

    @Test
    void takesOverALockFileCutShortByACrash() throws Exception {
        Files.writeString(home.resolve("oriundos.lock"), "command=nightly\npid=99");

        try (RunLock lock = RunLock.acquire(home, "nightly")) {
            assertThat(lock.takenOverFrom()).hasValueSatisfying(previous -> {
                assertThat(previous.pid()).isEqualTo(99);
                assertThat(previous.host()).isEqualTo("unknown");
            });
        }
    }

    private Process holdLockInAnotherProcess(String description, String executionId) throws Exception {
        List<String> args = new ArrayList<>(List.of(home.toString(), description));
        if (executionId != null) {
            args.add(executionId);
        }
        Process process = ChildJvm.builder(LockHoldingProcess.class, args)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        String locked = ChildJvm.awaitLine(process, "LOCKED", Duration.ofSeconds(60));
        assertThat(locked).isEqualTo("LOCKED " + process.pid());
        return process;
    }
}
