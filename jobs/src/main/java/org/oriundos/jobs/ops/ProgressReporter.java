package org.oriundos.jobs.ops;

import java.time.Duration;

/**
 * Tells a person how far the load of each file has got. Call {@link #start} when a file's reading
 * begins (from a Spring Batch {@code StepExecutionListener.beforeStep} or the first chunk),
 * {@link FileProgress#advance} after each chunk ({@code ChunkListener.afterChunk}) and
 * {@link FileProgress#finish} when the file is published. Safe to use from several threads, one
 * {@link FileProgress} per file.
 */
public interface ProgressReporter {

    /** How often, at most, a run without a terminal logs the progress of a file. */
    Duration LOG_EVERY = Duration.ofSeconds(5);

    /** Starts reporting a file of {@code bytes} bytes (0 or less when its size is unknown) from the beginning. */
    default FileProgress start(String file, long bytes) {
        return start(file, bytes, 0, 0);
    }

    /**
     * Starts reporting a file whose load resumes after {@code rowsDone} rows and {@code bytesDone}
     * bytes committed by an earlier, interrupted run; the speed counts only what this run reads.
     */
    FileProgress start(String file, long bytes, long rowsDone, long bytesDone);

    /**
     * Live bars when a person is watching ({@code System.console() != null}), otherwise a log line
     * per file every {@link #LOG_EVERY}.
     */
    static ProgressReporter forThisProcess() {
        if (System.console() != null) {
            return new TerminalProgress(System.out, System::nanoTime, Duration.ofMillis(200));
        }
        return new LogProgress(LOG_EVERY);
    }

    /** Reports nothing (for tests and {@code --quiet}). */
    static ProgressReporter silent() {
        return (file, bytes, rowsDone, bytesDone) -> new FileProgress() {
            @Override
            public void advance(long rows, long bytesRead) {
                // nothing to report to
            }

            @Override
            public void finish(org.oriundos.ingest.FileCounts counts) {
                // nothing to report to
            }
        };
    }
}
