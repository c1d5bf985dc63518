package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;
import org.oriundos.warehouse.WarehouseBuilder;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.WarehouseSettings;

/**
 * The report's "Collective and family remittances" section, from the demo's Banco de México exports
 * and its 3x1 files of 2018 and 2019 taken through the real pipeline: its numbers are the
 * warehouse's, and a missing one is never written as 0.
 */
class RemittanceSectionTest {
    @TempDir
    static Path dir;
    static Path warehouse;
    static ReportResult report;
    static ReportResult informe;

    @BeforeAll
    static void loadAndReport() {
        List<Path> files = new SampleExtracts(7).writeDemoInbox(dir.resolve("inbox")).stream()
                .filter(f -> f.getFileName().toString().startsWith("banxico_remesas_")
                        || f.getFileName().toString().matches("3x1_proyectos_201[89]\\.csv"))
                .toList();
        LakeLocation lake = LakeLocation.local(dir.resolve("lake"));
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        files.forEach(f -> loader.load(Inbox.delivery(f)));
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        warehouse = dir.resolve("warehouse").resolve("oriundos.duckdb");
        new WarehouseBuilder(new WarehouseSettings(lake, warehouse, 2, "1GB")).build(false);
        report = new AnnualReport().write(warehouse, 2019, 2013, dir.resolve("reports"));
        informe = new AnnualReport().write(warehouse, 2019, 2013, dir.resolve("informes"), ReportOptions.of("es", null));
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
}
