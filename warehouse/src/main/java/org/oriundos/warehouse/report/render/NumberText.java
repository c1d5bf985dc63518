package org.oriundos.warehouse.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people read them in the report: thousands separators, percentages with one
 * decimal, a true minus sign. The same in every locale the report is generated in, so a report
 * made on another machine reads the same.
 */
public final class NumberText {
    static final String MINUS = "\u2212";

    private NumberText() {
    }

    /** {@code 1234567} → {@code 1,234,567}. */
    public static String count(long value) {
        return sign(value < 0) + grouped(0).format(Math.abs(value));
    }

    /** Whole currency units with separators: {@code 1234567.89} → {@code 1,234,568}. */
    public static String money(BigDecimal value) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        return sign(rounded.signum() < 0) + grouped(0).format(rounded.abs());
    }

    /** A share or rate given as a fraction: {@code 0.1234} → {@code 12.3%}. */
    public static String percent(double fraction) {
        double pct = round1(fraction * 100);
        return sign(pct < 0) + grouped(1).format(Math.abs(pct)) + "%";
    }

    /** A change given as a fraction, always signed: {@code 0.05} → {@code +5.0%}, {@code -0.2} → {@code −20.0%}. */
    public static String change(double fraction) {
        double pct = round1(fraction * 100);
        String sign = pct > 0 ? "+" : pct < 0 ? MINUS : "";
        return sign + grouped(1).format(Math.abs(pct)) + "%";
    }

    /** A plain number with up to {@code decimals} decimals and separators, for chart axes. */
    public static String decimal(double value, int decimals) {
        DecimalFormat format = grouped(0);
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        double abs = Math.abs(value);
        String text = format.format(abs);
        return (value < 0 && !text.matches("[0.,]*") ? MINUS : "") + text;
    }

    /** Exactly {@code decimals} decimals with separators: {@code fixed(4, 1)} → {@code 4.0}. */
    public static String fixed(double value, int decimals) {
        DecimalFormat format = grouped(decimals);
        String text = format.format(Math.abs(value));
        return (value < 0 && !text.matches("[0.,]*") ? MINUS : "") + text;
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static String sign(boolean negative) {
        return negative ? MINUS : "";
    }

    private static DecimalFormat grouped(int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
