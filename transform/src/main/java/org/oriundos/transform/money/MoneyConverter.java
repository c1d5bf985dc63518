package org.oriundos.transform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
