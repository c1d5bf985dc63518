package org.oriundos.ingest.csv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.ingest.DeliveryText;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.RejectedRow;

/**
 * The cells of the record being read, by layout field, with the typed accessors a parser uses.
 * Each accessor that cannot type its cell records a problem (file, line, column as delivered,
 * raw value, reason) and returns {@code null}; the reader rejects the record if any were found.
 * One instance is reused for every record of a file.
 */
public final class Fields {
    private final HeaderMap map;
    private final String fileName;
    private final String table;
    private final String period;
    private final DeliveryText text;
    private CSVRecord record;
    private long line;
    private List<RejectedRow> problems;

    /**
     * @param text how cells may be quoted in a reject ({@link DeliveryText}: masked when the file
     *             carries personal data)
     */
    public Fields(HeaderMap map, String fileName, String table, String period, DeliveryText text) {
        this.map = map;
        this.fileName = fileName;
        this.table = table;
        this.period = period;
        this.text = text;
    }

    void reset(CSVRecord record, long line) {
        this.record = record;
        this.line = line;
        this.problems = null;
    }

    public long line() {
        return line;
    }

    public String period() {
        return period;
    }

    /** Whether the file has this field's column. */
    public boolean present(int field) {
        return map.position(field) >= 0;
    }

    /** The cell as delivered, or {@code null} when the file has no such column. */
    public String raw(int field) {
        int p = map.position(field);
        return p < 0 ? null : record.get(p);
    }

    /** The cleaned text (NFC, trimmed, blanks collapsed), or {@code null} when blank or absent. */
    public String text(int field) {
        return Text.clean(raw(field));
    }

    /** Cleaned text that must be there. */
    public String requiredText(int field) {
        String s = text(field);
        if (s == null) {
            missing(field);
        }
        return s;
    }

    public Long money(int field, boolean required) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        try {
            return Values.money(s);
        } catch (BadValue e) {
            return bad(field, e);
        }
    }

    public Integer intBetween(int field, boolean required, int min, int max) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        try {
            return Values.intBetween(s, min, max);
        } catch (BadValue e) {
            return bad(field, e);
        }
    }

    /**
     * A required year that must be the one the file's name gives: any other is a problem of its
     * own ("{@code <header> 2008 differs from the year of the file name (2007)}"), still returned.
     */
    public Integer yearOfFile(int field, String header, int fileYear) {
        Integer year = intBetween(field, true, 1900, 2100);
        if (year != null && year != fileYear) {
            problem(field, RejectReason.YEAR_NOT_THE_FILE_NAMES.because(
                    header + " " + year + " differs from the year of the file name (" + fileYear + ")", fileYear));
        }
        return year;
    }

    public Long count(int field, boolean required) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        try {
            return Values.count(s);
        } catch (BadValue e) {
            return bad(field, e);
        }
    }

    public LocalDate date(int field, boolean required) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        try {
            return Values.date(s);
        } catch (BadValue e) {
            return bad(field, e);
        }
    }

    /** An INEGI code, zero-padded to {@code width} digits. */
    public String code(int field, boolean required, int width, int max) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        try {
            return Values.code(s, width, max);
        } catch (BadValue e) {
            return bad(field, e);
        }
    }

    /**
     * One of a closed list, matched like headers (case and accents do not matter); returns the
     * canonical spelling.
     */
    public String oneOf(int field, boolean required, Map<String, String> canonicalByKey) {
        String s = text(field);
        if (s == null) {
            return absent(field, required);
        }
        String canonical = canonicalByKey.get(Text.isOwnKey(s) ? s : Text.key(s));
        if (canonical == null) {
            String list = String.join(", ", canonicalByKey.values().stream().sorted().toList());
            problem(field, RejectReason.NOT_ONE_OF.because("not one of " + list, list));
        }
        return canonical;
    }

    /** Records a problem with this field's cell (quoted as {@link DeliveryText} allows). */
    public void problem(int field, Reason reason) {
        add(new RejectedRow(fileName, table, period, line, map.delivered(field), text.cell(raw(field)), reason));
    }

    /**
     * Records a problem with this field, naming the value explicitly (quoted as {@link DeliveryText}
     * allows; a reason that quotes a cell must quote it through {@link #quote} too).
     */
    public void problem(int field, String value, Reason reason) {
        add(new RejectedRow(fileName, table, period, line, map.delivered(field), text.cell(value), reason));
    }

    /** A cell of this file as a reason may quote it. */
    public String quote(String cell) {
        return text.cell(cell);
    }

    public void missing(int field) {
        problem(field, RejectReason.MISSING_VALUE.because("required value is missing"));
    }

    /** A problem with the whole record: no column, and no value (the raw line may hold personal data). */
    public void rowProblem(Reason reason) {
        add(new RejectedRow(fileName, table, period, line, null, null, reason));
    }

    public boolean hasProblems() {
        return problems != null;
    }

    List<RejectedRow> problems() {
        return problems;
    }

    private void add(RejectedRow r) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(r);
    }

    private <T> T absent(int field, boolean required) {
        if (required) {
            missing(field);
        }
        return null;
    }

    private <T> T bad(int field, BadValue e) {
        problem(field, e.reason());
        return null;
    }
}
