package org.oriundos.warehouse.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as people read them in the report, in the report's {@link Language}: thousands grouped,
 * percentages with one decimal, a true minus sign, rounding half up. Written the same whatever the
 * machine's locale, so a report made on another machine reads the same.
 */
public final class NumberText {
    static final String MINUS = "\u2212";

    public static final NumberText ENGLISH = new NumberText(Language.EN);
    public static final NumberText SPANISH = new NumberText(Language.ES);

    private final Language language;

    private NumberText(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** {@code 1234567} → {@code 1,234,567} (English), {@code 1 234 567} (Spanish). */
    public String count(long value) {
        return sign(value < 0) + digits(BigDecimal.valueOf(value).abs(), 0);
    }

    /** Whole currency units: {@code 1234567.89} → {@code 1,234,568} / {@code 1 234 568}. */
    public String money(BigDecimal value) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        return sign(rounded.signum() < 0) + digits(rounded.abs(), 0);
    }

    /**
     * A measure (not a count) in whole units, rounded half up: {@code 116.4} → {@code 116}. A
     * positive value that would round to 0 is written {@code < 1} / {@code menos de 1}, never 0.
     */
    public String whole(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP);
        if (value > 0 && rounded.signum() == 0) {
            return language.lessThanOne();
        }
        return sign(rounded.signum() < 0) + digits(rounded.abs(), 0);
    }

    /** A share or rate given as a fraction: {@code 0.1234} → {@code 12.3%} / {@code 12,3 %}. */
    public String percent(double fraction) {
        BigDecimal pct = BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
        return sign(pct.signum() < 0) + digits(pct.abs(), 1) + language.beforePercent() + "%";
    }

    /** A change given as a fraction, always signed: {@code 0.05} → {@code +5.0%}, {@code -0.2} → {@code −20.0%}. */
    public String change(double fraction) {
        BigDecimal pct = BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
        String sign = pct.signum() > 0 ? "+" : pct.signum() < 0 ? MINUS : "";
        return sign + digits(pct.abs(), 1) + language.beforePercent() + "%";
    }

    /** A plain number with up to {@code decimals} decimals (trailing zeros dropped), for chart axes. */
    public String decimal(double value, int decimals) {
        BigDecimal v = BigDecimal.valueOf(Math.abs(value)).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return (value < 0 && v.signum() != 0 ? MINUS : "") + digits(v, v.scale());
    }

    /** Exactly {@code decimals} decimals: {@code fixed(4, 1)} → {@code 4.0} / {@code 4,0}. */
    public String fixed(double value, int decimals) {
        BigDecimal v = BigDecimal.valueOf(Math.abs(value)).setScale(decimals, RoundingMode.HALF_UP);
        return (value < 0 && v.signum() != 0 ? MINUS : "") + digits(v, decimals);
    }

    private static String sign(boolean negative) {
        return negative ? MINUS : "";
    }

    /** A non-negative number with {@code decimals} decimals, grouped and with the language's separators. */
    private String digits(BigDecimal abs, int decimals) {
        String plain = abs.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder();
        boolean group = integer.length() > 4 || (integer.length() == 4 && language.groupsFourDigits());
        for (int i = 0; i < integer.length(); i++) {
            if (group && i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(language.groupSeparator());
            }
            out.append(integer.charAt(i));
        }
        if (dot >= 0) {
            out.append(language.decimalSeparator()).append(plain, dot + 1, plain.length());
        }
        return out.toString();
    }
}
