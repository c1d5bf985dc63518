package org.oriundos.jobs.status;

import java.io.Serializable;
import org.oriundos.ingest.FileCounts;

/**
 * A file's (or a night's) rows as the job repository keeps them: ingest's {@link FileCounts} in a
 * form that is this module's to keep readable, whatever becomes of ingest's classes.
 */
public record Rows(long read, long loaded, long rejected, long skipped) implements Serializable {
    public static final Rows NONE = new Rows(0, 0, 0, 0);

    public static Rows of(FileCounts counts) {
        return new Rows(counts.read(), counts.loaded(), counts.rejected(), counts.skipped());
    }

    public FileCounts toFileCounts() {
        return new FileCounts(read, loaded, rejected, skipped);
    }
}
