package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.HorizontalBarChart;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Section: collective and family remittances. Per Mexican state, the migrants' 3x1 dollars against
 * the family remittances Banco de México reports, in the report's year and their change over the
 * period; a chart of the collective share; and the 3x1 projects per CONAPO grade of migration
 * intensity of their municipality. A missing number is never written as 0: the cell says why.
 */
final class RemittanceSection {
    /** collective_share_pct is a percentage; the report writes it as dollars per million dollars. */
    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(10_000);
    /** The periods of a complete year: of a quarterly series (periodicity QUARTERLY), of a monthly one (MONTHLY). */
    private static final int QUARTERS = 4;
    private static final int MONTHS = 12;

    private final WarehouseReader reader;
    private final ReportPeriod period;
    private final ReportText t;

    RemittanceSection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("remittances", t.t("remittances.heading"));
        page.paragraph(t.t("remittances.intro"));
        List<Row> states = reader.query("remittances_by_state", period.from(), period.to());
        List<Row> grades = reader.query("remittances_by_migration_intensity", period.from(), period.to());
        if (states.isEmpty() && grades.isEmpty()) {
            page.empty(t.t("remittances.empty", period.label()));
            return;
        }
        writeStates(page, states);
        writeGrades(page, grades);
    }

    private void writeStates(ReportPage page, List<Row> states) {
        int year = period.to();
        page.subheading(t.t("remittances.state.heading", year));
        if (states.isEmpty()) {
            page.empty(t.t("remittances.state.empty", year));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> perMillions = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        int firstYear = year;
        for (Row r : states) {
            String state = t.place(r.text("origin_state"));
            BigDecimal family = r.money("family_usd");
            BigDecimal migrant = r.money("migrant_3x1_usd");
            BigDecimal perMillion = perMillion(r.number("collective_share_pct"));
            if (perMillion != null) {
                labels.add(state);
                perMillions.add(perMillion.doubleValue());
            }
            Integer first = r.integer("first_year");
            if (first != null) {
                firstYear = Math.min(firstYear, first);
            }
            rows.add(row(state,
                    family != null ? family : familyAbsent(r),
                    migrant != null ? migrant : noData(),
                    perMillion != null ? perMillion : t.notDefined(),
                    first != null ? first : new Absent(t.t("absent.no_figure")),
                    change(r.money("first_family_usd"), family),
                    change(r.money("first_migrant_3x1_usd"), migrant)));
        }
        if (labels.isEmpty()) {
            page.empty(t.t("remittances.state.no_chart", year));
        } else {
            page.chart(new HorizontalBarChart(t.t("remittances.state.chart", year), t.t("remittances.axis.usd_per_million"),
                    t.t("remittances.axis.mexican_state"), labels, new Series(t.t("remittances.series.usd_per_million", year), perMillions),
                    ValueFormat.WHOLE),
                    t.t("remittances.state.caption", year));
        }
        // the table compares the report's year with the states' first years with a figure
        page.table(new ReportTable("remittances_by_state.csv",
                t.t("remittances.state.table", ReportPeriod.span(firstYear, year)),
                List.of(TableColumn.text(t.t("remittances.col.mexican_state")), TableColumn.money(t.t("remittances.col.family_usd_in", year)),
                        TableColumn.money(t.t("remittances.col.migrant_3x1_usd_in", year)),
                        TableColumn.whole(t.t("remittances.col.collective_share_in", year)),
                        TableColumn.year(t.t("remittances.col.compared_with")),
                        TableColumn.change(t.t("remittances.col.family_usd_change")),
                        TableColumn.change(t.t("remittances.col.migrant_3x1_usd_change"))),
                rows, t.t("remittances.state.note")));
    }

    private void writeGrades(ReportPage page, List<Row> grades) {
        int year = period.to();
        page.subheading(t.t("remittances.grade.heading", year));
        if (grades.isEmpty()) {
            page.empty(t.t("remittances.grade.empty", year));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> projects = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : grades) {
            String grade = t.place(r.text("migration_intensity_grade"));
            Long count = r.count("projects_3x1");
            labels.add(grade);
            projects.add(count == null ? null : count.doubleValue());
            BigDecimal perMillion = perMillion(r.number("collective_share_pct"));
            BigDecimal family = r.money("family_usd");
            rows.add(row(grade, r.count("municipalities"),
                    count == null ? noData() : r.count("municipalities_with_projects"),
                    count == null ? noData() : count,
                    count == null ? noData() : r.money("migrant_3x1_usd"),
                    r.count("municipalities_with_remittances"),
                    family == null ? new Absent(t.t("absent.no_figure")) : family,
                    perMillion == null ? t.notDefined() : perMillion));
        }
        if (projects.stream().anyMatch(p -> p != null)) {
            page.chart(new HorizontalBarChart(t.t("remittances.grade.chart", year), t.t("remittances.axis.projects"),
                    t.t("remittances.axis.migration_intensity"), labels, new Series(t.t("remittances.series.projects_in", year), projects),
                    ValueFormat.COUNT), t.t("remittances.grade.caption"));
        }
        page.table(new ReportTable("remittances_by_migration_intensity.csv", t.t("remittances.grade.table", year),
                List.of(TableColumn.text(t.t("remittances.col.migration_intensity")), TableColumn.count(t.t("remittances.col.municipalities")),
                        TableColumn.count(t.t("remittances.col.municipalities_with_projects")),
                        TableColumn.count(t.t("remittances.col.projects_3x1")), TableColumn.money(t.t("remittances.col.migrant_3x1_usd")),
                        TableColumn.count(t.t("remittances.col.municipalities_with_remittances")),
                        TableColumn.money(t.t("remittances.col.family_usd")), TableColumn.whole(t.t("remittances.col.collective_share"))),
                rows, t.t("remittances.grade.note")));
    }

    private Absent noData() {
        return new Absent(t.t("absent.no_3x1_data"));
    }

    /**
     * Why the report's year has no family remittance figure: the state has no series; its complete
     * series disagree; or it is incomplete, in how many of the quarters or months of a year the
     * series with the most periods has (just incomplete where series of both units have as many).
     */
    private Absent familyAbsent(Row r) {
        Long periods = r.count("periods");
        if (periods == null) {
            return new Absent(t.t("absent.no_series"));
        }
        Long complete = r.count("complete_series");
        if (complete != null && complete > 0) {
            return new Absent(t.t("absent.series_disagree"));
        }
        String periodicity = r.text("periodicity");
        if ("QUARTERLY".equals(periodicity)) {
            return new Absent(t.t("absent.quarters_of", t.count(periods), t.count(QUARTERS)));
        }
        if ("MONTHLY".equals(periodicity)) {
            return new Absent(t.t("absent.months_of", t.count(periods), t.count(MONTHS)));
        }
        return new Absent(t.t("absent.incomplete_year"));
    }

    /**
     * A share in percent as dollars per million dollars, unrounded: 0.0116 (%) is 116. The page
     * rounds it to whole dollars and writes a positive share under ½ as "< 1", never 0.
     */
    private static BigDecimal perMillion(Double sharePct) {
        return sharePct == null ? null : BigDecimal.valueOf(sharePct).multiply(PER_MILLION);
    }

    /** x_b / x_a − 1 between the comparison year and the report's; not defined from zero or without both. */
    private Object change(BigDecimal from, BigDecimal to) {
        if (from == null || to == null || from.signum() == 0) {
            return t.notDefined();
        }
        return to.divide(from, MathContext.DECIMAL64).doubleValue() - 1;
    }
}
