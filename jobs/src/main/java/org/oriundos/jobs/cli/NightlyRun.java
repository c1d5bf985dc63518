package org.oriundos.jobs.cli;

import java.io.PrintStream;
import org.oriundos.jobs.home.Settings;

/**
 * The nightly load for a command of another jar that runs one (the tools jar's {@code demo}):
 * the same run, lock, console and exit code as {@code oriundos nightly}, without a full rebuild,
 * a backfill or a failure command.
 */
public final class NightlyRun {
    private NightlyRun() {
    }

    /** Runs the nightly with {@code settings}; returns its exit code ({@link ExitCode}). */
    public static int run(Settings settings, PrintStream out, PrintStream err) throws Exception {
        return new LoadRun(out, err).nightly(settings, false, null, null);
    }
}
