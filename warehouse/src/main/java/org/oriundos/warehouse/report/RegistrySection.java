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
import org.oriundos.warehouse.report.render.NumberText;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Section 1: associations in the consular registry per year, by US state and by Mexican state of
 * origin, with change and compound annual growth, and the US states that grew fastest.
 */
final class RegistrySection {
    private static final Absent FIRST_SNAPSHOT = new Absent("first snapshot");
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

    RegistrySection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section("registry", "Associations in the consular registry");
        page.paragraph("An association counts as registered in a year when it is listed in the latest consular "
                + "registry (IME) snapshot dated in that year. Years without a snapshot have no registry figure: "
                + "they are marked \u201cno snapshot\u201d, never counted as zero nor carried forward. New and "
                + "deregistered associations compare a snapshot with the previous observed one.");
        writeYears(page);
        List<Integer> observed = period.snapshotYears();
        if (observed.isEmpty()) {
            page.empty("No registry snapshot falls in " + period.label() + ": there is no figure by state.");
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
        for (int year : period.calendar()) {
            ReportPeriod.YearData data = period.year(year);
            Row r = byYear.get(year);
            years.add(Integer.toString(year));
            if (!data.hasSnapshot() || r == null) {
                rows.add(row(year, Absent.NO_SNAPSHOT, Absent.NO_SNAPSHOT, Absent.NO_SNAPSHOT, Absent.NO_SNAPSHOT,
                        Absent.NO_SNAPSHOT));
                registered.add(null);
                added.add(null);
                removed.add(null);
                whyMissing.add(Absent.NO_SNAPSHOT.reason());
                continue;
            }
            whyMissing.add(FIRST_SNAPSHOT.reason());
            Long newCount = r.count("new");
            Long gone = r.count("deregistered");
            Double change = r.number("change_from_previous");
            rows.add(row(year, data.snapshotDate() == null ? null : data.snapshotDate().toString(),
                    r.count("registered"), newCount == null ? FIRST_SNAPSHOT : newCount,
                    gone == null ? FIRST_SNAPSHOT : gone,
                    change == null ? (r.integer("previous_year") == null ? FIRST_SNAPSHOT : Absent.NOT_DEFINED) : change));
            registered.add(r.count("registered").doubleValue());
            added.add(newCount == null ? null : newCount.doubleValue());
            removed.add(gone == null ? null : gone.doubleValue());
        }
        page.chart(new BarChart("Registered associations per year, " + period.label(), "Year",
                "Associations (count)", years, List.of(new Series("Registered associations", registered)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, "no snapshot"),
                "Associations listed in the latest registry snapshot of each year. Years without a snapshot "
                        + "are marked, not drawn as zero.");
        page.chart(new BarChart("New and deregistered associations per year, " + period.label(), "Year",
                "Associations (count)", years,
                List.of(new Series("New (not in the previous snapshot)", added),
                        new Series("Deregistered (gone since the previous snapshot)", removed)),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, "no snapshot", whyMissing),
                "Associations that appeared in, or disappeared from, the registry since the previous observed "
                        + "snapshot, which may be several years earlier.");
        page.table(new ReportTable("associations_by_year.csv", "Registered, new and deregistered associations per year",
                List.of(TableColumn.year("Year"), TableColumn.text("Registry snapshot (date)"),
                        TableColumn.count("Registered (associations)"), TableColumn.count("New (associations)"),
                        TableColumn.count("Deregistered (associations)"),
                        TableColumn.change("Change on previous snapshot (%)")),
                rows, "The change compares the year with the previous year that has a snapshot. "
                + "\u201cFirst snapshot\u201d: there is no earlier snapshot to compare with."));
    }

    private void writeUsStates(ReportPage page, Map<String, Map<Integer, Long>> byState, Map<String, String> names,
                               int a, int b) {
        List<String> order = ranked(byState, b, a);
        page.subheading("By US state");
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
        page.chart(new LineChart("Registered associations in the " + lines.size() + " largest US states, "
                + period.label(), "Year", "Associations (count)", years, lines, ValueFormat.COUNT, "no snapshot", true),
                "Dots are registry snapshots; a dashed line joins snapshots across years that have none.");
        page.table(growthTable("associations_by_us_state.csv", "Registered associations by US state, " + a
                + " and " + b, "US state", byState, names, order, a, b));
    }

    private void writeOriginStates(ReportPage page, Map<String, Map<Integer, Long>> byState, int a, int b) {
        List<String> order = ranked(byState, b, a);
        Map<String, String> names = new LinkedHashMap<>();
        for (String s : order) {
            names.put(s, s);
        }
        page.subheading("By Mexican state of origin");
        List<String> shown = order.subList(0, Math.min(STATES_IN_BAR_CHART, order.size()));
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (String s : shown) {
            first.add(byState.get(s).getOrDefault(a, 0L).doubleValue());
            last.add(byState.get(s).getOrDefault(b, 0L).doubleValue());
        }
        List<Series> series = a == b ? List.of(new Series(Integer.toString(b), last))
                : List.of(new Series(Integer.toString(a), first), new Series(Integer.toString(b), last));
        page.chart(new BarChart("Registered associations by Mexican state of origin, " + (a == b ? b : a + " and " + b),
                "Mexican state of origin", "Associations (count)", shown, series, BarChart.Layout.GROUPED,
                ValueFormat.COUNT, null),
                "The " + shown.size() + " origin states with most registered associations in " + b + ".");
        page.table(growthTable("associations_by_origin_state.csv", "Registered associations by Mexican state of origin, "
                + a + " and " + b, "Mexican state of origin", byState, names, order, a, b));
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
        rows.add(growthRow("All", totalA, totalB, a, b));
        return new ReportTable(csv, title,
                List.of(TableColumn.text(placeHeader), TableColumn.count("Registered " + a + " (associations)"),
                        TableColumn.count("Registered " + b + " (associations)"),
                        TableColumn.change("Change " + a + "\u2013" + b + " (%)"),
                        TableColumn.change("Compound annual growth " + a + "\u2013" + b + " (% per year)")),
                rows, a + " and " + b + " are the first and last years of the period with a registry snapshot. "
                + "Growth from zero is not defined (n/a).");
    }

    private List<Object> growthRow(String label, long x, long y, int a, int b) {
        Double change = Growth.change(x, y);
        Double cagr = Growth.cagr(x, y, a, b);
        return row(label, x, y, change == null ? Absent.NOT_DEFINED : change,
                cagr == null ? Absent.NOT_DEFINED : cagr);
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
        page.subheading("US states that grew fastest");
        if (ranked.isEmpty()) {
            page.empty("No US state has " + MIN_RANK_ASSOCIATIONS + " or more registered associations measured over "
                    + MIN_RANK_YEARS + " years or more in the period: there is no ranking.");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            if (labels.size() < STATES_IN_BAR_CHART) {
                labels.add(names.get(r.state()) + (r.newDestination() ? " (new since " + r.since() + ")" : ""));
                values.add(r.cagr());
            }
            rows.add(row(names.get(r.state()), r.since(), r.from(), r.to(), r.cagr(),
                    r.newDestination() ? "new destination (none in " + a + ")" : ""));
        }
        page.chart(new HorizontalBarChart("US states by compound annual growth of registered associations, to " + b,
                "Compound annual growth (% per year)", "US state", labels,
                new Series("Compound annual growth since the state's first registered association", values),
                ValueFormat.PERCENT),
                "States that had no registered association at the start of the period (new destinations) are "
                        + "measured from their first snapshot with one.");
        page.paragraph("Fastest growth to " + b + ": " + names.get(ranked.get(0).state()) + ", "
                + NumberText.change(ranked.get(0).cagr()) + " a year since " + ranked.get(0).since() + ".");
        page.table(new ReportTable("fastest_growing_us_states.csv", "US states ranked by compound annual growth to " + b,
                List.of(TableColumn.text("US state"), TableColumn.year("Measured from (year)"),
                        TableColumn.count("Registered then (associations)"),
                        TableColumn.count("Registered " + b + " (associations)"),
                        TableColumn.change("Compound annual growth (% per year)"), TableColumn.text("Note")),
                rows, "Growth is measured from the first snapshot of the period in which the state had a "
                + "registered association. Ranked: states with at least " + MIN_RANK_ASSOCIATIONS
                + " registered associations in " + b + ", measured over at least " + MIN_RANK_YEARS + " years."));
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

    private static String usStateLabel(String code, String name) {
        if (name == null || name.equals(code)) {
            return code;
        }
        return name + " (" + code + ")";
    }
}
