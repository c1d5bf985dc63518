package org.oriundos.jobs.nightly;

import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.DeliveryChangedException;
import org.oriundos.ingest.ExtractReader;
import org.oriundos.ingest.ExtractReaders;
import org.oriundos.ingest.FileRefusedException;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.jobs.ExecutionKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one delivered file record by record. Its place in the file is the number of records
 * consumed, saved at every commit, so a restart reopens the file after the last committed chunk.
 * A file that cannot be loaded at all is not an error of the run: the refusal is kept in the
 * step's context, the file yields nothing more, and {@code publishFiles} records it in the ledger.
 * A file whose bytes turn out not to be those the scan hashed (it changed under the load) is not
 * an error either: that is kept in the context too, and {@code publishFiles} publishes nothing of it.
 */
class DeliveryReader implements ItemStreamReader<RowOutcome> {
    private final Delivery delivery;
    private final IngestOptions options;
    private ExtractReader reader;
    private String refused;
    private String changed;
    private long consumed;

    DeliveryReader(Delivery delivery, IngestOptions options) {
        this.delivery = delivery;
        this.options = options;
    }

    @Override
    public void open(ExecutionContext context) {
        consumed = context.getLong(ExecutionKeys.RECORDS_CONSUMED, 0L);
        refused = context.containsKey(ExecutionKeys.REFUSED) ? context.getString(ExecutionKeys.REFUSED) : null;
        changed = context.containsKey(ExecutionKeys.CHANGED) ? context.getString(ExecutionKeys.CHANGED) : null;
        if (refused != null || changed != null) {
            return;
        }
        try {
            reader = ExtractReaders.open(delivery, options, consumed);
            context.putString(ExecutionKeys.ENCODING, reader.encoding());
            context.putString(ExecutionKeys.LAYOUT, reader.layout());
            if (reader.headerNote() != null) {
                context.putString(ExecutionKeys.HEADER_NOTE, reader.headerNote());
            }
            if (!reader.absentColumns().isEmpty()) {
                context.putString(ExecutionKeys.ABSENT_COLUMNS, String.join(", ", reader.absentColumns()));
            }
        } catch (FileRefusedException e) {
            refuse(context, e);
        } catch (DeliveryChangedException e) {
            changed = e.reason();
            context.putString(ExecutionKeys.CHANGED, changed);
        }
    }

    @Override
    public RowOutcome read() {
        if (reader == null || refused != null || changed != null) {
            return null;
        }
        try {
            return reader.next();
        } catch (FileRefusedException e) {
            refused = e.getMessage();
            return null;
        } catch (DeliveryChangedException e) {
            changed = e.reason();
            return null;
        }
    }

    /** Bytes of the file read so far, for the progress bar's ETA; -1 when not known. */
    public long bytesRead() {
        ExtractReader open = reader;
        return open == null ? -1L : open.bytesRead();
    }

    @Override
    public void update(ExecutionContext context) {
        if (reader != null) {
            consumed = reader.recordsConsumed();
        }
        context.putLong(ExecutionKeys.RECORDS_CONSUMED, consumed);
        if (refused != null) {
            context.putString(ExecutionKeys.REFUSED, refused);
        }
        if (changed != null) {
            context.putString(ExecutionKeys.CHANGED, changed);
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private void refuse(ExecutionContext context, FileRefusedException e) {
        refused = e.getMessage();
        context.putString(ExecutionKeys.REFUSED, refused);
    }
}
