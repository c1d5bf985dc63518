package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One named series of a chart, one value per category; a {@code null} value is "no figure"
 * (drawn as a gap with the chart's missing label, never as zero).
 */
public record Series(String name, List<Double> values) {
    public Series {
        Objects.requireNonNull(name, "name");
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Fails, naming the chart and the series, unless there is a series and each has one value per category. */
    static void requireOnePerCategory(String chart, List<Series> series, List<String> categories) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + chart + "' has no series");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("chart '" + chart + "', series '" + s.name() + "' has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** Whether no series has a value for the category. */
    static boolean allMissing(List<Series> series, int category) {
        for (Series s : series) {
            if (s.values().get(category) != null) {
                return false;
            }
        }
        return true;
    }
}
