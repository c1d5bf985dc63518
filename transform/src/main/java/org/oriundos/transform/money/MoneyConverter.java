package org.oriundos.transform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Converts nominal pesos of a year (in hundredths) to constant pesos of the base year,
 * {@code nominal × INPC(base) / INPC(year)}, and to dollars, {@code nominal / FIX(year)}, each
 * year's INPC and FIX being the mean of its twelve months. Exact arithmetic, then rounded
 * half-even to the hundredth. A year without twelve months of data throws, naming the year and
 * the series file.
 */
public final class MoneyConverter {
    private static final BigDecimal MONTHS = BigDecimal.valueOf(YearReference.MONTHS);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MoneyReference reference;
    private final int baseYear;
    private final BigDecimal baseInpcSum;

    public MoneyConverter(MoneyReference reference, int baseYear) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.baseYear = baseYear;
        this.baseInpcSum = inpc(baseYear, "the base year").inpcSum();
    }

    public int baseYear() {
        return baseYear;
    }

    /** Hundredths of constant pesos of the base year. */
    public long constantPesos(long nominalCents, int year) {
        if (year == baseYear) {
            return nominalCents;
        }
        BigDecimal yearSum = inpc(year, "an amount of " + year).inpcSum();
        // the means' 1/12 cancel out: INPC(base)/INPC(year) = sum(base)/sum(year)
        return BigDecimal.valueOf(nominalCents).multiply(baseInpcSum)
                .divide(yearSum, 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Hundredths of US dollars at the year's mean FIX rate. */
    public long dollars(long nominalCents, int year) {
        YearReference y = reference.year(year).orElse(null);
        if (y == null || !y.hasFix()) {
            throw new MissingReferenceDataException(year, "no FIX rate for " + year + " in "
                    + MoneyReference.FIX_RESOURCE + " (" + (y == null ? 0 : y.fixMonths())
                    + " of 12 months have data): cannot convert " + year + " pesos to dollars");
        }
        return BigDecimal.valueOf(nominalCents).multiply(MONTHS)
                .divide(y.fixSum(), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Pesos of {@code dollars} received over the {@code months} months from {@code first} (a quarter
     * is three): nominal pesos at the mean of those months' FIX rates, and constant pesos of the base
     * year, the nominal pesos × INPC(base year) / the mean of those months' INPC. Exact arithmetic,
     * each rounded half-even to the hundredth once. A figure whose months are not all published is
     * absent (null), with the reason: never converted with a partial mean.
     */
    public PeriodPesos periodPesos(BigDecimal dollars, YearMonth first, int months) {
        BigDecimal fixSum = BigDecimal.ZERO;
        BigDecimal inpcSum = BigDecimal.ZERO;
        List<String> noFix = new ArrayList<>();
        List<String> noInpc = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            YearMonth m = first.plusMonths(i);
            BigDecimal fix = reference.fix(m).orElse(null);
            BigDecimal inpc = reference.inpc(m).orElse(null);
            if (fix == null) {
                noFix.add(m.toString());
            } else {
                fixSum = fixSum.add(fix);
            }
            if (inpc == null) {
                noInpc.add(m.toString());
            } else {
                inpcSum = inpcSum.add(inpc);
            }
        }
        if (!noFix.isEmpty()) {
            return new PeriodPesos(null, null, "no FIX rate for " + String.join(", ", noFix) + " in "
                    + MoneyReference.FIX_RESOURCE);
        }
        BigDecimal count = BigDecimal.valueOf(months);
        long nominal = dollars.multiply(fixSum).multiply(HUNDRED).divide(count, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
        if (!noInpc.isEmpty()) {
            return new PeriodPesos(nominal, null, "no INPC for " + String.join(", ", noInpc) + " in "
                    + MoneyReference.INPC_RESOURCE);
        }
        // dollars × (fixSum / n) × (baseSum / 12) / (inpcSum / n) = dollars × fixSum × baseSum / (12 × inpcSum)
        long constant = dollars.multiply(fixSum).multiply(baseInpcSum).multiply(HUNDRED)
                .divide(MONTHS.multiply(inpcSum), 0, RoundingMode.HALF_EVEN).longValueExact();
        return new PeriodPesos(nominal, constant, null);
    }

    /**
     * Pesos of an amount of dollars received over some months, in hundredths: {@code nominalCents}
     * at those months' mean FIX rate, {@code constantCents} in pesos of the base year; either null
     * when a month of its series is not published, {@code missing} then saying which.
     */
    public record PeriodPesos(Long nominalCents, Long constantCents, String missing) {
    }

    private YearReference inpc(int year, String purpose) {
        YearReference y = reference.year(year).orElse(null);
        if (y == null || !y.hasInpc()) {
            throw new MissingReferenceDataException(year, "no INPC for " + year + " in "
                    + MoneyReference.INPC_RESOURCE + " (" + (y == null ? 0 : y.inpcMonths())
                    + " of 12 months have data), needed for " + purpose);
        }
        return y;
    }
}
