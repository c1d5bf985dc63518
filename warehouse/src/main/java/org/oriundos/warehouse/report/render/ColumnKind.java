package org.oriundos.warehouse.report.render;

/** How a table column's values are written: for people in the HTML, for programs in the CSV. */
public enum ColumnKind {
    /** Free text from the data (escaped in HTML, as is in CSV). */
    TEXT,
    /** A calendar year, written without separators. */
    YEAR,
    /** A whole number: {@code 1,234} in HTML, {@code 1234} in CSV. */
    COUNT,
    /**
     * A measure in whole units that is not a count, such as dollars per million: {@code 116} in HTML,
     * a positive value under ½ as {@code < 1} ({@code menos de 1}), never 0; CSV holds it unrounded.
     */
    WHOLE,
    /** A {@link java.math.BigDecimal} amount: whole units with separators in HTML, two decimals in CSV. */
    MONEY,
    /** A fraction shown as a percentage with one decimal ({@code 12.3%}); CSV holds the percentage, four decimals. */
    PERCENT,
    /** A fraction shown as a signed percentage ({@code +5.0%}); CSV holds the percentage, four decimals. */
    CHANGE
}
