package org.oriundos.ingest;

import java.time.Instant;

/**
 * One row of the file ledger ({@link RawTables#LEDGER}): a decision about one delivered file.
 * {@code absentColumns} names the layout's columns the file was taken without, comma-separated
 * ({@code null} when it had them all).
 */
public record LedgerEntry(String loadId, String fileName, String sourceTable, String period, String sha256,
                          long bytes, String encoding, String layout, FileCounts counts, Status status,
                          String replacedLoadId, String message, Instant loadedAt, String absentColumns) {

    /** An entry of a file that had every column of its layout. */
    public LedgerEntry(String loadId, String fileName, String sourceTable, String period, String sha256, long bytes,
                       String encoding, String layout, FileCounts counts, Status status, String replacedLoadId,
                       String message, Instant loadedAt) {
        this(loadId, fileName, sourceTable, period, sha256, bytes, encoding, layout, counts, status, replacedLoadId,
                message, loadedAt, null);
    }

    /** The message without the file's name in front (some refusals carry it, the name is shown beside it anyway). */
    public String reason() {
        String prefix = fileName + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    public enum Status {
        /** The file's rows are the current delivery of its (table, period), until replaced. */
        LOADED,
        /** Nothing of the file was loaded; {@code message} says why. */
        FAILED
    }
}
