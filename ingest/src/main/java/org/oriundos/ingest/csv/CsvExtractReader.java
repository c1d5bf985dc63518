package org.oriundos.ingest.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.DeliveryChangedException;
import org.oriundos.ingest.DeliveryText;
import org.oriundos.ingest.ExtractReader;
import org.oriundos.ingest.FileRefusedException;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.RowOutcome;

/**
 * Streams the records of one delivered CSV file through a {@link RecordParser}: one record in
 * memory at a time. Blank records and the provider's TOTAL row are skipped (and counted); a
 * record with the wrong number of fields, a repeated key or any bad cell is rejected.
 */
public final class CsvExtractReader implements ExtractReader {
    private static final int BUFFER_CHARS = 1 << 16;

    /** Comma, double quotes, LF or CRLF; empty lines kept so line numbers stay true. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();

    private final Delivery delivery;
    private final DetectedEncoding encoding;
    private final RecordParser parser;
    private final HeaderMap map;
    private final KeyIndex repeatedKeys;
    /** The keys of this pass, when the repeated ones are not known yet; null when they are. */
    private final KeyIndex keysSeen;
    private final RepeatedEntries repeatedEntries;
    private final Fields fields;
    private final DeliveryText text;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final CountingInputStream bytes;
    private final Opened opened;
    private final int rowWidth;
    /** The lineage of every row, one instance each for the whole file (the Parquet writer reuses a repeated instance's bytes). */
    private final String fileName;
    private final String loadId;
    private long lastLine;
    private long consumed;
    private boolean ended;
    private KeyIndex sealedSeen;
    /** A key of this pass came a second time: the pass will have to be done again knowing the repeats. */
    private boolean repeatSeen;

    private CsvExtractReader(Delivery delivery, DetectedEncoding encoding, RecordParser parser, HeaderMap map,
                             KeyIndex repeatedKeys, KeyIndex keysSeen, RepeatedEntries repeatedEntries,
                             Opened opened) {
        this.delivery = delivery;
        this.encoding = encoding;
        this.parser = parser;
        this.map = map;
        this.repeatedKeys = repeatedKeys;
        this.keysSeen = keysSeen;
        this.repeatedEntries = repeatedEntries;
        this.text = DeliveryText.of(delivery.source(), map.personal());
        this.fields = new Fields(map, delivery.fileName(), delivery.source().tableName(), delivery.period(), text);
        this.csv = opened.csv;
        this.records = opened.records;
        this.bytes = opened.bytes;
        this.opened = opened;
        this.lastLine = opened.csv.getCurrentLineNumber();
        this.rowWidth = delivery.source().table().size();
        this.fileName = delivery.fileName();
        this.loadId = delivery.loadId();
    }

    /** An open file, positioned after its header row. */
    public static final class Opened implements AutoCloseable {
        final CSVParser csv;
        final Iterator<CSVRecord> records;
        final List<String> header;
        final CountingInputStream bytes;

        private Opened(CSVParser csv, Iterator<CSVRecord> records, List<String> header, CountingInputStream bytes) {
            this.csv = csv;
            this.records = records;
            this.header = header;
            this.bytes = bytes;
        }

        public List<String> header() {
            return header;
        }

        /** The records not yet read (after the header, when it was read). */
        public Iterator<CSVRecord> records() {
            return records;
        }

        /** The physical line the parser has read up to (the last line of the record just read). */
        public long currentLine() {
            return csv.getCurrentLineNumber();
        }

        /** Bytes of the file read so far (ahead of the record being parsed by at most a read buffer). */
        public long bytesRead() {
            return bytes.count();
        }

