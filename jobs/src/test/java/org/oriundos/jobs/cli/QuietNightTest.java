package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.ops.RunLock;

/**
 * A quiet night (nothing new in the inbox) is answered before Spring starts from what the last
 * completed run left in {@code <home>/cache/quiet-night.properties}: the same lines and exit code
 * as the full path, the same lock, and facts for monitoring. Whatever the record does not
 * vouch for goes the full path, which records a run in the job repository. Real files, a real H2
 * job repository; which path a night took is read from the metrics file it leaves (the quiet check
 * has run number 0 and one stage, {@code quietCheck}).
 */
class QuietNightTest {
    private static final String QUIET_STEP = "oriundos_last_run_step_duration_seconds{step=\"quietCheck\"}";
    private static final String SCAN_STEP = "oriundos_last_run_step_duration_seconds{step=\"scanInbox\"}";

    @TempDir
    Path home;

    private CliSession cli;
    private String h;
    private Path prom;
    private Path record;

    @BeforeEach
    void aHomeWithOneNightLoaded() throws Exception {
        cli = new CliSession(home);
        h = home.toString();
        prom = home.resolve("metrics/oriundos.prom");
        record = home.resolve("cache/quiet-night.properties");
        Fixtures.deliver(home, Fixtures.NIGHT);
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 1: loaded 5 files");
    }

