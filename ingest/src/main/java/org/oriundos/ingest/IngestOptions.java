package org.oriundos.ingest;

/**
 * How ingest treats files.
 *
 * @param maxRejectShare a file whose rejected rows pass this share of its data rows loads nothing
 *                       and fails (default 5%)
 * @param chunkRows      records per chunk: the unit of commit and restart, one Parquet part each
 * @param maxRowDrop     a delivery that would replace another is held back (loads nothing, FAILED)
 *                       when its loaded rows fall by more than this share of the rows of the delivery
 *                       it replaces (default 50%): a cut-off copy must not silently replace a whole one
 */
public record IngestOptions(double maxRejectShare, int chunkRows, double maxRowDrop) {
    public static final double DEFAULT_MAX_ROW_DROP = 0.5;
    public static final IngestOptions DEFAULTS = new IngestOptions(0.05, 50_000, DEFAULT_MAX_ROW_DROP);

    public IngestOptions(double maxRejectShare, int chunkRows) {
        this(maxRejectShare, chunkRows, DEFAULT_MAX_ROW_DROP);
    }

    public IngestOptions {
        if (maxRejectShare < 0 || maxRejectShare > 1) {
            throw new IllegalArgumentException("maxRejectShare must be between 0 and 1, got " + maxRejectShare);
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        if (maxRowDrop < 0 || maxRowDrop > 1) {
            throw new IllegalArgumentException("maxRowDrop must be between 0 and 1, got " + maxRowDrop);
        }
    }
}
