package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.NumberText;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.TableColumn;

/**
 * The opening summary: the headline measures at the start and end of the period, with change and
 * compound annual growth from the warehouse's own {@code growth(from_year, to_year)}; and, since
 * two endpoints can hide the path between them (a program that peaked and fell back can show
 * growth), each measure's peak in the period, the change since the peak and the change over the
 * last five years. A latest fiscal year that looks incomplete is said to be so.
 */
final class SummarySection {
    /** The span of "the last five years". */
    static final int RECENT_YEARS = 5;
    /**
     * The latest fiscal year looks incomplete when at least this share of its projects is still only
     * APROBADO in the latest delivery (approved, not yet under way or concluded: later deliveries
     * usually move them on and add projects) …
     */
    static final double INCOMPLETE_APPROVED_SHARE = 0.25;
    /** … or when its investment in constant pesos is at least this share below the year before's. */
    static final double INCOMPLETE_DROP = 0.25;

    private static final List<String> REGISTRY = List.of("registered_associations");

    private final WarehouseReader reader;
    private final ReportPeriod period;
    private final ReportText t;
    private final NumberText n;

    SummarySection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
        this.n = text.numbers();
    }

    void write(ReportPage page) {
        page.section("summary", t.t("summary.heading"));
        Integer baseYear = reader.query("base_year", period.from(), period.to()).get(0).integer("base_year");
        Map<String, Row> peaks = new HashMap<>();
        for (Row r : reader.query("headline_peaks", period.from(), period.to())) {
            peaks.put(r.text("measure"), r);
        }
        List<List<Object>> rows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        List<Integer> snapshots = period.snapshotYears();
        if (snapshots.size() >= 2) {
            int a = snapshots.get(0);
            int b = snapshots.get(snapshots.size() - 1);
            Integer recent = recentFrom(snapshots, b);
            Map<String, Row> recentGrowth = recent == null ? Map.of() : byMeasure(reader.query("growth_headline", recent, b));
            for (Row r : reader.query("growth_headline", a, b)) {
                if (!REGISTRY.contains(r.text("measure"))) {
                    continue;
                }
                Row peak = peaks.get(r.text("measure"));
                Row last5 = recentGrowth.get(r.text("measure"));
                rows.add(growthRow(r, peak, recent, last5, baseYear));
                sentences.add(t.t("summary.registry", count(r.number("from_value")), a, count(r.number("to_value")), b,
                        describe(r)));
                if (peak != null && peak.integer("peak_year") != b) {
                    sentences.add(t.t("summary.registry_peak", peak.integer("peak_year"),
                            count(peak.number("peak_value")), sincePeakText(r, peak)));
                }
                if (last5 != null && last5.number("change") != null) {
                    sentences.add(t.t("summary.registry_recent", recent, b, n.change(last5.number("change"))));
                }
            }
        } else {
            sentences.add(snapshots.isEmpty() ? t.t("summary.no_snapshot")
                    : t.t("summary.one_snapshot", snapshots.get(0)));
        }
        if (!period.year(period.to()).hasSnapshot()) {
            sentences.add(t.t("summary.no_snapshot_in", period.to()));
        }
        List<Integer> projectYears = period.projectYears();
        String incomplete = null;
        if (projectYears.size() >= 2) {
            int a = projectYears.get(0);
            int b = projectYears.get(projectYears.size() - 1);
            Integer recent = recentFrom(projectYears, b);
            Map<String, Row> recentGrowth = recent == null ? Map.of() : byMeasure(reader.query("growth_headline", recent, b));
            for (Row r : reader.query("growth_headline", a, b)) {
                String measure = r.text("measure");
                if (REGISTRY.contains(measure)) {
                    continue;
                }
                Row peak = peaks.get(measure);
                Row last5 = recentGrowth.get(measure);
                rows.add(growthRow(r, peak, recent, last5, baseYear));
                if (measure.equals("projects_3x1") && r.number("to_value") != null) {
                    sentences.add(t.t("summary.projects", count(r.number("to_value")), b, count(r.number("from_value")), a));
                }
                if (measure.equals("total_mxn_const") && r.number("to_value") != null) {
                    sentences.add(t.t("summary.investment", baseYear, money(r.number("from_value")), a,
                            money(r.number("to_value")), b, describe(r)));
                    if (peak != null && peak.integer("peak_year") != b) {
                        sentences.add(t.t("summary.investment_peak", peak.integer("peak_year"),
                                money(peak.number("peak_value")), sincePeakText(r, peak)));
                    }
                    if (last5 != null && last5.number("change") != null) {
                        sentences.add(t.t("summary.investment_recent", recent, b, n.change(last5.number("change"))));
                    }
                }
            }
            incomplete = incompleteYear(b);
        }
        page.paragraph(String.join(" ", sentences));
        if (incomplete != null) {
            page.callout(incomplete);
        }
        String note = t.t("headline.note", RECENT_YEARS) + (incomplete == null ? "" : " " + incomplete);
        page.table(new ReportTable("headline_growth.csv", t.t("headline.title"),
                List.of(TableColumn.text(t.t("headline.col.measure")), TableColumn.year(t.t("headline.col.from")),
                        TableColumn.year(t.t("headline.col.to")), TableColumn.money(t.t("headline.col.at_start")),
                        TableColumn.money(t.t("headline.col.at_end")), TableColumn.change(t.t("headline.col.change")),
                        TableColumn.change(t.t("headline.col.cagr")), TableColumn.year(t.t("headline.col.peak_year")),
                        TableColumn.money(t.t("headline.col.peak")),
                        TableColumn.change(t.t("headline.col.since_peak")),
                        TableColumn.year(t.t("headline.col.recent_from", RECENT_YEARS)),
                        TableColumn.change(t.t("headline.col.recent_change", RECENT_YEARS))),
                rows, note));
    }

    /**
     * Whether the latest fiscal year with projects looks incomplete, and why, as the sentence the
     * summary shows; null when it does not.
     */
    private String incompleteYear(int latest) {
        Map<Integer, Row> byYear = new HashMap<>();
        for (Row r : reader.query("program_status", period.from(), period.to())) {
            byYear.put(r.integer("year"), r);
        }
        Row last = byYear.get(latest);
        if (last == null || last.count("projects") == 0) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        double approved = (double) last.count("approved_only") / last.count("projects");
        if (approved >= INCOMPLETE_APPROVED_SHARE) {
            reasons.add(t.t("summary.incomplete.approved", n.percent(approved)));
        }
        Row before = byYear.get(latest - 1);
        if (before != null && before.money("total_mxn_const").signum() > 0) {
            double change = last.money("total_mxn_const").doubleValue() / before.money("total_mxn_const").doubleValue() - 1;
            if (change <= -INCOMPLETE_DROP) {
                reasons.add(t.t("summary.incomplete.drop", n.percent(-change), latest - 1));
            }
        }
        return reasons.isEmpty() ? null : t.t("summary.incomplete", latest, String.join(t.t("summary.incomplete.and"), reasons));
    }

    /** The latest year of {@code years} at least {@link #RECENT_YEARS} before {@code to}; null when none. */
    private static Integer recentFrom(List<Integer> years, int to) {
        Integer from = null;
        for (int y : years) {
            if (y <= to - RECENT_YEARS) {
                from = y;
            }
        }
        return from;
    }

    private static Map<String, Row> byMeasure(List<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : rows) {
            out.put(r.text("measure"), r);
        }
        return out;
    }

    private List<Object> growthRow(Row r, Row peak, Integer recentFrom, Row recent, Integer baseYear) {
        BigDecimal from = r.money("from_value");
        BigDecimal to = r.money("to_value");
        Double change = r.number("change");
        Double cagr = r.number("cagr");
        Absent none = t.notDefined();
        Object peakYear = peak == null ? none : peak.integer("peak_year");
        Object peakValue = peak == null ? none : peak.money("peak_value");
        Double sincePeak = sincePeak(r, peak);
        Double recentChange = recent == null ? null : recent.number("change");
        return row(t.t("measure." + r.text("measure"), baseYear == null ? "" : baseYear), r.integer("from_year"),
                r.integer("to_year"), from == null ? none : from, to == null ? none : to,
                change == null ? none : change, cagr == null ? none : cagr, peakYear, peakValue,
                sincePeak == null ? none : sincePeak, recentFrom == null ? none : recentFrom,
                recentChange == null ? none : recentChange);
    }

    /** The change from the peak to the last year; null when there is no figure (or the peak is 0). */
    private static Double sincePeak(Row r, Row peak) {
        if (peak == null || r.number("to_value") == null || peak.number("peak_value") == null
                || peak.number("peak_value") <= 0) {
            return null;
        }
        return r.money("to_value").doubleValue() / peak.money("peak_value").doubleValue() - 1;
    }

    private String sincePeakText(Row r, Row peak) {
        Double since = sincePeak(r, peak);
        return since == null ? t.t("absent.not_defined") : n.change(since);
    }

    private String describe(Row r) {
        Double change = r.number("change");
        Double cagr = r.number("cagr");
        if (change == null || cagr == null) {
            return "";
        }
        return t.t("summary.growth_clause", n.change(change), n.change(cagr));
    }

    private String count(Double value) {
        return n.count(Math.round(value));
    }

    private String money(Double value) {
        return n.money(BigDecimal.valueOf(value));
    }
}
