package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.tools.sample.SieExportFile;
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;
import org.oriundos.warehouse.WarehouseBuilder;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.WarehouseSettings;

/**
 * The report's "Collective and family remittances" section, from the demo's Banco de México exports
 * and its 3x1 files of 2018 and 2019, with an export of 2019 holding states the demo has no series
 * for ({@link #incompleteYears}), taken through the real pipeline: its numbers are the warehouse's,
 * and a missing one is never written as 0.
 */
class RemittanceSectionTest {
    @TempDir
    static Path dir;
    static Path warehouse;
    static ReportResult report;
    static ReportResult informe;

    @BeforeAll
    static void loadAndReport() {
        List<Path> files = new ArrayList<>(new SampleExtracts(7).writeDemoInbox(dir.resolve("inbox")).stream()
                .filter(f -> f.getFileName().toString().startsWith("banxico_remesas_")
                        || f.getFileName().toString().matches("3x1_proyectos_201[89]\\.csv"))
                .toList());
        files.add(incompleteYears(dir.resolve("inbox").resolve("banxico_remesas_2019_mensual.csv")));
        LakeLocation lake = LakeLocation.local(dir.resolve("lake"));
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        files.forEach(f -> loader.load(Inbox.delivery(f)));
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        warehouse = dir.resolve("warehouse").resolve("oriundos.duckdb");
        new WarehouseBuilder(new WarehouseSettings(lake, warehouse, 2, "1GB")).build(false);
        report = new AnnualReport().write(warehouse, 2019, 2013, dir.resolve("reports"));
        informe = new AnnualReport().write(warehouse, 2019, 2013, dir.resolve("informes"), ReportOptions.of("es", null));
    }

