package org.oriundos.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLayout.Zone;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;

/**
 * The rejected rows in the lake, for the operator: those of the current deliveries
 * ({@code rejects/<table>/period=<p>/}) and those of files that failed
 * ({@code failed/<table>/period=<p>/load=<load_id>/}, including one line-0 record saying why).
 */
public final class Rejects {
    private final LakeLocation lake;

    public Rejects(LakeLocation lake) {
        this.lake = lake;
    }

    /** The rejects of one file (by its name), or of all files when {@code null}; by file, then line. */
    public List<RejectedRow> list(String fileNameOrNull) {
        LakeLayout layout = new LakeLayout(lake);
        Generations generations = new Generations(lake);
        List<Path> parts = new ArrayList<>();
        for (String table : layout.tables(Zone.REJECTS)) {
            for (String period : layout.periods(Zone.REJECTS, table)) {
                parts.addAll(generations.files(layout.partition(Zone.REJECTS, table, period)));
            }
        }
        for (String table : layout.tables(Zone.FAILED)) {
            for (String period : layout.periods(Zone.FAILED, table)) {
                for (Path load : layout.failedLoads(table, period)) {
                    parts.addAll(generations.files(load));
                }
            }
        }
        List<RejectedRow> out = new ArrayList<>();
        for (Path part : parts) {
            for (Object[] r : ParquetTableReader.readAll(RawTables.REJECTS, part, lake.conf())) {
                RejectRow row = RawTables.REJECT_ROWS.fromRow(r);
                if (fileNameOrNull == null || fileNameOrNull.equals(row.sourceFile())) {
                    out.add(row.rejected());
                }
            }
        }
        out.sort(Comparator.comparing(RejectedRow::sourceFile).thenComparingLong(RejectedRow::line));
        return out;
    }
}
