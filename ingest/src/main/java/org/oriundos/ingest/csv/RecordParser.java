package org.oriundos.ingest.csv;

import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;

/**
 * Turns the fields of one record of one layout into a row of the source's raw table. Problems go
 * through {@link Fields}' accessors; a record with any is rejected whole.
 */
public interface RecordParser {

    Layout layout();

    /**
     * Fills {@code row} (the raw table's columns, lineage excepted, which the reader fills).
     * Personal-data columns are not in any layout, so they are never read.
     */
    void parse(Fields fields, Object[] row);

    /**
     * The record's key, unique within a file (a FOLIO), or {@code null} when it has none or the
     * source has no key. Two records of a file with the same key are both rejected, unless
     * {@link #loadsExactRepeatOnce()} and the two are the same entry.
     */
    String key(Fields fields);

    /** The layout field holding the key (for reject messages), or -1 when the key is composite. */
    int keyField();

    /** Why a record with a repeated key is rejected, for a person (the text may quote the key; the code does not). */
    Reason duplicateReason(String key);

    /**
     * Whether an entry repeated exactly (every delivered field equal once cleaned, personal-data
     * columns aside) is a delivery fault that loads the entry once, from its first line, and
     * rejects each repeat; records that share the key but differ are still all rejected.
     */
    default boolean loadsExactRepeatOnce() {
        return false;
    }

    /** Why an exact repeat of the entry on {@code firstLine} is rejected, for a person. */
    default Reason repeatReason(String key, long firstLine) {
        return RejectReason.REPEATED_ENTRY.because("duplicate entry of line " + firstLine
                + ": every field is the same; the entry is loaded once, from line " + firstLine);
    }
}
