package org.oriundos.ingest;

/** The account of one file: every record read was loaded, rejected or skipped. */
public record FileCounts(long read, long loaded, long rejected, long skipped) {
    public FileCounts {
        if (read != loaded + rejected + skipped) {
            throw new IllegalArgumentException("counts do not reconcile: read " + read + " != loaded " + loaded
                    + " + rejected " + rejected + " + skipped " + skipped);
        }
    }

    public static final FileCounts NONE = new FileCounts(0, 0, 0, 0);

    public FileCounts plus(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.Loaded) {
            return new FileCounts(read + 1, loaded + 1, rejected, skipped);
        }
        if (outcome instanceof RowOutcome.Rejected) {
            return new FileCounts(read + 1, loaded, rejected + 1, skipped);
        }
        return new FileCounts(read + 1, loaded, rejected, skipped + 1);
    }

    public FileCounts plus(FileCounts other) {
        return new FileCounts(read + other.read, loaded + other.loaded, rejected + other.rejected,
                skipped + other.skipped);
    }

    /**
     * The account of a file that was refused: nothing of it is loaded, so the records that passed
     * validation count as rejected with it (the refusal's reason, on line 0, stands for them).
     */
    public FileCounts refused() {
        return new FileCounts(read, 0, rejected + loaded, skipped);
    }

    /** Rejected rows as a share of the data rows (loaded + rejected); 0 for a file without data. */
    public double rejectShare() {
        long data = loaded + rejected;
        return data == 0 ? 0.0 : (double) rejected / data;
    }
}
