package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.HorizontalBarChart;
import org.oriundos.warehouse.report.render.LineChart;
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
    private final ReportText t;

    ProgramSection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("program", t.t("program.heading"));
        page.paragraph(t.t("program.intro"));
        List<Row> years = reader.query("program_by_year", period.from(), period.to());
        if (years.isEmpty()) {
            page.empty(t.t("program.empty", period.label()));
            return;
        }
        int baseYear = years.get(0).integer("base_year");
        // 3x1 tables span the fiscal years with projects (2002 on), not the period's first year
        String span = period.label(period.projectYears());
        writeYears(page, years, baseYear, span);
        writeShares(page, years, span);
        writeOriginStates(page, baseYear, span);
        writeCategories(page, baseYear);
        writeClubs(page);
    }

    private void writeYears(ReportPage page, List<Row> years, int baseYear, String span) {
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
                    registered == null ? t.noSnapshot() : registered, r.money("total_mxn"),
                    r.money("total_mxn_const"), r.money("total_usd")));
        }
        page.subheading(t.t("program.years.heading"));
        page.chart(new BarChart(t.t("program.years.chart", span), t.t("axis.fiscal_year"), t.t("axis.count"),
                labels, List.of(new Series(t.t("series.projects"), projects), new Series(t.t("series.clubs"), clubs),
                        new Series(t.t("series.registered_clubs"), registeredClubs)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, t.noSnapshot().reason()),
                t.t("program.years.caption"));
        page.chart(new LineChart(t.t("program.investment.chart", span), t.t("axis.fiscal_year"),
                t.t("axis.million_pesos"), labels, List.of(new Series(t.t("series.nominal"), nominal),
                        new Series(t.t("series.constant", baseYear), constant)),
                ValueFormat.DECIMAL, t.t("absent.no_data"), false),
                t.t("program.investment.caption"));
        page.table(new ReportTable("program_by_year.csv", t.t("program.years.table", span),
                List.of(TableColumn.year(t.t("col.fiscal_year")), TableColumn.count(t.t("col.projects")),
                        TableColumn.count(t.t("col.clubs")), TableColumn.count(t.t("col.registered_clubs")),
                        TableColumn.money(t.t("col.investment_nominal")),
                        TableColumn.money(t.t("col.investment_constant", baseYear)),
                        TableColumn.money(t.t("col.investment_usd"))),
                rows, t.t("program.years.note")));
    }

    private void writeShares(ReportPage page, List<Row> years, String span) {
        String[] parts = {"migrant_mxn", "federal_mxn", "state_mxn", "municipal_mxn", "other_mxn"};
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
                BigDecimal part = r.money(parts[i]);
                values.get(i).add(part.doubleValue() / MILLION);
                row.add(part);
            }
            for (int i = 0; i < 4; i++) {
                row.add(share(r.money(parts[i]), total));
            }
            rows.add(row);
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            series.add(new Series(t.t("contributor." + parts[i]), values.get(i)));
        }
        page.subheading(t.t("program.shares.heading"));
        page.chart(new BarChart(t.t("program.shares.chart", span), t.t("axis.fiscal_year"),
                t.t("axis.million_pesos_nominal"), labels, series, BarChart.Layout.STACKED, ValueFormat.DECIMAL,
                t.t("absent.no_data")),
                t.t("program.shares.caption"));
        List<TableColumn> columns = new ArrayList<>();
        columns.add(TableColumn.year(t.t("col.fiscal_year")));
        for (String part : parts) {
            columns.add(TableColumn.money(t.t("col.contribution." + part)));
        }
        for (int i = 0; i < 4; i++) {
            columns.add(TableColumn.percent(t.t("col.share." + parts[i])));
        }
        page.table(new ReportTable("program_contributions_by_year.csv", t.t("program.shares.table", span), columns,
                rows, t.t("program.shares.note")));
    }

    private void writeOriginStates(ReportPage page, int baseYear, String span) {
        int year = period.to();
        List<Row> states = reader.query("program_by_origin_state", period.from(), period.to());
        page.subheading(t.t("program.origin.heading"));
        if (states.isEmpty()) {
            page.empty(t.t("program.origin.empty", period.label()));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : states) {
            String state = t.place(r.text("origin_state"));
            if (r.count("projects") > 0) {
                labels.add(state);
                values.add(r.money("total_mxn").doubleValue() / MILLION);
            }
            rows.add(row(state, r.count("projects"), r.money("total_mxn"), r.money("total_mxn_const"),
                    r.money("total_usd"), r.count("projects") > 0 ? share(r.money("migrant_mxn"), r.money("total_mxn"))
                            : t.notDefined(),
                    r.count("period_projects"), r.money("period_total_mxn_const")));
        }
        if (labels.isEmpty()) {
            page.empty(t.t("program.origin.none_in_year", year));
        } else {
            page.chart(new HorizontalBarChart(t.t("program.origin.chart", year), t.t("axis.million_pesos_nominal"),
                    t.t("axis.origin_state"), labels, new Series(t.t("series.investment_in", year), values),
                    ValueFormat.DECIMAL),
                    t.t("program.origin.caption", year));
        }
        page.table(new ReportTable("program_by_origin_state.csv", t.t("program.origin.table", year, span),
                List.of(TableColumn.text(t.t("col.origin_state")), TableColumn.count(t.t("col.projects_in", year)),
                        TableColumn.money(t.t("col.investment_nominal_in", year)),
                        TableColumn.money(t.t("col.investment_constant_in", year, baseYear)),
                        TableColumn.money(t.t("col.investment_usd_in", year)),
                        TableColumn.percent(t.t("col.migrant_share_in", year)),
                        TableColumn.count(t.t("col.projects_in", span)),
                        TableColumn.money(t.t("col.investment_constant_in", span, baseYear))),
                rows, t.t("program.origin.note", span)));
    }

    private void writeCategories(ReportPage page, int baseYear) {
        int year = period.to();
        List<Row> categories = reader.query("program_by_category", period.from(), period.to());
        page.subheading(t.t("program.category.heading", year));
        if (categories.isEmpty()) {
            page.empty(t.t("program.category.empty", year));
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
            String category = t.category(r.text("category"));
            labels.add(category);
            values.add(r.money("total_mxn").doubleValue() / MILLION);
            rows.add(row(category, r.count("projects"), r.money("total_mxn"), r.money("total_mxn_const"),
                    r.money("total_usd"), share(r.money("total_mxn"), total)));
        }
        page.chart(new HorizontalBarChart(t.t("program.category.chart", year), t.t("axis.million_pesos_nominal"),
                t.t("axis.category"), labels, new Series(t.t("series.investment_in", year), values), ValueFormat.DECIMAL),
                t.t("program.category.caption"));
        page.table(new ReportTable("program_by_category.csv", t.t("program.category.table", year),
                List.of(TableColumn.text(t.t("col.category")), TableColumn.count(t.t("col.projects")),
                        TableColumn.money(t.t("col.investment_nominal")),
                        TableColumn.money(t.t("col.investment_constant", baseYear)),
                        TableColumn.money(t.t("col.investment_usd")), TableColumn.percent(t.t("col.share_of_investment"))),
                rows, ""));
    }

    private void writeClubs(ReportPage page) {
        int year = period.to();
        List<Row> clubs = reader.query("program_clubs", period.from(), period.to());
        page.subheading(t.t("program.clubs.heading", year));
        if (clubs.isEmpty()) {
            page.empty(t.t("program.clubs.empty", year));
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
            rows.add(row(name, t.place(r.text("origin_state")), t.place(r.text("us_state")),
                    isRegistered == null ? t.noSnapshot() : (isRegistered ? t.t("label.yes") : t.t("label.no")),
                    r.count("projects_3x1"), r.money("total_mxn"), r.money("migrant_mxn")));
        }
        page.paragraph(snapshot ? t.t("program.clubs.sentence", t.count(clubs.size()), year, t.count(registered))
                : t.t("program.clubs.sentence_no_snapshot", t.count(clubs.size()), year));
        page.chart(new HorizontalBarChart(t.t("program.clubs.chart", labels.size(), year),
                t.t("axis.million_pesos_nominal"), t.t("axis.club"), labels,
                new Series(t.t("series.club_investment"), values), ValueFormat.DECIMAL),
                t.t("program.clubs.caption"));
        page.table(new ReportTable("program_clubs.csv", t.t("program.clubs.table", year),
                List.of(TableColumn.text(t.t("col.club")), TableColumn.text(t.t("col.origin_state")),
                        TableColumn.text(t.t("col.us_state")), TableColumn.text(t.t("col.registered_in_year", year)),
                        TableColumn.count(t.t("col.projects")), TableColumn.money(t.t("col.investment_nominal")),
                        TableColumn.money(t.t("col.migrant_contribution"))),
                rows, t.t("program.clubs.note", year)));
    }

    private Object share(BigDecimal part, BigDecimal total) {
        if (total == null || total.signum() == 0) {
            return t.notDefined();
        }
        return part.divide(total, MathContext.DECIMAL64).doubleValue();
    }
}
