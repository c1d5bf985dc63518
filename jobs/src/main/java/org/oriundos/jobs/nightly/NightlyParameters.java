package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.Backfill;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The nightly job's parameters. A night is one job instance, named by {@code run.id}; a
 * restart reuses the instance (same parameters), the next night takes the next id. A backfill
 * ({@code backfill} not null) is kept as two parameters, its table and its period.
 */
public record NightlyParameters(long runId, boolean fullRebuild, Backfill backfill) {

    public JobParameters toJobParameters() {
        JobParametersBuilder params = new JobParametersBuilder()
                .addLong(ExecutionKeys.RUN_ID, runId)
                .addString(ExecutionKeys.FULL_REBUILD, Boolean.toString(fullRebuild));
        if (backfill != null) {
            params.addString(ExecutionKeys.BACKFILL_TABLE, backfill.table())
                    .addString(ExecutionKeys.BACKFILL_PERIOD, backfill.period());
        }
        return params.toJobParameters();
    }

    /** True when {@code params} ask for the same kind of run (so resuming them is what was asked). */
    public boolean sameRequestAs(JobParameters params) {
        return isFullRebuild(params) == fullRebuild && java.util.Objects.equals(backfill, backfillOf(params));
    }

    public static long runIdOf(JobParameters params) {
        Long id = params.getLong(ExecutionKeys.RUN_ID);
        return id == null ? 0L : id;
    }

    public static boolean isFullRebuild(JobParameters params) {
        return "true".equals(params.getString(ExecutionKeys.FULL_REBUILD));
    }

    public static boolean isBackfill(JobParameters params) {
        return backfillOf(params) != null;
    }

    /**
     * True for a full rebuild or a backfill: both conform and apply every partition, not only the
     * ones whose load changed.
     */
    public static boolean rebuildsEverything(JobParameters params) {
        return isFullRebuild(params) || isBackfill(params);
    }

    /** The backfill a run asked for, or null for a night (or a full rebuild). */
    public static Backfill backfillOf(JobParameters params) {
        String table = params.getString(ExecutionKeys.BACKFILL_TABLE);
        String period = params.getString(ExecutionKeys.BACKFILL_PERIOD);
        if (table != null && period != null) {
            return new Backfill(table, period);
        }
        // a run of a version that kept it as one "<table>:<period>" parameter ("" for a night)
        String old = params.getString(ExecutionKeys.Legacy.BACKFILL);
        int colon = old == null ? -1 : old.indexOf(':');
        return colon <= 0 || colon == old.length() - 1 ? null
                : new Backfill(old.substring(0, colon), old.substring(colon + 1));
    }
}
