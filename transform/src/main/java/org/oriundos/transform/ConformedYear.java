package org.oriundos.transform;

import org.oriundos.transform.money.YearReference;

/**
 * One row of {@code ref_year} ({@link ConformedTables#REF_YEAR}): the mean INPC and mean FIX rate
 * of one year's months, null unless every month is published. Its components are the table's
 * columns, in order.
 */
public record ConformedYear(int year, Double inpcMean, Double fixMean, int inpcMonths, int fixMonths) {
    static ConformedYear of(YearReference y) {
        return new ConformedYear(y.year(), y.inpcMean(), y.fixMean(), y.inpcMonths(), y.fixMonths());
    }
}
