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

    String label() {
        return from == to ? Integer.toString(to) : from + "\u2013" + to;
    }
}
