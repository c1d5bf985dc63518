package org.oriundos.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;

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

    /** One row of the manifest. */
    public record Entry(String table, String period, String loadId, String fingerprint, long rows) {
        /** {@code table|period}: one entry per key. */
        public String key() {
            return table + "|" + period;
        }
    }

    private ConformedManifest() {
    }

    /** The manifest as last written; empty on a new lake. */
    public static List<Entry> read(LakeLocation lake) {
        TableSchema m = ConformedTables.MANIFEST;
        int table = m.indexOf("table_name");
        int period = m.indexOf("period");
        int loadId = m.indexOf("load_id");
        int fingerprint = m.indexOf("fingerprint");
        int rows = m.indexOf("rows");
        List<Entry> entries = new ArrayList<>();
        for (Path file : new Generations(lake).files(new LakeLayout(lake).manifest())) {
            for (Object[] r : ParquetTableReader.readAll(m, file, lake.conf())) {
                entries.add(new Entry((String) r[table], (String) r[period], (String) r[loadId],
                        (String) r[fingerprint], (Long) r[rows]));
            }
        }
        return entries;
    }

    /** Replaces the manifest whole (a new generation of its slot). */
    static void write(LakeLocation lake, List<Entry> entries) {
        TableSchema m = ConformedTables.MANIFEST;
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries) {
            Object[] r = m.newRow();
            r[m.indexOf("table_name")] = e.table();
            r[m.indexOf("period")] = e.period();
            r[m.indexOf("load_id")] = e.loadId();
            r[m.indexOf("fingerprint")] = e.fingerprint();
            r[m.indexOf("rows")] = e.rows();
            rows.add(r);
        }
        new Generations(lake).replace(new LakeLayout(lake).manifest(), dir -> {
            try (ParquetTableWriter w = new ParquetTableWriter(m, new Path(dir, LakeLayout.SINGLE_PART), lake.conf())) {
                w.writeAll(rows);
            }
        });
    }
}
