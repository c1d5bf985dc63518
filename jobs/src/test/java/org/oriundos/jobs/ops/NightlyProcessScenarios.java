package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.jobs.Fixtures;

/**
 * What an operator relies on when nobody watches the nightly load, with the real application in
 * child processes: an uninterrupted load is the reference, and a load killed with SIGKILL halfway
 * and run again must end with the very same warehouse. Subclasses choose the job repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NightlyProcessScenarios {

    /**
     * 3x1 rows of each of the two generated files: with {@link OriundosProcess#CHUNK_ROWS}, ten chunks
     * each, so a run is killed or stopped with most of its chunks still to come. More rows make
     * every nightly of these tests longer, not the scenarios any different.
     */
    static final long PROJECT_ROWS = 2_000;
    static final long SEED = 2019L;

    private Path work;

    private Path inbox;
    private Path referenceHome;
    private int referenceExit;
    private Map<String, String> reference;
    protected final List<OriundosProcess> started = new ArrayList<>();

    /** Fails or skips the class when its job repository is not available; the default (H2) always is. */
    void requireRepository() {
    }

    /** The environment that points the child processes at the job repository under test. */
    abstract Map<String, String> repository(String testName) throws Exception;

    /**
     * The job repository's account of a home's nightly runs: each execution's job instance and
     * status, oldest first, e.g. {@code [1 FAILED, 1 COMPLETED]} for a run recovered and restarted.
     */
    abstract List<String> executions(String testName, Path home) throws Exception;

    static List<String> executions(Connection connection) throws SQLException {
        List<String> executions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select job_instance_id, status from batch_job_execution"
                     + " order by job_execution_id")) {
            while (rows.next()) {
                executions.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        return executions;
    }

    @BeforeAll
    void loadTheInboxOnceWithoutInterruption(@TempDir Path work) throws Exception {
        requireRepository();
        this.work = work;
        inbox = work.resolve("inbox-template");
        SampleExtracts sample = new SampleExtracts(SEED);
        sample.writeProjectsFile(inbox, 2007, PROJECT_ROWS); // the 2007 layout
        sample.writeProjectsFile(inbox, 2014, PROJECT_ROWS); // the 2013 layout
        Fixtures.settled(inbox); // delivered an hour ago: past the settle interval
        referenceHome = homeWithInbox("reference");
        OriundosProcess run = OriundosProcess.runToEnd(referenceHome, repository("reference"), "nightly");
        referenceExit = run.exitCode();
        assertThat(referenceExit).as(run.console()).isIn(0, 6);
        reference = OriundosProcess.warehouseContents(referenceHome);
    }

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        for (OriundosProcess process : started) {
            process.kill();
        }
    }

    @Test
    void anUninterruptedNightlyPublishesTheWarehouseAndTheNextOneFindsNothingNew() throws Exception {
        assertThat(reference).containsKeys("fact_project_funding", "dim_association", "dim_geography");
        assertThat(reference.get("fact_project_funding").lines().count()).as("rows of fact_project_funding, with header")
                .isGreaterThan(PROJECT_ROWS);
        assertThat(OriundosProcess.countFiles(referenceHome.resolve("lake").resolve("staging"), ""))
                .as("staging is empty between runs").isZero();

        OriundosProcess again = OriundosProcess.runToEnd(referenceHome, repository("reference"), "nightly");

        assertThat(again.exitCode()).as(again.console()).isZero();
        OriundosProcess.assertSameWarehouse(OriundosProcess.warehouseContents(referenceHome), reference);
    }

    @Test
    void aLoadKilledMidwayIsRecoveredByTheNextNightlyAndEndsIdenticalToAnUninterruptedOne() throws Exception {
        Path home = homeWithInbox("killed");
        Map<String, String> repository = repository("killed");
        OriundosProcess killed = track(OriundosProcess.start(home, repository, "nightly"));
        killed.awaitCommittedChunk(home);

        killed.process().destroyForcibly(); // kill -9: no chance to clean up or mark anything
        killed.awaitExit();
        assertThat(RunLock.holder(home)).as("the dead run's lock went with it").isEmpty();

        OriundosProcess rerun = OriundosProcess.runToEnd(home, repository, "nightly");

        assertThat(rerun.exitCode()).as(rerun.console()).isEqualTo(referenceExit);
        assertThat(log(home)).contains("by a process that died; recovering it").contains("resuming run 1")
                .as("a file resumes after its last committed chunk, not from its first line")
                .containsPattern("Loading 3x1_proyectos_\\d{4}\\.csv \\([0-9.]+ [KMG]?B\\), resuming after [0-9,]+ rows");
        List<String> executions = executions("killed", home);
        assertThat(executions).as("the killed execution, recovered as failed, then its restart").hasSize(2);
        assertThat(executions.get(0)).endsWith(" FAILED");
        assertThat(executions.get(1)).isEqualTo(executions.get(0).replace("FAILED", "COMPLETED"));
        OriundosProcess.assertSameWarehouse(OriundosProcess.warehouseContents(home), reference);
        assertThat(OriundosProcess.countFiles(home.resolve("lake").resolve("staging"), "")).isZero();
    }

    Path homeWithInbox(String name) throws IOException {
        Path home = work.resolve(name);
        Path target = Files.createDirectories(home.resolve("inbox"));
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
                Files.setLastModifiedTime(target.resolve(file.getFileName()), Files.getLastModifiedTime(file));
            }
        }
        return home;
    }

    Map<String, String> referenceWarehouse() {
        return reference;
    }

    int referenceExitCode() {
        return referenceExit;
    }

    OriundosProcess track(OriundosProcess process) {
        started.add(process);
        return process;
    }

    static String log(Path home) throws IOException {
        Path log = home.resolve("logs").resolve("oriundos.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
