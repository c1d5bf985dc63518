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

    /**
     * Every text of this section a reader sees, in one place, so that it can be translated as a
     * whole. Formats take the report's year (and the first year of the comparison) as arguments.
     */
    static final class Labels {
        static final String ID = "remittances";
        static final String HEADING = "Collective and family remittances";
        static final String INTRO = "Family remittances are the money migrants send their families, as Banco de "
                + "México reports it per state and municipality, quarter by quarter, in US dollars; collective "
                + "remittances are what the clubs put into their 3x1 projects (the migrants' share of the year's "
                + "non-cancelled projects, in dollars at the year's mean FIX rate). A year's family remittances exist "
                + "only when all its quarters are published; Banco de México revises them, and the latest download "
                + "counts. The collective share is written as the 3x1 dollars per million dollars of family "
                + "remittances (a small fraction of a percent in most states); it is left empty, never 0, where "
                + "either side is missing.";
        static final String NO_DATA = "The warehouse holds no Banco de México remittance series and no 3x1 project "
                + "for %s.";
        static final String BY_STATE = "By Mexican state, %d";
        static final String NO_STATE = "No state has remittance figures or 3x1 projects in %d.";
        static final String CHART_TITLE = "Migrants' 3x1 dollars per million dollars of family remittances, %d";
        static final String CHART_X = "3x1 dollars per million dollars of family remittances";
        static final String CHART_Y = "Mexican state";
        static final String CHART_SERIES = "3x1 dollars per million of family remittances, %d";
        static final String CHART_CAPTION = "States with both figures in %d; the others are in the table.";
        static final String NO_CHART = "No state has both figures in %d: there is no share to chart.";
        static final String STATE_CAPTION = "Collective and family remittances by Mexican state";
        static final String STATE = "Mexican state";
        static final String FAMILY = "Family remittances %d (USD)";
        static final String MIGRANT = "Migrants' 3x1 contribution %d (USD)";
        static final String SHARE = "Collective share %d (3x1 dollars per million of family remittances)";
        static final String SINCE = "Compared with (year)";
        static final String FAMILY_CHANGE = "Family remittances, change since then (%)";
        static final String MIGRANT_CHANGE = "3x1 contribution, change since then (%)";
        static final String STATE_NOTE = "Family remittances: Banco de México's series of the state, the sum of the "
                + "year's four quarters in its latest download. Changes compare the report's year with the state's "
                + "first year of the period with a family remittance figure.";
        static final String BY_GRADE = "3x1 projects by migration intensity of the municipality, %d";
        static final String GRADE_CHART_TITLE = "3x1 projects by CONAPO's migration intensity grade, %d";
        static final String GRADE_CHART_X = "Projects (count)";
        static final String GRADE_CHART_Y = "Migration intensity (CONAPO 2020)";
        static final String GRADE_CHART_SERIES = "3x1 projects %d";
        static final String GRADE_CHART_CAPTION = "Does the program reach the municipalities migration touches most? "
                + "Grades of CONAPO's 2020 index of migration intensity; Unknown: projects placed in no graded "
                + "municipality.";
        static final String NO_GRADE = "No 3x1 project or municipal remittance figure in %d.";
        static final String GRADE_CAPTION = "3x1 projects and family remittances by migration intensity";
        static final String GRADE = "Migration intensity (CONAPO 2020)";
        static final String MUNICIPALITIES = "Municipalities (count)";
        static final String WITH_PROJECTS = "With 3x1 projects (municipalities)";
        static final String PROJECTS = "3x1 projects (count)";
        static final String MIGRANT_USD = "Migrants' 3x1 contribution (USD)";
        static final String WITH_REMITTANCES = "With family remittance figures (municipalities)";
        static final String FAMILY_USD = "Family remittances (USD)";
        static final String GRADE_SHARE = "Collective share (3x1 dollars per million of family remittances)";
        static final String GRADE_NOTE = "Unknown: projects placed only in their state or in no graded municipality, and "
                + "Banco de México's No identificado. The collective share compares the family remittances of the "
                + "municipalities with a figure with the 3x1 dollars of those same municipalities.";
        static final Absent NO_SERIES = new Absent("no series");
        static final Absent NO_3X1_DATA = new Absent("no 3x1 data");
        static final Absent NO_FIGURE = new Absent("no figure");
        static final String INCOMPLETE = "%d of %d quarters";

        private Labels() {
        }

        /** Why a year has no family remittance figure: it is incomplete, or the state has no series. */
        static Absent familyAbsent(Long periods) {
            return periods == null ? NO_SERIES : new Absent(String.format(INCOMPLETE, periods, 4));
        }
    }

    /** collective_share_pct (percent, four decimals) as dollars per million: exact, a whole number. */
    private static final BigDecimal PER_MILLION = BigDecimal.valueOf(10_000);

    private final WarehouseReader reader;
    private final ReportPeriod period;

    RemittanceSection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section(Labels.ID, Labels.HEADING);
        page.paragraph(Labels.INTRO);
        List<Row> states = reader.query("remittances_by_state", period.from(), period.to());
        List<Row> grades = reader.query("remittances_by_migration_intensity", period.from(), period.to());
        if (states.isEmpty() && grades.isEmpty()) {
            page.empty(String.format(Labels.NO_DATA, period.label()));
            return;
        }
        writeStates(page, states);
        writeGrades(page, grades);
    }

    private void writeStates(ReportPage page, List<Row> states) {
        int year = period.to();
        page.subheading(String.format(Labels.BY_STATE, year));
        if (states.isEmpty()) {
            page.empty(String.format(Labels.NO_STATE, year));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> perMillions = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : states) {
            BigDecimal family = r.money("family_usd");
            BigDecimal migrant = r.money("migrant_3x1_usd");
            Double share = r.number("collective_share_pct");
            Long perMillion = perMillion(share);
            if (perMillion != null) {
                labels.add(r.text("origin_state"));
                perMillions.add(perMillion.doubleValue());
            }
            Integer first = r.integer("first_year");
            rows.add(row(r.text("origin_state"),
                    family != null ? family : Labels.familyAbsent(r.count("periods")),
                    migrant != null ? migrant : Labels.NO_3X1_DATA,
                    perMillion != null ? perMillion : Absent.NOT_DEFINED,
                    first != null ? first : Labels.NO_FIGURE,
                    change(r.money("first_family_usd"), family),
                    change(r.money("first_migrant_3x1_usd"), migrant)));
        }
        if (labels.isEmpty()) {
            page.empty(String.format(Labels.NO_CHART, year));
        } else {
            page.chart(new HorizontalBarChart(String.format(Labels.CHART_TITLE, year), Labels.CHART_X, Labels.CHART_Y,
                    labels, new Series(String.format(Labels.CHART_SERIES, year), perMillions), ValueFormat.COUNT),
                    String.format(Labels.CHART_CAPTION, year));
        }
        page.table(new ReportTable("remittances_by_state.csv", Labels.STATE_CAPTION,
                List.of(TableColumn.text(Labels.STATE), TableColumn.money(String.format(Labels.FAMILY, year)),
                        TableColumn.money(String.format(Labels.MIGRANT, year)),
                        TableColumn.count(String.format(Labels.SHARE, year)), TableColumn.year(Labels.SINCE),
                        TableColumn.change(Labels.FAMILY_CHANGE), TableColumn.change(Labels.MIGRANT_CHANGE)),
                rows, Labels.STATE_NOTE));
    }

    private void writeGrades(ReportPage page, List<Row> grades) {
        int year = period.to();
        page.subheading(String.format(Labels.BY_GRADE, year));
        if (grades.isEmpty()) {
            page.empty(String.format(Labels.NO_GRADE, year));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> projects = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : grades) {
            Long count = r.count("projects_3x1");
            labels.add(r.text("migration_intensity_grade"));
            projects.add(count == null ? null : count.doubleValue());
            Double share = r.number("collective_share_pct");
            BigDecimal family = r.money("family_usd");
            rows.add(row(r.text("migration_intensity_grade"), r.count("municipalities"),
                    count == null ? Labels.NO_3X1_DATA : r.count("municipalities_with_projects"),
                    count == null ? Labels.NO_3X1_DATA : count,
                    count == null ? Labels.NO_3X1_DATA : r.money("migrant_3x1_usd"),
                    r.count("municipalities_with_remittances"),
                    family == null ? Labels.NO_FIGURE : family,
                    share == null ? Absent.NOT_DEFINED : perMillion(share)));
        }
        if (projects.stream().anyMatch(p -> p != null)) {
            page.chart(new HorizontalBarChart(String.format(Labels.GRADE_CHART_TITLE, year), Labels.GRADE_CHART_X,
                    Labels.GRADE_CHART_Y, labels, new Series(String.format(Labels.GRADE_CHART_SERIES, year), projects),
                    ValueFormat.COUNT), Labels.GRADE_CHART_CAPTION);
        }
        page.table(new ReportTable("remittances_by_migration_intensity.csv", Labels.GRADE_CAPTION,
                List.of(TableColumn.text(Labels.GRADE), TableColumn.count(Labels.MUNICIPALITIES),
                        TableColumn.count(Labels.WITH_PROJECTS), TableColumn.count(Labels.PROJECTS),
                        TableColumn.money(Labels.MIGRANT_USD), TableColumn.count(Labels.WITH_REMITTANCES),
                        TableColumn.money(Labels.FAMILY_USD), TableColumn.count(Labels.GRADE_SHARE)),
                rows, Labels.GRADE_NOTE));
    }

    /** A share in percent as dollars per million dollars: 0.0116 (%) is 116; null stays null. */
    private static Long perMillion(Double sharePct) {
        return sharePct == null ? null : BigDecimal.valueOf(sharePct).multiply(PER_MILLION)
                .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    /** x_b / x_a − 1 between the comparison year and the report's; not defined from zero or without both. */
    private static Object change(BigDecimal from, BigDecimal to) {
        if (from == null || to == null || from.signum() == 0) {
            return Absent.NOT_DEFINED;
        }
        return to.divide(from, MathContext.DECIMAL64).doubleValue() - 1;
    }
}
