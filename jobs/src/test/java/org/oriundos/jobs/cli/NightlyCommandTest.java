package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.jobs.Fixtures;

/**
 * The command line from a user's side: nightly on a real inbox, then status, sql and rejects,
 * then a night with nothing new and one with a file that must be refused.
 */
class NightlyCommandTest {

    @TempDir
    Path home;

    private CliSession cli;

    @BeforeEach
    void openCliInTheParentOfHome() {
        cli = new CliSession(home.getParent());
    }

    @Test
    void nightlyLoadsTheInboxStatusShowsTheRunAndASecondNightLoadsNothing() throws Exception {
        Fixtures.deliver(home, Fixtures.NIGHT);
        String h = home.getFileName().toString(); // relative to the working directory, as a user types it

        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("run 1: loaded 5 files").contains("1 rejected");
        assertThat(cli.err()).isEmpty();

        assertThat(cli.run("sql", "--home", h, "select count(*) as projects from fact_project_funding")).isZero();
        assertThat(cli.out()).contains("projects").contains("27").contains("(1 row)");

        assertThat(cli.run("sql", "--home", h, "--csv", "select folio from fact_project_funding where year = 2007 order by folio")).isZero();
        assertThat(cli.out()).startsWith("folio\r\n3X1-DF-2007-0104\r\n");

        // a query DuckDB cannot bind says what DuckDB said, not the JDBC driver's wrapper around it, and
        // ends with its own exit code, not "bad arguments"
        assertThat(cli.run("sql", "--home", h, "select no_such_column from fact_project_funding"))
                .isEqualTo(ExitCode.QUERY_FAILED);
        assertThat(cli.err()).contains("Binder Error", "no_such_column").doesNotContain("pending query result");

        // the query from a file, or from standard input
        Files.writeString(home.getParent().resolve("clubs.sql"), "-- clubs in 3x1 that were registered\n"
                + "select year, clubs_3x1, registered_clubs_3x1 from v_club_participation order by year\n");
        assertThat(cli.run("sql", "--home", h, "--csv", "--file", "clubs.sql")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("year,clubs_3x1,registered_clubs_3x1\r\n2007,");
        assertThat(cli.runWithInput("select count(*) as projects from fact_project_funding", "sql", "--home", h, "-"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("projects").contains("27");

        assertThat(cli.run("status", "--home", h)).isZero();
        assertThat(cli.out()).contains("run").contains("completed").contains("5");

        assertThat(cli.run("report", "--home", h, "--year", "2018", "--from", "2007")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("wrote " + home.resolve("reports/2018/report.html"));
        assertThat(home.resolve("reports/2018/report.html")).isRegularFile();

        assertThat(cli.run("report", "--home", h, "--year", "2018", "--from", "2007", "--lang", "es",
                "--oriundos.report.institution=Instituto de los Mexicanos en el Exterior")).as(cli.err()).isZero();
        assertThat(Files.readString(home.resolve("reports/2018/report.html"))).contains("<html lang=\"es\">")
                .contains("Instituto de los Mexicanos en el Exterior").contains("informe anual de crecimiento 2018");

        assertThat(cli.run("unresolved", "--home", h)).isZero();

        assertThat(cli.run("rejects", "--home", h)).isZero();
        assertThat(cli.out()).contains("3x1_proyectos_2018.csv").contains("CATEGORIA").contains("JARDINERIA");

        assertThat(cli.run("nightly", "--home", h)).isZero();
        assertThat(cli.out()).isEqualTo("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n");

        // an analyst's edited correction file is applied by the next plain nightly, inbox or no inbox
        Files.writeString(home.resolve("conf/geography_aliases.csv"), "US_STATE,,Calif,CA\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("but the reference data changed").contains("conforming again")
                .containsPattern("conform: [1-9][0-9]* partitions? conformed");
        assertThat(cli.run("nightly", "--home", h)).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).isEqualTo("nothing new in " + home.resolve("inbox") + ": 5 files already loaded\n");

        Fixtures.deliver(home, Fixtures.REFUSED);
        assertThat(cli.run("nightly", "--home", h)).isEqualTo(ExitCode.FILES_REFUSED);
        assertThat(cli.out()).contains("refused 3x1_proyectos_2017.csv: ");

        // run 3: the two nights with nothing new were answered by the quiet check, which starts no run
        assertThat(cli.run("status", "--home", h, "--run", "3")).isZero();
        assertThat(cli.out()).contains("completed, 1 file refused").contains("3x1_proyectos_2017.csv")
                .contains("ingestFiles").contains("buildWarehouse");

        // the next night does not try the same refused bytes again, and says so, and why an odd file is left alone
        Files.writeString(home.resolve("inbox/notas del proveedor.txt"), "llamar el lunes");
        assertThat(cli.run("nightly", "--home", h)).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("nothing new in " + home.resolve("inbox") + ": 5 files already loaded, 1 still refused")
                .contains("not taken notas del proveedor.txt: ")
                .containsPattern("still refused, not tried again: 3x1_proyectos_2017\\.csv: .+ \\(refused \\d{4}-\\d{2}-\\d{2}\\)")
                .contains("--full-rebuild");
        assertThat(refusalsOf("3x1_proyectos_2017.csv")).as("one FAILED ledger entry, not one a night").isEqualTo(1);

        // a full rebuild tries it again (the operator may have raised max-reject-share)
        assertThat(cli.run("nightly", "--home", h, "--full-rebuild")).isEqualTo(ExitCode.FILES_REFUSED);
        assertThat(cli.out()).contains("refused 3x1_proyectos_2017.csv: ").doesNotContain("still refused");
        assertThat(refusalsOf("3x1_proyectos_2017.csv")).isEqualTo(2);

        assertThat(cli.run("status", "--home", h, "--run", "99")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(cli.err()).contains("there is no run 99");
    }

    private long refusalsOf(String fileName) {
        return new Ledger(LakeLocation.local(home.resolve("lake"))).entries().stream()
                .filter(e -> e.fileName().equals(fileName) && e.status() == LedgerEntry.Status.FAILED).count();
    }
}
