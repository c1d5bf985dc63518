package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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

    private CliSession cli;

    @BeforeEach
    void openCliInHome() {
        cli = new CliSession(home);
    }

    @Test
    void aFailedNightIsResumedByTheNextNightlyAsTheSameRun() throws Exception {
        Fixtures.deliver(home, List.of("3x1_proyectos_2018.csv", "3x1_proyectos_2007.csv"));
        // something in the way of publishing the warehouse: a folder where the file must go
        Path obstacle = Files.createDirectories(home.resolve("warehouse/oriundos.duckdb/in-the-way"));

        assertThat(cli.run("nightly", "--home", home.toString())).isEqualTo(ExitCode.LOAD_FAILED);
        String failure = cli.err();
        assertThat(failure).startsWith("run 1 failed in step buildWarehouse: ")
                .contains("the published warehouse is unchanged").doesNotContain("\tat ");

        Files.delete(obstacle);
        Files.delete(obstacle.getParent());
        assertThat(cli.run("nightly", "--home", home.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("run 1: loaded 2 files");

        assertThat(cli.run("sql", "--home", home.toString(), "select count(*) from fact_project_funding")).isZero();
        assertThat(cli.out()).contains("27");

        assertThat(cli.run("status", "--home", home.toString(), "--run", "1")).isZero();
        String details = cli.out();
        assertThat(details).contains("run 1, execution 1: failed").contains("run 1, execution 2: completed");

        assertThat(cli.run("nightly", "--home", home.toString())).isZero();
        assertThat(cli.out()).startsWith("nothing new in ");
        assertThat(cli.run("status", "--home", home.toString())).isZero();
        assertThat(cli.out()).contains("nothing new");

        // a corrected 2007 arrives with tomorrow's survey: the backfill takes only the 2007 one
        Fixtures.deliver(home, List.of("redelivery/3x1_proyectos_2007_v2.csv", "survey_MMP_2018.csv"));
        assertThat(cli.run("backfill", "--home", home.toString(), "--source", "3x1", "--year", "2007"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("backfill of projects 2007")
                .contains("loaded 1 file");
        assertThat(cli.run("sql", "--home", home.toString(), "--csv",
                "select count(*) as projects, sum(migrant_mxn) as migrant from fact_project_funding where year = 2007")).isZero();
        assertThat(cli.out()).isEqualTo("projects,migrant\r\n3,515000.00\r\n");

        assertThat(cli.run("nightly", "--home", home.toString())).isZero();
        assertThat(cli.out()).contains("loaded 1 file");
    }
}
