package org.oriundos.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * Loads one delivered file in a single call: reads it in chunks of {@link IngestOptions#chunkRows()}
 * records, stages each chunk, then publishes (or fails) the file. The chunk-oriented step of the
 * jobs module does the same through {@link ExtractReaders} and {@link LakeStaging}.
 * <p>
 * Reading and validating one chunk overlaps writing the previous one as Parquet, on a second
 * thread (at most one chunk waits to be written, so memory holds two chunks). Each part is
 * complete before the file is published, as when staging chunk by chunk. In a heap smaller than
 * {@link #OVERLAP_MIN_HEAP_BYTES} the second chunk would not fit, and chunks are written on the
 * reading thread.
 */
public final class FileLoader {
    /** Heap below which one chunk is held at a time: two 50,000-row 3x1 chunks of row objects do not fit a small heap. */
    static final long OVERLAP_MIN_HEAP_BYTES = 256L << 20;

    private final IngestOptions options;
    private final LakeStaging staging;
    private final boolean overlap = Runtime.getRuntime().maxMemory() >= OVERLAP_MIN_HEAP_BYTES;

    public FileLoader(LakeLocation lake, IngestOptions options) {
        this.options = options;
        this.staging = new LakeStaging(lake, options);
    }

    /**
     * Loads, publishes or refuses one file.
     *
     * @throws DeliveryChangedException when the bytes read are not those {@code d} was scanned with
     *                                  (nothing is published, nothing recorded)
     */
    public LedgerEntry load(Delivery d) {
        ExtractReader reader;
        try {
            reader = ExtractReaders.open(d, options, 0);
        } catch (FileRefusedException e) {
            return staging.fail(d, FileCounts.NONE, e.reason());
        } catch (DeliveryChangedException e) {
            staging.abandon(d);
            throw e;
        }
        staging.discardFrom(d, 0); // a fresh load: nothing of an earlier attempt may be published with it
        FileCounts counts = FileCounts.NONE;
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stage-" + d.fileName());
            t.setDaemon(true);
            return t;
        });
        Future<?> writing = null;
        try (reader) {
            List<Object[]> rows = new ArrayList<>();
            List<RejectedRow> rejects = new ArrayList<>();
            int chunk = 0;
            int inChunk = 0;
            for (RowOutcome o = reader.next(); o != null; o = reader.next()) {
                counts = counts.plus(o);
                if (o instanceof RowOutcome.Loaded) {
                    rows.add(((RowOutcome.Loaded) o).row());
                } else if (o instanceof RowOutcome.Rejected) {
                    rejects.addAll(((RowOutcome.Rejected) o).problems());
                }
                if (++inChunk == options.chunkRows()) {
                    writing = stage(writer, writing, d, chunk++, rows, rejects);
                    rows = new ArrayList<>();
                    rejects = new ArrayList<>();
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                writing = stage(writer, writing, d, chunk, rows, rejects);
            }
            awaitWrite(writing);
            writing = null;
            return staging.publish(d, counts, reader.encoding(), reader.layout(), reader.headerNote(),
                    ExtractReader.absentText(reader.absentColumns()), false);
        } catch (FileRefusedException e) {
            awaitWrite(writing); // the failed folder must not race a part still being written
            return staging.fail(d, counts, e.reason());
        } catch (DeliveryChangedException e) {
            awaitWrite(writing);
            staging.abandon(d);
            throw e;
        } finally {
            writer.shutdownNow();
        }
    }

    /** Hands a chunk to the writer thread once the previous chunk is written. */
    private Future<?> stage(ExecutorService writer, Future<?> previous, Delivery d, int chunk, List<Object[]> rows,
                            List<RejectedRow> rejects) {
        awaitWrite(previous);
        if (!overlap) {
            staging.writeChunk(d, chunk, rows, rejects);
            return null;
        }
        return writer.submit(() -> staging.writeChunk(d, chunk, rows, rejects));
    }

    private static void awaitWrite(Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }
}
