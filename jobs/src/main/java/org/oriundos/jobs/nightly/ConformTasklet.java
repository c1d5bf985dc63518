package org.oriundos.jobs.nightly;

import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.ConformResult;
import org.oriundos.transform.ConformStage;
import org.oriundos.transform.ConformSummary;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Conforms the raw partitions whose current load changed (all of them on a full rebuild). */
final class ConformTasklet implements Tasklet {
    private final NightlyStages stages;

    ConformTasklet(NightlyStages stages) {
        this.stages = stages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        boolean full = NightlyParameters.rebuildsEverything(job.getJobParameters());
        ConformSummary summary = new ConformStage(stages.home().lake(), stages.conformOptions()).run(full);
        ExecutionKeys.CONFORM.put(job.getExecutionContext(),
                new ConformResult(summary.partitionsConformed().size(), summary.unresolvedValues()));
        contribution.incrementWriteCount(summary.partitionsConformed().size());
        return RepeatStatus.FINISHED;
    }
}
