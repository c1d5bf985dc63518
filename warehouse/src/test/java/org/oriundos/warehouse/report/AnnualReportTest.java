package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.transform.ConformedTables;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.WarehouseQuery;

/**
 * The report's numbers, held against the warehouse views they come from and against what went
 * into the lake.
 */
class AnnualReportTest {

    @TempDir
    static Path dir;

    static ReportFixtureLake lake;
    static Path warehouse;
    static ReportResult report2008;

    @BeforeAll
    static void buildWarehouseAndReport() {
        lake = ReportFixtureLake.writeTo(dir.resolve("lake"));
        warehouse = ReportWarehouse.build(lake, dir);
        report2008 = new AnnualReport().write(warehouse, 2008, 1998, dir.resolve("reports"));
    }

    @Test
    void writesOnePageAndTheCsvOfEveryTableOnIt() throws Exception {
        String html = Files.readString(report2008.html());

        assertThat(report2008.html()).isEqualTo(dir.resolve("reports").resolve("2008").resolve("report.html"));
        List<String> linked = new ArrayList<>();
        Matcher m = Pattern.compile("\\(CSV: <a href=\"([a-z0-9_]+\\.csv)\">").matcher(html);
        while (m.find()) {
            linked.add(m.group(1));
        }
        List<String> written = new ArrayList<>();
        for (Path p : report2008.csvFiles()) {
            assertThat(p).exists().hasParent(report2008.html().getParent());
            written.add(p.getFileName().toString());
        }
        assertThat(written).containsExactlyElementsOf(linked);
        assertThat(written).contains("associations_by_year.csv", "associations_by_us_state.csv",
                "associations_by_origin_state.csv", "fastest_growing_us_states.csv", "program_by_year.csv",
                "program_contributions_by_year.csv", "program_by_origin_state.csv", "program_by_category.csv",
                "program_clubs.csv", "survey_rates_by_years_in_us.csv", "survey_rates_by_origin.csv",
                "quality_files.csv", "quality_rejects.csv", "quality_unresolved.csv", "quality_association_links.csv",
                "headline_growth.csv");
        try (var files = Files.list(report2008.html().getParent())) {
            assertThat(files.count()).isEqualTo(written.size() + 1L);
        }
    }

    @Test
    void registeredPerYearMatchesTheViewAndTheSnapshotsAndSaysNoSnapshotOtherwise() throws Exception {
        List<CSVRecord> rows = csv("associations_by_year.csv");
        Map<Integer, Long> view = new HashMap<>();
        for (List<Object> r : query("select year, sum(registered) from v_association_growth group by year").rows()) {
            view.put(((Number) r.get(0)).intValue(), ((Number) r.get(1)).longValue());
        }

        assertThat(rows).hasSize(11); // 1998..2008, every calendar year
        for (CSVRecord r : rows) {
            int year = Integer.parseInt(r.get("Year"));
            if (lake.hasSnapshot(year)) {
                assertThat(Long.parseLong(r.get("Registered (associations)"))).as("registered in %s", year)
                        .isEqualTo(view.get(year)).isEqualTo(lake.registered(year).size());
            } else {
                assertThat(r.get("Registered (associations)")).as("registered in %s", year).isEmpty();
                assertThat(r.get("Registry snapshot (date)")).isEmpty();
                assertThat(view).doesNotContainKey(year);
            }
        }
        CSVRecord y2006 = rows.get(8);
        assertThat(y2006.get("Registry snapshot (date)")).isEqualTo("2006-12-01"); // the latest of the year's two
        assertThat(Double.parseDouble(y2006.get("Change on previous snapshot (%)")))
                .isCloseTo(100.0 * (lake.registered(2006).size() / (double) lake.registered(2003).size() - 1), offset(1e-3));
        String html = Files.readString(report2008.html());
        assertThat(html).contains("<tr><td class=\"year\">2007</td><td class=\"text absent\">no snapshot</td>"
                + "<td class=\"num absent\">no snapshot</td>");
    }

    @Test
    void newAndDeregisteredCompareWithThePreviousObservedSnapshot() throws Exception {
        CSVRecord y2003 = csv("associations_by_year.csv").get(5);
        List<String> before = lake.registered(1998);
        List<String> now = lake.registered(2003);

        assertThat(y2003.get("Year")).isEqualTo("2003");
        assertThat(Long.parseLong(y2003.get("New (associations)")))
                .isEqualTo(now.stream().filter(a -> !before.contains(a)).count());
        assertThat(Long.parseLong(y2003.get("Deregistered (associations)")))
                .isEqualTo(before.stream().filter(a -> !now.contains(a)).count());
        assertThat(csv("associations_by_year.csv").get(0).get("New (associations)")).isEmpty(); // first snapshot
    }

