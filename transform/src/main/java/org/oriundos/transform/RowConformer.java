package org.oriundos.transform;

import org.oriundos.ingest.lake.TableSchema;

/** Conforms the rows of one raw table, one at a time, into its conformed table. */
interface RowConformer {
    /** The conformed table written. */
    TableSchema target();

    /** Conforms one raw row: writes the conformed row, and any link or unresolved value, to {@code out}. */
    void conform(Object[] raw, PartitionOutput out);

    /** A new row of {@code to} holding the columns both tables name alike, lineage included. */
    static Object[] rowWithSameNames(TableSchema from, Object[] raw, TableSchema to) {
        Object[] row = to.newRow();
        for (int i = 0; i < to.size(); i++) {
            String name = to.columns().get(i).name();
            if (from.has(name)) {
                row[i] = raw[from.indexOf(name)];
            }
        }
        return row;
    }
}