        /**
         * At the end of the file: the bytes read must be the bytes the inbox scan hashed, or the
         * file changed under the load (appended, rewritten, cut) and nothing of this reading may be
         * published ({@link DeliveryChangedException}). Nothing to check when the file was not
         * opened for hashing.
         */
        public void checkWholeDelivery(Delivery delivery) {
            if (!bytes.hashing()) {
                return;
            }
            String sha;
            try {
                sha = bytes.drainAndHash();
            } catch (IOException e) {
                throw new DeliveryChangedException(delivery.fileName(), "the file could not be read to its end ("
                        + e.getClass().getSimpleName() + "); nothing of it is published, and the next night takes it again");
            }
            long read = bytes.count();
            if (read != delivery.bytes() || !sha.equalsIgnoreCase(delivery.sha256())) {
                throw new DeliveryChangedException(delivery.fileName(), "the file changed while it was being loaded: "
                        + "the load read " + read + " bytes (SHA-256 " + sha.substring(0, 16) + "…) but the inbox scan saw "
                        + delivery.bytes() + " bytes (SHA-256 " + delivery.loadId() + "…); nothing of it is published,"
                        + " and the next night takes it once it has stopped changing");
            }
        }

        @Override
        public void close() {
            try {
                csv.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens a file in its encoding and reads its header row; refuses an empty file. */
    public static Opened open(Path file, DetectedEncoding encoding) throws IOException {
        return open(file, encoding, false);
    }

    /**
     * As {@link #open(Path, DetectedEncoding)}; with {@code hash}, every byte read is hashed, and a
     * reader over it checks at the end of the file that it read the bytes the inbox scan hashed.
     */
    public static Opened open(Path file, DetectedEncoding encoding, boolean hash) throws IOException {
        Opened raw = openRecords(file, encoding, hash);
        CSVParser csv = raw.csv;
        Iterator<CSVRecord> records = raw.records;
        CountingInputStream in = raw.bytes;
        try {
            CSVRecord header;
            try {
                header = records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException e) {
                csv.close();
                throw new FileRefusedException(file.getFileName().toString(),
                        "the header row cannot be read as CSV: " + e.getCause().getMessage());
            }
            if (header == null || (header.size() == 1 && Text.clean(header.get(0)) == null)) {
                csv.close();
                throw new FileRefusedException(file.getFileName().toString(), header == null
                        ? "the file is empty: it has no header row" : "the first line is blank: there is no header row");
            }
            return new Opened(csv, records, header.toList(), in);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a file in its encoding, positioned before its first record, reading no header: for a
     * layout whose header is not its first row (a Banco de México SIE export opens with a block of
     * metadata). With {@code hash}, every byte read is hashed for {@link Opened#checkWholeDelivery}.
     */
    public static Opened openRecords(Path file, DetectedEncoding encoding, boolean hash) throws IOException {
        CountingInputStream in = new CountingInputStream(Files.newInputStream(file), hash);
        try {
            in.skipNBytes(encoding.bomLength());
            var decoder = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), BUFFER_CHARS);
            CSVParser csv = FORMAT.parse(reader);
            return new Opened(csv, csv.iterator(), null, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A reader over the records after the header, skipping the first {@code resumeAfterRecords}
     * (already loaded by an interrupted run).
     * <p>
     * With {@code knownRepeats} null the file is read in one pass that takes every key for single
     * and notes the keys it reads (those of the skipped records too): most files repeat none, and
     * are read once. When some key did repeat, {@link #repeatedKeysFound()} says which at the end
     * of the file, and the file must be read again with them as {@code knownRepeats}: then every
     * record of a repeated key is rejected (or, where the source loads an exact repeat once, a
     * first pass over the records of repeated keys tells exact repeats from conflicting records).
     */
    public static CsvExtractReader over(Delivery delivery, DetectedEncoding encoding, RecordParser parser,
                                        HeaderMap map, Opened opened, long resumeAfterRecords,
                                        KeyIndex knownRepeats) throws IOException {
        CsvExtractReader reader;
        if (knownRepeats == null) {
            reader = new CsvExtractReader(delivery, encoding, parser, map, KeyIndex.none(), new KeyIndex(), null,
                    opened);
        } else {
            RepeatedEntries entries = parser.loadsExactRepeatOnce() && knownRepeats.hasRepeats()
                    ? findRepeatedEntries(delivery, encoding, parser, map, knownRepeats) : null;
            reader = new CsvExtractReader(delivery, encoding, parser, map, knownRepeats, null, entries, opened);
        }
        for (long i = 0; i < resumeAfterRecords && reader.skipOne(); i++) {
            // records before the restart point were loaded by the earlier attempt
        }
        return reader;
    }

    private static KeyIndex findRepeatedKeys(Delivery delivery, DetectedEncoding encoding, RecordParser parser,
                                             HeaderMap map) throws IOException {
        KeyIndex index = new KeyIndex();
        Fields f = new Fields(map, delivery.fileName(), delivery.source().tableName(), delivery.period(),
                DeliveryText.of(delivery.source(), map.personal()));
        try (Opened o = open(delivery.file(), encoding)) {
            while (true) {
                CSVRecord rec;
                try {
                    if (!o.records.hasNext()) {
                        break;
                    }
                    rec = o.records.next();
                } catch (UncheckedIOException e) {
                    break; // the main pass reports it
                }
                if (isData(rec, map.width())) {
                    f.reset(rec, 0);
                    String key = parser.key(f);
                    if (key != null) {
                        index.add(key);
                    }
                }
            }
        }
        return index.seal();
    }

    private static RepeatedEntries findRepeatedEntries(Delivery delivery, DetectedEncoding encoding,
                                                       RecordParser parser, HeaderMap map, KeyIndex repeated)
            throws IOException {
        RepeatedEntries entries = new RepeatedEntries();
        Fields f = new Fields(map, delivery.fileName(), delivery.source().tableName(), delivery.period(),
                DeliveryText.of(delivery.source(), map.personal()));
        try (Opened o = open(delivery.file(), encoding)) {
            long lastLine = o.csv.getCurrentLineNumber();
            while (true) {
                CSVRecord rec;
                try {
                    if (!o.records.hasNext()) {
                        break;
                    }
                    rec = o.records.next();
                } catch (UncheckedIOException e) {
                    break; // the main pass reports it
                }
                long start = lastLine + 1;
                lastLine = o.csv.getCurrentLineNumber();
                if (isData(rec, map.width())) {
                    f.reset(rec, start);
                    String key = parser.key(f);
                    if (key != null && repeated.isRepeated(key)) {
                        entries.add(key, contentHash(rec, map), start);
                    }
                }
            }
        }
        return entries;
    }

    /**
     * A hash of every delivered field of the record once cleaned as values are (NFC, trimmed,
     * blanks collapsed; a blank cell is no value), personal-data columns left unread.
     */
    static long contentHash(CSVRecord rec, HeaderMap map) {
        StringBuilder b = new StringBuilder(256);
        for (int i = 0; i < rec.size(); i++) {
            if (map.isPersonal(i)) {
                continue;
            }
            String v = Text.clean(rec.get(i));
            b.append(v == null ? "\u0000" : v).append('\u001f');
        }
        return KeyIndex.hash(b.toString());
    }

    private boolean skipOne() {
        try {
            if (!records.hasNext()) {
                return false; // next() finds the end, and checks the bytes read
            }
            CSVRecord rec = records.next();
            if (keysSeen != null && isData(rec, map.width())) {
                fields.reset(rec, 0);
                noteKey(parser.key(fields));
            }
        } catch (UncheckedIOException e) {
            ended = true;
            return false;
        }
        lastLine = csv.getCurrentLineNumber();
        consumed++;
        return true;
    }

    private void noteKey(String key) {
        if (key != null && keysSeen.add(key)) {
            repeatSeen = true;
        }
    }

    @Override
    public boolean repeatSeen() {
        return repeatSeen;
    }

    @Override
    public int readKeysOnly(int records) {
        if (keysSeen == null) {
            throw new IllegalStateException("the repeated keys are known: there are no keys left to find");
        }
        int n = 0;
        while (n < records && !ended) {
            if (!skipOne()) {
                if (ended) {
                    return -1; // a record the parser cannot read: only a full reading tells what becomes of it
                }
                ended = true;
                checkWholeDelivery();
                break;
            }
            n++;
        }
        return n;
    }

    @Override
    public KeyIndex repeatedKeysFound() {
        if (keysSeen == null || !ended) {
            return null;
        }
        if (sealedSeen == null) {
            sealedSeen = keysSeen.seal();
        }
        return sealedSeen.hasRepeats() ? sealedSeen : null;
    }

    @Override
    public RowOutcome next() {
        if (ended) {
            return null;
        }
        long start = lastLine + 1;
        CSVRecord rec;
        try {
            if (!records.hasNext()) {
                ended = true;
                checkWholeDelivery();
                return null;
            }
            rec = records.next();
        } catch (UncheckedIOException e) {
            ended = true;
            return unreadable(start, e);
        }
        lastLine = csv.getCurrentLineNumber();
        consumed++;
        return classify(rec, start);
    }

    /**
     * At the end of the file: the bytes read must be the bytes the inbox scan hashed, or the file
     * changed under the load (appended, rewritten, cut) and nothing of this reading may be published.
     */
    private void checkWholeDelivery() {
        opened.checkWholeDelivery(delivery);
    }

    private RowOutcome unreadable(long start, UncheckedIOException e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            consumed++;
            long end = csv.getCurrentLineNumber();
            String span = end > start ? "lines " + start + " to " + end + " (the end of the file)" : "line " + start;
            return new RowOutcome.Rejected(start, List.of(new RejectedRow(delivery.fileName(),
                    delivery.source().tableName(), delivery.period(), start, null, null,
                    RejectReason.UNCLOSED_QUOTE.because("a quoted field opened here is never closed: the file is cut"
                            + " off or a quote is missing; " + span + " cannot be read"))));
        }
        // Past a malformed quote the parser cannot find where records start again: refuse the file
        // rather than guess (and perhaps load shifted columns). A refusal is recorded against the
        // scanned bytes, so first make sure they are what is there (a copy still running is not refused).
        checkWholeDelivery();
        throw new FileRefusedException(delivery.fileName(), "malformed CSV in the record starting on line " + start
                + ": " + message);
    }

    /** Whether the decoder had to replace bytes it could not decode (with U+FFFD). */
    private static boolean hasUndecodableBytes(CSVRecord rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.get(i).indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isData(CSVRecord rec, int width) {
        return !isBlank(rec) && !isTotal(rec) && fieldCountOk(rec, width);
    }

    private static boolean isBlank(CSVRecord rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (Text.clean(rec.get(i)) != null) {
                return false;
            }
        }
        return true;
    }

    /** The provider's total row: {@code TOTAL} (or {@code TOTALES}, {@code TOTAL GENERAL}) in the first column. */
    private static boolean isTotal(CSVRecord rec) {
        String first = rec.get(0);
        int start = 0;
        while (start < first.length() && Text.isBlank(first.charAt(start))) {
            start++;
        }
        if (!first.regionMatches(true, start, "TOTAL", 0, 5)) {
            return false; // the common case, decided without allocating
        }
        String key = Text.key(first);
        return key.equals("TOTAL") || key.equals("TOTALES") || key.startsWith("TOTAL_");
    }

    /**
     * Exactly as many fields as the header. Even extra blank fields are refused: a record with
     * one field too many is as likely an unquoted comma that shifted every column after it.
     */
    private static boolean fieldCountOk(CSVRecord rec, int width) {
        return rec.size() == width;
    }

    private RowOutcome classify(CSVRecord rec, long start) {
        if (isBlank(rec)) {
            return new RowOutcome.Skipped(start, "blank record");
        }
        if (isTotal(rec)) {
            return new RowOutcome.Skipped(start, "the provider's TOTAL row");
        }
        fields.reset(rec, start);
        if (!fieldCountOk(rec, map.width())) {
            boolean fewer = rec.size() < map.width();
            fields.rowProblem((fewer ? RejectReason.TOO_FEW_FIELDS : RejectReason.TOO_MANY_FIELDS).because(
                    "the record has " + rec.size() + " fields but the header has " + map.width()
                            + (fewer ? " (a cut-off line?)" : " (an unquoted comma?)"), rec.size(), map.width()));
            return new RowOutcome.Rejected(start, fields.problems());
        }
        String key = parser.key(fields);
        if (keysSeen != null) {
            noteKey(key); // every data record's key counts, as in a pass of its own
        }
        if (encoding.toldFromPrefix() && hasUndecodableBytes(rec)) {
            // no value in the reject: the undecodable cell may be a personal one
            fields.rowProblem(RejectReason.MIXED_ENCODING.because("the record holds bytes that are not valid UTF-8,"
                    + " but the file's first " + encoding.checkedBytes() + " bytes are UTF-8: the file mixes encodings;"
                    + " the record cannot be read faithfully", encoding.checkedBytes()));
            return new RowOutcome.Rejected(start, fields.problems());
        }
        Object[] row = new Object[rowWidth];
        parser.parse(fields, row);
        if (key != null && repeatedKeys.isRepeated(key)) {
            RepeatedEntries.Verdict verdict = repeatedEntries == null ? RepeatedEntries.Verdict.CONFLICT
                    : repeatedEntries.verdict(key, start);
            int kf = parser.keyField();
            // a delivered key is quoted (in the value and the reason) only as the masking rule allows;
            // a composite key is one of our own making (a hash)
            String shown = kf >= 0 ? text.cell(key) : key;
            Reason reason = switch (verdict) {
                case FIRST -> null;
                case REPEAT -> parser.repeatReason(shown, repeatedEntries.firstLine(key));
                case CONFLICT -> parser.duplicateReason(shown);
            };
            if (reason != null && kf >= 0) {
                fields.problem(kf, key, reason);
            } else if (reason != null) {
                fields.rowProblem(reason);
            }
        }
        if (text.masks() && !fields.hasProblems()) {
            rejectShiftedContactData(rec);
        }
        if (fields.hasProblems()) {
            return new RowOutcome.Rejected(start, fields.problems());
        }
        row[rowWidth - 3] = fileName;
        row[rowWidth - 2] = start;
        row[rowWidth - 1] = loadId;
        return new RowOutcome.Loaded(start, row);
    }

    /**
     * In a file that carries personal data, an e-mail address outside the personal columns means
     * the row's fields are shifted (a missing field and an unquoted comma cancel out in the count):
     * loading it would put contact data in the lake. The row is rejected, quoting nothing.
     */
    private void rejectShiftedContactData(CSVRecord rec) {
        Layout layout = map.layout();
        for (int f = 0; f < layout.columns().size(); f++) {
            int p = map.position(f);
            if (p >= 0 && looksLikeEmail(rec.get(p))) {
                fields.rowProblem(RejectReason.SHIFTED_CONTACT_DATA.because("column " + map.delivered(f) + " (column "
                        + (p + 1) + ") holds what looks like an e-mail address: the row's fields are shifted (a missing"
                        + " field, or an unquoted comma?); no value is quoted, the file carries personal data",
                        map.delivered(f), p + 1));
                return;
            }
        }
    }

    private static boolean looksLikeEmail(String cell) {
        int at = cell.indexOf('@');
        return at > 0 && cell.indexOf('.', at) > at + 1 && cell.indexOf(' ', at) < 0;
    }

    @Override
    public long recordsConsumed() {
        return consumed;
    }

    @Override
    public long bytesRead() {
        return bytes.count();
    }

    @Override
    public String encoding() {
        return encoding.name();
    }

    @Override
    public String layout() {
        return parser.layout().name();
    }

    @Override
    public List<String> ignoredColumns() {
        return map.ignored();
    }

    @Override
    public List<String> droppedPersonalColumns() {
        return map.personal();
    }

    @Override
    public List<String> absentColumns() {
        return map.absent();
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + delivery.fileName() + ": " + e.getMessage(), e);
        }
    }
}
