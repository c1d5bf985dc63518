package org.oriundos.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.Required;

/**
 * Transform's manifest ({@link ConformedTables#MANIFEST}, in the slot
 * {@link LakeLayout#manifest()}): which raw load and fingerprint each conformed partition was
 * built from, and (period {@link #ALL_PERIODS}) a hash of each whole table. Transform writes it
 * after the partitions it lists are in place; the warehouse reads it, by column name, to know
 * which partitions changed.
 */
public final class ConformedManifest {
    /** The period of a whole (unpartitioned) table's row. */
    public static final String ALL_PERIODS = "all";

    /** One row of the manifest; its components are the manifest's columns, in order. */
    public record Entry(@Required String tableName, @Required String period, @Required String loadId,
                        @Required String fingerprint, long rows) {
        /** The conformed table the entry is of (its {@code table_name}). */
        public String table() {
            return tableName;
        }

        /** {@code table|period}: one entry per key. */
        public String key() {
            return tableName + "|" + period;
        }
    }

    private ConformedManifest() {
    }

    /** The manifest as last written; empty on a new lake. */
    public static List<Entry> read(LakeLocation lake) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : new Generations(lake).files(new LakeLayout(lake).manifest())) {
            for (Object[] r : ParquetTableReader.readAll(ConformedTables.MANIFEST, file, lake.conf())) {
                entries.add(ConformedTables.MANIFEST_ROWS.fromRow(r));
            }
        }
        return entries;
    }

    /** Replaces the manifest whole (a new generation of its slot). */
    static void write(LakeLocation lake, List<Entry> entries) {
        List<Object[]> rows = entries.stream().map(ConformedTables.MANIFEST_ROWS::toRow).toList();
        new Generations(lake).replace(new LakeLayout(lake).manifest(), dir -> {
            try (ParquetTableWriter w = new ParquetTableWriter(ConformedTables.MANIFEST,
                    new Path(dir, LakeLayout.SINGLE_PART), lake.conf())) {
                w.writeAll(rows);
            }
        });
    }
}
