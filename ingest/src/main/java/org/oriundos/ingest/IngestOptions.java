package org.oriundos.ingest;

/**
 * How ingest treats files.
 *
 * @param maxRejectShare a file whose rejected rows pass this share of its data rows loads nothing
 *                       and fails (default 5%)
 * @param chunkRows      records per chunk: the unit of commit and restart, one Parquet part each
 */
public record IngestOptions(double maxRejectShare, int chunkRows) {
    public static final IngestOptions DEFAULTS = new IngestOptions(0.05, 50_000);

    public IngestOptions {
        if (maxRejectShare < 0 || maxRejectShare > 1) {
            throw new IllegalArgumentException("maxRejectShare must be between 0 and 1, got " + maxRejectShare);
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
    }
}
