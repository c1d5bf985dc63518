package org.oriundos.ingest.banxico;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.DeliveryChangedException;
import org.oriundos.ingest.ExtractReader;
import org.oriundos.ingest.FileRefusedException;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.ingest.csv.BadValue;
import org.oriundos.ingest.csv.CsvExtractReader;
import org.oriundos.ingest.csv.DetectedEncoding;
import org.oriundos.ingest.csv.Text;
import org.oriundos.ingest.csv.Values;

/**
 * Reads a Banco de México SIE export (docs/extracts.md, "Banco de México remittance series"): a
 * block of metadata lines (the consultation time among them), then one row per metadata field
 * ({@code Título}, {@code Periodicidad}, {@code Unidad}, … {@code Fecha}, the last holding the series
 * ids) with one column per series, then one row per period. The wide layout becomes long rows of
 * {@link RawTables#REMITTANCES}, one per series and period.
 *
 * <p>A <em>record</em> here is one value: the cell of one series in one period's row. Every cell is
 * loaded (a number, or {@code N/E} or blank: not available), rejected (file, line, the series' id and
 * title as its column, the cell, the reason) or skipped (a blank cell where the series has no period,
 * such as a quarterly series in a month that starts no quarter); a blank line in the data counts as
 * one skipped record. So the ledger's {@code rows_read = rows_loaded + rows_rejected + rows_skipped}
 * counts values.
 *
 * <p>Memory holds the series' metadata (a few strings per column) and one row of cells at a time,
 * whatever the number of columns or periods: a row of 2,500 cells becomes 2,500 outcomes, handed out
 * one by one.
 */
public final class SieExportReader implements ExtractReader {
    /** The layout's name in the ledger. */
    public static final String LAYOUT = "sie";

    private static final String TITLE = "TITULO";
    private static final String PERIODICITY = "PERIODICIDAD";
    private static final String UNIT = "UNIDAD";
    private static final String IDS = "FECHA";
    /**
     * The metadata rows, by the comparison key of their first cell, and whether a file needs them, in
     * the order SIE writes them; read by every reader, so it cannot be changed (readers of two files
     * may run at once).
     */
    private static final Map<String, Boolean> METADATA = metadataRows();

    /** How the metadata rows are named in messages (as SIE writes them). */
    private static final Map<String, String> LABELS = Map.of(TITLE, "Título", "PERIODO_DISPONIBLE", "Periodo disponible",
            PERIODICITY, "Periodicidad", "CIFRA", "Cifra", UNIT, "Unidad", "BASE", "Base", "AVISO", "Aviso",
            "TIPO_DE_INFORMACION", "Tipo de información", IDS, "Fecha");

    /** A series id: {@code SE} and digits. */
    private static final Pattern SERIES_ID = Pattern.compile("SE\\d+", Pattern.CASE_INSENSITIVE);
    /** A number as SIE writes it, or as a spreadsheet re-saves it (thousands grouped in threes). */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    /** Lines read looking for the Fecha row before the file is taken for something else. */
    private static final int MAX_METADATA_LINES = 200;

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private static Map<String, Boolean> metadataRows() {
        Map<String, Boolean> rows = new LinkedHashMap<>();
        rows.put(TITLE, true);
        rows.put("PERIODO_DISPONIBLE", false);
        rows.put(PERIODICITY, true);
        rows.put("CIFRA", false);
        rows.put(UNIT, true);
        rows.put("BASE", false);
        rows.put("AVISO", false);
        rows.put("TIPO_DE_INFORMACION", false);
        rows.put(IDS, true);
        return Collections.unmodifiableMap(rows);
    }

    public static final String QUARTERLY = "QUARTERLY";
    public static final String MONTHLY = "MONTHLY";

    private final Delivery delivery;
    private final DetectedEncoding encoding;
    private final CsvExtractReader.Opened opened;
    private final String consultedAt;
    private final Series[] series;
    private final int width;
    private final Map<LocalDate, Integer> periodLines;
    private final List<String> ignored;
    private final List<String> absent;
    private final String table = RawTables.REMITTANCES.name();
    /** Lineage, the same on every row: one string each, not one per value. */
    private final String fileName;
    private final String loadId;

