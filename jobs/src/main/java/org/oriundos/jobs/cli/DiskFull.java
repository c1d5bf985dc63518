package org.oriundos.jobs.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a full disk from other failures, wherever in a chain of causes the file system said so
 * (the lake's Parquet writer, DuckDB, the H2 job repository each wrap it their own way), so the run
 * can end with exit code 3 and one sentence a person can act on.
 */
final class DiskFull {
    private static final String[] SIGNS = {"no space left on device", "enospc", "disk full", "disk quota exceeded",
        "not enough space on the disk"};

    private DiskFull() {
    }

    /** Whether {@code e}, or any of its causes or suppressed exceptions, says the disk is full. */
    static boolean in(Throwable e) {
        return in(e, new HashSet<>());
    }

    /** Whether a text (a step's exit description, with its stack trace) says the disk is full. */
    static boolean in(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
            if (lower.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) {
            return false;
        }
        if (in(e.getMessage())) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (in(s, seen)) {
                return true;
            }
        }
        return in(e.getCause(), seen);
    }

    /** The one line the console gets. */
    static String sentence(String what) {
        return what + ": the disk is full (no space left on device); the published warehouse is unchanged."
                + " Free some space and run 'oriundos nightly' again: it resumes where this run stopped";
    }
}
