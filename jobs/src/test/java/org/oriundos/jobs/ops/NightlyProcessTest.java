package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The nightly load as separate processes on the default job repository (H2 under the data home):
 * crash and restart (inherited), SIGTERM and resume, and two runs at once.
 */
class NightlyProcessTest extends NightlyProcessScenarios {

    @Override
    Map<String, String> repository(String testName) {
        return Map.of();
    }

    @Override
    List<String> executions(String testName, Path home) throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("jobrepo").resolve("oriundos") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return executions(connection);
        }
    }

    @Test
    void sigtermStopsTheLoadWithExitCode5AndTheNextNightlyResumesIt() throws Exception {
        Path home = homeWithInbox("stopped");
        OriundosProcess stopped = track(OriundosProcess.start(home, Map.of(), "nightly"));
        stopped.awaitCommittedChunk(home);

        stopped.process().destroy(); // SIGTERM, as systemctl stop sends

        assertThat(stopped.awaitExit()).as(stopped.console()).isEqualTo(5);
        assertThat(stopped.err()).contains("stopped after its last committed chunk; 'oriundos nightly' resumes it");
        OriundosProcess status = OriundosProcess.runToEnd(home, Map.of(), "status");
        assertThat(status.out()).as(status.console()).contains("stopped (the next nightly resumes it)");

        OriundosProcess resumed = OriundosProcess.runToEnd(home, Map.of(), "nightly");

        assertThat(resumed.exitCode()).as(resumed.console()).isEqualTo(referenceExitCode());
        assertThat(log(home)).contains("resuming run 1");
        List<String> executions = executions("stopped", home);
        assertThat(executions).hasSize(2);
        assertThat(executions.get(0)).endsWith(" STOPPED");
        assertThat(executions.get(1)).isEqualTo(executions.get(0).replace("STOPPED", "COMPLETED"));
        OriundosProcess.assertSameWarehouse(OriundosProcess.warehouseContents(home), referenceWarehouse());
    }

    @Test
    void aSecondNightlyWhileOneRunsExitsWith4AndNamesTheRunningOne() throws Exception {
        Path home = homeWithInbox("locked");
        OriundosProcess first = track(OriundosProcess.start(home, Map.of(), "nightly"));
        first.awaitLockHeld(home);

        OriundosProcess second = OriundosProcess.runToEnd(home, Map.of(), "nightly");

        assertThat(second.exitCode()).as(second.console()).isEqualTo(4);
        assertThat(second.err()).startsWith("oriundos nightly: another run holds the lock: nightly, pid " + first.pid()
                + " on host " + LockHolder.hostName() + ", started ");
        assertThat(first.isAlive()).as("the first run goes on").isTrue();
    }
}
