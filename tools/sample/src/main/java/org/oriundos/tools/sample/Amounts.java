package org.oriundos.tools.sample;

/**
 * Peso amounts as the providers write them: {@code $1,234,567.89}, {@code 1234567.89},
 * {@code 1,234,567}, now and then with stray blanks. Hand-formatted: it runs for every amount of
 * files with millions of rows.
 */
final class Amounts {
    private Amounts() {
    }

    /** {@code 123456789} hundredths as {@code 1234567.89}. */
    static String plain(long cents) {
        return (cents / 100) + "." + twoDigits(cents % 100);
    }

    /** With thousands commas, and the cents only when there are any (or {@code alwaysCents}). */
    static String grouped(long cents, boolean alwaysCents) {
        String units = Long.toString(cents / 100);
        StringBuilder b = new StringBuilder(units.length() + 6);
        int lead = units.length() % 3 == 0 ? 3 : units.length() % 3;
        b.append(units, 0, lead);
        for (int i = lead; i < units.length(); i += 3) {
            b.append(',').append(units, i, i + 3);
        }
        if (alwaysCents || cents % 100 != 0) {
            b.append('.').append(twoDigits(cents % 100));
        }
        return b.toString();
    }

    /** One of the providers' ways, chosen at random; {@code strayBlanks} is the share with blanks. */
    static String written(Rng rng, long cents, double strayBlanks) {
        double x = rng.nextDouble();
        if (x < strayBlanks) {
            int form = rng.nextInt(3);
            return form == 0 ? " " + plain(cents) + " " : form == 1 ? "$ " + grouped(cents, true) : plain(cents) + "  ";
        }
        double y = rng.nextDouble();
        return y < 0.38 ? "$" + grouped(cents, true) : y < 0.76 ? plain(cents) : grouped(cents, false);
    }

    /** {@code n} with leading zeros to {@code width} digits (more digits stay as they are). */
    static String padded(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A positive number with four decimals, {@code 1.0224}. */
    static String decimal4(double v) {
        long tenThousandths = Math.round(v * 10_000);
        return (tenThousandths / 10_000) + "." + padded(tenThousandths % 10_000, 4);
    }

    private static String twoDigits(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
