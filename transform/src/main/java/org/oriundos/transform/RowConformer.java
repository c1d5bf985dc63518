package org.oriundos.transform;

import org.oriundos.ingest.lake.TableSchema;

/** Conforms the rows of one raw table, one at a time, into its conformed table. */
interface RowConformer {
    /** The conformed table written. */
    TableSchema target();

    /** Conforms one raw row: writes the conformed row, and any link or unresolved value, to {@code out}. */
    void conform(Object[] raw, PartitionOutput out);
}
