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
import org.oriundos.ingest.lake.TableSchema;

/** Lists the values the last conform runs could not resolve (for {@code bin/oriundos unresolved}). */
public final class Unresolved {
    private final LakeLocation lake;

    public Unresolved(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Every unresolved value of the current conformed zone, by source table, period, line and column. */
    public List<UnresolvedValue> list() {
        TableSchema s = ConformedTables.UNRESOLVED;
        List<UnresolvedValue> values = new ArrayList<>();
        for (Path file : new Generations(lake).partitionFiles(LakeLayout.Zone.CONFORMED, s.name())) {
            for (Object[] r : ParquetTableReader.readAll(s, file, lake.conf())) {
                values.add(new UnresolvedValue((String) r[0], (String) r[1], (String) r[2], (Long) r[3],
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8]));
            }
        }
        values.sort(Comparator.comparing(UnresolvedValue::sourceTable).thenComparing(UnresolvedValue::period)
                .thenComparing(UnresolvedValue::sourceFile).thenComparingLong(UnresolvedValue::sourceLine)
                .thenComparing(UnresolvedValue::column));
        return values;
    }
}
