package org.oriundos.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oriundos.ingest.csv.KeyIndex;

/**
 * The one ingest loop: read → validate → write Parquet part files (rows, and rejects beside them)
 * into the load's staging, one part per {@link IngestOptions#chunkRows()} records; then decide the
 * file ({@link #decide}: publish it, or record its refusal). {@link FileLoader} runs it in one call
 * (the ingest tests and {@code bench}); the nightly's {@code ingestFile} step runs it one chunk per
 * transaction, saving a {@link Checkpoint} in the job repository after each, so a restart goes on
 * from the last chunk whose part was complete (docs/architecture.md, "The one ingest path").
 * <p>
 * A file is read once when no key repeats in it (the common case): the reading notes every key,
 * and only when some key turned out to repeat is the file read again from its start, knowing which
 * keys repeat (what was staged from the first reading is dropped), so that every record of a
 * repeated key is rejected. The first reading knows a key repeats the moment the key comes a second
 * time: from there on nothing it would validate or write could be kept, so it reads the rest of the
 * file for its keys alone (lexing, no validation, no Parquet), chunk by chunk as before, and the
 * second reading then does the work once. Only a record that cannot be read as CSV in that rest
 * (whose fate, a reject or the file's refusal, only a full reading tells) makes the first reading
 * start over in full, as if no key had repeated yet. A restart in the middle of either reading goes
 * on as a first reading (the keys of the records before the restart point are noted as they are
 * skipped).
 * <p>
 * Reading and validating one chunk overlaps writing the previous one as Parquet, on a second
 * thread (at most one chunk waits to be written, so memory holds two chunks). In a heap smaller than
 * {@link #OVERLAP_MIN_HEAP_BYTES} the second chunk would not fit, and chunks are written on the
 * reading thread.
 */
public final class FileIngest implements AutoCloseable {
    /** Heap below which one chunk is held at a time: two 50,000-row 3x1 chunks of row objects do not fit a small heap. */
    static final long OVERLAP_MIN_HEAP_BYTES = 256L << 20;

    /**
     * How far a file's load got: its first {@code chunksStaged} parts are complete in staging, and
     * hold the first {@code recordsConsumed} records, whose account is {@code counts}.
     */
    public record Checkpoint(int chunksStaged, long recordsConsumed, FileCounts counts) {
        public static final Checkpoint START = new Checkpoint(0, 0L, FileCounts.NONE);
    }

    /** How a file's reading ended. */
    public sealed interface Outcome permits Staged, Refused, Changed {
        FileCounts counts();
    }

    /** Read to its end: every part is staged, ready to be published. */
    public record Staged(FileCounts counts, String encoding, String layout, String headerNote, String absentColumns)
            implements Outcome {
    }

    /** The whole file cannot be loaded: {@code reason} says why (without the file's name). */
    public record Refused(FileCounts counts, String reason) implements Outcome {
    }

    /** Its bytes are not those the scan hashed: nothing of it may be published or recorded. */
    public record Changed(FileCounts counts, String reason) implements Outcome {
    }

    private final Delivery delivery;
    private final LakeStaging staging;
    private final IngestOptions options;
    private final int chunkRows;
    private final ExecutorService writer;
    private ExtractReader reader;
    private Outcome outcome;
    private DeliveryChangedException changedBy;
    private String encoding;
    private String layout;
    private String headerNote;
    private String absentColumns;
    /** The last chunk whose part is complete. */
    private volatile Checkpoint written;
    /** The account of every record read, written or not. */
    private FileCounts counts;
    private int nextChunk;
    private Future<?> writing;
    /** The first reading met a repeated key: it reads the rest of the file for its keys alone. */
    private boolean keysOnly;
    /** Whether the first reading may go on for keys alone once a key repeats (not after it met an unreadable record so). */
    private boolean mayReadKeysOnly = true;

