package org.oriundos.warehouse.report.render;

/** How a chart writes its values: on the axis ticks and in the tooltips and labels of its marks. */
public enum ValueFormat {
    /** Plain numbers with separators ({@code 1,250}). */
    NUMBER,
    /** Fractions as percentages ({@code 0.125} → {@code 12.5%}). */
    PERCENT;

    String tick(double value, int decimals) {
        return this == PERCENT ? NumberText.decimal(value * 100, Math.max(0, decimals - 2)) + "%"
                : NumberText.decimal(value, decimals);
    }

    String value(double value) {
        return this == PERCENT ? NumberText.percent(value) : NumberText.decimal(value, 1);
    }
}
