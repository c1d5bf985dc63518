package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.HorizontalBarChart;
import org.oriundos.warehouse.report.render.LineChart;
import org.oriundos.warehouse.report.render.NumberText;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Section 2: the 3x1 Program for Migrants: projects and investment per year, by origin state and
 * by category, in nominal pesos, constant pesos and dollars; who paid (migrants against the
 * federal, state and municipal governments); and the clubs taking part.
 */
final class ProgramSection {
    private static final double MILLION = 1_000_000d;
    private static final int CLUBS_IN_CHART = 15;

    private final WarehouseReader reader;
    private final ReportPeriod period;

    ProgramSection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section("program", "The 3x1 Program for Migrants");
        page.paragraph("Projects of a fiscal year are the 3x1 projects of that year in the latest delivery, "
                + "cancelled projects left out. Amounts are in pesos of their year (nominal), in constant pesos of "
                + "the base year (deflated with the yearly mean INPC) and in US dollars (at the year's mean FIX "
                + "rate). Clubs taking part are the distinct associations named on the year's projects; the "
                + "registered ones among them are those listed in that year's registry snapshot.");
        List<Row> years = reader.query("program_by_year", period.from(), period.to());
        if (years.isEmpty()) {
            page.empty("The warehouse holds no 3x1 projects for " + period.label() + ".");
            return;
        }
        int baseYear = years.get(0).integer("base_year");
        writeYears(page, years, baseYear);
        writeShares(page, years);
        writeOriginStates(page, baseYear);
        writeCategories(page, baseYear);
        writeClubs(page);
    }

    private void writeYears(ReportPage page, List<Row> years, int baseYear) {
        List<String> labels = new ArrayList<>();
        List<Double> projects = new ArrayList<>();
        List<Double> nominal = new ArrayList<>();
        List<Double> constant = new ArrayList<>();
        List<Double> clubs = new ArrayList<>();
        List<Double> registeredClubs = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : years) {
            int year = r.integer("year");
            labels.add(Integer.toString(year));
            projects.add(r.count("projects").doubleValue());
            nominal.add(r.money("total_mxn").doubleValue() / MILLION);
            constant.add(r.money("total_mxn_const").doubleValue() / MILLION);
            clubs.add(r.count("clubs").doubleValue());
            Long registered = r.count("registered_clubs");
            registeredClubs.add(registered == null ? null : registered.doubleValue());
            rows.add(row(year, r.count("projects"), r.count("clubs"),
                    registered == null ? Absent.NO_SNAPSHOT : registered, r.money("total_mxn"),
                    r.money("total_mxn_const"), r.money("total_usd")));
        }
        page.subheading("Projects and investment per year");
        page.chart(new BarChart("3x1 projects and the clubs taking part, per year", "Fiscal year", "Count",
                labels, List.of(new Series("Projects", projects), new Series("Clubs taking part", clubs),
                        new Series("Registered clubs among them", registeredClubs)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, "no snapshot"),
                "Registered clubs can only be counted in years with a registry snapshot.");
        page.chart(new LineChart("3x1 investment per year, million pesos", "Fiscal year", "Million pesos (MXN)",
                labels, List.of(new Series("Nominal pesos", nominal),
                        new Series("Constant pesos of " + baseYear, constant)),
                ValueFormat.DECIMAL, "no data", false),
                "Total investment (migrant, federal, state, municipal and other partners) of the year's projects.");
        page.table(new ReportTable("program_by_year.csv", "3x1 projects, clubs and investment per year",
                List.of(TableColumn.year("Fiscal year"), TableColumn.count("Projects (count)"),
                        TableColumn.count("Clubs taking part (count)"),
                        TableColumn.count("Registered clubs among them (count)"),
                        TableColumn.money("Investment (MXN, nominal)"),
                        TableColumn.money("Investment (MXN, constant " + baseYear + ")"),
                        TableColumn.money("Investment (USD)")),
                rows, "Cancelled projects are left out. Only fiscal years with 3x1 data in the warehouse are listed."));
    }

    private void writeShares(ReportPage page, List<Row> years) {
        String[][] parts = {{"migrant_mxn", "Migrants"}, {"federal_mxn", "Federal government"},
            {"state_mxn", "State government"}, {"municipal_mxn", "Municipal government"},
            {"other_mxn", "Other partners"}};
        List<String> labels = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            values.add(new ArrayList<>());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : years) {
            labels.add(Integer.toString(r.integer("year")));
            BigDecimal total = r.money("total_mxn");
            List<Object> row = new ArrayList<>();
            row.add(r.integer("year"));
            for (int i = 0; i < parts.length; i++) {
                BigDecimal part = r.money(parts[i][0]);
                values.get(i).add(part.doubleValue() / MILLION);
                row.add(part);
            }
            for (int i = 0; i < 4; i++) {
                row.add(share(r.money(parts[i][0]), total));
            }
            rows.add(row);
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            series.add(new Series(parts[i][1], values.get(i)));
        }
        page.subheading("Who paid: the migrant share against the government shares");
        page.chart(new BarChart("3x1 investment by contributor, million pesos (nominal)", "Fiscal year",
                "Million pesos (MXN, nominal)", labels, series, BarChart.Layout.STACKED, ValueFormat.DECIMAL, "no data"),
                "Each peso from migrants is matched by the federal, state and municipal governments (1:1:1:1); some "
                        + "states add a private partner.");
        page.table(new ReportTable("program_contributions_by_year.csv", "3x1 investment by contributor per year",
                List.of(TableColumn.year("Fiscal year"), TableColumn.money("Migrants (MXN, nominal)"),
                        TableColumn.money("Federal (MXN, nominal)"), TableColumn.money("State (MXN, nominal)"),
                        TableColumn.money("Municipal (MXN, nominal)"), TableColumn.money("Other partners (MXN, nominal)"),
                        TableColumn.percent("Migrant share (%)"), TableColumn.percent("Federal share (%)"),
                        TableColumn.percent("State share (%)"), TableColumn.percent("Municipal share (%)")),
                rows, "Shares are of the year's total investment, other partners included."));
    }

    private void writeOriginStates(ReportPage page, int baseYear) {
        int year = period.to();
        List<Row> states = reader.query("program_by_origin_state", period.from(), period.to());
        page.subheading("By Mexican state of origin");
        if (states.isEmpty()) {
            page.empty("No 3x1 projects in " + period.label() + ".");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : states) {
            if (r.count("projects") > 0) {
                labels.add(r.text("origin_state"));
                values.add(r.money("total_mxn").doubleValue() / MILLION);
            }
            rows.add(row(r.text("origin_state"), r.count("projects"), r.money("total_mxn"), r.money("total_mxn_const"),
                    r.money("total_usd"), r.count("projects") > 0 ? share(r.money("migrant_mxn"), r.money("total_mxn"))
                            : Absent.NOT_DEFINED,
                    r.count("period_projects"), r.money("period_total_mxn_const")));
        }
        if (labels.isEmpty()) {
            page.empty("No 3x1 projects in " + year + "; the table shows the period's totals.");
        } else {
            page.chart(new HorizontalBarChart("3x1 investment by Mexican state of origin, " + year,
                    "Million pesos (MXN, nominal)", "Mexican state of origin", labels,
                    new Series("Investment " + year + " (million MXN, nominal)", values), ValueFormat.DECIMAL),
                    "States where the " + year + " projects were built.");
        }
        page.table(new ReportTable("program_by_origin_state.csv", "3x1 projects and investment by Mexican state of origin",
                List.of(TableColumn.text("Mexican state of origin"), TableColumn.count("Projects " + year + " (count)"),
                        TableColumn.money("Investment " + year + " (MXN, nominal)"),
                        TableColumn.money("Investment " + year + " (MXN, constant " + baseYear + ")"),
                        TableColumn.money("Investment " + year + " (USD)"),
                        TableColumn.percent("Migrant share " + year + " (%)"),
                        TableColumn.count("Projects " + period.label() + " (count)"),
                        TableColumn.money("Investment " + period.label() + " (MXN, constant " + baseYear + ")")),
                rows, "Period totals are in constant pesos so that years add up."));
    }

    private void writeCategories(ReportPage page, int baseYear) {
        int year = period.to();
        List<Row> categories = reader.query("program_by_category", period.from(), period.to());
        page.subheading("By project category, " + year);
        if (categories.isEmpty()) {
            page.empty("No 3x1 projects in " + year + ".");
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : categories) {
            total = total.add(r.money("total_mxn"));
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : categories) {
            labels.add(r.text("category"));
            values.add(r.money("total_mxn").doubleValue() / MILLION);
            rows.add(row(r.text("category"), r.count("projects"), r.money("total_mxn"), r.money("total_mxn_const"),
                    r.money("total_usd"), share(r.money("total_mxn"), total)));
        }
        page.chart(new HorizontalBarChart("3x1 investment by project category, " + year, "Million pesos (MXN, nominal)",
                "Project category", labels, new Series("Investment " + year + " (million MXN, nominal)", values),
                ValueFormat.DECIMAL), "Categories as SEDESOL classifies them (CATEGORIA, or matched from the work type).");
        page.table(new ReportTable("program_by_category.csv", "3x1 projects and investment by category, " + year,
                List.of(TableColumn.text("Project category"), TableColumn.count("Projects (count)"),
                        TableColumn.money("Investment (MXN, nominal)"),
                        TableColumn.money("Investment (MXN, constant " + baseYear + ")"),
                        TableColumn.money("Investment (USD)"), TableColumn.percent("Share of investment (%)")),
                rows, ""));
    }

    private void writeClubs(ReportPage page) {
        int year = period.to();
        List<Row> clubs = reader.query("program_clubs", period.from(), period.to());
        page.subheading("Clubs taking part, " + year);
        if (clubs.isEmpty()) {
            page.empty("No club took part in 3x1 projects in " + year + ".");
            return;
        }
        boolean snapshot = period.year(year).hasSnapshot();
        long registered = 0;
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : clubs) {
            Boolean isRegistered = r.bool("registered");
            if (Boolean.TRUE.equals(isRegistered)) {
                registered++;
            }
            String name = r.text("name") == null ? r.text("association_id") : r.text("name");
            if (labels.size() < CLUBS_IN_CHART) {
                labels.add(name);
                values.add(r.money("total_mxn").doubleValue() / MILLION);
            }
            rows.add(row(name, r.text("origin_state"), r.text("us_state"),
                    isRegistered == null ? Absent.NO_SNAPSHOT : (isRegistered ? "yes" : "no"),
                    r.count("projects_3x1"), r.money("total_mxn"), r.money("migrant_mxn")));
        }
        page.paragraph(NumberText.count(clubs.size()) + " clubs took part in 3x1 projects in " + year + "; "
                + (snapshot ? NumberText.count(registered) + " of them were in that year's registry snapshot."
                        : "there is no registry snapshot for " + year + ", so how many were registered is not known."));
        page.chart(new HorizontalBarChart("The " + labels.size() + " clubs with the largest 3x1 investment, " + year,
                "Million pesos (MXN, nominal)", "Club", labels,
                new Series("Investment in the club's projects (million MXN, nominal)", values), ValueFormat.DECIMAL),
                "Club names as the association dimension holds them.");
        page.table(new ReportTable("program_clubs.csv", "Clubs taking part in 3x1, " + year + ", by investment",
                List.of(TableColumn.text("Club"), TableColumn.text("Mexican state of origin"),
                        TableColumn.text("US state"), TableColumn.text("Registered in " + year),
                        TableColumn.count("Projects (count)"), TableColumn.money("Investment (MXN, nominal)"),
                        TableColumn.money("Migrant contribution (MXN, nominal)")),
                rows, "Registered: listed in the " + year + " registry snapshot. Being named on a 3x1 project does not "
                + "make a club registered."));
    }

    private static Object share(BigDecimal part, BigDecimal total) {
        if (total == null || total.signum() == 0) {
            return Absent.NOT_DEFINED;
        }
        return part.divide(total, MathContext.DECIMAL64).doubleValue();
    }
}
