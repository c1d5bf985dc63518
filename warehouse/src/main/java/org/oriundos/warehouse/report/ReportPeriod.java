package org.oriundos.warehouse.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The years a report covers, {@code from} to {@code to}, and what the warehouse holds for each. */
record ReportPeriod(int from, int to, List<YearData> years) {

    record YearData(int year, boolean hasSnapshot, LocalDate snapshotDate, boolean hasProjects, boolean hasSurvey) {
    }

    ReportPeriod {
        years = List.copyOf(years);
    }

    YearData year(int year) {
        for (YearData y : years) {
            if (y.year() == year) {
                return y;
            }
        }
        return new YearData(year, false, null, false, false);
    }

    /** Every calendar year of the period, whether or not the warehouse knows it. */
    List<Integer> calendar() {
        List<Integer> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(y);
        }
        return out;
    }

    /** The years of the period with a registry snapshot, in order. */
    List<Integer> snapshotYears() {
        List<Integer> out = new ArrayList<>();
        for (YearData y : years) {
            if (y.hasSnapshot()) {
                out.add(y.year());
            }
        }
        return out;
    }

    List<Integer> projectYears() {
        List<Integer> out = new ArrayList<>();
        for (YearData y : years) {
            if (y.hasProjects()) {
                out.add(y.year());
            }
        }
        return out;
    }

    List<Integer> surveyYears() {
        List<Integer> out = new ArrayList<>();
        for (YearData y : years) {
            if (y.hasSurvey()) {
                out.add(y.year());
            }
        }
        return out;
    }

    /** The calendar span of the period, {@code 1998–2019}. */
    String label() {
        return span(from, to);
    }

    /**
     * The span of the years in {@code years} (the fiscal years with 3x1 projects, the snapshot
     * years…): {@code 2002–2019} when the 3x1 data start in 2002, not the period's first year.
     * Falls back to the period's label when there are none.
     */
    String label(List<Integer> years) {
        return years.isEmpty() ? label() : span(years.get(0), years.get(years.size() - 1));
    }

    static String span(int a, int b) {
        return a == b ? Integer.toString(b) : a + "\u2013" + b;
    }
}
