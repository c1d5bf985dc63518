package org.oriundos.jobs.ops;

import org.oriundos.ingest.FileCounts;

/** The progress of one file's load; see {@link ProgressReporter}. */
public interface FileProgress {

    /**
     * The totals so far (not increments): records read from the file and bytes of it consumed,
     * counted from the file's beginning, including any done by an earlier interrupted run.
     */
    void advance(long rows, long bytesRead);

    /** The file is done; {@code counts} is its final account. */
    void finish(FileCounts counts);
}