    @Test
    void usStatesCarryChangeAndCompoundGrowthAndNewDestinationsRankByGrowthSinceTheirFirstClub() throws Exception {
        Map<String, CSVRecord> states = new HashMap<>();
        for (CSVRecord r : csv("associations_by_us_state.csv")) {
            states.put(r.get("US state"), r);
        }
        CSVRecord california = states.get("California (CA)");
        assertThat(california.get("Registered 1998 (associations)")).isEqualTo("24");
        assertThat(california.get("Registered 2008 (associations)")).isEqualTo("38");
        assertThat(Double.parseDouble(california.get("Change 1998\u20132008 (%)"))).isCloseTo(100.0 * (38 / 24.0 - 1), offset(1e-3));
        assertThat(Double.parseDouble(california.get("Compound annual growth 1998\u20132008 (% per year)")))
                .isCloseTo(100.0 * (Math.pow(38 / 24.0, 0.1) - 1), offset(1e-3));
        assertThat(states.get("North Carolina (NC)").get("Compound annual growth 1998\u20132008 (% per year)")).isEmpty();
        assertThat(states.get("All").get("Registered 2008 (associations)"))
                .isEqualTo(Integer.toString(lake.registered(2008).size()));

        List<CSVRecord> fastest = csv("fastest_growing_us_states.csv");
        assertThat(fastest.get(0).get("US state")).isEqualTo("Georgia (GA)"); // 1 in 2003 to 5 in 2008
        assertThat(fastest.get(0).get("Measured from (year)")).isEqualTo("2003");
        assertThat(fastest.get(0).get("Note")).startsWith("new destination");
        assertThat(fastest.get(1).get("US state")).isEqualTo("North Carolina (NC)");
    }

    @Test
    void programNumbersMatchTheInvestmentViewAndTheProjectsDelivered() throws Exception {
        Map<Integer, List<Object>> view = new HashMap<>();
        for (List<Object> r : query("select year, sum(projects), sum(total_mxn), sum(total_mxn_const), sum(total_usd), "
                + "sum(migrant_mxn) from v_project_investment group by year").rows()) {
            view.put(((Number) r.get(0)).intValue(), r);
        }
        List<CSVRecord> rows = csv("program_by_year.csv");

        assertThat(rows).extracting(r -> r.get("Fiscal year")).containsExactly("2005", "2006", "2007", "2008");
        for (CSVRecord r : rows) {
            int year = Integer.parseInt(r.get("Fiscal year"));
            List<Object> v = view.get(year);
            assertThat(Long.parseLong(r.get("Projects (count)"))).isEqualTo(((Number) v.get(1)).longValue())
                    .isEqualTo(lake.countedProjects(year).size());
            assertThat(new BigDecimal(r.get("Investment (MXN, nominal)"))).isEqualByComparingTo((BigDecimal) v.get(2));
            assertThat(new BigDecimal(r.get("Investment (MXN, constant 2008)"))).isEqualByComparingTo((BigDecimal) v.get(3));
            assertThat(new BigDecimal(r.get("Investment (USD)"))).isEqualByComparingTo((BigDecimal) v.get(4));
        }
        BigDecimal delivered = BigDecimal.ZERO;
        for (Object[] p : lake.countedProjects(2008)) {
            delivered = delivered.add(BigDecimal.valueOf((Long) p[ConformedTables.PROJECT.indexOf("total_mxn")], 2));
        }
        assertThat(new BigDecimal(rows.get(3).get("Investment (MXN, nominal)"))).isEqualByComparingTo(delivered);

        CSVRecord shares2008 = csv("program_contributions_by_year.csv").get(3);
        assertThat(new BigDecimal(shares2008.get("Migrants (MXN, nominal)"))).isEqualByComparingTo((BigDecimal) view.get(2008).get(5));
        double migrantShare = Double.parseDouble(shares2008.get("Migrant share (%)"));
        assertThat(migrantShare).isCloseTo(100.0 * ((BigDecimal) view.get(2008).get(5)).doubleValue()
                / ((BigDecimal) view.get(2008).get(2)).doubleValue(), offset(1e-3));
    }

