package org.oriundos.jobs.ops;

/**
 * One nightly load, run to its end by the {@link NightlySchedule}: take the lock, start or resume
 * {@code nightlyJob}, and say how it ended. Throwing {@link RunLockedException} (or returning exit
 * code 4) means another run holds the data home; any other exception is an unexpected error.
 */
@FunctionalInterface
public interface NightlyAction {

    RunOutcome run() throws Exception;
}
