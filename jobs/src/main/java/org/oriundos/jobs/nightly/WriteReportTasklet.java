package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes the annual report of the latest year the warehouse has data for. */
final class WriteReportTasklet implements Tasklet {
    private final NightlyStages stages;

    WriteReportTasklet(NightlyStages stages) {
        this.stages = stages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionKeys.REPORT.put(job.getExecutionContext(), stages.writeReport());
        return RepeatStatus.FINISHED;
    }
}
