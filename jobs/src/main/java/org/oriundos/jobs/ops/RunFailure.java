package org.oriundos.jobs.ops;

import java.nio.file.Path;

/**
 * A scheduled load that did not complete, as told to the {@link FailureNotifier}'s command.
 *
 * @param runId    the Spring Batch job execution id, or a schedule-made id when the run failed before one existed
 * @param reason   one sentence for a person: what failed and where to look
 * @param home     the data home the run worked on
 * @param exitCode the exit code the run ended with (see docs/architecture.md)
 */
public record RunFailure(String runId, String reason, Path home, int exitCode) {

    /** Longest reason passed in the environment; longer ones are cut (the log has the whole story). */
    static final int MAX_REASON_LENGTH = 2_000;

    public RunFailure {
        reason = reason == null || reason.isBlank() ? "no reason given" : reason.replaceAll("\\s+", " ").strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
    }
}
