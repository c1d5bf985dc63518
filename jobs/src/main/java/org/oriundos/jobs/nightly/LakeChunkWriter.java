package org.oriundos.jobs.nightly;

import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.ops.FileProgress;
import org.oriundos.jobs.ops.ProgressReporter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk of one file to the lake's staging area (one Parquet part of rows and one of
 * rejects) and keeps the file's account. On a restart it first drops any part written after the
 * last commit, so a chunk is never counted twice.
 */
class LakeChunkWriter implements ItemStreamWriter<RowOutcome> {
    private final Delivery delivery;
    private final LakeStaging staging;
    private final ProgressReporter progressReporter;
    /** The same step's reader: how far into the file it is, for the bar's percentage and ETA. */
    private final DeliveryReader reader;
    private FileProgress progress;
    private int chunksCommitted;
    private FileCounts counts = FileCounts.NONE;

    LakeChunkWriter(Delivery delivery, LakeStaging staging, ProgressReporter progressReporter,
                    DeliveryReader reader) {
        this.delivery = delivery;
        this.staging = staging;
        this.progressReporter = progressReporter;
        this.reader = reader;
    }

    @Override
    public void open(ExecutionContext context) {
        chunksCommitted = context.getInt(ExecutionKeys.CHUNKS_COMMITTED, 0);
        counts = new FileCounts(context.getLong(ExecutionKeys.READ, 0L), context.getLong(ExecutionKeys.LOADED, 0L),
                context.getLong(ExecutionKeys.REJECTED, 0L), context.getLong(ExecutionKeys.SKIPPED, 0L));
        staging.discardFrom(delivery, chunksCommitted);
        progress = progressReporter.start(delivery.fileName(), delivery.bytes(), counts.read(), bytesRead());
    }

    @Override
    public void write(Chunk<? extends RowOutcome> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        List<RejectedRow> rejects = new ArrayList<>();
        FileCounts chunkCounts = FileCounts.NONE;
        for (RowOutcome outcome : chunk) {
            if (outcome instanceof RowOutcome.Loaded) {
                rows.add(((RowOutcome.Loaded) outcome).row());
            } else if (outcome instanceof RowOutcome.Rejected) {
                rejects.addAll(((RowOutcome.Rejected) outcome).problems());
            }
            chunkCounts = chunkCounts.plus(outcome);
        }
        staging.writeChunk(delivery, chunksCommitted, rows, rejects);
        chunksCommitted++;
        counts = counts.plus(chunkCounts);
        progress.advance(counts.read(), bytesRead());
    }

    private long bytesRead() {
        return Math.max(0L, reader.bytesRead());
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(ExecutionKeys.CHUNKS_COMMITTED, chunksCommitted);
        context.putLong(ExecutionKeys.READ, counts.read());
        context.putLong(ExecutionKeys.LOADED, counts.loaded());
        context.putLong(ExecutionKeys.REJECTED, counts.rejected());
        context.putLong(ExecutionKeys.SKIPPED, counts.skipped());
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.finish(counts);
            progress = null;
        }
    }
}
