package org.oriundos.ingest;

import java.time.Instant;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the file ledger ({@link RawTables#LEDGER}) as the file holds it: a {@link LedgerEntry}
 * with its counts spread into columns and its status as text. Its components are the table's
 * columns, in order.
 */
public record LedgerRow(
        @Required String loadId,
        @Required String fileName,
        @Required String sourceTable,
        @Required String period,
        @Required String sha256,
        long bytes,
        String encoding,
        String layout,
        long rowsRead,
        long rowsLoaded,
        long rowsRejected,
        long rowsSkipped,
        @Required String status,           // LOADED, FAILED
        String replacedLoadId,             // the delivery this one replaced
        String message,
        @Required Instant loadedAt,
        String absentColumns) {            // the layout's columns the file did not have, comma-separated

    static LedgerRow of(LedgerEntry e) {
        FileCounts c = e.counts();
        return new LedgerRow(e.loadId(), e.fileName(), e.sourceTable(), e.period(), e.sha256(), e.bytes(),
                e.encoding(), e.layout(), c.read(), c.loaded(), c.rejected(), c.skipped(), e.status().name(),
                e.replacedLoadId(), e.message(), e.loadedAt(), e.absentColumns());
    }

    LedgerEntry entry() {
        return new LedgerEntry(loadId, fileName, sourceTable, period, sha256, bytes, encoding, layout,
                new FileCounts(rowsRead, rowsLoaded, rowsRejected, rowsSkipped), LedgerEntry.Status.valueOf(status),
                replacedLoadId, message, loadedAt, absentColumns);
    }
}
