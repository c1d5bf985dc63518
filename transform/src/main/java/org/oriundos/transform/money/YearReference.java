package org.oriundos.transform.money;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One year of money reference data: the sums and counts of its monthly INPC values and of its
 * monthly FIX rates (months published as 0 count as no data). A year is usable only with all
 * twelve months; its means are then the sums over twelve.
 */
public record YearReference(int year, BigDecimal inpcSum, int inpcMonths, BigDecimal fixSum, int fixMonths) {
    public static final int MONTHS = 12;

    public boolean hasInpc() {
        return inpcMonths == MONTHS;
    }

    public boolean hasFix() {
        return fixMonths == MONTHS;
    }

    /** The annual mean INPC, or null when the year is incomplete. */
    public Double inpcMean() {
        return hasInpc() ? inpcSum.divide(BigDecimal.valueOf(MONTHS), MathContext.DECIMAL64).doubleValue() : null;
    }

    /** The annual mean FIX rate (pesos per dollar), or null when the year is incomplete. */
    public Double fixMean() {
        return hasFix() ? fixSum.divide(BigDecimal.valueOf(MONTHS), MathContext.DECIMAL64).doubleValue() : null;
    }
}
