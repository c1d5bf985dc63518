package org.oriundos.jobs.ops;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where one file's load stands: rows, share of bytes read, speed and time left, computed from the
 * totals reported so far. Speed and time left count only what this run read (not rows committed by
 * an earlier, interrupted run).
 */
record ProgressMeasure(String file, long bytes, long rowsAtStart, long bytesAtStart,
                       long rows, long bytesRead, Duration elapsed) {

    /** Share of the file's bytes read, when its size is known. */
    OptionalDouble fraction() {
        if (bytes <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0.0, Math.min(1.0, (double) bytesRead / bytes)));
    }

    /** Rows per second in this run, once some time has passed. */
    OptionalDouble rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        if (seconds <= 0 || rows <= rowsAtStart) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((rows - rowsAtStart) / seconds);
    }

    /** Time left, assuming the rest of the file reads at this run's pace so far. */
    Optional<Duration> timeLeft() {
        long readNow = bytesRead - bytesAtStart;
        if (bytes <= 0 || readNow <= 0 || elapsed.isZero() || elapsed.isNegative()) {
            return Optional.empty();
        }
        long remaining = Math.max(0, bytes - bytesRead);
        double nanosPerByte = (double) elapsed.toNanos() / readNow;
        return Optional.of(Duration.ofNanos((long) (remaining * nanosPerByte)));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
