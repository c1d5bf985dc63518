package org.oriundos.jobs.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.oriundos.ingest.FileCounts;

/**
 * Live progress bars, one line per file being loaded, redrawn in place with ANSI cursor movement;
 * a finished file leaves one summary line above the bars.
 *
 * <pre>
 * projects_2007.csv            [###########.............]  46%      104,000 rows   41,200 rows/s  ETA 0:03
 * </pre>
 */
public final class TerminalProgress implements ProgressReporter {

    private static final int NAME_WIDTH = 28;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final long redrawEveryNanos;
    private final List<Bar> active = new ArrayList<>();
    private int linesDrawn;
    private long lastDrawNanos;

    /**
     * @param out          the terminal
     * @param nanoTime     the clock ({@code System::nanoTime})
     * @param redrawEvery  the least time between two redraws caused by {@link FileProgress#advance}
     */
    public TerminalProgress(PrintStream out, LongSupplier nanoTime, Duration redrawEvery) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.redrawEveryNanos = redrawEvery.toNanos();
    }

    @Override
    public synchronized FileProgress start(String file, long bytes, long rowsDone, long bytesDone) {
        Bar bar = new Bar(file, bytes, rowsDone, bytesDone, nanoTime.getAsLong());
        active.add(bar);
        redraw(List.of());
        return bar;
    }

    private void redraw(List<String> permanentLines) {
        StringBuilder screen = new StringBuilder();
        if (linesDrawn > 0) {
            // back to the first bar drawn last time, and clear from there down
            screen.append("\033[").append(linesDrawn).append('F').append("\033[J");
        }
        permanentLines.forEach(line -> screen.append(line).append('\n'));
        long now = nanoTime.getAsLong();
        active.forEach(bar -> screen.append(barLine(bar.measure(now))).append('\n'));
        linesDrawn = active.size();
        lastDrawNanos = now;
        out.print(screen);
        out.flush();
    }

    static String barLine(ProgressMeasure m) {
        StringBuilder line = new StringBuilder(name(m.file())).append(' ');
        if (m.fraction().isPresent()) {
            double fraction = m.fraction().getAsDouble();
            int filled = (int) Math.floor(fraction * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(fraction * 100)));
        } else {
            line.append(String.format(Locale.ROOT, "%-" + (BAR_WIDTH + 7) + "s", "[size unknown]"));
        }
        line.append(String.format(Locale.ROOT, " %12s rows", ProgressMeasure.count(m.rows())));
        m.rowsPerSecond().ifPresent(rate ->
                line.append(String.format(Locale.ROOT, " %10s rows/s", ProgressMeasure.count(Math.round(rate)))));
        m.timeLeft().ifPresent(left -> line.append("  ETA ").append(ProgressMeasure.clock(left)));
        return line.toString();
    }

    static String doneLine(ProgressMeasure m, FileCounts counts) {
        StringBuilder line = new StringBuilder(name(m.file())).append(" done: ")
                .append(ProgressMeasure.count(counts.read())).append(" rows read, ")
                .append(ProgressMeasure.count(counts.loaded())).append(" loaded, ")
                .append(ProgressMeasure.count(counts.rejected())).append(" rejected, ")
                .append(ProgressMeasure.count(counts.skipped())).append(" skipped in ")
                .append(ProgressMeasure.clock(m.elapsed()));
        m.rowsPerSecond().ifPresent(rate ->
                line.append(" (").append(ProgressMeasure.count(Math.round(rate))).append(" rows/s)"));
        return line.toString();
    }

    private static String name(String file) {
        String shown = file.length() > NAME_WIDTH ? "..." + file.substring(file.length() - NAME_WIDTH + 3) : file;
        return String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s", shown);
    }

    private final class Bar implements FileProgress {
        private final String file;
        private final long bytes;
        private final long rowsAtStart;
        private final long bytesAtStart;
        private final long startNanos;
        private long rows;
        private long bytesRead;

        Bar(String file, long bytes, long rowsAtStart, long bytesAtStart, long startNanos) {
            this.file = file;
            this.bytes = bytes;
            this.rowsAtStart = rowsAtStart;
            this.bytesAtStart = bytesAtStart;
            this.startNanos = startNanos;
            this.rows = rowsAtStart;
            this.bytesRead = bytesAtStart;
        }

        ProgressMeasure measure(long now) {
            return new ProgressMeasure(file, bytes, rowsAtStart, bytesAtStart, rows, bytesRead,
                    Duration.ofNanos(now - startNanos));
        }

        @Override
        public void advance(long rows, long bytesRead) {
            synchronized (TerminalProgress.this) {
                this.rows = rows;
                this.bytesRead = bytesRead;
                if (nanoTime.getAsLong() - lastDrawNanos >= redrawEveryNanos) {
                    redraw(List.of());
                }
            }
        }

        @Override
        public void finish(FileCounts counts) {
            synchronized (TerminalProgress.this) {
                if (!active.remove(this)) {
                    return;
                }
                rows = Math.max(rows, counts.read());
                redraw(List.of(doneLine(measure(nanoTime.getAsLong()), counts)));
            }
        }
    }
}
