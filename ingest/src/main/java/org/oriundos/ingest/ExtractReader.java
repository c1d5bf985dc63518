package org.oriundos.ingest;

import java.util.List;
import org.oriundos.ingest.csv.KeyIndex;

/**
 * Reads one delivered file record by record, streaming (memory does not grow with the file).
 * Opened by {@code ExtractReaders.open}, which has already detected the encoding and layout and
 * checked the header (a missing required column refuses the whole file there).
 */
public interface ExtractReader extends AutoCloseable {

    /** The next record's outcome, or {@code null} at the end of the file. */
    RowOutcome next();

    /**
     * Read to its end in one pass that did not know which keys repeat: the keys it found more than
     * once (the rows it took for single must be read again, knowing them), or {@code null} when no
     * key repeats or the reader knew the repeated keys from the start.
     */
    default KeyIndex repeatedKeysFound() {
        return null;
    }

    /**
     * Whether this reading, which did not know which keys repeat, has met a key it had already read:
     * then the file must be read again knowing the repeats ({@link #repeatedKeysFound()}), and
     * nothing this reading validates or writes is kept, so it can go on with {@link #readKeysOnly}.
     */
    default boolean repeatSeen() {
        return false;
    }

    /**
     * Reads up to {@code records} more records for their keys alone (no validation, no row), as the
     * rest of a reading that {@link #repeatSeen() met a repeated key}; at the end of the file it
     * checks, as {@link #next()} does, that the bytes read are those the scan hashed.
     *
     * @return the records consumed (fewer than asked at the end of the file), or -1 when a record
     *         could not be read as CSV (only a full reading tells whether that rejects the record
     *         or refuses the file)
     */
    default int readKeysOnly(int records) {
        throw new UnsupportedOperationException("this reader does not note keys");
    }

    /** How many records (data, rejected or skipped; not the header) were consumed so far. */
    long recordsConsumed();

    /** The detected encoding: {@code UTF-8}, {@code UTF-8 (BOM)} or {@code windows-1252}. */
    String encoding();

    /** The layout told by the header (e.g. {@code 2013}, {@code 2002}, {@code current}, {@code historic}). */
    String layout();

    /** Header names the file had that the source does not know (ignored, and reported). */
    List<String> ignoredColumns();

    /** Personal-data columns (PRESIDENTE, TELEFONO, CORREO) the file had: dropped unread. */
    default List<String> droppedPersonalColumns() {
        return List.of();
    }

    /**
     * The layout's own columns the file does not have (descriptive ones: a file without a needed
     * column is refused); the ledger records them.
     */
    default List<String> absentColumns() {
        return List.of();
    }

    /** Absent columns as the ledger records them: comma-separated, or {@code null} when none. */
    static String absentText(List<String> absent) {
        return absent == null || absent.isEmpty() ? null : String.join(", ", absent);
    }

    /** What the ledger says about the header: ignored and dropped columns, or {@code null} when none. */
    default String headerNote() {
        StringBuilder b = new StringBuilder();
        if (!ignoredColumns().isEmpty()) {
            b.append("ignored unknown columns: ").append(String.join(", ", ignoredColumns()));
        }
        if (!droppedPersonalColumns().isEmpty()) {
            b.append(b.length() > 0 ? "; " : "").append("personal-data columns dropped unread: ")
                    .append(String.join(", ", droppedPersonalColumns()));
        }
        return b.length() == 0 ? null : b.toString();
    }

    /**
     * Bytes of the file read so far (ahead of the record being parsed by at most a read buffer),
     * for progress and ETA; -1 when the reader cannot tell.
     */
    default long bytesRead() {
        return -1L;
    }

    @Override
    void close();
}
