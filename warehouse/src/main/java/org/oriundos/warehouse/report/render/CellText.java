package org.oriundos.warehouse.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns one table cell into the text of the HTML page (for people) or of the CSV file (for programs). */
public final class CellText {
    static final String DASH = "\u2014";

    private CellText() {
    }

    /** HTML-escaped text for the page, numbers written as {@code numbers}' language writes them. */
    public static String html(ColumnKind kind, Object value, NumberText numbers) {
        if (value == null) {
            return DASH;
        }
        if (value instanceof Absent) {
            return Html.escape(((Absent) value).reason());
        }
        return switch (kind) {
            case TEXT -> Html.escape(value.toString());
            case YEAR -> Integer.toString(((Number) value).intValue());
            case COUNT -> Html.escape(numbers.count(((Number) value).longValue()));
            case WHOLE -> Html.escape(numbers.whole(((Number) value).doubleValue()));
            case MONEY -> Html.escape(numbers.money(decimal(value)));
            case PERCENT -> Html.escape(numbers.percent(((Number) value).doubleValue()));
            case CHANGE -> Html.escape(numbers.change(((Number) value).doubleValue()));
        };
    }

    /** Plain, locale-free text for the CSV: no separators, {@code .} decimals, empty when there is no value. */
    public static String csv(ColumnKind kind, Object value) {
        if (value == null || value instanceof Absent) {
            return "";
        }
        return switch (kind) {
            case TEXT -> value.toString();
            case YEAR, COUNT -> Long.toString(((Number) value).longValue());
            case WHOLE -> plain(decimal(value));
            case MONEY -> decimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case PERCENT, CHANGE -> BigDecimal.valueOf(((Number) value).doubleValue() * 100)
                    .setScale(4, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** Every digit the value has, none added: {@code 116}, {@code 0.0372}. */
    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        return new BigDecimal(value.toString());
    }
}
