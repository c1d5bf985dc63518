package org.oriundos.jobs.nightly;

import java.util.List;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.WarehouseResult;
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
        // the checks' names and row counts; their first rows (cells) stay in the warehouse's audit table
        List<WarehouseResult.QualityWarning> warnings = result.warnings().stream()
                .map(w -> new WarehouseResult.QualityWarning(w.check(), w.rows())).toList();
        ExecutionKeys.WAREHOUSE.put(job.getExecutionContext(), new WarehouseResult(result.changed(),
                result.published().toString(), result.partitionsApplied().size(), result.checksPassed().size(), warnings,
                result.rowCounts().get("fact_project_funding"), result.notes()));
        contribution.incrementWriteCount(result.partitionsApplied().size());
        return RepeatStatus.FINISHED;
    }
}
