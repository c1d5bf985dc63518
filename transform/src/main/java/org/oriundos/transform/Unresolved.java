package org.oriundos.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.RowType;

/** Lists the values the last conform runs could not resolve (for {@code bin/oriundos unresolved}). */
public final class Unresolved {
    private final LakeLocation lake;

    public Unresolved(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Every unresolved value of the current conformed zone, by source table, period, line and column. */
    public List<UnresolvedValue> list() {
        RowType<UnresolvedValue> rows = ConformedTables.UNRESOLVED_ROWS;
        List<UnresolvedValue> values = new ArrayList<>();
        for (Path file : new Generations(lake).partitionFiles(LakeLayout.Zone.CONFORMED, rows.schema().name())) {
            for (Object[] r : ParquetTableReader.readAll(rows.schema(), file, lake.conf())) {
                values.add(rows.fromRow(r));
            }
        }
        values.sort(Comparator.comparing(UnresolvedValue::sourceTable).thenComparing(UnresolvedValue::period)
                .thenComparing(UnresolvedValue::sourceFile).thenComparingLong(UnresolvedValue::sourceLine)
                .thenComparing(UnresolvedValue::column));
        return values;
    }
}
