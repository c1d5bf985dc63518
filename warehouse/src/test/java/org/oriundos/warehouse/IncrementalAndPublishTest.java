package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.transform.ConformedTables;

class IncrementalAndPublishTest {
    @TempDir
    Path home;

    private WarehouseBuilder builder(HometownLake story, Path file) {
        return new WarehouseBuilder(new WarehouseSettings(story.lake().location(), file, 2, "512MB"));
    }

    @Test
    void anIncrementalNightGivesTheSameWarehouseAsAFullRebuild() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path incremental = home.resolve("incremental").resolve("oriundos.duckdb");
        Path full = home.resolve("full").resolve("oriundos.duckdb");
        story.night1();
        builder(story, incremental).build(false);
        story.night2();

        BuildResult night2 = builder(story, incremental).build(false);
        BuildResult rebuilt = builder(story, full).build(true);

        assertThat(night2.changed()).isTrue();
        // only what the night brought: the 2012 snapshot and the corrected 2010 delivery with its
        // links, rejects and ledger entries, and the rewritten association table
        assertThat(night2.partitionsApplied()).containsExactlyInAnyOrder(
                "association/all", "association_link/project-2010", "ledger/all", "project/2010",
                "registry_snapshot/2012-06-30", "rejects/projects:2010", "unresolved/project-2010");
        assertThat(rebuilt.partitionsApplied()).contains("project/2009", "registry_snapshot/2008-06-30");
        assertThat(night2.rowCounts()).isEqualTo(rebuilt.rowCounts());
        Map<String, List<String>> a = contents(incremental);
        Map<String, List<String>> b = contents(full);
        assertThat(a.keySet()).contains("dim_association", "fact_association_year", "fact_project_funding",
                "v_association_growth", "v_project_investment", "v_survey_rates", "meta_partition");
        for (String table : a.keySet()) {
            assertThat(a.get(table)).as(table).isEqualTo(b.get(table));
        }
        assertThat(b.keySet()).isEqualTo(a.keySet());
    }

    /**
     * dim_project and the per-year aggregates are rebuilt only for the folios and years a night
     * touches: a folio that a new year re-describes (another category, so its old year's row of
     * agg_project_investment moves) or that a corrected year adds or drops while another year
     * still lists it must come out as a full build makes it.
     */
    @Test
    void projectsRedescribedOrDroppedByALaterDeliveryComeOutAsAFullBuildMakesThem() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path incremental = home.resolve("incremental").resolve("oriundos.duckdb");
        story.night1();
        builder(story, incremental).build(false);

        // 2011 lists 2009's ZAC-0001 again under another category; the corrected 2010 also lists
        // JAL-0002 (of 2009) and drops ZAC-0004
        FixtureLake lake = story.lake();
        lake.deliver(ConformedTables.PROJECT, "projects", "2011", "3x1_2011.csv", List.of(
                HometownLake.project(2011, "3X1-ZAC-2009-0001", HometownLake.A1, "32", "32020", "EDUCACION",
                        "CONCLUIDO", 20_000, 0, 1200L),
                HometownLake.project(2011, "3X1-ZAC-2011-0006", HometownLake.A4, "32", "32010", "AGUA POTABLE",
                        "APROBADO", 30_000, 0, 90L)), 0);
        lake.deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010_b.csv", List.of(
                HometownLake.project(2010, "3X1-ZAC-2010-0003", HometownLake.A1, "32", "32010", "AGUA POTABLE",
                        "APROBADO", 80_000, 0, 500L),
                HometownLake.project(2010, "3X1-JAL-2009-0002", HometownLake.A2, "14", "14093", "EDUCACION",
                        "APROBADO", 10_000, 0, 800L),
                HometownLake.project(2010, "3X1-GTO-2010-0005", HometownLake.A5, "11", "11021", "PAVIMENTACION",
                        "APROBADO", 60_000, 0, 300L)), 0);
        lake.writeManifest();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after re-describing");

        // a later correction of 2010 drops JAL-0002 again: its row is 2009's once more
        lake.deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010_c.csv", List.<Object[]>of(
                HometownLake.project(2010, "3X1-ZAC-2010-0003", HometownLake.A1, "32", "32010", "AGUA POTABLE",
                        "APROBADO", 80_000, 0, 500L)), 0);
        lake.writeManifest();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after dropping");
        try (Connection c = DuckDb.openReadOnly(incremental); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT category, latest_fiscal_year FROM dim_project"
                     + " WHERE folio = '3X1-JAL-2009-0002'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PAVIMENTACION");
            assertThat(rs.getInt(2)).isEqualTo(2009);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * agg_association_latest is rebuilt only for the associations a night touches, and the
     * registry's aggregates (agg_association_growth, agg_registered_by_group) are kept by a night
     * that changes no registry figure. A 3x1 year that gives an association its latest project
     * year, brings an association known only from it and re-describes an earlier year's folio; a
     * correction that takes away an association's only project of a year; and then a registry night
     * must each leave the warehouse a full build makes.
     */
    @Test
    void associationsTouchedByA3x1YearOrARegistryNightComeOutAsAFullBuildMakesThem() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path incremental = home.resolve("incremental").resolve("oriundos.duckdb");
        story.night1();
        builder(story, incremental).build(false);
        String a7 = "A-000007";

        // 2011: A2's first project since 2009, A7 known from this year only, 2009's ZAC-0001 again;
        // the reference tables come again under a new load with the same rows, as every conform writes them
        FixtureLake lake = story.lake();
        story.referenceDataAgain("reference-2", false);
        lake.deliver(ConformedTables.PROJECT, "projects", "2011", "3x1_2011.csv", List.of(
                HometownLake.project(2011, "3X1-JAL-2011-0007", HometownLake.A2, "14", "14093", "EDUCACION",
                        "APROBADO", 40_000, 0, 700L),
                HometownLake.project(2011, "3X1-JAL-2011-0008", a7, "14", "14093", "AGUA POTABLE",
                        "APROBADO", 15_000, 0, 90L),
                HometownLake.project(2011, "3X1-ZAC-2009-0001", HometownLake.A1, "32", "32020", "EDUCACION",
                        "CONCLUIDO", 20_000, 0, 1200L)), 0);
        story.addAssociationKnownFrom3x1(a7, "Club Tepatitlán Unido", "tepatitlan unido", "14");
        lake.writeManifest();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after a 3x1 year");
        assertThat(WarehouseQuery.run(incremental, "select association_id, last_project_year, projects_3x1"
                + " from agg_association_latest where association_id in ('" + HometownLake.A2 + "', '" + a7
                + "') order by 1").rows())
                .containsExactly(List.of(HometownLake.A2, 2011, 2L), List.of(a7, 2011, 1L));

        // a corrected 2010 without A4's only project
        lake.deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010_b.csv", List.of(
                HometownLake.project(2010, "3X1-ZAC-2010-0003", HometownLake.A1, "32", "32010", "AGUA POTABLE",
                        "APROBADO", 80_000, 0, 500L),
                HometownLake.project(2010, "3X1-GTO-2010-0005", HometownLake.A5, "11", "11021", "PAVIMENTACION",
                        "APROBADO", 60_000, 0, 300L)), 0);
        lake.writeManifest();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after dropping a project");
        assertThat(WarehouseQuery.run(incremental, "select projects_3x1, last_project_year from agg_association_latest"
                + " where association_id = '" + HometownLake.A4 + "'").rows())
                .containsExactly(java.util.Arrays.asList(0L, null));

        // a municipality renamed in the reference data: every year's places and names move
        story.referenceDataAgain("reference-3", true);
        lake.writeManifest();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after renaming a municipality");
        assertThat(WarehouseQuery.run(incremental, "select distinct origin_municipality_name from agg_association_latest"
                + " where origin_municipality_key = '32020'").rows())
                .containsExactly(List.of("Jerez de García Salinas"));

        // the 2012 snapshot: new versions, a new association, the registry's aggregates move
        story.night2();
        builder(story, incremental).build(false);
        assertSameAsAFullBuild(story, incremental, "after a registry night");
    }

    private void assertSameAsAFullBuild(HometownLake story, Path incremental, String when) {
        Path full = home.resolve("full-" + when.replace(' ', '-')).resolve("oriundos.duckdb");
        builder(story, full).build(true);
        Map<String, List<String>> a = contents(incremental);
        Map<String, List<String>> b = contents(full);
        assertThat(a.keySet()).as(when).isEqualTo(b.keySet());
        for (String table : a.keySet()) {
            assertThat(a.get(table)).as(when + ": " + table).isEqualTo(b.get(table));
        }
    }

    @Test
    void aNightWithNothingNewLeavesThePublishedFileAlone() throws Exception {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);
        String before = sha256(file);
        var modified = Files.getLastModifiedTime(file);

        BuildResult again = builder(story, file).build(false);

        assertThat(again.changed()).isFalse();
        assertThat(again.partitionsApplied()).isEmpty();
        assertThat(again.rowCounts()).containsEntry("fact_project_funding", 5L);
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        // no build file or write-ahead log is left beside the published warehouse
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("oriundos.duckdb");
        }
    }

    @Test
    void aFailedCheckFailsTheBuildAndLeavesThePublishedWarehouseAsItWas() throws Exception {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);
        String before = sha256(file);
        story.night2();
        // the manifest claims a row the partition's file does not hold
        story.lake().misstateManifestRows("project", "2010", 4);
        story.lake().writeManifest();

        assertThatThrownBy(() -> builder(story, file).build(false))
                .isInstanceOf(QualityCheckFailedException.class)
                .hasMessageContaining("quality check staged_rows_equal_the_manifest failed")
                .hasMessageContaining("project")
                .hasMessageContaining("2010")
                .satisfies(e -> assertThat(((QualityCheckFailedException) e).checkName())
                        .isEqualTo("staged_rows_equal_the_manifest"));

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(WarehouseQuery.run(file, "select count(*) from dim_association where association_id = '"
                + HometownLake.A6 + "'").rows()).containsExactly(List.of(0L));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("oriundos.duckdb");
        }
    }

    @Test
    void aProjectDeliveredTwiceInOneYearFailsTheGrainCheckNamingTheFolio() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);
        story.lake().deliver(ConformedTables.PROJECT, "projects", "2009", "3x1_2009_bis.csv", List.of(
                HometownLake.project(2009, "3X1-ZAC-2009-0001", HometownLake.A1, "32", "32020", "AGUA POTABLE",
                        "CONCLUIDO", 100_000, 0, 1200L),
                HometownLake.project(2009, "3X1-ZAC-2009-0001", HometownLake.A1, "32", "32020", "AGUA POTABLE",
                        "CONCLUIDO", 100_000, 0, 1200L)), 0);
        story.lake().writeManifest();

        assertThatThrownBy(() -> builder(story, file).build(false))
                .isInstanceOf(QualityCheckFailedException.class)
                .hasMessageContaining("fact_project_funding_grain_is_unique")
                .hasMessageContaining("3X1-ZAC-2009-0001");
        assertThat(WarehouseQuery.run(file, "select count(*) from fact_project_funding where year = 2009").rows())
                .containsExactly(List.of(2L));
    }

    @Test
    void theAggregateChecksCatchAnAggregateThatNoLongerEqualsTheFacts() throws Exception {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            assertThat(offending(c, "agg_project_investment_equals_the_facts").rows()).isEmpty();
            assertThat(offending(c, "agg_year_measures_equal_the_facts").rows()).isEmpty();
            s.execute("update agg_project_investment set total_mxn = total_mxn + 1 where year = 2009");
            s.execute("delete from agg_year_measures where measure = 'clubs_3x1' and year = 2009");
            s.execute("update agg_association_growth set registered = registered + 1 where year = 2008");
            s.execute("update agg_survey_rates set respondents = respondents + 1 where group_by = 'all'");

            assertThat(offending(c, "agg_project_investment_equals_the_facts").rows())
                    .extracting(row -> row.get(0) + " " + row.get(1))
                    .contains("missing from agg_project_investment 2009", "not in the facts 2009");
            assertThat(offending(c, "agg_year_measures_equal_the_facts").rows())
                    .extracting(row -> row.subList(0, 3).toString())
                    .containsExactly("[missing from agg_year_measures, clubs_3x1, 2009]");
            assertThat(offending(c, "agg_association_growth_equals_the_facts").rows())
                    .extracting(row -> row.get(0) + " " + row.get(1))
                    .contains("missing from agg_association_growth 2008", "not in the facts 2008");
            assertThat(offending(c, "agg_survey_rates_equals_the_facts").rows())
                    .extracting(row -> row.get(0))
                    .contains("missing from agg_survey_rates", "not in the facts");
        }
    }

    /** The rows a named quality check finds offending in the warehouse behind the connection. */
    private static QueryResult offending(Connection c, String check) throws Exception {
        String sql = QualityChecks.all().stream().filter(k -> k.name().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no quality check " + check)).sql();
        return WarehouseQuery.query(c, sql);
    }

    @Test
    void anAnalystReadingThePublishedFileNeitherBlocksThePublishNorSeesAHalfBuiltWarehouse() throws Exception {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);
        story.night2();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection analyst = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
            assertThat(count(analyst, "select count(*) from fact_association_year where year = 2012")).isZero();

            BuildResult result = builder(story, file).build(false);

            assertThat(result.changed()).isTrue();
            // the analyst's session still reads the warehouse it opened, whole
            assertThat(count(analyst, "select count(*) from fact_association_year where year = 2012")).isZero();
            assertThat(count(analyst, "select count(*) from dim_association")).isEqualTo(7L);
        }
        try (Connection next = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
            assertThat(count(next, "select count(*) from fact_association_year where year = 2012")).isEqualTo(4L);
        }
    }

    @Test
    void queriesRunReadOnlyAndPrintAsATableOrCsv() {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        story.night1();
        builder(story, file).build(false);

        QueryResult result = WarehouseQuery.run(file,
                "select consulate_id, consulate_name, us_state_code from dim_consulate order by consulate_id");
        assertThat(result.toCsv()).isEqualTo("consulate_id,consulate_name,us_state_code\r\n"
                + "CHICAGO,Chicago,IL\r\nDALLAS,Dallas,\r\nLOS_ANGELES,Los Ángeles,CA\r\nUNKNOWN,Unknown,\r\n");
        assertThat(result.toAlignedTable()).startsWith(
                "consulate_id | consulate_name | us_state_code\n"
                        + "-------------+----------------+--------------\n"
                        + "CHICAGO      | Chicago        | IL\n");
        assertThatThrownBy(() -> WarehouseQuery.run(file, "delete from dim_year"))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("read-only");
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every table's and view's rows, sorted, as text: read through one read-only connection (a
     * DuckDB database opened per table made this the slowest part of every comparison).
     */
    static Map<String, List<String>> contents(Path file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DuckDb.openReadOnly(file)) {
            List<List<Object>> names = WarehouseQuery.query(c,
                    "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main' union "
                            + "select view_name from duckdb_views() where database_name = current_database() and schema_name = 'main' and not internal order by 1")
                    .rows();
            for (List<Object> n : names) {
                List<String> rows = new ArrayList<>();
                for (List<Object> row : WarehouseQuery.query(c, "select * from " + n.get(0) + " order by all").rows()) {
                    rows.add(row.toString());
                }
                out.put((String) n.get(0), rows);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
