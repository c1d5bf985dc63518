package org.oriundos.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one way oriundos writes CSV (the report's tables, {@code sql --csv}, {@code rejects --csv}):
 * RFC 4180, CRLF line ends, and safe to open in a spreadsheet. A text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula
 * by a spreadsheet (a club named {@code =HYPERLINK("http://…";"click")}); as OWASP advises, it is
 * written with a single quote in front, and quoted. Numbers are numbers, not text: a negative
 * amount written as a number stays {@code -5.00}. Only a value that is a number literal is written
 * as one; anything else given as a number is treated as text.
 */
public final class SafeCsv {
    /** What a number cell may be: a plain decimal, optionally with an exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final Appendable out;
    private boolean startOfRecord = true;

    public SafeCsv(Appendable out) {
        this.out = out;
    }

    /** A text cell; {@code null} is an empty cell. */
    public SafeCsv text(String value) {
        return field(value == null ? "" : textField(value));
    }

    /** A number written by us (plain, {@code .} decimals); empty or {@code null} is an empty cell. */
    public SafeCsv number(String plain) {
        if (plain == null || plain.isEmpty()) {
            return field("");
        }
        return field(NUMBER.matcher(plain).matches() ? plain : textField(plain));
    }

    /** A value as a query returned it: a {@link Number} as a number, anything else as text. */
    public SafeCsv value(Object value) {
        if (value == null) {
            return field("");
        }
        if (value instanceof BigDecimal) {
            return number(((BigDecimal) value).toPlainString());
        }
        if (value instanceof Number) {
            return number(value.toString());
        }
        return text(value.toString());
    }

    /** Ends the record (CRLF). */
    public SafeCsv endRecord() {
        append("\r\n");
        startOfRecord = true;
        return this;
    }

    /** A text cell as written: neutralised when a spreadsheet would run it, quoted when it must be. */
    public static String textField(String s) {
        boolean formula = !s.isEmpty() && isFormulaStart(s.charAt(0));
        if (formula) {
            return '"' + "'" + s.replace("\"", "\"\"") + '"';
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Whether a spreadsheet takes a cell that starts with this character for a formula (OWASP's list). */
    public static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private SafeCsv field(String written) {
        if (!startOfRecord) {
            append(",");
        }
        append(written);
        startOfRecord = false;
        return this;
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }
}