    private FileIngest(Delivery delivery, LakeStaging staging, IngestOptions options, Checkpoint from) {
        this.delivery = delivery;
        this.staging = staging;
        this.options = options;
        this.chunkRows = options.chunkRows();
        this.written = from;
        this.counts = from.counts();
        this.nextChunk = from.chunksStaged();
        this.writer = Runtime.getRuntime().maxMemory() < OVERLAP_MIN_HEAP_BYTES ? null
                : Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "stage-" + delivery.fileName());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Opens {@code d} after the records {@code from} has staged, and drops any part staged after it
     * (written before a crash, never committed). A file refused or changed at its header ends here:
     * {@link #outcome()} says so.
     */
    public static FileIngest start(Delivery d, LakeStaging staging, IngestOptions options, Checkpoint from) {
        FileIngest ingest = new FileIngest(d, staging, options, from);
        try {
            ingest.reader = ExtractReaders.open(d, options, from.recordsConsumed());
            ingest.encoding = ingest.reader.encoding();
            ingest.layout = ingest.reader.layout();
            ingest.headerNote = ingest.reader.headerNote();
            ingest.absentColumns = ExtractReader.absentText(ingest.reader.absentColumns());
            staging.discardFrom(d, from.chunksStaged());
        } catch (FileRefusedException e) {
            ingest.outcome = new Refused(from.counts(), e.reason());
        } catch (DeliveryChangedException e) {
            ingest.changedBy = e;
            ingest.outcome = new Changed(from.counts(), e.reason());
        }
        return ingest;
    }

    /**
     * Reads the next chunk and hands it to the writer (once the chunk before it is written).
     *
     * @return false when the file is done: read to its end with every part written, refused, or changed
     */
    public boolean stageChunk() {
        if (outcome != null) {
            return false;
        }
        if (keysOnly || (mayReadKeysOnly && reader.repeatSeen())) {
            return readKeysOnly(chunkRows);
        }
        List<Object[]> rows = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        int inChunk = 0;
        boolean ended = false;
        try {
            while (inChunk < chunkRows) {
                RowOutcome o = reader.next();
                if (o == null) {
                    ended = true;
                    break;
                }
                inChunk++;
                if (mayReadKeysOnly && reader.repeatSeen()) {
                    // this record's key came before: the whole file will be read again knowing it,
                    // so nothing of this reading (this chunk's rows included) is worth validating or writing
                    return readKeysOnly(chunkRows - inChunk);
                }
                counts = counts.plus(o);
                if (o instanceof RowOutcome.Loaded loaded) {
                    rows.add(loaded.row());
                } else if (o instanceof RowOutcome.Rejected rejected) {
                    rejects.addAll(rejected.problems());
                }
            }
        } catch (FileRefusedException e) {
            awaitWrite(); // the failed folder must not race a part still being written
            outcome = new Refused(counts, e.reason());
            return false;
        } catch (DeliveryChangedException e) {
            awaitWrite();
            changedBy = e;
            outcome = new Changed(counts, e.reason());
            return false;
        }
        awaitWrite();
        if (inChunk > 0) {
            int chunk = nextChunk++;
            Checkpoint after = new Checkpoint(chunk + 1, reader.recordsConsumed(), counts);
            Runnable write = () -> {
                staging.writeChunk(delivery, chunk, rows, rejects);
                written = after;
            };
            if (writer == null) {
                write.run();
            } else {
                writing = writer.submit(write);
            }
        }
        if (ended) {
            awaitWrite();
            KeyIndex repeats = reader.repeatedKeysFound();
            if (repeats != null) {
                return readAgainKnowing(repeats);
            }
            outcome = new Staged(counts, encoding, layout, headerNote, absentColumns);
            return false;
        }
        return true;
    }

    /**
     * The rest of a chunk of the first reading, once a key has repeated: the records' keys alone,
     * then, at the end of the file, the second reading.
     */
    private boolean readKeysOnly(int records) {
        keysOnly = true;
        awaitWrite(); // a part still being written is dropped with the rest, never raced
        int read;
        try {
            read = reader.readKeysOnly(records);
        } catch (DeliveryChangedException e) {
            changedBy = e;
            outcome = new Changed(counts, e.reason());
            return false;
        }
        if (read < 0) {
            // an unreadable record: read the file again in full, as a first reading, to learn what it becomes
            mayReadKeysOnly = false;
            return readAgainKnowing(null);
        }
        KeyIndex repeats = reader.repeatedKeysFound();
        return repeats == null || readAgainKnowing(repeats);
    }

    /**
     * Some key repeats in the file: drops what the first reading staged and opens the file again
     * from its start, knowing the repeated keys ({@code null}: not knowing them, a first reading again).
     */
    private boolean readAgainKnowing(KeyIndex repeats) {
        keysOnly = false;
        reader.close();
        reader = null;
        staging.discardFrom(delivery, 0);
        counts = FileCounts.NONE;
        nextChunk = 0;
        written = Checkpoint.START;
        try {
            reader = ExtractReaders.open(delivery, options, 0, repeats);
            return true;
        } catch (FileRefusedException e) {
            outcome = new Refused(counts, e.reason());
        } catch (DeliveryChangedException e) {
            changedBy = e;
            outcome = new Changed(counts, e.reason());
        }
        return false;
    }

    /** The last chunk whose part is complete: what a restart may start from. */
    public Checkpoint checkpoint() {
        return written;
    }

    /** How the file ended; {@code null} while {@link #stageChunk()} has more to read. */
    public Outcome outcome() {
        return outcome;
    }

    /** Bytes of the file read so far, for progress and ETA; -1 when not known. */
    public long bytesRead() {
        ExtractReader open = reader;
        return open == null ? -1L : open.bytesRead();
    }

    /** The exception that said the file changed, to rethrow where a load is one call. */
    DeliveryChangedException changedBy() {
        return changedBy;
    }

    /**
     * Decides a file whose reading ended: publishes a staged one (LOADED, or FAILED over the reject
     * threshold or held back by a sharp fall in rows unless {@code acceptRowDrop}), records a refused
     * one (FAILED), and drops what was staged of a changed one ({@code null}: nothing is recorded).
     */
    public static LedgerEntry decide(LakeStaging staging, Delivery d, Outcome outcome, boolean acceptRowDrop) {
        if (outcome instanceof Staged s) {
            return staging.publish(d, s.counts(), s.encoding(), s.layout(), s.headerNote(), s.absentColumns(),
                    acceptRowDrop);
        }
        if (outcome instanceof Refused r) {
            return staging.fail(d, r.counts(), r.reason());
        }
        staging.abandon(d);
        return null;
    }

    /**
     * Stops: waits for the part being written (so that no write lands in staging after the load
     * stopped, where a restart might already be cleaning up), then closes the file.
     */
    @Override
    public void close() {
        try {
            Future<?> pending = writing;
            writing = null;
            if (pending != null) {
                try {
                    pending.get();
                } catch (ExecutionException e) {
                    // a part whose write failed is incomplete: the checkpoint does not count it and a
                    // restart drops it; the failure itself reached the caller through stageChunk
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (writer != null) {
                writer.shutdownNow();
            }
        } finally {
            if (reader != null) {
                reader.close();
                reader = null;
            }
        }
    }

    private void awaitWrite() {
        Future<?> pending = writing;
        writing = null;
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging a chunk", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