    private long lastLine;
    private long consumed;
    private boolean ended;
    /** The file ended inside a quoted field: once that line's values are handed out, nothing follows. */
    private boolean cutOff;
    /** The data row being handed out cell by cell, or null between rows. */
    private Line line;
    private int cell;

    /** One column: a series and whatever makes its cells unusable (null when they are fine). */
    private record Series(String id, String title, String stateName, String municipalityName, String periodicity,
                          String unit, String label, Reason problem, Integer column) {
    }

    /** One data row: its cells, its period (or why it has none), where it starts (boxed once, for all its values). */
    private record Line(CSVRecord record, Long start, LocalDate period, Reason problem) {
    }

    private SieExportReader(Delivery delivery, DetectedEncoding encoding, CsvExtractReader.Opened opened,
                            String consultedAt, Series[] series, Map<LocalDate, Integer> periodLines,
                            List<String> ignored, List<String> absent, long lastLine) {
        this.delivery = delivery;
        this.encoding = encoding;
        this.opened = opened;
        this.consultedAt = consultedAt;
        this.series = series;
        this.width = series.length + 1;
        this.periodLines = periodLines;
        this.ignored = List.copyOf(ignored);
        this.absent = List.copyOf(absent);
        this.lastLine = lastLine;
        this.fileName = delivery.fileName();
        this.loadId = delivery.loadId();
    }

