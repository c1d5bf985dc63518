package org.oriundos.jobs.nightly;

import org.oriundos.ingest.Delivery;
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
 */
class DeliveryReader implements ItemStreamReader<RowOutcome> {
    private final Delivery delivery;
    private final IngestOptions options;
    private ExtractReader reader;
    private String refused;
    private long consumed;

    DeliveryReader(Delivery delivery, IngestOptions options) {
        this.delivery = delivery;
        this.options = options;
    }

    @Override
    public void open(ExecutionContext context) {
        consumed = context.getLong(ExecutionKeys.RECORDS_CONSUMED, 0L);
        refused = context.containsKey(ExecutionKeys.REFUSED) ? context.getString(ExecutionKeys.REFUSED) : null;
        if (refused != null) {
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
        }
    }

    @Override
    public RowOutcome read() {
        if (reader == null || refused != null) {
            return null;
        }
        try {
            return reader.next();
        } catch (FileRefusedException e) {
            refused = e.getMessage();
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