    @Test
    void aQuietNightSaysWhatTheFullPathSaysWithoutARunAndLeavesItsFacts() throws Exception {
        // an odd file the scan names every night: the record must say it as the full path does
        Files.writeString(home.resolve("inbox/notas del proveedor.txt"), "llamar el lunes");
        assertThat(cli.run("nightly", "--home", h)).isZero(); // a new entry: the full path
        String fullPath = cli.out();
        assertThat(fullPath).startsWith("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n")
                .contains("not taken notas del proveedor.txt: ");
        Map<String, Double> full = MonitoringTest.samples(prom);
        assertThat(full.get("oriundos_last_run_id")).isEqualTo(2.0);
        assertThat(full).containsKey(SCAN_STEP);

        Instant before = Instant.now();
        assertThat(cli.run("nightly", "--home", h)).isZero();
        assertThat(cli.out()).isEqualTo(fullPath);
        assertThat(cli.err()).isEmpty();
        Map<String, Double> quiet = MonitoringTest.samples(prom);
        assertThat(quiet).containsKey(QUIET_STEP).doesNotContainKey(SCAN_STEP);
        assertThat(quiet.get("oriundos_last_run_id")).as("no job execution, no run number").isZero();
        assertThat(quiet.get("oriundos_last_run_exit_code")).isZero();
        assertThat(quiet.get("oriundos_last_run_success")).isEqualTo(1.0);
        assertThat(quiet.get("oriundos_last_run_files_not_taken")).isEqualTo(1.0);
        assertThat(quiet.get("oriundos_last_run_files_still_refused")).isZero();
        assertThat(quiet.get("oriundos_last_run_rows_read{source=\"projects\"}")).isZero();
        double ended = quiet.get("oriundos_last_run_timestamp_seconds");
        assertThat(ended).isBetween(MonitoringTest.seconds(before), MonitoringTest.seconds(Instant.now()));
        assertThat(quiet.get("oriundos_last_success_timestamp_seconds")).as("a quiet night is a successful one")
                .isEqualTo(ended);
        assertThat(quiet.get("oriundos_warehouse_data_as_of_timestamp_seconds"))
                .isEqualTo(full.get("oriundos_warehouse_data_as_of_timestamp_seconds"));
        assertThat(quiet.get("oriundos_warehouse_published_timestamp_seconds"))
                .isEqualTo(full.get("oriundos_warehouse_published_timestamp_seconds"));

        // the record names files and counts, never a value of a delivery
        String kept = Files.readString(record, StandardCharsets.UTF_8);
        assertThat(kept).contains("notas del proveedor.txt").doesNotContain("llamar");

        // a second quiet night, then status and status --json tell of the last check
        assertThat(cli.run("nightly", "--home", h)).isZero();
        assertThat(cli.out()).isEqualTo(fullPath);
        Map<String, Double> again = MonitoringTest.samples(prom);
        assertThat(cli.run("status", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("last quiet check: ")
                .contains(": nothing new in " + home.resolve("inbox") + ": 5 files already loaded (2 nights answered"
                        + " without a run since run 2)");
        assertThat(cli.run("status", "--home", h, "--json")).as(cli.err()).isZero();
        String json = cli.out();
        assertThat((String) JsonPath.read(json, "$.last_run.outcome")).isEqualTo("nothing new (quiet check)");
        assertThat(((Number) JsonPath.read(json, "$.last_run.run")).intValue()).isZero();
        assertThat((Boolean) JsonPath.read(json, "$.last_run.succeeded")).isTrue();
        assertThat((String) JsonPath.read(json, "$.last_run.steps[0].step")).isEqualTo("quietCheck");
        assertThat(MonitoringTest.seconds(Instant.parse(JsonPath.read(json, "$.last_run.ended_at"))))
                .isEqualTo(again.get("oriundos_last_run_timestamp_seconds"), within(0.001));
        assertThat(MonitoringTest.seconds(Instant.parse(JsonPath.read(json, "$.last_success_at"))))
                .isEqualTo(again.get("oriundos_last_success_timestamp_seconds"), within(0.001));

        // reading the warehouse (sql, report) changes nothing a night depends on
        assertThat(cli.run("sql", "--home", h, "select count(*) from fact_project_funding")).as(cli.err()).isZero();
        assertThat(cli.run("nightly", "--home", h)).isZero();
        assertThat(cli.out()).isEqualTo(fullPath);
        assertThat(MonitoringTest.samples(prom)).containsKey(QUIET_STEP);

        // without the record (it is a cache) the night goes the full path, and says the same
        Files.delete(record);
        assertThat(cli.run("nightly", "--home", h)).isZero();
        assertThat(cli.out()).isEqualTo(fullPath);
        assertThat(MonitoringTest.samples(prom).get("oriundos_last_run_id")).isEqualTo(3.0);
        assertThat(cli.run("status", "--home", h)).isZero();
        assertThat(cli.out()).as("the history of the checks went with the record").doesNotContain("last quiet check");
    }

    @Test
    void aFileNewChangedTouchedOrGoneGoesTheFullPath() throws Exception {
        String quietLine = "nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n";
        assertQuiet(quietLine);

        // touched: the same bytes and modification time, but its change time says something was done to it
        Path survey = home.resolve("inbox/survey_MMP_2018.csv");
        Files.setLastModifiedTime(survey, Files.getLastModifiedTime(survey));
        assertFullPath(quietLine, 2);
        assertQuiet(quietLine);

        // the same name, new content: a new delivery
        Files.writeString(survey, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Fixtures.settled(survey);
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 3: loaded 1 file");
        assertQuiet(quietLine);

        // a file removed
        Path moved = Files.move(survey, home.resolve("survey_MMP_2018.csv"));
        assertFullPath("nothing new in " + home.resolve("inbox") + ": 4 files already loaded\n", 4);
        assertQuiet("nothing new in " + home.resolve("inbox") + ": 4 files already loaded\n");

        // put back: the same bytes, already loaded
        Files.move(moved, survey);
        assertFullPath(quietLine, 5);
        assertQuiet(quietLine);

        // a new file is loaded
        Fixtures.deliver(home, "redelivery/3x1_proyectos_2007_v2.csv");
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 6: loaded 1 file");
        assertQuiet("nothing new in " + home.resolve("inbox") + ": 6 files already loaded\n");
    }

    @Test
    void aRefusedFileStillInTheInboxGoesTheFullPathEveryNight() throws Exception {
        Fixtures.deliver(home, Fixtures.REFUSED);
        assertThat(cli.run("nightly", "--home", h)).isEqualTo(ExitCode.FILES_REFUSED);
        for (int run = 3; run <= 4; run++) {
            assertThat(cli.run("nightly", "--home", h)).isZero();
            assertThat(cli.out()).startsWith("nothing new in " + home.resolve("inbox")
                    + ": 5 files already loaded, 1 still refused\n").contains("still refused, not tried again: ");
            assertThat(MonitoringTest.samples(prom).get("oriundos_last_run_id")).isEqualTo(run);
        }
        // replaced by a corrected file: loaded, and then the nights are quiet again
        Files.delete(home.resolve("inbox/3x1_proyectos_2017.csv"));
        assertFullPath("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n", 5);
        assertQuiet("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n");
    }

    @Test
    void aPendingRestartARebuildAnEditedConfOrOtherSettingsGoTheFullPath() throws Exception {
        String quietLine = "nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n";
        assertQuiet(quietLine);

        // --full-rebuild asks for work
        assertThat(cli.run("nightly", "--home", h, "--full-rebuild")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 2: loaded 0 files");
        assertQuiet(quietLine);

        // other settings (here a settle interval) might mean another decision: the full path decides
        assertThat(cli.run("nightly", "--home", h, "--oriundos.settle-seconds=0")).isZero();
        assertThat(cli.out()).isEqualTo(quietLine);
        assertThat(MonitoringTest.samples(prom).get("oriundos_last_run_id")).isEqualTo(3.0);

        // an analyst's edited correction file is applied
        Files.writeString(home.resolve("conf/geography_aliases.csv"), "US_STATE,,Calif,CA\n",
                StandardOpenOption.APPEND);
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("but the reference data changed").contains("conforming again");
        assertQuiet(quietLine);

        // a run that failed is resumed by the next night, however quiet its inbox
        Fixtures.deliver(home, "redelivery/3x1_proyectos_2007_v2.csv");
        Path obstacle = Files.createDirectories(home.resolve("warehouse/oriundos.duckdb.next/in-the-way"));
        assertThat(cli.run("nightly", "--home", h)).isEqualTo(ExitCode.LOAD_FAILED);
        Files.delete(obstacle);
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 5: loaded 1 file");
        assertQuiet("nothing new in " + home.resolve("inbox") + ": 6 files already loaded\n");
    }

    @Test
    void aStaleRecordOrAHeldLockIsNeverTrusted() throws Exception {
        String quietLine = "nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n";
        assertQuiet(quietLine);
        Path old = Files.copy(record, home.resolve("old-record"));

        // another file loaded, then taken out of the inbox, and the older record put back: the inbox is
        // as the old record says, the ledger is not
        Path v2 = Fixtures.deliver(home, "redelivery/3x1_proyectos_2007_v2.csv");
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 2: loaded 1 file");
        Files.move(v2, home.resolve("v2.csv"));
        Files.copy(old, record, StandardCopyOption.REPLACE_EXISTING);
        assertFullPath(quietLine, 3);

        // another run holds the lock: refused as the full path refuses, the record untouched
        String kept = Files.readString(record);
        try (RunLock held = RunLock.acquire(home, "nightly")) {
            assertThat(cli.run("nightly", "--home", h)).isEqualTo(ExitCode.LOCKED);
            assertThat(cli.err()).contains("another run holds the lock: nightly, pid ");
            assertThat(cli.out()).isEmpty();
        }
        assertThat(Files.readString(record)).isEqualTo(kept);
    }

    /** The night is answered by the quiet check: {@code line}, exit 0, no new run. */
    private void assertQuiet(String line) throws Exception {
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(line);
        Map<String, Double> facts = MonitoringTest.samples(prom);
        assertThat(facts).as("answered by the quiet check").containsKey(QUIET_STEP);
        assertThat(facts.get("oriundos_last_run_id")).isZero();
    }

    /** The night goes the full path (run {@code run} of the job repository) and says {@code line}. */
    private void assertFullPath(String line, int run) throws Exception {
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(line);
        Map<String, Double> facts = MonitoringTest.samples(prom);
        assertThat(facts).as("the full path").containsKey(SCAN_STEP).doesNotContainKey(QUIET_STEP);
        assertThat(facts.get("oriundos_last_run_id")).isEqualTo((double) run);
    }
}
