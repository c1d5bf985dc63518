package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.warehouse.HometownLake.A1;
import static org.oriundos.warehouse.HometownLake.A4;
import static org.oriundos.warehouse.HometownLake.A5;
import static org.oriundos.warehouse.HometownLake.project;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.transform.ConformedTables;

/**
 * A {@code -- warn:} check reports what it finds and lets the warehouse be published; a
 * {@code -- check:} block still fails it.
 */
class QualityWarningTest {
    @TempDir
    Path home;

    @Test
    void anAssociationWithProjectsFromSeveralUsStatesInOneYearIsAWarningNotAFailure() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        story.night1();
        // A1 (a Los Angeles club) files one of its 2010 projects from Texas
        Object[] la = project(2010, "3X1-ZAC-2010-0003", A1, "32", "32010", "AGUA POTABLE", "APROBADO", 80_000, 0, 500L);
        Object[] tx = project(2010, "3X1-ZAC-2010-0009", A1, "32", "32010", "EDUCACION", "APROBADO", 10_000, 0, 50L);
        Object[] cancelled = project(2010, "3X1-ZAC-2010-0010", A4, "32", "32010", "EDUCACION", "CANCELADO", 10_000, 0, 50L);
        Object[] other = project(2010, "3X1-ZAC-2010-0004", A4, "32", "32010", "EDUCACION", "APROBADO", 25_000, 10_000, null);
        Object[] gto = project(2010, "3X1-GTO-2010-0005", A5, "11", "11021", "PAVIMENTACION", "APROBADO", 60_000, 0, 300L);
        int us = ConformedTables.PROJECT.indexOf("club_us_state_code");
        la[us] = "CA";
        tx[us] = "TX";
        cancelled[us] = "NV";
        other[us] = "IL";
        story.lake().deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010_v9.csv",
                List.of(la, tx, cancelled, other, gto), 0);
        story.lake().writeManifest();
        Path published = home.resolve("warehouse").resolve("oriundos.duckdb");

        BuildResult result = new WarehouseBuilder(new WarehouseSettings(story.lake().location(), published, 2, "512MB"))
                .build(false);

        assertThat(result.changed()).isTrue();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.check()).isEqualTo("association_projects_from_several_us_states_in_one_year");
            assertThat(w.rows()).isEqualTo(1);
            assertThat(w.firstRows()).contains(A1).contains("CA, TX");
        });
        assertThat(result.checksPassed()).doesNotContain("association_projects_from_several_us_states_in_one_year");
        assertThat(WarehouseQuery.run(published, "select check_name, offending_rows from audit_quality_warning").rows())
                .containsExactly(Arrays.asList("association_projects_from_several_us_states_in_one_year", 1));
    }

    @Test
    void aWarnBlockIsParsedApartFromTheChecks() {
        List<QualityChecks.Check> checks = QualityChecks.parse("x.checks.sql", """
                -- check: must_hold
                select 1 where false

                -- warn: worth_a_look
                -- a comment of the warning
                select 2 where false
                """);
        assertThat(checks).extracting(QualityChecks.Check::name, QualityChecks.Check::warning)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("must_hold", false),
                        org.assertj.core.groups.Tuple.tuple("worth_a_look", true));
    }
}