    @Test
    void clubsTakingPartCountRegisteredOnesOnlyInSnapshotYears() throws Exception {
        List<CSVRecord> rows = csv("program_by_year.csv");
        List<Object> clubs2008 = query("select count(distinct association_id) from fact_project_funding "
                + "where year = 2008 and not is_cancelled").rows().get(0);

        CSVRecord y2008 = rows.get(3);
        assertThat(Long.parseLong(y2008.get("Clubs taking part (count)"))).isEqualTo(((Number) clubs2008.get(0)).longValue());
        long registered = lake.countedProjects(2008).stream()
                .map(p -> (String) p[ConformedTables.PROJECT.indexOf("association_id")]).distinct()
                .filter(lake.registered(2008)::contains).count();
        assertThat(Long.parseLong(y2008.get("Registered clubs among them (count)"))).isEqualTo(registered)
                .isLessThan(Long.parseLong(y2008.get("Clubs taking part (count)")));
        assertThat(rows.get(2).get("Registered clubs among them (count)")).isEmpty(); // 2007: no snapshot

        List<CSVRecord> clubs = csv("program_clubs.csv");
        assertThat(clubs).hasSize(Integer.parseInt(y2008.get("Clubs taking part (count)")));
        assertThat(clubs).extracting(r -> r.get("Club")).contains(ReportFixtureLake.AWKWARD_CLUB);
        assertThat(clubs).filteredOn(r -> r.get("Club").startsWith("Club Unidos de Jerez"))
                .allSatisfy(r -> assertThat(r.get("Registered in 2008")).isEqualTo("no"));
    }

    @Test
    void clubNamesAreEscapedInTheTablesAndTheCharts() throws Exception {
        String html = Files.readString(report2008.html());

        assertThat(html).doesNotContain(ReportFixtureLake.AWKWARD_CLUB)
                .contains("<td class=\"text\">Club &quot;Los &lt;Altos&gt;&quot; &amp; Amigos</td>")
                .contains(">Club &quot;Los &lt;Altos&gt;&quot; &amp; Amigos</text>");
    }

    @Test
    void surveyRatesAreTheWeightedRatesOfTheView() throws Exception {
        Map<String, List<Object>> view = new HashMap<>();
        for (List<Object> r : query("select group_value, respondents, weighted_member_rate, weighted_remit_rate, "
                + "member_excluded from v_survey_rates where group_by = 'years_in_us'").rows()) {
            view.put((String) r.get(0), r);
        }
        List<CSVRecord> rows = csv("survey_rates_by_years_in_us.csv");

        assertThat(rows).extracting(r -> r.get("Years in the US"))
                .containsExactly("All respondents", "0-4", "5-9", "10-19", "20+");
        for (CSVRecord r : rows.subList(1, rows.size())) {
            List<Object> v = view.get(r.get("Years in the US"));
            assertThat(Long.parseLong(r.get("Respondents (count)"))).isEqualTo(((Number) v.get(1)).longValue());
            assertThat(Double.parseDouble(r.get("Member of an association (%, weighted)")))
                    .isCloseTo(100 * ((Number) v.get(2)).doubleValue(), offset(1e-4));
            assertThat(Double.parseDouble(r.get("Sends remittances (%, weighted)")))
                    .isCloseTo(100 * ((Number) v.get(3)).doubleValue(), offset(1e-4));
            assertThat(Long.parseLong(r.get("Left out: don't know, refused or blank (count)")))
                    .isEqualTo(((Number) v.get(4)).longValue());
        }
        CSVRecord guanajuato = read(report2008.html().getParent().resolve("survey_rates_by_origin.csv")).stream()
                .filter(r -> r.get("Group").equals("From Guanajuato")).findFirst().orElseThrow();
        assertThat(guanajuato.get("Sends remittances (%, weighted)")).isEqualTo("0.0000");
        // Held against the definition, computed here from the answers that went in.
        assertThat(Double.parseDouble(rows.get(0).get("Member of an association (%, weighted)")))
                .isCloseTo(100 * expectedMemberRate(), offset(1e-4));
    }

