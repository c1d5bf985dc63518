package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;

/**
 * A night whose load fails exits 3 and leaves no warehouse half-published; the next nightly
 * resumes that same run (not a new one) and finishes it, without loading any file twice.
 */
class NightlyRestartTest {

    @TempDir
    Path home;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                home).run(args);
    }

    @Test
    void aFailedNightIsResumedByTheNextNightlyAsTheSameRun() throws Exception {
        Fixtures.deliver(home, List.of("3x1_proyectos_2018.csv", "3x1_proyectos_2007.csv"));
        // something in the way of publishing the warehouse: a folder where the file must go
        Path obstacle = Files.createDirectories(home.resolve("warehouse/oriundos.duckdb/in-the-way"));

        assertThat(run("nightly", "--home", home.toString())).isEqualTo(ExitCode.LOAD_FAILED);
        String failure = err.toString(StandardCharsets.UTF_8);
        assertThat(failure).startsWith("run 1 failed in step buildWarehouse: ")
                .contains("the published warehouse is unchanged").doesNotContain("\tat ");

        Files.delete(obstacle);
        Files.delete(obstacle.getParent());
        assertThat(run("nightly", "--home", home.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("run 1: loaded 2 files");

        assertThat(run("sql", "--home", home.toString(), "select count(*) from fact_project_funding")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("27");

        assertThat(run("status", "--home", home.toString(), "--run", "1")).isZero();
        String details = out.toString(StandardCharsets.UTF_8);
        assertThat(details).contains("run 1, execution 1: failed").contains("run 1, execution 2: completed");

        assertThat(run("nightly", "--home", home.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("nothing new in ");
        assertThat(run("status", "--home", home.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing new");

        // a corrected 2007 arrives with tomorrow's survey: the backfill takes only the 2007 one
        Fixtures.deliver(home, List.of("redelivery/3x1_proyectos_2007_v2.csv", "survey_MMP_2018.csv"));
        assertThat(run("backfill", "--home", home.toString(), "--source", "3x1", "--year", "2007"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backfill of projects 2007")
                .contains("loaded 1 file");
        assertThat(run("sql", "--home", home.toString(), "--csv",
                "select count(*) as projects, sum(migrant_mxn) as migrant from fact_project_funding where year = 2007")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("projects,migrant\r\n3,515000.00\r\n");

        assertThat(run("nightly", "--home", home.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("loaded 1 file");
    }
}