    /**
     * Opens an export, reads its metadata, and skips the first {@code resumeAfterRecords} records
     * (values an interrupted run already committed). A file that is not an SIE export, or whose
     * metadata cannot be read, is refused ({@link FileRefusedException}) naming what is missing; no
     * cell of it is quoted.
     */
    public static SieExportReader open(Delivery d, DetectedEncoding encoding, long resumeAfterRecords)
            throws IOException {
        CsvExtractReader.Opened opened = CsvExtractReader.openRecords(d.file(), encoding, true);
        try {
            SieExportReader reader = readMetadata(d, encoding, opened);
            for (long i = 0; i < resumeAfterRecords && reader.next() != null; i++) {
                // values before the restart point were loaded by the earlier attempt
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static SieExportReader readMetadata(Delivery d, DetectedEncoding encoding, CsvExtractReader.Opened opened)
            throws IOException {
        String name = d.fileName();
        LocalDateTime consulted = null;
        Map<String, List<String>> rows = new HashMap<>();
        Map<String, Long> rowLines = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        long lastLine = 0;
        int seen = 0;
        while (!rows.containsKey(IDS)) {
            CSVRecord rec;
            try {
                if (!opened.records().hasNext()) {
                    break;
                }
                rec = opened.records().next();
            } catch (UncheckedIOException e) {
                throw new FileRefusedException(name, "malformed CSV in the metadata of the SIE export, on line "
                        + (lastLine + 1) + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            }
            long start = lastLine + 1;
            lastLine = opened.currentLine();
            if (++seen > MAX_METADATA_LINES) {
                break;
            }
            String first = Text.clean(rec.get(0));
            if (rec.size() == 1 || allBlankAfterFirst(rec)) {
                if (consulted == null && first != null) {
                    try {
                        consulted = SieExport.consultation(first);
                    } catch (IllegalArgumentException e) {
                        throw new FileRefusedException(name, "not a readable SIE export: " + e.getMessage());
                    }
                }
                if (rec.size() == 1) {
                    continue; // the preamble: bank, subject, title, consultation line, blank lines
                }
            }
            String label = Text.key(rec.get(0));
            if (METADATA.containsKey(label)) {
                if (rows.containsKey(label)) {
                    throw new FileRefusedException(name, "the metadata row " + LABELS.get(label) + " appears twice (lines "
                            + rowLines.get(label) + " and " + start + ")");
                }
                rows.put(label, rec.toList());
                rowLines.put(label, start);
            } else if (rows.containsKey(TITLE)) {
                ignored.add(first == null ? "(unnamed row, line " + start + ")" : first);
            } else {
                // a row of several fields that is no metadata row, before any Título: not an export
                // (its cells are not quoted: a file under another name may be anything)
                throw new FileRefusedException(name, "not an SIE export of Banco de México: line " + start + " has "
                        + rec.size() + " fields but is none of the metadata rows (Título, Periodicidad, Unidad, …,"
                        + " Fecha) an export has before its data");
            }
        }
        if (!rows.containsKey(IDS)) {
            throw new FileRefusedException(name, "not an SIE export of Banco de México: no 'Fecha' row of series ids"
                    + " (SE…) " + (seen > MAX_METADATA_LINES ? "in its first " + MAX_METADATA_LINES + " lines"
                    : "before the end of the file"));
        }
        if (consulted == null) {
            throw new FileRefusedException(name, "the SIE export has no 'Fecha de consulta: dd/mm/yyyy hh:mm:ss' line"
                    + " in its metadata: without it, it cannot be told whether it revises other exports or is"
                    + " revised by them");
        }
        String period = SieExport.period(consulted);
        if (!period.equals(d.period())) {
            // the inbox scan read another consultation time: the file changed since
            throw new DeliveryChangedException(name, "the file changed since the inbox scan (its Fecha de consulta now"
                    + " says " + SieExport.text(consulted) + "): nothing is published, and the next night takes it");
        }
        List<String> missing = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Boolean> m : METADATA.entrySet()) {
            if (!rows.containsKey(m.getKey())) {
                (m.getValue() ? missing : absent).add(LABELS.get(m.getKey()));
            }
        }
        if (!missing.isEmpty()) {
            throw new FileRefusedException(name, "the SIE export lacks the metadata row" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ": without " + (missing.size() == 1 ? "it" : "them")
                    + " its values cannot be placed or converted");
        }
        List<String> ids = rows.get(IDS);
        int width = ids.size();
        if (width < 2) {
            throw new FileRefusedException(name, "the Fecha row (line " + rowLines.get(IDS) + ") names no series");
        }
        for (Map.Entry<String, List<String>> r : rows.entrySet()) {
            if (r.getValue().size() != width) {
                throw new FileRefusedException(name, "the metadata row " + LABELS.get(r.getKey()) + " (line "
                        + rowLines.get(r.getKey()) + ") has " + r.getValue().size() + " fields but the Fecha row (line "
                        + rowLines.get(IDS) + ") has " + width + ": the columns cannot be matched to their series");
            }
        }
        Series[] series = new Series[width - 1];
        Map<String, Integer> columnOf = new HashMap<>();
        for (int c = 1; c < width; c++) {
            String id = Text.clean(ids.get(c));
            if (id == null || !SERIES_ID.matcher(id).matches()) {
                throw new FileRefusedException(name, "column " + (c + 1) + " of the Fecha row (line " + rowLines.get(IDS)
                        + ") holds " + (id == null ? "no series id" : "'" + id + "', not a series id")
                        + " (SE and digits, such as SE29695)");
            }
            id = id.toUpperCase(Locale.ROOT);
            Integer before = columnOf.put(id, c + 1);
            if (before != null) {
                throw new FileRefusedException(name, "series " + id + " appears twice in the Fecha row (columns " + before
                        + " and " + (c + 1) + "): which of the two columns holds its values cannot be told");
            }
            String title = Text.clean(rows.get(TITLE).get(c));
            String unit = Text.clean(rows.get(UNIT).get(c));
            String written = Text.clean(rows.get(PERIODICITY).get(c));
            String periodicity = periodicity(written);
            Reason problem = title == null ? RejectReason.SERIES_WITHOUT_TITLE.because("the series has no Título")
                    : unit == null ? RejectReason.SERIES_WITHOUT_UNIT.because("the series has no Unidad")
                    : periodicity == null ? (written == null
                    ? RejectReason.SERIES_WITHOUT_PERIODICITY.because("the series has no Periodicidad")
                    : RejectReason.SERIES_PERIODICITY_NOT_TAKEN.because("the series' Periodicidad is '" + written
                            + "': only Trimestral and Mensual series are taken"))
                    : null;
            SeriesTitle place = SeriesTitle.parse(title);
            String label = id + " (column " + (c + 1) + (title == null ? "" : ": " + title) + ")";
            series[c - 1] = new Series(id, title == null ? "" : title, place.stateName(), place.municipalityName(),
                    periodicity == null ? "" : periodicity, unit == null ? "" : unit, label, problem, c + 1);
        }
        Map<LocalDate, Integer> periodLines = countPeriods(d, encoding, lastLine, width);
        return new SieExportReader(d, encoding, opened, SieExport.text(consulted), series, periodLines, ignored,
                absent, lastLine);
    }

    private static boolean allBlankAfterFirst(CSVRecord rec) {
        for (int i = 1; i < rec.size(); i++) {
            if (Text.clean(rec.get(i)) != null) {
                return false;
            }
        }
        return true;
    }

    /** {@code Trimestral} and {@code Mensual} (case and accents ignored); null for anything else. */
    static String periodicity(String written) {
        String key = Text.key(written);
        return switch (key) {
            case "TRIMESTRAL" -> QUARTERLY;
            case "MENSUAL" -> MONTHLY;
            default -> null;
        };
    }

    /**
     * A first pass over the data rows, keeping only how many rows give each period: a period given
     * twice is rejected on every row that gives it (which row is right cannot be told). Memory: one
     * entry per period, a few hundred at most.
     */
    private static Map<LocalDate, Integer> countPeriods(Delivery d, DetectedEncoding encoding, long dataAfterLine,
                                                        int width) throws IOException {
        Map<LocalDate, Integer> counts = new HashMap<>();
        try (CsvExtractReader.Opened o = CsvExtractReader.openRecords(d.file(), encoding, false)) {
            while (true) {
                CSVRecord rec;
                try {
                    if (!o.records().hasNext()) {
                        break;
                    }
                    rec = o.records().next();
                } catch (UncheckedIOException e) {
                    break; // the main pass reports it
                }
                if (o.currentLine() <= dataAfterLine || rec.size() != width) {
                    continue;
                }
                String first = Text.clean(rec.get(0));
                if (first == null) {
                    continue;
                }
                try {
                    counts.merge(Values.date(first), 1, Integer::sum);
                } catch (BadValue e) {
                    // the main pass rejects it
                }
            }
        }
        return counts;
    }

    @Override
    public RowOutcome next() {
        while (true) {
            if (ended) {
                return null;
            }
            if (line == null) {
                RowOutcome blank = readLine();
                if (blank != null) {
                    consumed++;
                    return blank;
                }
                continue;
            }
            int c = cell++;
            Line l = line;
            if (cell >= width) {
                line = null;
            }
            consumed++;
            return outcome(l, c);
        }
    }

    /** Reads the next data row into {@link #line}; returns the outcome of a blank line, or null. */
    private RowOutcome readLine() {
        long start = lastLine + 1;
        CSVRecord rec;
        try {
            if (cutOff || !opened.records().hasNext()) {
                ended = true;
                opened.checkWholeDelivery(delivery);
                return null;
            }
            rec = opened.records().next();
        } catch (UncheckedIOException e) {
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            if (message != null && message.contains("EOF reached before encapsulated token finished")) {
                // a quote left open until the end: that line's values are rejected, those before it load
                cutOff = true;
                line = new Line(null, start, null, RejectReason.UNCLOSED_QUOTE.because("a quoted field opened on this"
                        + " line is never closed: the file is cut off or a quote is missing; line " + start
                        + " to the end of the file cannot be read"));
                cell = 1;
                return null;
            }
            opened.checkWholeDelivery(delivery);
            throw new FileRefusedException(delivery.fileName(), "malformed CSV in the record starting on line " + start
                    + ": " + message);
        }
        lastLine = opened.currentLine();
        if (allBlank(rec)) {
            return new RowOutcome.Skipped(start, "blank line");
        }
        line = classify(rec, start);
        cell = 1;
        return null;
    }

    private static boolean allBlank(CSVRecord rec) {
        return Text.clean(rec.get(0)) == null && allBlankAfterFirst(rec);
    }

    /** The row's period, or why none of its cells can be loaded. */
    private Line classify(CSVRecord rec, long start) {
        if (rec.size() != width) {
            boolean fewer = rec.size() < width;
            return new Line(null, start, null, (fewer ? RejectReason.TOO_FEW_FIELDS : RejectReason.TOO_MANY_FIELDS)
                    .because("the line has " + rec.size() + " fields but the Fecha row has " + width
                            + (fewer ? " (a cut-off line?)" : " (an unquoted comma?)")
                            + ": its values cannot be matched to their series", rec.size(), width));
        }
        if (encoding.toldFromPrefix() && hasUndecodableBytes(rec)) {
            return new Line(rec, start, null, RejectReason.MIXED_ENCODING.because("the line holds bytes that are not"
                    + " valid UTF-8, but the file's first " + encoding.checkedBytes() + " bytes are UTF-8: the file mixes"
                    + " encodings; the line cannot be read faithfully", encoding.checkedBytes()));
        }
        String first = Text.clean(rec.get(0));
        LocalDate period;
        try {
            if (first == null) {
                throw new BadValue(RejectReason.PERIOD_NOT_A_DATE.because("no period: the line's Fecha cell is blank"));
            }
            period = Values.date(first);
        } catch (BadValue e) {
            return new Line(rec, start, null, RejectReason.PERIOD_NOT_A_DATE.because("the period of this line, '"
                    + (first == null ? "" : first) + "', is not a date dd/mm/yyyy (" + e.getMessage() + ")"));
        }
        if (periodLines.getOrDefault(period, 1) > 1) {
            return new Line(rec, start, null, RejectReason.PERIOD_REPEATED.because("the period " + first
                    + " is given by " + periodLines.get(period) + " lines of the file: which one is right cannot be"
                    + " told, so all of them are rejected", periodLines.get(period)));
        }
        return new Line(rec, start, period, null);
    }

    private RowOutcome outcome(Line l, int c) {
        Series s = series[c - 1];
        String raw = l.record() == null ? null : l.record().get(c);
        String cellText = Text.clean(raw);
        boolean notAvailable = cellText == null || "N/E".equalsIgnoreCase(cellText);
        if (l.problem() != null) {
            return reject(l.start(), s, l.record() == null ? null : raw, l.problem());
        }
        if (s.problem() != null) {
            return reject(l.start(), s, raw, s.problem());
        }
        LocalDate p = l.period();
        Reason notAPeriod = p.getDayOfMonth() != 1 ? RejectReason.PERIOD_NOT_FIRST_OF_MONTH.because(
                "a period starts on the first day of its month, not on " + DAY.format(p))
                : QUARTERLY.equals(s.periodicity()) && (p.getMonthValue() - 1) % 3 != 0
                ? RejectReason.PERIOD_STARTS_NO_QUARTER.because("the series is quarterly, and " + DAY.format(p)
                + " starts no quarter (quarters start on 01/01, 01/04, 01/07 and 01/10)") : null;
        if (notAPeriod != null) {
            return notAvailable ? new RowOutcome.Skipped(l.start(), "no period of the series on this line")
                    : reject(l.start(), s, raw, notAPeriod);
        }
        String value = null;
        if (!notAvailable) {
            if (!NUMBER.matcher(cellText).matches()) {
                return reject(l.start(), s, raw,
                        RejectReason.NOT_A_NUMBER_NOR_NOT_AVAILABLE.because("not a number, nor N/E (not available) nor blank"));
            }
            value = new BigDecimal(cellText.replace(",", "")).toPlainString();
        }
        Object[] row = RawTables.REMITTANCES_ROWS.toRow(new RemittanceRecord(consultedAt, s.id(), s.title(),
                s.stateName(), s.municipalityName(), s.periodicity(), s.unit(), p, value, s.column()));
        row[row.length - 3] = fileName;
        row[row.length - 2] = l.start();
        row[row.length - 1] = loadId;
        return new RowOutcome.Loaded(l.start(), row);
    }

    private RowOutcome reject(long line, Series s, String value, Reason reason) {
        return new RowOutcome.Rejected(line, List.of(new RejectedRow(fileName, table, delivery.period(),
                line, s.label(), value, reason)));
    }

    private static boolean hasUndecodableBytes(CSVRecord rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.get(i).indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long recordsConsumed() {
        return consumed;
    }

    @Override
    public long bytesRead() {
        return opened.bytesRead();
    }

    @Override
    public String encoding() {
        return encoding.name();
    }

    @Override
    public String layout() {
        return LAYOUT;
    }

    /** Metadata rows SIE does not write (named as the file does): ignored, and named in the ledger. */
    @Override
    public List<String> ignoredColumns() {
        return ignored;
    }

    /** Descriptive metadata rows the export lacks ({@code Cifra}, {@code Aviso}, …): taken without them. */
    @Override
    public List<String> absentColumns() {
        return absent;
    }

    @Override
    public String headerNote() {
        return ignored.isEmpty() ? null : "ignored unknown metadata rows: " + String.join(", ", ignored);
    }

    /** How many series the export holds (its columns after Fecha). */
    public int seriesCount() {
        return series.length;
    }

    @Override
    public void close() {
        opened.close();
    }
}
