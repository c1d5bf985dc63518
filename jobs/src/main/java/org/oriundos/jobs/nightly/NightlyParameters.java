package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The nightly job's parameters. A night is one job instance, named by {@code run.id}; a
 * restart reuses the instance (same parameters), the next night takes the next id.
 */
public record NightlyParameters(long runId, boolean fullRebuild, String backfill) {

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLong(ExecutionKeys.RUN_ID, runId)
                .addString(ExecutionKeys.FULL_REBUILD, Boolean.toString(fullRebuild))
                .addString(ExecutionKeys.BACKFILL, backfill == null ? "" : backfill)
                .toJobParameters();
    }

    /** True when {@code params} ask for the same kind of run (so resuming them is what was asked). */
    public boolean sameRequestAs(JobParameters params) {
        return isFullRebuild(params) == fullRebuild
                && (backfill == null ? "" : backfill).equals(backfillOf(params));
    }

    public static long runIdOf(JobParameters params) {
        Long id = params.getLong(ExecutionKeys.RUN_ID);
        return id == null ? 0L : id;
    }

    public static boolean isFullRebuild(JobParameters params) {
        return "true".equals(params.getString(ExecutionKeys.FULL_REBUILD));
    }

    public static boolean isBackfill(JobParameters params) {
        return !backfillOf(params).isEmpty();
    }

    /**
     * True for a full rebuild or a backfill: both conform and apply every partition, not only the
     * ones whose load changed.
     */
    public static boolean rebuildsEverything(JobParameters params) {
        return isFullRebuild(params) || isBackfill(params);
    }

    public static String backfillOf(JobParameters params) {
        String value = params.getString(ExecutionKeys.BACKFILL);
        return value == null ? "" : value;
    }
}
