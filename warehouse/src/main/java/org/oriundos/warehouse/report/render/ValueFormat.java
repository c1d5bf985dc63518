package org.oriundos.warehouse.report.render;

/** How a chart writes its values: on the axis ticks and in the tooltips and labels of its marks. */
public enum ValueFormat {
    /** Whole numbers ({@code 1,250}); the axis ticks are whole numbers too. */
    COUNT,
    /** Measures in whole units that are not counts, such as dollars per million: {@code 116}; a positive value under ½ is {@code < 1}. */
    WHOLE,
    /** Amounts such as millions of pesos: ticks as round as they come, labels with one decimal ({@code 3.5}). */
    DECIMAL,
    /** Fractions as percentages ({@code 0.125} → {@code 12.5%}). */
    PERCENT;

    String tick(double value, int decimals, NumberText numbers) {
        return switch (this) {
            case PERCENT -> numbers.decimal(value * 100, Math.max(0, decimals - 2)) + numbers.language().beforePercent() + "%";
            case COUNT, WHOLE -> numbers.decimal(value, 0);
            case DECIMAL -> numbers.decimal(value, decimals);
        };
    }

    String value(double value, NumberText numbers) {
        return switch (this) {
            case PERCENT -> numbers.percent(value);
            case COUNT -> numbers.count(Math.round(value));
            case WHOLE -> numbers.whole(value);
            case DECIMAL -> numbers.fixed(value, 1);
        };
    }

    /** The smallest tick step that makes sense: a count or whole-unit axis never shows 0.5. */
    double minimumStep() {
        return this == COUNT || this == WHOLE ? 1 : 0;
    }
}
