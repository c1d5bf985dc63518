package org.oriundos.warehouse;

import java.nio.file.Path;
import java.util.List;
import org.oriundos.ingest.lake.TableSchema;

/**
 * One unit of replacement the warehouse applies whole: a conformed partition, a whole conformed
 * table, the ledger, or one partition of rejects. {@code (loadId, fingerprint)} say which version
 * of it the lake holds; {@code expectedRows} is the manifest's count, or -1 when the warehouse
 * fingerprints the unit itself.
 */
record SourceUnit(String table, String period, String loadId, String fingerprint, long expectedRows,
                  TableSchema schema, String stagingTable, List<Path> files) {
    SourceUnit {
        files = List.copyOf(files);
    }

    /** {@code table/period}, the name a unit goes by in logs and in {@link BuildResult}. */
    String key() {
        return table + "/" + period;
    }
}