    @Test
    void qualityAppendixCountsFilesRejectsUnresolvedNamesAndLinks() throws Exception {
        List<CSVRecord> files = csv("quality_files.csv");
        assertThat(files).hasSize(((Number) query("select count(*) from audit_file_load").rows().get(0).get(0)).intValue());
        assertThat(files).filteredOn(r -> r.get("File").equals("3x1_proyectos_2004.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("Status")).isEqualTo("FAILED"));

        List<CSVRecord> rejects = csv("quality_rejects.csv");
        assertThat(rejects).extracting(r -> r.get("Reason"))
                .containsExactlyInAnyOrder("not an amount", "duplicate FOLIO in the file (also on line 5)",
                        "weight must be positive");

        List<CSVRecord> unresolved = csv("quality_unresolved.csv");
        assertThat(unresolved.get(0).get("Column")).isEqualTo("MUNICIPIO");
        assertThat(unresolved.get(0).get("Rows (count)")).isEqualTo("2");
        assertThat(unresolved.get(0).get("Distinct values (count)")).isEqualTo("1");

        long links = 0;
        for (CSVRecord r : csv("quality_association_links.csv")) {
            links += Long.parseLong(r.get("Records (count)"));
        }
        assertThat(links).isEqualTo(((Number) query("select count(*) from audit_association_link").rows().get(0).get(0)).longValue());
    }

    @Test
    void headlineGrowthIsTheWarehouseGrowthMacro() throws Exception {
        CSVRecord registered = csv("headline_growth.csv").get(0);
        List<Object> macro = query("select from_value, to_value, cagr from growth(1998, 2008) "
                + "where measure = 'registered_associations'").rows().get(0);

        assertThat(registered.get("Measure")).isEqualTo("Registered associations");
        assertThat(new BigDecimal(registered.get("At end (in the unit)")).doubleValue())
                .isEqualTo(((Number) macro.get(1)).doubleValue());
        assertThat(Double.parseDouble(registered.get("Compound annual growth (% per year)")))
                .isCloseTo(100 * ((Number) macro.get(2)).doubleValue(), offset(1e-4));
    }

    @Test
    void aYearWithoutASnapshotSaysSoAndStillReportsTheProgram() throws Exception {
        ReportResult r = new AnnualReport().write(warehouse, 2007, null, dir.resolve("reports-2007"));
        String html = Files.readString(r.html());

        assertThat(html).contains("no registry snapshot in 2007")
                .contains("there is no registry snapshot for 2007, so how many were registered is not known");
        List<CSVRecord> years = read(r.html().getParent().resolve("associations_by_year.csv"));
        assertThat(years.get(0).get("Year")).isEqualTo("1998"); // from the first year with data
        assertThat(years.get(years.size() - 1).get("Registered (associations)")).isEmpty();
    }

    @Test
    void latestYearIsTheLastYearWithRegistryProgramOrSurveyData() {
        assertThat(AnnualReport.latestYear(warehouse)).hasValue(2008);
    }

    @Test
    void rewritingAReportReplacesTheFolderWhole() throws Exception {
        Path reports = dir.resolve("reports-rewrite");
        new AnnualReport().write(warehouse, 2008, 2005, reports);
        Files.writeString(reports.resolve("2008").resolve("stale.csv"), "left over");

        ReportResult again = new AnnualReport().write(warehouse, 2008, 2005, reports);

        assertThat(reports.resolve("2008").resolve("stale.csv")).doesNotExist();
        assertThat(again.html()).exists();
        try (var entries = Files.list(reports)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("2008");
        }
    }

    @Test
    void refusesAMissingWarehouseWithAClearMessage() {
        Path missing = dir.resolve("nowhere.duckdb");
        assertThatThrownBy(() -> new AnnualReport().write(missing, 2008, null, dir.resolve("r")))
                .hasMessageContaining("there is no warehouse at " + missing);
        assertThatThrownBy(() -> new AnnualReport().write(warehouse, 2008, 2009, dir.resolve("r")))
                .hasMessageContaining("first year (2009) is after its year (2008)");
    }

    private static double expectedMemberRate() {
        // The fixture's own rule, restated: see ReportFixtureLake.writeSurvey.
        double yes = 0;
        double answered = 0;
        for (int i = 0; i < 160; i++) {
            String member = i % 23 == 0 ? "DK" : i % 29 == 0 ? "REF" : (i * 7) % 100 < 4 + (i % 4) * 4 ? "Y" : "N";
            double weight = 0.5 + (i % 5) * 0.25;
            if (member.equals("Y")) {
                yes += weight;
            }
            if (member.equals("Y") || member.equals("N")) {
                answered += weight;
            }
        }
        return yes / answered;
    }

    private static QueryResult query(String sql) {
        return WarehouseQuery.run(warehouse, sql);
    }

    private static List<CSVRecord> csv(String name) throws Exception {
        return read(report2008.html().getParent().resolve(name));
    }

    static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
