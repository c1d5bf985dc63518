package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.RemittanceExport;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;

/**
 * Banco de México exports, through the real ingest and transform, into the warehouse: the latest
 * consultation of each series and period, yearly figures only for complete years, the collective
 * share empty where a side is missing, the reconciliation of municipalities with their state's total
 * (and a broken total caught), revisions and an older export arriving late, and CONAPO's grades.
 */
class RemittancesWarehouseTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final LocalDateTime FEBRUARY = LocalDateTime.of(2026, 2, 3, 9, 41, 17);
    private static final LocalDateTime MAY = LocalDateTime.of(2026, 5, 5, 8, 29, 25);

    @TempDir
    Path home;
    Path inbox;
    LakeLocation lake;
    Path published;
    WarehouseBuilder builder;
    RemittanceExport zacatecasAndJalisco;

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(home.resolve("inbox"));
        lake = LakeLocation.local(home.resolve("lake"));
        published = home.resolve("warehouse").resolve("oriundos.duckdb");
        builder = new WarehouseBuilder(new WarehouseSettings(lake, published, 2, "1GB"));
        Map<String, List<RemittanceExport.Municipality>> demo = RemittanceExport.demoMunicipalities();
        zacatecasAndJalisco = new RemittanceExport(5, List.of("14", "32", "16"),
                Map.of("14", demo.get("14"), "32", demo.get("32")));
    }

    private List<LedgerEntry> loadAndConform(Path... files) {
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        List<LedgerEntry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(loader.load(Inbox.delivery(f)));
        }
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        return entries;
    }

    private List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(published, sql).rows();
    }

    private Object one(String sql) {
        return rows(sql).get(0).get(0);
    }

    private static List<Object> r(Object... values) {
        return Arrays.asList(values);
    }

    private Path february() {
        return zacatecasAndJalisco.write(inbox.resolve("banxico_remesas_febrero.csv"), FEBRUARY,
                RemittanceExport.quarters(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 10, 1)), null,
                Set.of(new RemittanceExport.NotAvailable("SE432001", LocalDate.of(2024, 4, 1))), true);
    }

    /** A later download: Zacatecas alone, its 2025 revised up 2%, and the first quarter of 2026. */
    private Path may() {
        return new RemittanceExport(5, List.of("32"), Map.of("32", RemittanceExport.demoMunicipalities().get("32")))
                .write(inbox.resolve("banxico_remesas_mayo.csv"), MAY,
                        RemittanceExport.quarters(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                        new RemittanceExport.Revision(Set.of("32"), LocalDate.of(2025, 1, 1), 1.02), Set.of(), false);
    }

    /** A state's total for a quarter as the export writes it: millions of dollars to four decimals. */
    private static BigDecimal writtenTotal(RemittanceExport export, LocalDate quarter, RemittanceExport.Revision revision,
                                           String stateCode) {
        int i = export.places().indexOf(new RemittanceExport.Place(stateCode, null, false));
        long dollars = export.dollars(quarter, revision)[i];
        return BigDecimal.valueOf(dollars).movePointLeft(6).setScale(4, RoundingMode.HALF_EVEN).movePointRight(6)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    @Test
    void aLaterExportRevisesSeriesBySeriesAndPeriodByPeriodAndYearsAreWholeOrAbsent() {
        loadAndConform(february(), may());
        BuildResult result = builder.build(false);

        assertThat(result.checksPassed()).hasSize(QualityChecks.all().size());
        // Zacatecas's 2025 comes from May's download, Jalisco's from February's, which May does not hold
        assertThat(rows("select source_file, count(*) from fact_remittances where year = 2025 and state_code = '32'"
                + " group by all")).containsExactly(r("banxico_remesas_mayo.csv", 4L * 60));
        assertThat(rows("select source_file, count(*) from fact_remittances where year = 2025 and state_code = '14'"
                + " group by all")).containsExactly(r("banxico_remesas_febrero.csv", 4L * 127));
        RemittanceExport.Revision up = new RemittanceExport.Revision(Set.of("32"), LocalDate.of(2025, 1, 1), 1.02);
        RemittanceExport zacatecas = new RemittanceExport(5, List.of("32"),
                Map.of("32", RemittanceExport.demoMunicipalities().get("32")));
        BigDecimal zacatecas2025 = BigDecimal.ZERO;
        for (LocalDate q : RemittanceExport.quarters(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 1))) {
            zacatecas2025 = zacatecas2025.add(writtenTotal(zacatecas, q, up, "32"));
        }
        assertThat(rows("select family_usd, periods from v_remittances where year = 2025 and origin_state_code = '32'"
                + " and municipality is null")).containsExactly(r(zacatecas2025, 4L));
        // 2026 has one quarter: no yearly figure, and it says how many periods it has
        assertThat(rows("select family_usd, family_mxn_const, periods, collective_share_pct from v_remittances"
                + " where year = 2026 and origin_state_code = '32' and municipality is null"))
                .containsExactly(r(null, null, 1L, null));
        // Apozol's second quarter of 2024 is N/E: its 2024 has three periods and no figure, never a sum of three
        assertThat(rows("select family_usd, periods from v_remittances where year = 2024 and municipality_key = '32001'"))
                .containsExactly(r(null, 3L));
        assertThat(rows("select count(*) from v_remittances where year = 2024 and origin_state_code = '32'"
                + " and municipality_key is not null and family_usd is not null")).containsExactly(r(57L));
        // No identificado is the state's unknown municipality
        assertThat(rows("select v.municipality, v.municipality_key, g.geography_id, g.geography_level"
                + " from v_remittances v join fact_remittances f on f.year = v.year and f.series_level = 'NOT_IDENTIFIED'"
                + " and f.state_code = v.origin_state_code join dim_geography g on g.geography_key = f.geography_key"
                + " where v.year = 2024 and v.origin_state_code = '32' and v.municipality = 'Unknown' limit 1"))
                .containsExactly(r("Unknown", null, "MX-32-UNKNOWN", "MX_MUNICIPALITY_UNKNOWN"));
        // Michoacán's total only: a state row, no municipality rows
        assertThat(one("select count(*) from v_remittances where origin_state_code = '16' and municipality is not null"))
                .isEqualTo(0L);
        // no 3x1 data in this warehouse: the collective side and the share are empty, never 0
        assertThat(rows("select count(*) from v_remittances where migrant_3x1_usd is not null"
                + " or collective_share_pct is not null")).containsExactly(r(0L));
        assertThat(rows("select column_name from duckdb_columns() where table_name = 'v_remittances'"
                + " order by column_index")).extracting(x -> x.get(0)).containsExactly("year", "origin_state_code",
                "origin_state", "municipality_key", "municipality", "family_usd", "family_mxn_const", "migrant_3x1_usd",
                "migrant_3x1_mxn_const", "collective_share_pct", "periods");
    }

    @Test
    void aStatesMunicipalitiesAndItsNoIdentificadoAddUpToItsTotalToWithinRounding() {
        loadAndConform(february(), may());
        builder.build(false);

        List<List<Object>> statuses = rows("select state_code, status, count(*) from audit_remittance_reconciliation"
                + " group by all order by all");
        assertThat(statuses).containsExactly(
                r("14", "RECONCILED", 12L),
                r("16", "INCOMPLETE", 12L),
                r("32", "NOT_AVAILABLE", 1L),
                r("32", "RECONCILED", 12L));
        // the total is written to the $100 and each part to the dollar: they differ, within rounding
        assertThat((BigDecimal) one("select max(abs(difference_usd)) from audit_remittance_reconciliation"
                + " where status = 'RECONCILED'")).isPositive().isLessThanOrEqualTo(new BigDecimal("50"));
    }

    @Test
    void aStateTotalThatItsMunicipalitiesDoNotAddUpToFailsTheBuildAndLeavesThePublishedWarehouse() throws IOException {
        Path good = february();
        loadAndConform(good);
        builder.build(false);
        long before = Files.getLastModifiedTime(published).toMillis();

        // a corrected download whose Jalisco total for the third quarter of 2024 is a million dollars off
        String text = new String(Files.readAllBytes(good), WINDOWS_1252)
                .replace("Fecha de consulta: 03/02/2026 09:41:17", "Fecha de consulta: 04/02/2026 10:00:00");
        BigDecimal written = writtenTotal(zacatecasAndJalisco, LocalDate.of(2024, 7, 1), null, "14").movePointLeft(6)
                .setScale(4, RoundingMode.UNNECESSARY);
        String row = "01/07/2024," + written.toPlainString() + ",";
        assertThat(text).contains(row);
        text = text.replace(row, "01/07/2024," + written.add(BigDecimal.ONE).toPlainString() + ",");
        Path broken = Files.write(inbox.resolve("banxico_remesas_corregido.csv"), text.getBytes(WINDOWS_1252));
        loadAndConform(broken);

        assertThatThrownBy(() -> builder.build(false)).isInstanceOf(QualityCheckFailedException.class)
                .hasMessageContaining("remittances_municipalities_add_up_to_the_state_total")
                .hasMessageContaining("2024Q3");
        assertThat(Files.getLastModifiedTime(published).toMillis()).isEqualTo(before);
    }

    @Test
    void anOlderExportArrivingLateChangesNothingAndTheBuildSaysSo() {
        loadAndConform(may());
        builder.build(false);
        List<List<Object>> fact = rows("select * from fact_remittances order by series_id, period_start");
        List<List<Object>> view = rows("select * from v_remittances order by all");

        // February's download of the same series, delivered after May's; only the quarters May has
        Path old = new RemittanceExport(5, List.of("32"), Map.of("32", RemittanceExport.demoMunicipalities().get("32")))
                .write(inbox.resolve("banxico_remesas_febrero.csv"), FEBRUARY,
                        RemittanceExport.quarters(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 1)), null, Set.of(), true);
        LedgerEntry late = loadAndConform(old).get(0);
        BuildResult result = builder.build(false);

        assertThat(late.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(rows("select * from fact_remittances order by series_id, period_start")).isEqualTo(fact);
        assertThat(rows("select * from v_remittances order by all")).isEqualTo(view);
        assertThat(result.notes()).containsExactly("banxico_remesas_febrero.csv (consulted 2026-02-03 09:41:17) changes"
                + " nothing: each of its 240 values is given by a later export (banxico_remesas_mayo.csv, consulted"
                + " 2026-05-05 08:29:25)");
        assertThat(rows("select source_file, values_current, values_superseded, values_revised from audit_remittance_export"
                + " order by consulted_at")).containsExactly(r("banxico_remesas_febrero.csv", 0L, 240L, 0L),
                r("banxico_remesas_mayo.csv", 300L, 0L, 240L));
    }

    @Test
    void aLaterExportSaysHowManyValuesItRevises() {
        loadAndConform(february());
        builder.build(false);
        loadAndConform(may());
        BuildResult result = builder.build(false);

        // May revises Zacatecas's 2025 (60 series x 4 quarters, each a new figure) and adds 2026's first quarter
        assertThat(result.notes()).containsExactly("banxico_remesas_mayo.csv (consulted 2026-05-05 08:29:25): all its"
                + " 300 values are current; it revises 240 values of earlier exports");
    }

    @Test
    void municipalitiesCarryConaposMigrationIntensityAndTheViewGroupsByIt() {
        loadAndConform(february());
        builder.build(false);

        assertThat(rows("select municipality_name, migration_intensity_grade, migration_intensity_index,"
                + " migration_intensity_rank, households_receiving_remittances_pct from dim_geography"
                + " where geography_id in ('MX-32020', 'MX-04012', 'MX-32') order by geography_id")).containsExactly(
                r("Seybaplaya", "Nulo", null, null, 0.0),
                r(null, null, null, null, null),
                r("Jerez", "Alto", 61.22829, 438, 19.20926518));
        assertThat(one("select count(*) from dim_geography where migration_intensity_grade is not null")).isEqualTo(2_469L);
        assertThat(rows("select migration_intensity_grade, grade_order from v_migration_intensity where year = 2024"
                + " order by grade_order")).extracting(x -> x.get(0))
                .startsWith("Muy alto", "Alto", "Medio").endsWith("Unknown");
        // every municipality with a complete 2024 in one grade or another; the states' No identificado in Unknown
        assertThat(((Number) one("select sum(municipalities_with_remittances) from v_migration_intensity"
                + " where year = 2024")).longValue()).isEqualTo(125L + 58L - 1L);
        assertThat(one("select sum(family_usd) from v_migration_intensity where year = 2024"))
                .isEqualTo(one("select sum(family_usd) from v_remittances where year = 2024 and municipality is not null"));
    }

    @Test
    void theDemoExportsTakeTheirPlaceBesideTheDemosProjects() {
        List<Path> files = new SampleExtracts(7).writeDemoInbox(home.resolve("demo")).stream()
                .filter(f -> f.getFileName().toString().startsWith("banxico_remesas_")
                        || f.getFileName().toString().matches("3x1_proyectos_201[89]\\.csv"))
                .toList();
        loadAndConform(files.toArray(new Path[0]));
        BuildResult result = builder.build(false);

        assertThat(result.checksPassed()).hasSize(QualityChecks.all().size());
        // the older download, delivered last in thousands of dollars, holds the same dollars as the
        // first for 2024 and changes nothing; its n.d. cell is rejected
        assertThat(result.notes()).hasSize(3).contains("banxico_remesas_zacatecas_2025.csv (consulted"
                + " 2025-11-04 17:02:51) changes nothing: each of its 419 values is given by later exports (2 of them,"
                + " the latest banxico_remesas_2026-05-05.csv, consulted 2026-05-05 08:29:25)");
        assertThat(rows("select source_file, values_superseded, superseding_exports, values_revised"
                + " from audit_remittance_export order by consulted_at")).containsExactly(
                r("banxico_remesas_zacatecas_2025.csv", 419L, 2L, 0L),
                r("banxico_remesas_2026-02-03.csv", 240L, 1L, 0L),
                r("banxico_remesas_2026-05-05.csv", 0L, 0L, 240L));
        // 2019: both sides for Zacatecas; the share is their ratio
        List<Object> zacatecas = rows("select family_usd, migrant_3x1_usd, collective_share_pct from v_remittances"
                + " where year = 2019 and origin_state_code = '32' and municipality is null").get(0);
        assertThat((BigDecimal) zacatecas.get(0)).isPositive();
        assertThat((BigDecimal) zacatecas.get(1)).isPositive();
        assertThat((Double) zacatecas.get(2)).isCloseTo(
                100 * ((BigDecimal) zacatecas.get(1)).doubleValue() / ((BigDecimal) zacatecas.get(0)).doubleValue(),
                org.assertj.core.api.Assertions.within(1e-4));
        // a municipality without projects in a year with 3x1 data: 0 dollars and a share of 0; in 2021, no 3x1 data
        assertThat(one("select count(*) from v_remittances where year = 2019 and migrant_3x1_usd = 0"
                + " and collective_share_pct = 0")).isNotEqualTo(0L);
        assertThat(one("select count(*) from v_remittances where year = 2021 and (migrant_3x1_usd is not null"
                + " or collective_share_pct is not null)")).isEqualTo(0L);
        Delivery d = Inbox.delivery(files.get(files.size() - 2));
        assertThat(d.period()).isEqualTo("2026-05-05T082925");
        assertThat(Inbox.delivery(files.get(files.size() - 1)).period()).isEqualTo("2025-11-04T170251");
    }
}
