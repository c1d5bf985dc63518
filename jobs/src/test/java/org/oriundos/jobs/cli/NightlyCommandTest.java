package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;

/**
 * The command line from a user's side: nightly on a real inbox, then status, sql and rejects,
 * then a night with nothing new and one with a file that must be refused.
 */
class NightlyCommandTest {

    @TempDir
    Path home;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                home.getParent()).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nightlyLoadsTheInboxStatusShowsTheRunAndASecondNightLoadsNothing() throws Exception {
        Fixtures.deliver(home, Fixtures.NIGHT);
        String h = home.getFileName().toString(); // relative to the working directory, as a user types it

        assertThat(run("nightly", "--home", h)).as(err()).isEqualTo(ExitCode.OK);
        assertThat(out()).contains("run 1: loaded 5 files").contains("1 rejected");
        assertThat(err()).isEmpty();

        assertThat(run("sql", "--home", h, "select count(*) as projects from fact_project_funding")).isZero();
        assertThat(out()).contains("projects").contains("27").contains("(1 row)");

        assertThat(run("sql", "--home", h, "--csv", "select folio from fact_project_funding where year = 2007 order by folio")).isZero();
        assertThat(out()).startsWith("folio\r\n3X1-DF-2007-0104\r\n");

        assertThat(run("status", "--home", h)).isZero();
        assertThat(out()).contains("run").contains("completed").contains("5");

        assertThat(run("report", "--home", h, "--year", "2018", "--from", "2007")).as(err()).isZero();
        assertThat(out()).contains("wrote " + home.resolve("reports/2018/report.html"));
        assertThat(home.resolve("reports/2018/report.html")).isRegularFile();

        assertThat(run("unresolved", "--home", h)).isZero();

        assertThat(run("rejects", "--home", h)).isZero();
        assertThat(out()).contains("3x1_proyectos_2018.csv").contains("CATEGORIA").contains("JARDINERIA");

        assertThat(run("nightly", "--home", h)).isZero();
        assertThat(out()).isEqualTo("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n");

        Fixtures.deliver(home, Fixtures.REFUSED);
        assertThat(run("nightly", "--home", h)).isEqualTo(ExitCode.FILES_REFUSED);
        assertThat(out()).contains("refused 3x1_proyectos_2017.csv: ");

        assertThat(run("status", "--home", h, "--run", "3")).isZero();
        assertThat(out()).contains("completed, 1 file refused").contains("3x1_proyectos_2017.csv")
                .contains("ingestFiles").contains("buildWarehouse");

        assertThat(run("status", "--home", h, "--run", "99")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("there is no run 99");
    }
}
