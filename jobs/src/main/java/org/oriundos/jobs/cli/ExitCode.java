package org.oriundos.jobs.cli;

/** The process exit codes (docs/architecture.md, "Exit codes"). */
public final class ExitCode {
    /** The run completed (including: nothing new to load). */
    public static final int OK = 0;
    /** An unexpected error: a bug. */
    public static final int UNEXPECTED = 1;
    /** Bad arguments. */
    public static final int BAD_ARGUMENTS = 2;
    /** The load failed; the published warehouse is unchanged. */
    public static final int LOAD_FAILED = 3;
    /** Another run holds the lock. */
    public static final int LOCKED = 4;
    /** The run was stopped (SIGTERM); the next nightly resumes it. */
    public static final int STOPPED = 5;
    /** The run completed, but one or more files were refused. */
    public static final int FILES_REFUSED = 6;

    private ExitCode() {
    }

    /** The code a command ends with when it throws {@code e}, as {@link Cli#run} says it. */
    static int of(Throwable e) {
        if (e instanceof CommandFailedException failed) {
            return failed.exitCode();
        }
        if (e instanceof UsageException || e instanceof org.oriundos.jobs.home.Settings.SettingsException) {
            return BAD_ARGUMENTS;
        }
        if (e instanceof org.oriundos.jobs.ops.RunLockedException) {
            return LOCKED;
        }
        if (e instanceof org.oriundos.warehouse.WarehouseException || e instanceof org.oriundos.ingest.FileRefusedException
                || e instanceof java.io.UncheckedIOException) {
            return LOAD_FAILED;
        }
        return UNEXPECTED;
    }
}
