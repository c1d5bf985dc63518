package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.NumberText;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.TableColumn;

/**
 * The opening summary: the headline measures at the start and end of the period, with change
 * and compound annual growth, from the warehouse's own {@code growth(from_year, to_year)}.
 */
final class SummarySection {
    private static final Map<String, String[]> MEASURES = Map.of(
            "registered_associations", new String[] {"Registered associations", "associations"},
            "projects_3x1", new String[] {"3x1 projects", "projects"},
            "clubs_3x1", new String[] {"Clubs taking part in 3x1", "clubs"},
            "total_mxn", new String[] {"3x1 investment", "MXN, nominal"},
            "total_mxn_const", new String[] {"3x1 investment", "MXN, constant pesos"},
            "migrant_mxn_const", new String[] {"Migrant contribution to 3x1", "MXN, constant pesos"},
            "total_usd", new String[] {"3x1 investment", "USD"});

    private final WarehouseReader reader;
    private final ReportPeriod period;

    SummarySection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section("summary", "Summary");
        List<List<Object>> rows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        List<Integer> snapshots = period.snapshotYears();
        if (snapshots.size() >= 2) {
            int a = snapshots.get(0);
            int b = snapshots.get(snapshots.size() - 1);
            for (Row r : reader.query("growth_headline", a, b)) {
                if (r.text("measure").equals("registered_associations")) {
                    rows.add(growthRow(r));
                    sentences.add("Registered associations went from " + NumberText.count(r.count("from_value"))
                            + " in " + a + " to " + NumberText.count(r.count("to_value")) + " in " + b
                            + describe(r) + ".");
                }
            }
        } else {
            sentences.add(snapshots.isEmpty() ? "No registry snapshot falls in the period."
                    : "Only one registry snapshot falls in the period (" + snapshots.get(0) + "): growth of the "
                    + "registry cannot be measured.");
        }
        if (!period.year(period.to()).hasSnapshot()) {
            sentences.add("There is no registry snapshot for " + period.to() + ": its registry figures read "
                    + "\u201cno snapshot\u201d.");
        }
        List<Integer> projectYears = period.projectYears();
        if (projectYears.size() >= 2) {
            int a = projectYears.get(0);
            int b = projectYears.get(projectYears.size() - 1);
            for (Row r : reader.query("growth_headline", a, b)) {
                if (r.text("measure").equals("registered_associations")) {
                    continue;
                }
                rows.add(growthRow(r));
                if (r.text("measure").equals("projects_3x1") && r.number("to_value") != null) {
                    sentences.add("The 3x1 program funded " + NumberText.count(Math.round(r.number("to_value")))
                            + " projects in " + b + ", against " + NumberText.count(Math.round(r.number("from_value")))
                            + " in " + a + ".");
                }
                if (r.text("measure").equals("total_mxn_const") && r.number("to_value") != null) {
                    sentences.add("Its investment, in constant pesos, went from "
                            + NumberText.money(BigDecimal.valueOf(r.number("from_value"))) + " to "
                            + NumberText.money(BigDecimal.valueOf(r.number("to_value"))) + " pesos" + describe(r) + ".");
                }
            }
        }
        page.paragraph(String.join(" ", sentences));
        page.table(new ReportTable("headline_growth.csv", "Headline measures: change and compound annual growth",
                List.of(TableColumn.text("Measure"), TableColumn.text("Unit"), TableColumn.year("From (year)"),
                        TableColumn.year("To (year)"), TableColumn.money("At start (in the unit)"),
                        TableColumn.money("At end (in the unit)"), TableColumn.change("Change (%)"),
                        TableColumn.change("Compound annual growth (% per year)")),
                rows, "Registry measures run between the first and last snapshots of the period, 3x1 measures between "
                + "the first and last fiscal years with projects. Constant pesos are of the warehouse's base year."));
    }

    private static List<Object> growthRow(Row r) {
        Double from = r.number("from_value");
        Double to = r.number("to_value");
        Double change = r.number("change");
        Double cagr = r.number("cagr");
        String[] measure = MEASURES.getOrDefault(r.text("measure"), new String[] {r.text("measure"), ""});
        return row(measure[0], measure[1], r.integer("from_year"),
                r.integer("to_year"), from == null ? Absent.NOT_DEFINED : BigDecimal.valueOf(from),
                to == null ? Absent.NOT_DEFINED : BigDecimal.valueOf(to),
                change == null ? Absent.NOT_DEFINED : change, cagr == null ? Absent.NOT_DEFINED : cagr);
    }

    private static String describe(Row r) {
        Double change = r.number("change");
        Double cagr = r.number("cagr");
        if (change == null || cagr == null) {
            return "";
        }
        return " (" + NumberText.change(change) + ", " + NumberText.change(cagr) + " a year)";
    }
}
