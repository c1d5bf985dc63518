package org.oriundos.jobs.status;

import java.io.Serializable;

/**
 * Where a file's load goes on from after a restart: its first {@code chunksStaged} parts are
 * complete in staging and hold its first {@code recordsConsumed} records, whose account is
 * {@code rows}.
 */
public record FileCheckpoint(int chunksStaged, long recordsConsumed, Rows rows) implements Serializable {
    public static final FileCheckpoint START = new FileCheckpoint(0, 0L, Rows.NONE);
}
