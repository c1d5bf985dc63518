package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.HorizontalBarChart;
import org.oriundos.warehouse.report.render.LineChart;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Section 1: associations in the consular registry per year, by US state and by Mexican state of
 * origin, with change and compound annual growth, and the US states that grew fastest.
 */
final class RegistrySection {
    private static final int STATES_IN_LINE_CHART = 6;
    private static final int STATES_IN_BAR_CHART = 12;
    /**
     * A ranking by growth rate is only meaningful on a base that is not tiny: a state going from
     * one club to two in two years would top it. States are ranked when they have at least this
     * many registered associations at the last snapshot, measured over at least {@link #MIN_RANK_YEARS}.
     */
    static final int MIN_RANK_ASSOCIATIONS = 5;
    static final int MIN_RANK_YEARS = 3;

    private final WarehouseReader reader;
    private final ReportPeriod period;
    private final ReportText t;

    RegistrySection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("registry", t.t("registry.heading"));
        page.paragraph(t.t("registry.intro"));
        writeYears(page);
        List<Integer> observed = period.snapshotYears();
        if (observed.isEmpty()) {
            page.empty(t.t("registry.empty", period.label()));
            return;
        }
        int a = observed.get(0);
        int b = observed.get(observed.size() - 1);
        Map<String, Map<Integer, Long>> byUsState = new TreeMap<>();
        Map<String, String> usNames = new LinkedHashMap<>();
        for (Row r : reader.query("registry_by_us_state", period.from(), period.to())) {
            byUsState.computeIfAbsent(r.text("us_state"), k -> new TreeMap<>()).put(r.integer("year"), r.count("registered"));
            usNames.put(r.text("us_state"), usStateLabel(r.text("us_state"), r.text("us_state_name")));
        }
        Map<String, Map<Integer, Long>> byOrigin = new TreeMap<>();
        for (Row r : reader.query("registry_by_origin_state", period.from(), period.to())) {
            byOrigin.computeIfAbsent(r.text("origin_state"), k -> new TreeMap<>()).put(r.integer("year"), r.count("registered"));
        }
        // Groups with no registered association in any year of the period (e.g. clubs only named
        // on 3x1 projects, which have no US state) are not shown.
        byUsState.values().removeIf(RegistrySection::allZero);
        byOrigin.values().removeIf(RegistrySection::allZero);
        writeUsStates(page, byUsState, usNames, a, b);
        writeOriginStates(page, byOrigin, a, b);
        writeFastest(page, byUsState, usNames, a, b);
    }

    private void writeYears(ReportPage page) {
        Map<Integer, Row> byYear = new TreeMap<>();
        for (Row r : reader.query("registry_by_year", period.from(), period.to())) {
            byYear.put(r.integer("year"), r);
        }
        List<List<Object>> rows = new ArrayList<>();
        List<String> years = new ArrayList<>();
        List<Double> registered = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        List<Double> removed = new ArrayList<>();
        List<String> whyMissing = new ArrayList<>();
        Absent noSnapshot = t.noSnapshot();
        Absent firstSnapshot = t.firstSnapshot();
        for (int year : period.calendar()) {
            ReportPeriod.YearData data = period.year(year);
            Row r = byYear.get(year);
            years.add(Integer.toString(year));
            if (!data.hasSnapshot() || r == null) {
                rows.add(row(year, noSnapshot, noSnapshot, noSnapshot, noSnapshot, noSnapshot));
                registered.add(null);
                added.add(null);
                removed.add(null);
                whyMissing.add(noSnapshot.reason());
                continue;
            }
            whyMissing.add(firstSnapshot.reason());
            Long newCount = r.count("new");
            Long gone = r.count("deregistered");
            Double change = r.number("change_from_previous");
            rows.add(row(year, data.snapshotDate() == null ? null : data.snapshotDate().toString(),
                    r.count("registered"), newCount == null ? firstSnapshot : newCount,
                    gone == null ? firstSnapshot : gone,
                    change == null ? (r.integer("previous_year") == null ? firstSnapshot : t.notDefined()) : change));
            registered.add(r.count("registered").doubleValue());
            added.add(newCount == null ? null : newCount.doubleValue());
            removed.add(gone == null ? null : gone.doubleValue());
        }
        page.chart(new BarChart(t.t("registry.per_year.chart", period.label()), t.t("axis.year"),
                t.t("axis.associations"), years, List.of(new Series(t.t("series.registered"), registered)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, noSnapshot.reason()),
                t.t("registry.per_year.caption"));
        page.chart(new BarChart(t.t("registry.new.chart", period.label()), t.t("axis.year"),
                t.t("axis.associations"), years,
                List.of(new Series(t.t("series.new"), added), new Series(t.t("series.deregistered"), removed)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, noSnapshot.reason(), whyMissing),
                t.t("registry.new.caption"));
        page.table(new ReportTable("associations_by_year.csv", t.t("registry.per_year.table", period.label()),
                List.of(TableColumn.year(t.t("col.year")), TableColumn.text(t.t("col.snapshot_date")),
                        TableColumn.count(t.t("col.registered")), TableColumn.count(t.t("col.new")),
                        TableColumn.count(t.t("col.deregistered")),
                        TableColumn.change(t.t("col.change_previous_snapshot"))),
                rows, t.t("registry.per_year.note")));
    }

    private void writeUsStates(ReportPage page, Map<String, Map<Integer, Long>> byState, Map<String, String> names,
                               int a, int b) {
        List<String> order = ranked(byState, b, a);
        page.subheading(t.t("registry.us.heading"));
        List<String> years = new ArrayList<>();
        for (int year : period.calendar()) {
            years.add(Integer.toString(year));
        }
        List<Series> lines = new ArrayList<>();
        for (String state : order.subList(0, Math.min(STATES_IN_LINE_CHART, order.size()))) {
            List<Double> values = new ArrayList<>();
            for (int year : period.calendar()) {
                Long v = period.year(year).hasSnapshot() ? byState.get(state).getOrDefault(year, 0L) : null;
                values.add(v == null ? null : v.doubleValue());
            }
            lines.add(new Series(names.get(state), values));
        }
        page.chart(new LineChart(t.t("registry.us.chart", lines.size(), period.label()), t.t("axis.year"),
                t.t("axis.associations"), years, lines, ValueFormat.COUNT, t.noSnapshot().reason(), true),
                t.t("registry.us.caption"));
        page.table(growthTable("associations_by_us_state.csv", t.t("registry.us.table", a, b), t.t("col.us_state"),
                byState, names, order, a, b));
    }

    private void writeOriginStates(ReportPage page, Map<String, Map<Integer, Long>> byState, int a, int b) {
        List<String> order = ranked(byState, b, a);
        Map<String, String> names = new LinkedHashMap<>();
        for (String s : order) {
            names.put(s, s.equals("Unknown") ? t.t("label.unknown") : s);
        }
        page.subheading(t.t("registry.origin.heading"));
        List<String> shown = order.subList(0, Math.min(STATES_IN_BAR_CHART, order.size()));
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        List<String> shownNames = new ArrayList<>();
        for (String s : shown) {
            first.add(byState.get(s).getOrDefault(a, 0L).doubleValue());
            last.add(byState.get(s).getOrDefault(b, 0L).doubleValue());
            shownNames.add(names.get(s));
        }
        List<Series> series = a == b ? List.of(new Series(Integer.toString(b), last))
                : List.of(new Series(Integer.toString(a), first), new Series(Integer.toString(b), last));
        page.chart(new BarChart(a == b ? t.t("registry.origin.chart_one", b) : t.t("registry.origin.chart", a, b),
                t.t("axis.origin_state"), t.t("axis.associations"), shownNames, series, BarChart.Layout.GROUPED,
                ValueFormat.COUNT, null),
                t.t("registry.origin.caption", shown.size(), b));
        page.table(growthTable("associations_by_origin_state.csv", t.t("registry.origin.table", a, b),
                t.t("col.origin_state"), byState, names, order, a, b));
    }

    private ReportTable growthTable(String csv, String title, String placeHeader, Map<String, Map<Integer, Long>> byState,
                                    Map<String, String> names, List<String> order, int a, int b) {
        List<List<Object>> rows = new ArrayList<>();
        long totalA = 0;
        long totalB = 0;
        for (String state : order) {
            long x = byState.get(state).getOrDefault(a, 0L);
            long y = byState.get(state).getOrDefault(b, 0L);
            totalA += x;
            totalB += y;
            rows.add(growthRow(names.get(state), x, y, a, b));
        }
        rows.add(growthRow(t.t("label.all"), totalA, totalB, a, b));
        return new ReportTable(csv, title,
                List.of(TableColumn.text(placeHeader), TableColumn.count(t.t("col.registered_in", a)),
                        TableColumn.count(t.t("col.registered_in", b)),
                        TableColumn.change(t.t("col.change_span", ReportPeriod.span(a, b))),
                        TableColumn.change(t.t("col.cagr_span", ReportPeriod.span(a, b)))),
                rows, t.t("registry.growth.note", a, b, t.t("absent.not_defined")));
    }

    private List<Object> growthRow(String label, long x, long y, int a, int b) {
        Double change = Growth.change(x, y);
        Double cagr = Growth.cagr(x, y, a, b);
        return row(label, x, y, change == null ? t.notDefined() : change, cagr == null ? t.notDefined() : cagr);
    }

    /**
     * The US states ranked by compound annual growth from the first snapshot of the period in
     * which they had a registered association, so that new destinations, which start from none,
     * are ranked by their growth since then.
     */
    private void writeFastest(ReportPage page, Map<String, Map<Integer, Long>> byState, Map<String, String> names,
                              int a, int b) {
        record Ranked(String state, int since, long from, long to, double cagr, boolean newDestination) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Long>> e : byState.entrySet()) {
            if (e.getKey().equals("Unknown") || e.getKey().equals("Outside US")) {
                continue;
            }
            Integer since = null;
            for (Map.Entry<Integer, Long> y : e.getValue().entrySet()) {
                if (y.getValue() > 0) {
                    since = y.getKey();
                    break;
                }
            }
            long to = e.getValue().getOrDefault(b, 0L);
            if (since == null || b - since < MIN_RANK_YEARS || to < MIN_RANK_ASSOCIATIONS) {
                continue;
            }
            Double cagr = Growth.cagr(e.getValue().get(since), to, since, b);
            if (cagr != null) {
                ranked.add(new Ranked(e.getKey(), since, e.getValue().get(since), to, cagr, since > a));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::cagr).reversed().thenComparing(Ranked::state));
        page.subheading(t.t("registry.fastest.heading"));
        if (ranked.isEmpty()) {
            page.empty(t.t("registry.fastest.empty", MIN_RANK_ASSOCIATIONS, MIN_RANK_YEARS));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            if (labels.size() < STATES_IN_BAR_CHART) {
                labels.add(r.newDestination() ? t.t("registry.fastest.new_since", names.get(r.state()), r.since())
                        : names.get(r.state()));
                values.add(r.cagr());
            }
            rows.add(row(names.get(r.state()), r.since(), r.from(), r.to(), r.cagr(),
                    r.newDestination() ? t.t("registry.fastest.new_destination", a) : ""));
        }
        page.chart(new HorizontalBarChart(t.t("registry.fastest.chart", b), t.t("axis.cagr"), t.t("axis.us_state"),
                labels, new Series(t.t("series.cagr_since_first"), values), ValueFormat.PERCENT),
                t.t("registry.fastest.caption"));
        page.paragraph(t.t("registry.fastest.sentence", b, names.get(ranked.get(0).state()),
                t.numbers().change(ranked.get(0).cagr()), ranked.get(0).since()));
        page.table(new ReportTable("fastest_growing_us_states.csv", t.t("registry.fastest.table", b),
                List.of(TableColumn.text(t.t("col.us_state")), TableColumn.year(t.t("col.measured_from")),
                        TableColumn.count(t.t("col.registered_then")),
                        TableColumn.count(t.t("col.registered_in", b)),
                        TableColumn.change(t.t("col.cagr")), TableColumn.text(t.t("col.note"))),
                rows, t.t("registry.fastest.note", MIN_RANK_ASSOCIATIONS, b, MIN_RANK_YEARS)));
    }

    /** Keys ordered by their count in {@code year} (then {@code fallbackYear}), largest first, then by name. */
    private static List<String> ranked(Map<String, Map<Integer, Long>> byKey, int year, int fallbackYear) {
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.<String>comparingLong(k -> -byKey.get(k).getOrDefault(year, 0L))
                .thenComparingLong(k -> -byKey.get(k).getOrDefault(fallbackYear, 0L))
                .thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    private static boolean allZero(Map<Integer, Long> counts) {
        for (long v : counts.values()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private String usStateLabel(String code, String name) {
        if (code.equals("Unknown")) {
            return t.t("label.unknown");
        }
        if (code.equals("Outside US")) {
            return t.t("label.outside_us");
        }
        if (name == null || name.equals(code)) {
            return code;
        }
        return name + " (" + code + ")";
    }
}
