package org.oriundos.ingest;

import org.oriundos.ingest.lake.LakeLocation;

/**
 * Loads one delivered file in a single call: runs {@link FileIngest}, the one ingest loop the
 * nightly's {@code ingestFile} step also runs (there one chunk per transaction), to its end, then
 * decides the file the way the nightly's {@code publishFiles} does ({@link FileIngest#decide}).
 */
public final class FileLoader {
    private final IngestOptions options;
    private final LakeStaging staging;

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
        // a fresh load: nothing of an earlier attempt may be published with it
        try (FileIngest ingest = FileIngest.start(d, staging, options, FileIngest.Checkpoint.START)) {
            while (ingest.stageChunk()) {
                // one chunk at a time, as the nightly's step does
            }
            LedgerEntry entry = FileIngest.decide(staging, d, ingest.outcome(), false);
            if (entry == null) {
                throw ingest.changedBy();
            }
            return entry;
        }
    }
}
