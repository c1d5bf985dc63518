package org.oriundos.jobs.ops;

/**
 * How one nightly run ended, for the {@link NightlySchedule}.
 *
 * @param exitCode the run's exit code (docs/architecture.md: 0 completed, 3 load failed, 4 locked,
 *                 5 stopped, 6 files refused, 1 unexpected error)
 * @param runId    the job execution id, or null when the run never got one
 * @param reason   for anything but 0: what happened, one sentence for a person; may be null for 0
 */
public record RunOutcome(int exitCode, String runId, String reason) {

    static final int COMPLETED = 0;
    static final int UNEXPECTED = 1;
    static final int LOCKED = 4;
    static final int STOPPED = 5;

    public static RunOutcome completed(String runId) {
        return new RunOutcome(COMPLETED, runId, null);
    }

    /** Whether someone should be told: anything but completed, refused by the lock, or stopped on purpose. */
    public boolean needsNotice() {
        return exitCode != COMPLETED && exitCode != LOCKED && exitCode != STOPPED;
    }
}
