package org.oriundos.ingest;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the {@code rejects} table ({@link RawTables#REJECTS}): a {@link RejectedRow} and the
 * load it was rejected from. Its components are the table's columns, in order. The reason's code
 * and parameters came last, after the load: a file written before them reads with both null.
 */
public record RejectRow(
        @Required String sourceFile,
        @Required String sourceTable,
        @Required String period,
        long line,
        String column,
        String value,                      // never personal data
        @Required String reason,
        @Required String loadId,
        String reasonCode,                 // a RejectReason; null in a file written before the codes
        String reasonArgs) {               // its parameters, joined by Reason.SEPARATOR; null when none

    static RejectRow of(RejectedRow r, String loadId) {
        return new RejectRow(r.sourceFile(), r.sourceTable(), r.period(), r.line(), r.column(), r.value(), r.reason(),
                loadId, r.reasonCode(), r.reasonArgs());
    }

    RejectedRow rejected() {
        return new RejectedRow(sourceFile, sourceTable, period, line, column, value, reason, reasonCode, reasonArgs);
    }
}
