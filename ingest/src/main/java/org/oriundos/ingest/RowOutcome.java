package org.oriundos.ingest;

import java.util.List;

/** What became of one record of a delivered file: every record read is exactly one of these. */
public sealed interface RowOutcome permits RowOutcome.Loaded, RowOutcome.Rejected, RowOutcome.Skipped {

    /** The physical line the record starts on (the header is line 1). */
    long line();

    /** A valid row, typed per the source's raw table, lineage columns filled. */
    record Loaded(long line, Object[] row) implements RowOutcome {
    }

    /** A row that cannot be loaded, with every problem found in it (at least one). */
    record Rejected(long line, List<RejectedRow> problems) implements RowOutcome {
    }

    /** A record that is not data and is counted as skipped: the provider's TOTAL row, a blank record. */
    record Skipped(long line, String reason) implements RowOutcome {
    }
}
