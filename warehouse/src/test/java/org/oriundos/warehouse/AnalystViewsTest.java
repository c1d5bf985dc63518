package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.warehouse.HometownLake.A1;
import static org.oriundos.warehouse.HometownLake.A2;
import static org.oriundos.warehouse.HometownLake.A3;
import static org.oriundos.warehouse.HometownLake.A4;
import static org.oriundos.warehouse.HometownLake.A5;
import static org.oriundos.warehouse.HometownLake.A6;

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
 * The views that answer the analysts' questions without traps (docs/analysts.md), on the
 * warehouse of {@link HometownLake} after both nights: snapshots in 2008, 2010 and 2012 (none in
 * 2009 or 2011); A3 (Dallas, Michoacán) deregistered in 2010; A4 (Chicago, Zacatecas) new in
 * 2010; A6 (Houston, Jalisco) new in 2012; A5 known only from a project that was later cancelled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystViewsTest {
    private Path published;

    @BeforeAll
    void buildBothNights(@TempDir Path home) {
        HometownLake story = new HometownLake(home.resolve("lake"));
        published = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(
                new WarehouseSettings(story.lake().location(), published, 2, "512MB"));
        story.night1();
        builder.build(false);
        story.night2();
        builder.build(false);
    }

    private List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(published, sql).rows();
    }

    private static List<Object> r(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void clubParticipationSaysNoFigureInAYearWithoutASnapshotNotZero() {
        assertThat(rows("select year, clubs_3x1, registered_clubs_3x1, registered_share_pct, has_registry_snapshot, "
                + "registry_snapshot_date from v_club_participation order by year")).containsExactly(
                // 2009: A1 and A2 took part, but there is no 2009 snapshot
                r(2009, 2L, null, null, false, null),
                // 2010: A1 and A4 (A5's project was cancelled), both in the June snapshot
                r(2010, 2L, 2L, dec("100.00"), true, LocalDate.parse("2010-06-30")));
        // the trap the view removes: counting over the fact gives a plausible, wrong zero for 2009
        assertThat(rows("select count(*) filter (where registered) from fact_association_year "
                + "where year = 2009 and projects_3x1 > 0")).containsExactly(r(0L));
    }

    @Test
    void associationLatestHasOneRowPerAssociationDeregisteredOnesIncluded() {
        assertThat(rows("select association_id, version_no, versions, registration_status, is_current, name, "
                + "us_state_code, us_state_name, origin_state_name, origin_municipality_name, consulate_name, "
                + "first_snapshot_date, last_snapshot_date from v_association_latest order by association_id"))
                .containsExactly(
                        r(A1, 2, 2L, "REGISTERED", true, "Club Social Zacatecano Los Angeles", "CA", "California",
                                "Zacatecas", "Jerez", "Los Ángeles", LocalDate.parse("2008-06-30"),
                                LocalDate.parse("2012-06-30")),
                        r(A2, 1, 1L, "REGISTERED", true, "Club Jalisco de Chicago", "IL", "Illinois", "Jalisco",
                                "Tepatitlán de Morelos", "Chicago", LocalDate.parse("2008-06-30"),
                                LocalDate.parse("2012-06-30")),
                        // deregistered: dim_association has no current version of it
                        r(A3, 1, 1L, "DEREGISTERED", false, "Club Michoacano de Dallas", "TX", "Texas",
                                "Michoacán de Ocampo", null, "Dallas", LocalDate.parse("2008-06-30"),
                                LocalDate.parse("2010-01-15")),
                        r(A4, 1, 1L, "REGISTERED", true, "Club Fresnillo de Chicago", "IL", "Illinois", "Zacatecas",
                                "Fresnillo", "Chicago", LocalDate.parse("2010-06-30"), LocalDate.parse("2012-06-30")),
                        r(A5, 1, 1L, "NOT_IN_REGISTRY", true, "Club Guanajuato Unido", null, null, "Guanajuato", null,
                                null, null, null),
                        r(A6, 1, 1L, "REGISTERED", true, "Club Tepatitlán de Houston", "TX", "Texas", "Jalisco",
                                "Tepatitlán de Morelos", "Houston", LocalDate.parse("2012-06-30"),
                                LocalDate.parse("2012-06-30")));
        assertThat(rows("select count(*) from dim_association where is_current and association_key <> 0"))
                .containsExactly(r(5L)); // A3 is missing there
    }

    @Test
    void associationLatestCarriesEveryYearsProjectsAndConstantPesos() {
        // A1: 3X1-ZAC-2009-0001 (100,000 per partner in 2009) and the revised 3X1-ZAC-2010-0003 (90,000 in 2010)
        long total = HometownLake.constant(40_000_000, HometownLake.INPC_2009)
                + HometownLake.constant(36_000_000, HometownLake.INPC_2010);
        long migrant = HometownLake.constant(10_000_000, HometownLake.INPC_2009)
                + HometownLake.constant(9_000_000, HometownLake.INPC_2010);
        assertThat(rows("select projects_3x1, first_project_year, last_project_year, total_mxn_const, migrant_mxn_const "
                + "from v_association_latest where association_id = '" + A1 + "'")).containsExactly(
                r(2L, 2009, 2010, BigDecimal.valueOf(total, 2), BigDecimal.valueOf(migrant, 2)));
        // A5's only project was cancelled: no project, no pesos, not a missing row
        assertThat(rows("select projects_3x1, first_project_year, total_mxn_const from v_association_latest "
                + "where association_id = '" + A5 + "'")).containsExactly(r(0L, null, dec("0.00")));
    }

    @Test
    void associationGrowthByGroupGoesFromTheFirstToTheLastSnapshotInDecimals() {
        assertThat(rows("select group_value, group_name, from_year, to_year, from_registered, to_registered, change, cagr "
                + "from association_growth('us_state', 'first', 'last') order by group_value")).containsExactly(
                r("CA", "California", 2008, 2012, 1L, 1L, dec("0.000000"), dec("0.000000")),
                // A2 and, since 2010, A4: 1 to 2 in four years
                r("IL", "Illinois", 2008, 2012, 1L, 2L, dec("1.000000"), dec("0.189207")),
                // A3 gone, A6 new
                r("TX", "Texas", 2008, 2012, 1L, 1L, dec("0.000000"), dec("0.000000")));
        assertThat(rows("select group_value, from_registered, to_registered, change, cagr "
                + "from association_growth('consulate', 2008, 2012) order by group_value")).containsExactly(
                r("CHICAGO", 1L, 2L, dec("1.000000"), dec("0.189207")),
                r("DALLAS", 1L, 0L, dec("-1.000000"), dec("-1.000000")),
                // none at the start: growth from zero is not defined
                r("HOUSTON", 0L, 1L, null, null),
                r("LOS_ANGELES", 1L, 1L, dec("0.000000"), dec("0.000000")));
        assertThat(rows("select group_value, group_name, to_registered from association_growth('origin_state', 'first', "
                + "'last') order by group_value")).containsExactly(
                r("14", "Jalisco", 2L), r("16", "Michoacán de Ocampo", 0L), r("32", "Zacatecas", 2L));
        assertThat(rows("select from_registered, to_registered, change from association_growth('all', 2010, 2012)"))
                .containsExactly(r(3L, 4L, dec("0.333333")));
    }

    @Test
    void aBoundWithoutASnapshotGivesNoFigureAndABadBoundIsRefused() {
        assertThat(rows("select from_year, from_registered, to_registered, change, cagr "
                + "from association_growth('us_state', 2009, 2012) where group_value = 'IL'"))
                .containsExactly(r(2009, null, 2L, null, null));
        assertThatThrownBy(() -> rows("select * from association_growth('state', 'first', 'last')"))
                .hasMessageContaining("by_group must be 'all', 'us_state', 'origin_state' or 'consulate'");
        assertThatThrownBy(() -> rows("select * from growth('start', 2012)"))
                .hasMessageContaining("from_year must be a year, 'first' or 'last'");
    }

    @Test
    void registeredByGroupHasEveryGroupInEverySnapshotYearWithZeros() {
        assertThat(rows("select year, snapshot_date, registered from v_registered_by_group "
                + "where group_by = 'consulate' and group_value = 'HOUSTON' order by year")).containsExactly(
                r(2008, LocalDate.parse("2008-06-30"), 0L), r(2010, LocalDate.parse("2010-06-30"), 0L),
                r(2012, LocalDate.parse("2012-06-30"), 1L));
        // the national rows are v_association_growth's totals; no row for 2009 or 2011
        assertThat(rows("select year, registered from v_registered_by_group where group_by = 'all' order by year"))
                .containsExactly(r(2008, 3L), r(2010, 3L), r(2012, 4L));
    }

    @Test
    void growthTakesFirstAndLastPerMeasureAndGivesDecimals() {
        assertThat(rows("select measure, from_year, to_year, from_value, to_value from growth('first', 'last') "
                + "where measure in ('registered_associations', 'projects_3x1')")).containsExactly(
                r("registered_associations", 2008, 2012, dec("3.00"), dec("4.00")),
                r("projects_3x1", 2009, 2010, dec("2.00"), dec("2.00")));
        assertThat(rows("select column_name, column_type from (describe select * from growth(2009, 2010)) "
                + "where column_name in ('from_value', 'change', 'cagr') order by column_name")).containsExactly(
                r("cagr", "DECIMAL(18,6)"), r("change", "DECIMAL(18,6)"), r("from_value", "DECIMAL(38,2)"));
    }

    @Test
    void associationGrowthSaysWhichPreviousSnapshotItComparesWith() {
        assertThat(rows("select year, us_state, origin_state, registered, prev_snapshot_year, prev_snapshot_registered, "
                + "change_since_prev_snapshot_pct from v_association_growth order by year, us_state, origin_state"))
                .containsExactly(
                        r(2008, "CA", "Zacatecas", 1L, null, null, null),
                        r(2008, "IL", "Jalisco", 1L, null, null, null),
                        r(2008, "TX", "Michoacán de Ocampo", 1L, null, null, null),
                        r(2010, "CA", "Zacatecas", 1L, 2008, 1L, dec("0.00")),
                        r(2010, "IL", "Jalisco", 1L, 2008, 1L, dec("0.00")),
                        r(2010, "IL", "Zacatecas", 1L, 2008, 0L, null),
                        r(2010, "TX", "Michoacán de Ocampo", 0L, 2008, 1L, dec("-100.00")),
                        // 2011 has no snapshot: 2012 compares with 2010
                        r(2012, "CA", "Zacatecas", 1L, 2010, 1L, dec("0.00")),
                        r(2012, "IL", "Jalisco", 1L, 2010, 1L, dec("0.00")),
                        r(2012, "IL", "Zacatecas", 1L, 2010, 1L, dec("0.00")),
                        r(2012, "TX", "Jalisco", 1L, 2010, 0L, null));
    }

    @Test
    void projectInvestmentGivesEveryShareInConstantPesosAndDollarsWithTheBaseYearAndTheMigrantShare() {
        long cents = 2_500_000; // 25,000 pesos per partner, 10,000 other, in 2010
        assertThat(rows("select base_year, federal_mxn_const, migrant_mxn_const, other_mxn_const, migrant_usd, "
                + "other_usd, migrant_share_pct from v_project_investment where year = 2010 and category = 'EDUCACION'"))
                .containsExactly(r(HometownLake.BASE_YEAR,
                        BigDecimal.valueOf(HometownLake.constant(cents, HometownLake.INPC_2010), 2),
                        BigDecimal.valueOf(HometownLake.constant(cents, HometownLake.INPC_2010), 2),
                        BigDecimal.valueOf(HometownLake.constant(1_000_000, HometownLake.INPC_2010), 2),
                        BigDecimal.valueOf(HometownLake.dollars(cents, HometownLake.FIX_2010), 2),
                        BigDecimal.valueOf(HometownLake.dollars(1_000_000, HometownLake.FIX_2010), 2),
                        dec("22.73"))); // 25,000 of 110,000
        assertThat(rows("select distinct migrant_share_pct from v_project_investment where category <> 'EDUCACION'"))
                .containsExactly(r(dec("25.00"))); // 1:1:1:1
    }

    @Test
    void surveyRatesCountDontKnowRefusedAndBlankApartWithTheirWeightsAndFlagSmallGroups() {
        // r1 Y/Y 1.5, r2 N/N 1.0, r3 DK/Y 2.0, r4 Y/N 0.5, r5 REF/REF 3.0
        assertThat(rows("select respondents, member_answered, member_dk, member_ref, member_blank, remit_answered, "
                + "remit_dk, remit_ref, remit_blank, weight_total, member_weight_yes, member_weight_answered, "
                + "member_weight_dk, member_weight_ref, remit_weight_yes, remit_weight_answered, remit_weight_ref, "
                + "small_n from v_survey_rates where survey = 'PEW' and group_by = 'all'")).containsExactly(
                r(5L, 3L, 1L, 1L, 0L, 4L, 0L, 1L, 0L, dec("8.000000"), dec("2.000000"), dec("3.000000"),
                        dec("2.000000"), dec("3.000000"), dec("3.500000"), dec("5.000000"), dec("3.000000"), true));
        assertThat(rows("select small_n_threshold()")).containsExactly(r(30));
        assertThat(rows("select group_value, group_order from v_survey_rates where group_by = 'years_in_us' "
                + "order by group_order")).containsExactly(r("0-4", 1), r("20+", 2), r("missing", 3));
    }
}
