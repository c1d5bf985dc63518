package org.oriundos.jobs.ops;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.oriundos.ingest.FileCounts;
import org.slf4j.LoggerFactory;

/**
 * Progress for a run nobody watches (cron, systemd): one log line when a file starts, at most one
 * per file every {@code every} while it loads, and one when it is done.
 *
 * <pre>
 * projects_2007.csv: 104,000 rows, 46% of 12.3 MB, 41,200 rows/s, about 0:03 left
 * </pre>
 */
public final class LogProgress implements ProgressReporter {

    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> log;

    public LogProgress(Duration every) {
        this(every, System::nanoTime, LoggerFactory.getLogger(LogProgress.class)::info);
    }

    /**
     * @param every    the least time between two lines about the same file
     * @param nanoTime the clock ({@code System::nanoTime})
     * @param log      where the lines go
     */
    public LogProgress(Duration every, LongSupplier nanoTime, Consumer<String> log) {
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
        this.log = log;
    }

    @Override
    public FileProgress start(String file, long bytes, long rowsDone, long bytesDone) {
        log.accept("Loading " + file + (bytes > 0 ? " (" + ProgressMeasure.size(bytes) + ")" : "")
                + (rowsDone > 0 ? ", resuming after " + ProgressMeasure.count(rowsDone) + " rows" : ""));
        return new Logged(file, bytes, rowsDone, bytesDone, nanoTime.getAsLong());
    }

    static String progressLine(ProgressMeasure m) {
        StringBuilder line = new StringBuilder(m.file()).append(": ").append(ProgressMeasure.count(m.rows()))
                .append(" rows");
        m.fraction().ifPresent(fraction -> line.append(", ").append((int) Math.floor(fraction * 100))
                .append("% of ").append(ProgressMeasure.size(m.bytes())));
        m.rowsPerSecond().ifPresent(rate ->
                line.append(", ").append(ProgressMeasure.count(Math.round(rate))).append(" rows/s"));
        m.timeLeft().ifPresent(left -> line.append(", about ").append(ProgressMeasure.clock(left)).append(" left"));
        return line.toString();
    }

    static String doneLine(ProgressMeasure m, FileCounts counts) {
        return m.file() + ": done, " + ProgressMeasure.count(counts.read()) + " rows read ("
                + ProgressMeasure.count(counts.loaded()) + " loaded, "
                + ProgressMeasure.count(counts.rejected()) + " rejected, "
                + ProgressMeasure.count(counts.skipped()) + " skipped) in " + ProgressMeasure.clock(m.elapsed());
    }

    private final class Logged implements FileProgress {
        private final String file;
        private final long bytes;
        private final long rowsAtStart;
        private final long bytesAtStart;
        private final long startNanos;
        private long lastLoggedNanos;
        private long rows;
        private long bytesRead;
        private boolean finished;

        Logged(String file, long bytes, long rowsAtStart, long bytesAtStart, long startNanos) {
            this.file = file;
            this.bytes = bytes;
            this.rowsAtStart = rowsAtStart;
            this.bytesAtStart = bytesAtStart;
            this.startNanos = startNanos;
            this.lastLoggedNanos = startNanos;
            this.rows = rowsAtStart;
            this.bytesRead = bytesAtStart;
        }

        private ProgressMeasure measure(long now) {
            return new ProgressMeasure(file, bytes, rowsAtStart, bytesAtStart, rows, bytesRead,
                    Duration.ofNanos(now - startNanos));
        }

        @Override
        public synchronized void advance(long rows, long bytesRead) {
            this.rows = rows;
            this.bytesRead = bytesRead;
            long now = nanoTime.getAsLong();
            if (!finished && now - lastLoggedNanos >= everyNanos) {
                lastLoggedNanos = now;
                log.accept(progressLine(measure(now)));
            }
        }

        @Override
        public synchronized void finish(FileCounts counts) {
            if (finished) {
                return;
            }
            finished = true;
            rows = Math.max(rows, counts.read());
            log.accept(doneLine(measure(nanoTime.getAsLong()), counts));
        }
    }
}
