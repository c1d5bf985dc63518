package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.warehouse.BuildResult;
import org.oriundos.warehouse.WarehouseBuilder;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Applies the changed conformed partitions to a copy of the published warehouse, checks it and
 * publishes it. A failed quality check fails the step; the published warehouse stays as it was.
 */
final class BuildWarehouseTasklet implements Tasklet {
    private final NightlyStages stages;

    BuildWarehouseTasklet(NightlyStages stages) {
        this.stages = stages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        boolean full = NightlyParameters.rebuildsEverything(job.getJobParameters());
        BuildResult result = new WarehouseBuilder(stages.warehouseSettings()).build(full);
        StringBuilder summary = new StringBuilder();
        summary.append(result.changed() ? "published " : "unchanged ").append(result.published())
                .append("; partitions applied: ").append(result.partitionsApplied().size())
                .append("; checks passed: ").append(result.checksPassed().size());
        if (!result.warnings().isEmpty()) {
            summary.append("; quality warnings: ");
            summary.append(String.join(", ", result.warnings().stream()
                    .map(w -> w.check() + " (" + w.rows() + " row" + (w.rows() == 1 ? "" : "s") + ")").toList()));
            summary.append(" (see audit_quality_warning)");
        }
        Long facts = result.rowCounts().get("fact_project_funding");
        if (facts != null) {
            summary.append("; fact_project_funding rows: ").append(facts);
        }
        job.getExecutionContext().putString(ExecutionKeys.WAREHOUSE_SUMMARY, summary.toString());
        job.getExecutionContext().putString(ExecutionKeys.REMITTANCE_NOTES, String.join("\n", result.notes()));
        contribution.incrementWriteCount(result.partitionsApplied().size());
        return RepeatStatus.FINISHED;
    }
}