    /**
     * A download of 2019, month by month, of the state totals of four states the demo has no series
     * for, none of which has a family remittance figure for the year: Colima monthly, seven months
     * published; Sinaloa quarterly, three quarters; Sonora three quarters in a quarterly series and
     * three months in a monthly one (which unit its three periods are cannot be told); Tabasco with a
     * complete quarterly series and a complete monthly one that disagree (40 and 36 million dollars).
     */
    private static Path incompleteYears(Path file) {
        List<SieExportFile.Series> series = List.of(
                new SieExportFile.Series("SE90006", "Ingresos por Remesas Familiares, Colima", "Mensual", "Millones de Dólares"),
                new SieExportFile.Series("SE90025", "Ingresos por Remesas Familiares, Sinaloa", "Trimestral", "Millones de Dólares"),
                new SieExportFile.Series("SE90026", "Ingresos por Remesas Familiares, Sonora", "Trimestral", "Millones de Dólares"),
                new SieExportFile.Series("SE91026", "Ingresos por Remesas Familiares, Sonora", "Mensual", "Millones de Dólares"),
                new SieExportFile.Series("SE90027", "Ingresos por Remesas Familiares, Tabasco", "Trimestral", "Millones de Dólares"),
                new SieExportFile.Series("SE91027", "Ingresos por Remesas Familiares, Tabasco", "Mensual", "Millones de Dólares"));
        List<LocalDate> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(LocalDate.of(2019, m, 1));
        }
        // a quarterly series has a cell only on the months that start a quarter; blank elsewhere
        return SieExportFile.write(file, "Ingresos por remesas", LocalDateTime.of(2026, 3, 10, 10, 15, 0), series, months,
                (s, month) -> switch (s) {
                    case 0 -> month < 7 ? "25.5000" : "";
                    case 1, 2 -> month % 3 == 0 && month < 9 ? "180.0000" : "";
                    case 3 -> month < 3 ? "60.0000" : "";
                    case 4 -> month % 3 == 0 ? "10.0000" : "";
                    default -> "3.0000";
                }, true);
    }

    /** The text of a state's family remittance cell in the states' table of a report's page. */
    private static String familyCell(ReportResult result, String state) throws Exception {
        Matcher m = Pattern.compile("<tr><td[^>]*>" + Pattern.quote(state) + "</td><td[^>]*>([^<]*)</td>")
                .matcher(Files.readString(result.html()));
        assertThat(m.find()).as("a row of %s", state).isTrue();
        return m.group(1);
    }

    private static List<CSVRecord> csv(String name) throws Exception {
        return csv(report, name);
    }

    private static List<CSVRecord> csv(ReportResult result, String name) throws Exception {
        try (Reader in = Files.newBufferedReader(result.html().getParent().resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** Every cell of the records but the first (the place's name). */
    private static List<List<String>> numbers(List<CSVRecord> records) {
        return records.stream().map(r -> r.toList().subList(1, r.size())).toList();
    }

    private static List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(warehouse, sql).rows();
    }

    private static List<Object> r(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void eachStatesFamilyAndCollectiveRemittancesAreTheWarehousesAndTheirChangeSinceTheFirstYear() throws Exception {
        List<CSVRecord> states = csv("remittances_by_state.csv");
        CSVRecord zacatecas = states.stream().filter(r -> r.get("Mexican state").equals("Zacatecas")).findFirst()
                .orElseThrow();
        List<Object> expected = rows("select family_usd, migrant_3x1_usd, collective_share_pct from v_remittances"
                + " where year = 2019 and origin_state_code = '32' and municipality is null").get(0);
        assertThat(new BigDecimal(zacatecas.get("Family remittances 2019 (USD)"))).isEqualByComparingTo((BigDecimal) expected.get(0));
        assertThat(new BigDecimal(zacatecas.get("Migrants' 3x1 contribution 2019 (USD)")))
                .isEqualByComparingTo((BigDecimal) expected.get(1));
        // the share as 3x1 dollars per million dollars of family remittances: 10,000 times its percentage,
        // unrounded in the CSV (the page rounds it to whole dollars)
        assertThat(Double.parseDouble(zacatecas.get("Collective share 2019 (3x1 dollars per million of family remittances)")))
                .isCloseTo((Double) expected.get(2) * 10_000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(zacatecas.get("Compared with (year)")).isEqualTo("2013");
        BigDecimal family2013 = (BigDecimal) rows("select family_usd from v_remittances where year = 2013"
                + " and origin_state_code = '32' and municipality is null").get(0).get(0);
        double change = ((BigDecimal) expected.get(0)).doubleValue() / family2013.doubleValue() - 1;
        assertThat(Double.parseDouble(zacatecas.get("Family remittances, change since then (%)")))
                .isCloseTo(100 * change, org.assertj.core.data.Offset.offset(1e-3));
        // the states are listed by their family remittances, largest first
        assertThat(states.get(0).get("Family remittances 2019 (USD)")).isNotEmpty();
    }

    @Test
    void aMissingNumberIsNeverWrittenAsZero() throws Exception {
        String html = Files.readString(report.html());
        assertThat(html).contains("Collective and family remittances");
        // a state with 3x1 projects in 2019 but no Banco de México series in the demo export: no series, not 0
        List<List<Object>> withoutSeries = rows("select origin_state from v_remittances where year = 2019"
                + " and municipality is null and family_usd is null and periods is null");
        for (CSVRecord r : csv("remittances_by_state.csv")) {
            boolean noSeries = withoutSeries.stream().anyMatch(x -> x.get(0).equals(r.get("Mexican state")));
            if (noSeries) {
                assertThat(r.get("Family remittances 2019 (USD)")).isEmpty();
                assertThat(r.get("Collective share 2019 (3x1 dollars per million of family remittances)")).isEmpty();
            }
        }
        if (!withoutSeries.isEmpty()) {
            assertThat(html).contains("no series");
        }
        for (CSVRecord r : csv("remittances_by_state.csv")) {
            assertThat(r.get("Family remittances 2019 (USD)")).isNotEqualTo("0.00");
        }
    }

    @Test
    void theProjectsOfTheYearAreCountedByTheMigrationIntensityOfTheirMunicipality() throws Exception {
        List<CSVRecord> grades = csv("remittances_by_migration_intensity.csv");
        assertThat(grades).extracting(r -> r.get("Migration intensity (CONAPO 2020)"))
                .startsWith("Muy alto", "Alto").contains("Unknown");
        long projects = grades.stream().mapToLong(r -> Long.parseLong(r.get("3x1 projects (count)"))).sum();
        assertThat(projects).isEqualTo(rows("select count(*) from fact_project_funding where year = 2019"
                + " and not is_cancelled").get(0).get(0));
        assertThat(Files.readString(report.html())).contains("3x1 projects by CONAPO&#39;s migration intensity grade, 2019");
    }

    @Test
    void theSpanishReportNamesTheSectionAndWritesItsNumbersAsSpanishDoes() throws Exception {
        String html = Files.readString(informe.html());
        assertThat(html).contains(". Remesas colectivas y familiares</h2>")
                .contains("Remesas familiares 2019 (USD)")
                .contains("Proyectos 3x1 por grado de intensidad migratoria del CONAPO, 2019")
                .doesNotContain("Collective and family remittances");
        BigDecimal family = (BigDecimal) rows("select family_usd from v_remittances where year = 2019"
                + " and origin_state_code = '32' and municipality is null").get(0).get(0);
        // Zacatecas's family remittances: whole dollars, groups of three apart by a no-break space
        String spanish = org.oriundos.warehouse.report.render.NumberText.SPANISH.money(family);
        assertThat(spanish).matches("\\d{1,3}(\u00a0\\d{3})+");
        assertThat(html).contains(">" + spanish + "<");
        // the CSV's numbers are the same in both languages (the names of the places aside)
        assertThat(numbers(csv(informe, "remittances_by_state.csv"))).isEqualTo(numbers(csv(report, "remittances_by_state.csv")));
    }

    @Test
    void anIncompleteYearSaysHowManyOfItsQuartersOrMonthsItHas() throws Exception {
        assertThat(stateYears2019("06", "25")).containsExactly(r("Colima", null, 7L), r("Sinaloa", null, 3L));
        assertFamilyCell("Colima", "7 of 12 months", "7 de 12 meses");
        assertFamilyCell("Sinaloa", "3 of 4 quarters", "3 de 4 trimestres");
        assertThat(csv("remittances_by_state.csv")).filteredOn(r -> r.get("Mexican state").equals("Colima"))
                .extracting(r -> r.get("Family remittances 2019 (USD)")).containsExactly("");
    }

    @Test
    void aYearWhoseUnitCannotBeToldOrWhoseSeriesDisagreeSaysSoWithoutGuessing() throws Exception {
        assertThat(stateYears2019("26", "27")).containsExactly(r("Sonora", null, 3L), r("Tabasco", null, 12L));
        // Sonora's three periods are three quarters of one series and three months of another
        assertFamilyCell("Sonora", "incomplete year", "año incompleto");
        // Tabasco's year is complete in both its series, and they disagree: neither is taken
        assertFamilyCell("Tabasco", "series disagree", "series discrepantes");
    }

    /** The 2019 state rows of v_remittances (state, family_usd, periods) of the states with these codes. */
    private static List<List<Object>> stateYears2019(String... stateCodes) {
        return rows("select origin_state, family_usd, periods from v_remittances where year = 2019"
                + " and municipality is null and origin_state_code in ('" + String.join("', '", stateCodes) + "')"
                + " order by origin_state_code");
    }

    /** A state's family remittance cell, in the English report and in the Spanish one. */
    private static void assertFamilyCell(String state, String english, String spanish) throws Exception {
        assertThat(familyCell(report, state)).isEqualTo(english);
        assertThat(familyCell(informe, state)).isEqualTo(spanish);
    }
}
