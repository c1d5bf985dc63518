package org.oriundos.ingest;

import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * Loads one delivered file in a single call: reads it in chunks of {@link IngestOptions#chunkRows()}
 * records, stages each chunk, then publishes (or fails) the file. The chunk-oriented step of the
 * jobs module does the same through {@link ExtractReaders} and {@link LakeStaging}.
 */
public final class FileLoader {
    private final IngestOptions options;
    private final LakeStaging staging;

    public FileLoader(LakeLocation lake, IngestOptions options) {
        this.options = options;
        this.staging = new LakeStaging(lake, options);
    }

    public LedgerEntry load(Delivery d) {
        ExtractReader reader;
        try {
            reader = ExtractReaders.open(d, options, 0);
        } catch (FileRefusedException e) {
            return staging.fail(d, FileCounts.NONE, e.reason());
        }
        staging.discardFrom(d, 0); // a fresh load: nothing of an earlier attempt may be published with it
        FileCounts counts = FileCounts.NONE;
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
                    staging.writeChunk(d, chunk++, rows, rejects);
                    rows.clear();
                    rejects.clear();
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                staging.writeChunk(d, chunk, rows, rejects);
            }
            return staging.publish(d, counts, reader.encoding(), reader.layout(), reader.headerNote());
        } catch (FileRefusedException e) {
            return staging.fail(d, counts, e.reason());
        }
    }
}
