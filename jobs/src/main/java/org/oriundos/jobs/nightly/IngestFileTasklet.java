package org.oriundos.jobs.nightly;

import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.FileIngest;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.jobs.ops.FileProgress;
import org.oriundos.jobs.ops.ProgressReporter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One file's load in the nightly: runs ingest's one loop ({@link FileIngest}, the loop
 * {@code FileLoader} and {@code bench} run) one chunk per call, so each chunk is its own
 * transaction. Before each commit the step's context gets the loop's {@link FileIngest.Checkpoint}
 * (the last chunk whose Parquet part is complete); a restart reopens the file after it and drops the
 * parts staged after it, so a chunk is neither lost nor counted twice. How the reading ended (staged,
 * refused, changed) is kept in the context too, for {@code publishFiles} to decide the file.
 */
class IngestFileTasklet implements Tasklet, ItemStream {
    private final Delivery delivery;
    private final LakeStaging staging;
    private final IngestOptions options;
    private final ProgressReporter progressReporter;
    private FileIngest ingest;
    private FileProgress progress;
    private FileIngest.Outcome outcome;

    IngestFileTasklet(Delivery delivery, LakeStaging staging, IngestOptions options, ProgressReporter progressReporter) {
        this.delivery = delivery;
        this.staging = staging;
        this.options = options;
        this.progressReporter = progressReporter;
    }

    @Override
    public void open(ExecutionContext context) {
        outcome = FileResults.outcome(context);
        if (outcome != null) {
            return; // read to its end before the restart: publishFiles decides it
        }
        FileIngest.Checkpoint from = FileResults.checkpoint(context);
        ingest = FileIngest.start(delivery, staging, options, from);
        progress = progressReporter.start(delivery.fileName(), delivery.bytes(), from.counts().read(), bytesRead());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (ingest == null || outcome != null) {
            return RepeatStatus.FINISHED;
        }
        boolean more = ingest.stageChunk();
        progress.advance(ingest.checkpoint().counts().read(), bytesRead());
        if (more) {
            return RepeatStatus.CONTINUABLE;
        }
        outcome = ingest.outcome();
        return RepeatStatus.FINISHED;
    }

    @Override
    public void update(ExecutionContext context) {
        if (ingest != null) {
            FileResults.putCheckpoint(context, ingest.checkpoint());
        }
        if (outcome != null) {
            FileResults.putOutcome(context, outcome);
        }
    }

    @Override
    public void close() {
        FileCounts counts = outcome != null ? outcome.counts()
                : ingest != null ? ingest.checkpoint().counts() : FileCounts.NONE;
        if (ingest != null) {
            ingest.close();
            ingest = null;
        }
        if (progress != null) {
            progress.finish(counts);
            progress = null;
        }
    }

    private long bytesRead() {
        return Math.max(0L, ingest == null ? 0L : ingest.bytesRead());
    }
}
