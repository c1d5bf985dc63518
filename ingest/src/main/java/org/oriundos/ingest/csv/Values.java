package org.oriundos.ingest.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.oriundos.ingest.RejectReason;

/**
 * Parsers for the providers' value formats, on cleaned (non-blank) text. Hand-written loops, no
 * regular expressions: they run once per cell of files with millions of rows.
 */
public final class Values {
    private Values() {
    }

    /**
     * Pesos as written in Mexico, in hundredths: {@code $1,234,567.89}, {@code 1234567.89},
     * {@code 1,234,567}, with stray blanks anywhere ({@code $ 1 234.5}). Commas only group
     * thousands (groups of three digits), so {@code 1234,50} is refused rather than misread.
     */
    public static long money(String s) throws BadValue {
        long units = 0;
        int digits = 0;
        int decimals = -1;
        long cents = 0;
        boolean negative = false;
        boolean seenDollar = false;
        int groupDigits = -1; // digits since the last thousands comma; -1 before any comma
        boolean seenDigitOrSign = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Text.isBlank(c)) {
                continue;
            }
            if (c == '$' && !seenDollar && digits == 0 && decimals < 0) {
                seenDollar = true;
            } else if (c == '-' && !seenDigitOrSign && digits == 0) {
                negative = true;
                seenDigitOrSign = true;
            } else if (c >= '0' && c <= '9') {
                seenDigitOrSign = true;
                if (decimals >= 0) {
                    if (decimals == 2) {
                        throw BadValue.of(RejectReason.MORE_THAN_TWO_DECIMALS, "more than two decimals");
                    }
                    cents = cents * 10 + (c - '0');
                    decimals++;
                } else {
                    if (digits == 16) {
                        throw BadValue.of(RejectReason.AMOUNT_TOO_LARGE, "amount too large");
                    }
                    units = units * 10 + (c - '0');
                    digits++;
                    if (groupDigits >= 0) {
                        groupDigits++;
                    }
                }
            } else if (c == ',' && decimals < 0 && digits > 0 && (groupDigits < 0 || groupDigits == 3)) {
                groupDigits = 0;
            } else if (c == '.' && decimals < 0) {
                if (groupDigits >= 0 && groupDigits != 3) {
                    throw BadValue.of(RejectReason.THOUSANDS_NOT_GROUPED_IN_THREES,
                    "not an amount: thousands must be grouped in threes");
                }
                decimals = 0;
            } else {
                throw BadValue.of(RejectReason.NOT_AN_AMOUNT, "not an amount");
            }
        }
        if (digits == 0 && decimals <= 0) {
            throw BadValue.of(RejectReason.NOT_AN_AMOUNT, "not an amount");
        }
        if (groupDigits >= 0 && groupDigits != 3) {
            throw BadValue.of(RejectReason.THOUSANDS_NOT_GROUPED_IN_THREES,
                    "not an amount: thousands must be grouped in threes");
        }
        if (decimals == 1) {
            cents *= 10;
        }
        long value = units * 100 + cents;
        if (negative) {
            throw BadValue.of(RejectReason.NEGATIVE_AMOUNT, "amount is negative");
        }
        return value;
    }

    /** A whole number, optionally with thousands commas ({@code 1,234}); blanks inside ignored. */
    public static long whole(String s) throws BadValue {
        long v = 0;
        int digits = 0;
        int groupDigits = -1;
        boolean negative = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 18) {
                    throw BadValue.of(RejectReason.NUMBER_TOO_LARGE, "number too large");
                }
                v = v * 10 + (c - '0');
                digits++;
                if (groupDigits >= 0) {
                    groupDigits++;
                }
            } else if (c == ',' && digits > 0 && (groupDigits < 0 || groupDigits == 3)) {
                groupDigits = 0;
            } else if (c == '-' && i == 0) {
                negative = true;
            } else if (c == '.' && onlyZerosAfter(s, i + 1)) {
                break; // "12.0" and "12.00" from spreadsheets are whole numbers
            } else if (!Text.isBlank(c)) {
                throw BadValue.of(RejectReason.NOT_A_WHOLE_NUMBER, "not a whole number");
            }
        }
        if (digits == 0 || (groupDigits >= 0 && groupDigits != 3)) {
            throw BadValue.of(RejectReason.NOT_A_WHOLE_NUMBER, "not a whole number");
        }
        return negative ? -v : v;
    }

    private static boolean onlyZerosAfter(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** A whole number within bounds. */
    public static int intBetween(String s, int min, int max) throws BadValue {
        long v = whole(s);
        if (v < min || v > max) {
            throw BadValue.of(RejectReason.OUT_OF_RANGE, "out of range: must be between " + min + " and " + max, min, max);
        }
        return (int) v;
    }

    /** A count: a whole number, zero or more. */
    public static long count(String s) throws BadValue {
        long v = whole(s);
        if (v < 0) {
            throw BadValue.of(RejectReason.NEGATIVE_COUNT, "a count cannot be negative");
        }
        return v;
    }

    /** {@code dd/mm/yyyy} (day and month may have one digit). */
    public static LocalDate date(String s) throws BadValue {
        int first = s.indexOf('/');
        int second = first < 0 ? -1 : s.indexOf('/', first + 1);
        if (first < 1 || second < 0 || second - first < 2 || s.length() - second != 5 || first > 2
                || second - first > 3) {
            throw BadValue.of(RejectReason.NOT_A_DATE, "not a date dd/mm/yyyy");
        }
        int day = digitsOf(s, 0, first);
        int month = digitsOf(s, first + 1, second);
        int year = digitsOf(s, second + 1, s.length());
        if (day < 0 || month < 0 || year < 0) {
            throw BadValue.of(RejectReason.NOT_A_DATE, "not a date dd/mm/yyyy");
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw BadValue.of(RejectReason.NO_SUCH_DATE, "no such date");
        }
    }

    /** A four-digit year, or -1 when {@code s} is not one. */
    public static int yearOrMinus(String s) {
        return s.length() == 4 ? digitsOf(s, 0, 4) : -1;
    }

    /**
     * An INEGI code padded with leading zeros to {@code width} digits ({@code 7} becomes
     * {@code 007}); spreadsheets drop the zeros, the codes need them.
     */
    public static String code(String s, int width, int max) throws BadValue {
        int n = s.length();
        if (n > width) {
            int lead = 0;
            while (lead < n - width && s.charAt(lead) == '0') {
                lead++;
            }
            s = s.substring(lead);
            n = s.length();
        }
        int v = n == 0 || n > width ? -1 : digitsOf(s, 0, n);
        if (v < 0) {
            throw BadValue.of(RejectReason.NOT_A_CODE, "not a code of up to " + width + " digits", width);
        }
        if (v < 1 || v > max) {
            throw BadValue.of(RejectReason.NO_SUCH_CODE, "no such code: must be between 1 and " + max, max);
        }
        if (n == width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = n; i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    private static int digitsOf(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
