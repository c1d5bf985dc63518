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
import org.oriundos.warehouse.report.render.Language;
import org.oriundos.warehouse.report.render.SvgTextBounds;

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
    static ReportResult spanish2008;

    @BeforeAll
    static void buildWarehouseAndReport() {
        lake = ReportFixtureLake.writeTo(dir.resolve("lake"));
        warehouse = ReportWarehouse.build(lake, dir);
        report2008 = new AnnualReport().write(warehouse, 2008, 1998, dir.resolve("reports"));
        spanish2008 = new AnnualReport().write(warehouse, 2008, 1998, dir.resolve("reports-es"),
                ReportOptions.of("es", INSTITUTION));
    }

    static final String INSTITUTION = "Instituto de los Mexicanos en el Exterior";

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
            assertThat(Long.parseLong(r.get("Membership: don't know (count)")) + Long.parseLong(r.get("Membership: refused (count)"))
                    + Long.parseLong(r.get("Membership: blank (count)"))).isEqualTo(((Number) v.get(4)).longValue());
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
                .satisfies(r -> assertThat(r.get("Status")).isEqualTo("Refused"));

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

        assertThat(registered.get("Measure (unit)")).isEqualTo("Registered associations (count)");
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

    @Test
    void noChartLabelIsCutOffInEitherLanguage() throws Exception {
        for (ReportResult r : List.of(report2008, spanish2008)) {
            List<String> svgs = SvgTextBounds.svgsIn(Files.readString(r.html()));
            assertThat(svgs).hasSizeGreaterThanOrEqualTo(15);
            List<String> problems = new ArrayList<>();
            for (String svg : svgs) {
                problems.addAll(SvgTextBounds.problems(svg));
            }
            assertThat(problems).as("chart texts cut off or outside their chart in " + r.html()).isEmpty();
        }
    }

    @Test
    void theSpanishReportWritesEveryLabelCaptionNoteAndNumberInSpanish() throws Exception {
        String html = Files.readString(spanish2008.html());

        assertThat(html).contains("<html lang=\"es\">", "<h2>Contenido</h2>", "<h2>1. Resumen</h2>", "Cuadro 1.",
                "Figura 1.", "sin corte", "Asociaciones registradas por año");
        // numbers as Spanish writes them: groups of three apart, a decimal comma, a space before %
        assertThat(html).containsPattern("\\d\u00a0\\d{3}\u00a0\\d{3}<").containsPattern("[+\u2212]?\\d+,\\d\u00a0%");
        assertThat(html).doesNotContainPattern(">[+\u2212]?\\d{1,3}(,\\d{3})+<").doesNotContainPattern("\\d\\.\\d%");
        // no sentence of the English report is left in the Spanish one
        List<String> english = new ArrayList<>();
        for (String key : ReportText.keys(Language.EN)) {
            String en = ReportText.message(Language.EN, key);
            String es = ReportText.message(Language.ES, key);
            if (en.equals(es)) {
                continue; // "Club", "Total", codes shared by both
            }
            for (String fragment : en.split("\\{\\d+\\}")) {
                String text = org.oriundos.warehouse.report.render.Html.escape(fragment.strip());
                if (text.length() >= 16 && html.contains(text)) {
                    english.add(key + ": " + text);
                }
            }
        }
        assertThat(english).as("English text in the Spanish report").isEmpty();
        // countries of birth, which the survey writes in English, are named in Spanish
        assertThat(read(spanish2008.html().getParent().resolve("survey_rates_by_origin.csv")).stream()
                .map(r -> r.get("Grupo"))).contains("Nacidas en México").doesNotContain("Nacidas en Mexico");
        // the tables' CSVs carry the page's Spanish headers and the same numbers as the English ones
        CSVRecord headline = read(spanish2008.html().getParent().resolve("headline_growth.csv")).get(0);
        assertThat(headline.getParser().getHeaderNames()).startsWith("Indicador (unidad)", "Desde (año)");
        for (String csv : List.of("program_by_year.csv", "associations_by_year.csv", "survey_rates_by_years_in_us.csv")) {
            List<CSVRecord> es = read(spanish2008.html().getParent().resolve(csv));
            List<CSVRecord> en = csv(csv);
            assertThat(es).hasSameSizeAs(en);
            for (int i = 0; i < es.size(); i++) {
                for (int c = 0; c < en.get(i).size(); c++) {
                    if (en.get(i).get(c).matches("-?[0-9.]+")) {
                        assertThat(es.get(i).get(c)).as("%s row %d column %d", csv, i, c).isEqualTo(en.get(i).get(c));
                    }
                }
            }
        }
    }

    @Test
    void categoriesCarryTheirHumanLabelsInBothLanguages() throws Exception {
        List<String> en = csv("program_by_category.csv").stream().map(r -> r.get("Project category")).toList();
        List<String> es = read(spanish2008.html().getParent().resolve("program_by_category.csv")).stream()
                .map(r -> r.get("Tipo de proyecto")).toList();

        assertThat(en).isNotEmpty().doesNotContain("PAVIMENTACION", "AGUA POTABLE", "CENTRO COMUNITARIO")
                .allSatisfy(label -> assertThat(label).matches("[A-Z][a-z].*"));
        assertThat(en).contains("Paving");
        assertThat(es).contains("Pavimentación");
        assertThat(Files.readString(spanish2008.html())).contains(">Pavimentación</text>").doesNotContain(">PAVIMENTACION<");
    }

    @Test
    void theHeadlineGivesThePeakTheChangeSinceAndTheLastFiveYears() throws Exception {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : csv("headline_growth.csv")) {
            rows.put(r.get("Measure (unit)"), r);
        }
        CSVRecord registered = rows.get("Registered associations (count)");
        List<Object> peak = query("select first(year order by value desc, year), max(value) from agg_year_measures "
                + "where measure = 'registered_associations' and year between 1998 and 2008").rows().get(0);
        assertThat(registered.get("Peak (year)")).isEqualTo(peak.get(0).toString());
        assertThat(new BigDecimal(registered.get("At peak (in the unit)"))).isEqualByComparingTo((BigDecimal) peak.get(1));
        // the snapshots are 1998, 2003, 2006 and 2008: the last five years start at 2003
        assertThat(registered.get("5 years before (year)")).isEqualTo("2003");
        BigDecimal recent = (BigDecimal) query("select change from growth(2003, 2008) "
                + "where measure = 'registered_associations'").rows().get(0).get(0);
        assertThat(Double.parseDouble(registered.get("Change over the last 5 years (%)")))
                .isCloseTo(100 * recent.doubleValue(), offset(1e-4));

        CSVRecord investment = rows.get("3x1 investment (MXN, constant 2008 pesos)");
        List<Object> investmentPeak = query("select first(year order by value desc, year), max(value) from "
                + "agg_year_measures where measure = 'total_mxn_const' and year between 1998 and 2008").rows().get(0);
        assertThat(investment.get("Peak (year)")).isEqualTo(investmentPeak.get(0).toString());
        double since = new BigDecimal(investment.get("At end (in the unit)")).doubleValue()
                / ((BigDecimal) investmentPeak.get(1)).doubleValue() - 1;
        assertThat(Double.parseDouble(investment.get("Change since the peak (%)"))).isCloseTo(100 * since, offset(1e-3));
        // 3x1 data start in 2005: no year five years before 2008, so no figure rather than a wrong one
        assertThat(investment.get("5 years before (year)")).isEmpty();
        assertThat(investment.get("Change over the last 5 years (%)")).isEmpty();
    }

    @Test
    void aLatestFiscalYearThatLooksIncompleteIsFlaggedInTheHeadline() throws Exception {
        String html = Files.readString(report2008.html());
        long approved = lake.countedProjects(2008).stream()
                .filter(p -> "APROBADO".equals(p[ConformedTables.PROJECT.indexOf("status")])).count();
        String share = org.oriundos.warehouse.report.render.NumberText.ENGLISH
                .percent((double) approved / lake.countedProjects(2008).size());

        assertThat(html).contains("<p class=\"callout\">The latest fiscal year, 2008, looks incomplete: " + share
                + " of its projects are still only approved (APROBADO)");
        assertThat(csv("headline_growth.csv").get(0).getParser().getHeaderNames()).contains("Peak (year)");
        assertThat(Files.readString(spanish2008.html())).contains("El último ejercicio fiscal, 2008, parece incompleto");
        // 2007's projects were all under way or concluded, and it grew on 2006: nothing to flag
        ReportResult r2007 = new AnnualReport().write(warehouse, 2007, null, dir.resolve("reports-2007-flag"));
        assertThat(Files.readString(r2007.html())).doesNotContain("looks incomplete").doesNotContain("class=\"callout\"");
    }

    @Test
    void aLatestFiscalYearWhoseInvestmentDropsSharplyIsFlaggedEvenWhenNothingIsStillOnlyApproved() throws Exception {
        // 2008 as a night that has only part of its deliveries: every project it has is under way,
        // but two in three are not in yet
        Path copy = dir.resolve("with-drop").resolve("oriundos.duckdb");
        Files.createDirectories(copy.getParent());
        Files.copy(warehouse, copy);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + copy); var st = c.createStatement()) {
            st.execute("update fact_project_funding set status = 'EN EJECUCION' where year = 2008 and not is_cancelled");
            st.execute("delete from fact_project_funding where year = 2008 and not is_cancelled and source_line % 3 <> 0");
        }
        List<Object> sums = WarehouseQuery.run(copy, "select sum(total_mxn_const) filter (where year = 2008), "
                + "sum(total_mxn_const) filter (where year = 2007) from fact_project_funding where not is_cancelled")
                .rows().get(0);
        double drop = 1 - ((BigDecimal) sums.get(0)).doubleValue() / ((BigDecimal) sums.get(1)).doubleValue();
        assertThat(drop).as("the fixture's drop").isGreaterThan(0.25);

        String en = Files.readString(new AnnualReport().write(copy, 2008, 1998, dir.resolve("reports-drop")).html());
        String es = Files.readString(new AnnualReport().write(copy, 2008, 1998, dir.resolve("reports-drop-es"),
                ReportOptions.of("es", INSTITUTION)).html());

        String expected = "The latest fiscal year, 2008, looks incomplete: its investment in constant pesos is "
                + org.oriundos.warehouse.report.render.NumberText.ENGLISH.percent(drop) + " below 2007";
        assertThat(en).contains("<p class=\"callout\">" + org.oriundos.warehouse.report.render.Html.escape(expected));
        Matcher callout = Pattern.compile("<p class=\"callout\">([^<]*)</p>").matcher(en);
        assertThat(callout.find()).isTrue();
        assertThat(callout.group(1)).as("the only reason is the drop").doesNotContain("APROBADO");
        assertThat(es).contains("El último ejercicio fiscal, 2008, parece incompleto: su inversión en pesos constantes es "
                + org.oriundos.warehouse.report.render.NumberText.SPANISH.percent(drop) + " menor que la de 2007");
        // the headline table's note says so too
        assertThat(en).containsPattern("<p class=\"note\">[^<]*looks incomplete: its investment");
    }

    @Test
    void surveyTablesKeepDontKnowRefusedAndBlankApartAndFlagSmallGroups() throws Exception {
        Map<String, List<Object>> view = new HashMap<>();
        for (List<Object> r : query("select group_value, member_dk, member_ref, member_blank, remit_dk, remit_ref, "
                + "remit_blank, small_n from v_survey_rates where group_by = 'country_of_birth'").rows()) {
            view.put((String) r.get(0), r);
        }
        List<CSVRecord> rows = csv("survey_rates_by_origin.csv");
        for (String country : view.keySet()) {
            CSVRecord r = rows.stream().filter(x -> x.get("Group").equals("Born in " + country)).findFirst().orElseThrow();
            List<Object> v = view.get(country);
            assertThat(List.of(r.get("Membership: don't know (count)"), r.get("Membership: refused (count)"),
                    r.get("Membership: blank (count)"), r.get("Remittances: don't know (count)"),
                    r.get("Remittances: refused (count)"), r.get("Remittances: blank (count)")))
                    .containsExactly(v.subList(1, 7).stream().map(Object::toString).toArray(String[]::new));
            assertThat(r.get("Fewer than 30 answers")).isEqualTo(Boolean.TRUE.equals(v.get(7)) ? "yes" : "no");
        }
        assertThat(view.get("El Salvador").get(7)).as("16 respondents: a small group").isEqualTo(true);
        assertThat(view.get("Mexico").get(7)).isEqualTo(false);
        assertThat(((Number) query("select sum(member_blank) from v_survey_rates where group_by = 'all'").rows()
                .get(0).get(0)).longValue()).isPositive();
    }

    @Test
    void captionsSpanTheYearsOfTheirDataNotThePeriod() throws Exception {
        String html = Files.readString(report2008.html());

        // the 3x1 data start in 2005, the survey is of 2006; the period starts in 1998
        assertThat(html).contains("3x1 projects, clubs and investment per year, 2005\u20132008")
                .contains("Weighted rates by years in the US, 2006 ")
                .doesNotContain("3x1 projects, clubs and investment per year, 1998");
        assertThat(csv("program_by_origin_state.csv").get(0).getParser().getHeaderNames())
                .contains("Projects 2005\u20132008 (count)").noneMatch(h -> h.contains("1998"));
    }

    @Test
    void theTitleBlockNamesTheInstitutionAndTheVersionOfOriundos() throws Exception {
        String html = Files.readString(spanish2008.html());

        assertThat(html).contains("<p class=\"institution\">" + INSTITUTION + "</p>")
                .containsPattern("<dt>Elaborado con</dt><dd>oriundos \\d+\\.\\d+\\.\\d+")
                .doesNotContain("versión no registrada");
        assertThat(Files.readString(report2008.html())).doesNotContain("class=\"institution\"")
                .containsPattern("<dt>Produced with</dt><dd>oriundos \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void theMethodNoteSaysHowAssociationsAreIdentifiedAndWhereTheReviewListStands() throws Exception {
        assertThat(Files.readString(report2008.html())).contains("How associations are identified")
                .contains("Fellegi–Sunter").contains("never given to one of them by order")
                .containsPattern("The review list holds \\d+ records the model could not decide\\.");

        // the size counts records, not candidate rows: two candidates of one record are one record
        Path copy = dir.resolve("with-review").resolve("oriundos.duckdb");
        Files.createDirectories(copy.getParent());
        Files.copy(warehouse, copy);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + copy); var st = c.createStatement()) {
            st.execute("create or replace view audit_association_review as select * from (values "
                    + "('projects', '2008', 'F1', 1), ('projects', '2008', 'F1', 2), ('projects', '2008', 'F2', 1), "
                    + "('survey', 'LNS_2006', 'r1', 1)) t(source_table, period, source_record_id, candidate_rank)");
        }
        ReportResult r = new AnnualReport().write(copy, 2008, 1998, dir.resolve("reports-review"));
        assertThat(Files.readString(r.html())).contains("The review list holds 3 records the model could not decide.");

        // a warehouse without the view says the size is not shown, never a number
        Path without = dir.resolve("without-review").resolve("oriundos.duckdb");
        Files.createDirectories(without.getParent());
        Files.copy(warehouse, without);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + without); var st = c.createStatement()) {
            st.execute("drop view audit_association_review");
        }
        ReportResult w = new AnnualReport().write(without, 2008, 1998, dir.resolve("reports-without-review"));
        assertThat(Files.readString(w.html()))
                .contains("This warehouse does not publish the review list, so its size is not shown.")
                .doesNotContain("The review list holds");
    }

    @Test
    void rejectedRowsAreVisibleInTheQualityFigure() throws Exception {
        String svg = SvgTextBounds.svgsIn(Files.readString(report2008.html())).stream()
                .filter(s -> s.contains("aria-label=\"Rows rejected per source, current deliveries\"")).findFirst()
                .orElseThrow();
        List<Object> projects = query("select sum(rows_rejected), sum(rows_read) from audit_file_load "
                + "where is_current and source_table = 'projects'").rows().get(0);
        long rejected = ((Number) projects.get(0)).longValue();

        assertThat(rejected).isPositive();
        Matcher bar = Pattern.compile("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"[0-9.]+\" fill=\"[^\"]+\">"
                + "<title>3x1 projects: [^<]*" + rejected + " of ").matcher(svg);
        assertThat(bar.find()).as("a bar for the projects' rejected rows").isTrue();
        assertThat(Double.parseDouble(bar.group(1))).as("its width in px").isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void registeredClubsAmongThoseTakingPartAreTheClubParticipationView() throws Exception {
        Map<Integer, List<Object>> view = new HashMap<>();
        for (List<Object> r : query("select year, clubs_3x1, registered_clubs_3x1 from v_club_participation").rows()) {
            view.put(((Number) r.get(0)).intValue(), r);
        }
        for (CSVRecord r : csv("program_by_year.csv")) {
            List<Object> v = view.get(Integer.parseInt(r.get("Fiscal year")));
            assertThat(r.get("Clubs taking part (count)")).isEqualTo(v.get(1).toString());
            assertThat(r.get("Registered clubs among them (count)")).isEqualTo(v.get(2) == null ? "" : v.get(2).toString());
        }
    }

    private static double expectedMemberRate() {
        // The fixture's own rule, restated: see ReportFixtureLake.writeSurvey.
        double yes = 0;
        double answered = 0;
        for (int i = 0; i < 160; i++) {
            String member = i % 23 == 0 ? "DK" : i % 29 == 0 ? "REF" : i % 37 == 0 ? null
                    : (i * 7) % 100 < 4 + (i % 4) * 4 ? "Y" : "N";
            double weight = 0.5 + (i % 5) * 0.25;
            if ("Y".equals(member)) {
                yes += weight;
            }
            if ("Y".equals(member) || "N".equals(member)) {
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
