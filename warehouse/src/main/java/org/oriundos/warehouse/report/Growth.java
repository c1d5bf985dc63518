package org.oriundos.warehouse.report;

/**
 * Growth between observed years a &lt; b as docs/report.md (Definitions) defines it: change = x_b / x_a − 1 and
 * compound annual growth rate = (x_b / x_a)^(1 / (b − a)) − 1. Neither is defined from zero.
 */
final class Growth {
    private Growth() {
    }

    static Double change(long from, long to) {
        return from > 0 ? (double) to / from - 1 : null;
    }

    static Double cagr(long from, long to, int fromYear, int toYear) {
        if (from <= 0 || to < 0 || toYear <= fromYear) {
            return null;
        }
        return Math.pow((double) to / from, 1.0 / (toYear - fromYear)) - 1;
    }
}
