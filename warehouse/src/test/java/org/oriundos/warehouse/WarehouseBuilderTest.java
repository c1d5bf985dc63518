package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.oriundos.warehouse.HometownLake.A1;
import static org.oriundos.warehouse.HometownLake.A2;
import static org.oriundos.warehouse.HometownLake.A3;
import static org.oriundos.warehouse.HometownLake.A4;
import static org.oriundos.warehouse.HometownLake.A5;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse after both nights of {@link HometownLake}, built once (night 1, then night 2
 * incrementally) and read by every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseBuilderTest {
    private Path published;
    private BuildResult night1;

    @BeforeAll
    void buildBothNights(@TempDir Path home) {
        HometownLake story = new HometownLake(home.resolve("lake"));
        published = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(
                new WarehouseSettings(story.lake().location(), published, 2, "512MB"));
        story.night1();
        night1 = builder.build(false);
        story.night2();
        builder.build(false);
    }

    private List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(published, sql).rows();
    }

    private static List<Object> r(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void keepsTheHistoryOfARenamedAndADeregisteredClubAsVersions() {
        assertThat(rows("select association_id, version_no, name, us_state_code, registration_status, valid_from, "
                + "valid_to, is_current from dim_association where association_id in ('" + A1 + "', '" + A3 + "', '"
                + A5 + "') order by association_id, version_no")).containsExactly(
                r(A1, 1, "Club Zacatecano de Los Ángeles", "CA", "REGISTERED", LocalDate.parse("2008-06-30"),
                        LocalDate.parse("2010-06-30"), false),
                r(A1, 2, "Club Social Zacatecano Los Angeles", "CA", "REGISTERED", LocalDate.parse("2010-06-30"),
                        LocalDate.parse("9999-12-31"), true),
                r(A3, 1, "Club Michoacano de Dallas", "TX", "DEREGISTERED", LocalDate.parse("2008-06-30"),
                        LocalDate.parse("2010-06-30"), false),
                r(A5, 1, "Club Guanajuato Unido", null, "NOT_IN_REGISTRY", LocalDate.parse("1900-01-01"),
                        LocalDate.parse("9999-12-31"), true));
        assertThat(rows("select count(*) from dim_association where association_key = 0 and association_id = 'UNKNOWN'"))
                .containsExactly(r(1L));
    }

    @Test
    void countsRegisteredNewAndDeregisteredFromTheLatestSnapshotOfEachYear() {
        assertThat(rows("select year, count(*) filter (where registered), count(*) filter (where is_new), "
                + "count(*) filter (where is_deregistered), bool_and(registered is null) "
                + "from fact_association_year group by year order by year")).containsExactly(
                r(2008, 3L, 0L, 0L, false),
                r(2009, 0L, 0L, 0L, true),
                r(2010, 3L, 1L, 1L, false),
                r(2012, 4L, 1L, 0L, false));
        // 2010's figures come from the June snapshot, not January's, which still listed A3.
        assertThat(rows("select association_id, registered, is_new, is_deregistered, members, projects_3x1, migrant_mxn "
                + "from fact_association_year where year = 2010 order by association_id")).containsExactly(
                r(A1, true, false, false, 50, 1L, new BigDecimal("90000.00")),
                r(A2, true, false, false, 27, 0L, new BigDecimal("0.00")),
                r(A3, false, false, true, null, 0L, new BigDecimal("0.00")),
                r(A4, true, true, false, 30, 1L, new BigDecimal("25000.00")));
        assertThat(rows("select is_new, is_deregistered from fact_association_year where year = 2008"))
                .allSatisfy(row -> assertThat(row).containsOnlyNulls());
        // the facts of a year point to the version of the association in force that year
        assertThat(rows("select f.year, d.name from fact_association_year f join dim_association d using (association_key) "
                + "where f.association_id = '" + A1 + "' order by f.year")).containsExactly(
                r(2008, "Club Zacatecano de Los Ángeles"),
                r(2009, "Club Zacatecano de Los Ángeles"),
                r(2010, "Club Social Zacatecano Los Angeles"),
                r(2012, "Club Social Zacatecano Los Angeles"));
    }

    @Test
    void growthViewsGiveTheHandComputedFigures() {
        assertThat(rows("select year, us_state, origin_state, registered, new, deregistered, yoy_pct "
                + "from v_association_growth where year in (2008, 2010) order by year, us_state, origin_state"))
                .containsExactly(
                        r(2008, "CA", "Zacatecas", 1L, null, null, null),
                        r(2008, "IL", "Jalisco", 1L, null, null, null),
                        r(2008, "TX", "Michoacán de Ocampo", 1L, null, null, null),
                        r(2010, "CA", "Zacatecas", 1L, 0L, 0L, 0.0),
                        r(2010, "IL", "Jalisco", 1L, 0L, 0L, 0.0),
                        r(2010, "IL", "Zacatecas", 1L, 1L, 0L, null),
                        r(2010, "TX", "Michoacán de Ocampo", 0L, 0L, 1L, -100.0));

        List<List<Object>> growth = rows("select measure, from_value, to_value, change, cagr from growth(2008, 2012) "
                + "where measure = 'registered_associations'");
        assertThat(growth).hasSize(1);
        assertThat(growth.get(0).subList(0, 3)).containsExactly("registered_associations", dec("3.00"), dec("4.00"));
        // DECIMAL fractions rounded to 6 places: 4/3 - 1 and (4/3)^(1/4) - 1
        assertThat(growth.get(0).get(3)).isEqualTo(dec("0.333333"));
        assertThat(growth.get(0).get(4)).isEqualTo(dec("0.074570"));
        assertThat(((BigDecimal) growth.get(0).get(4)).doubleValue())
                .isCloseTo(Math.pow(4.0 / 3, 1.0 / 4) - 1, within(5e-7));
        // no snapshot in 2011: no registry figure, so no growth either
        assertThat(rows("select from_value, change, cagr from growth(2011, 2012) where measure = 'registered_associations'"))
                .containsExactly(r(null, null, null));
        List<List<Object>> projects = rows("select to_value, change from growth(2009, 2010) where measure = 'total_mxn'");
        assertThat(projects.get(0).get(0)).isEqualTo(dec("470000.00"));
        assertThat(projects.get(0).get(1)).isEqualTo(dec("-0.216667")); // 470,000 / 600,000 - 1
    }

    @Test
    void projectInvestmentLeavesOutTheCancelledProjectAndUsesTheRevisedAmounts() {
        assertThat(rows("select year, origin_state_code, origin_state, category, projects, clubs, federal_mxn, state_mxn, "
                + "municipal_mxn, migrant_mxn, other_mxn, total_mxn from v_project_investment order by all"))
                .containsExactly(
                        r(2009, "14", "Jalisco", "PAVIMENTACION", 1L, 1L, dec("50000.00"), dec("50000.00"),
                                dec("50000.00"), dec("50000.00"), dec("0.00"), dec("200000.00")),
                        r(2009, "32", "Zacatecas", "AGUA POTABLE", 1L, 1L, dec("100000.00"), dec("100000.00"),
                                dec("100000.00"), dec("100000.00"), dec("0.00"), dec("400000.00")),
                        r(2010, "32", "Zacatecas", "AGUA POTABLE", 1L, 1L, dec("90000.00"), dec("90000.00"),
                                dec("90000.00"), dec("90000.00"), dec("0.00"), dec("360000.00")),
                        r(2010, "32", "Zacatecas", "EDUCACION", 1L, 1L, dec("25000.00"), dec("25000.00"),
                                dec("25000.00"), dec("25000.00"), dec("10000.00"), dec("110000.00")));
        long constant = HometownLake.constant(36_000_000, HometownLake.INPC_2010);
        long dollars = HometownLake.dollars(36_000_000, HometownLake.FIX_2010);
        assertThat(rows("select total_mxn_const, total_usd from v_project_investment "
                + "where year = 2010 and category = 'AGUA POTABLE'")).containsExactly(
                r(BigDecimal.valueOf(constant, 2), BigDecimal.valueOf(dollars, 2)));
        // the cancelled project stays visible in the project dimension, with its status
        assertThat(rows("select status, latest_fiscal_year from dim_project where folio = '3X1-GTO-2010-0005'"))
                .containsExactly(r("CANCELADO", 2010));
        assertThat(rows("select status, total_mxn from fact_project_funding where folio = '3X1-ZAC-2010-0003'"))
                .containsExactly(r("EN EJECUCION", dec("360000.00")));
        assertThat(rows("select count(*) from fact_project_funding where load_id is null or source_file is null"))
                .containsExactly(r(0L));
    }

    @Test
    void surveyRatesAreWeightedAndLeaveOutDontKnowAndRefused() {
        List<List<Object>> all = rows("select respondents, weighted_member_rate, weighted_remit_rate, member_excluded, "
                + "remit_excluded from v_survey_rates where survey = 'PEW' and group_by = 'all'");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get(0)).isEqualTo(5L);
        // members: r1 (1.5) and r4 (0.5) said yes of r1, r2, r4 (3.0); r3 DK and r5 REF are left out
        assertThat((Double) all.get(0).get(1)).isCloseTo(2.0 / 3.0, within(1e-12));
        // remittances: r1 (1.5) and r3 (2.0) said yes of r1..r4 (5.0)
        assertThat((Double) all.get(0).get(2)).isCloseTo(0.7, within(1e-12));
        assertThat(all.get(0).subList(3, 5)).containsExactly(2L, 1L);
        assertThat(rows("select group_value, respondents, weighted_member_rate from v_survey_rates "
                + "where group_by = 'years_in_us' order by group_value")).containsExactly(
                r("0-4", 2L, 0.6), r("20+", 2L, 1.0), r("missing", 1L, null));
    }

    @Test
    void auditTablesShowEveryLedgerEntryAndEveryRejectedRow() {
        assertThat(rows("select count(*), count(*) filter (where status = 'FAILED'), count(*) filter (where is_current) "
                + "from audit_file_load")).containsExactly(r(10L, 1L, 8L));
        assertThat(rows("select file_name, is_current, in_warehouse from audit_file_load where source_table = 'projects' "
                + "and period = '2010' order by loaded_at")).containsExactly(
                r("3x1_2010.csv", false, false), r("3x1_2010_corregido.csv", true, true));
        assertThat(rows("select source_file, source_table, period, line, column_name, \"value\", reason from audit_reject"))
                .containsExactly(r("3x1_2010_corregido.csv", "projects", "2010", 5L, "BENEFICIARIOS", "mil",
                        "not a whole number"));
        assertThat(rows("select association_id, rule from audit_association_link order by association_id"))
                .containsExactly(r(A1, "SIMILAR_NAME"), r(A5, "NEW"));
        assertThat(rows("select count(*) from audit_unresolved")).containsExactly(r(0L));
    }

    @Test
    void everyDimensionHasAnUnknownMemberAndNoFactHasANullKey() {
        BuildResult result = night1;

        for (String dim : List.of("dim_year:year_key", "dim_geography:geography_key", "dim_consulate:consulate_key",
                "dim_association:association_key", "dim_project:project_key")) {
            String[] p = dim.split(":");
            assertThat(rows("select count(*) from " + p[0] + " where " + p[1] + " = 0")).as(p[0]).containsExactly(r(1L));
        }
        assertThat(result.checksPassed()).contains("fact_project_funding_foreign_keys_resolve",
                "dim_association_versions_do_not_overlap", "fact_project_funding_amounts_equal_the_lake",
                "conformed_partitions_reconcile_with_the_ledger", "staged_rows_equal_the_manifest");
        assertThat(result.rowCounts()).containsEntry("fact_project_funding", 5L).containsEntry("fact_survey_response", 5L)
                .containsEntry("fact_consular_activity", 3L);
        // a boundary year belongs to the outgoing term, in office eleven months of it
        assertThat(rows("select year, sexenio, president from dim_year where year in (2006, 2007, 2012, 2013) order by year"))
                .containsExactly(r(2006, "2000-2006", "Vicente Fox"), r(2007, "2006-2012", "Felipe Calderón"),
                        r(2012, "2006-2012", "Felipe Calderón"), r(2013, "2012-2018", "Enrique Peña Nieto"));
        assertThat(rows("select has_registry_snapshot, registry_snapshot_date, registry_snapshots, has_projects "
                + "from dim_year where year = 2010")).containsExactly(r(true, LocalDate.parse("2010-06-30"), 2L, true));
        assertThat(rows("select has_registry_snapshot, fix_mean from dim_year where year = 2013"))
                .containsExactly(r(false, null));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
