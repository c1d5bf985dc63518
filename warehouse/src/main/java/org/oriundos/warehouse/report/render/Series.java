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
}
