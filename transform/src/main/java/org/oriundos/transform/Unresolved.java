package org.oriundos.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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
        FileSystem fs = lake.fileSystem();
        Path dir = lake.path("conformed", s.name());
        try {
            if (!fs.exists(dir)) {
                return values;
            }
            for (FileStatus partition : fs.listStatus(dir)) {
                if (!partition.isDirectory() || !partition.getPath().getName().startsWith("period=")) {
                    continue;
                }
                for (FileStatus file : fs.listStatus(partition.getPath())) {
                    if (!file.getPath().getName().endsWith(".parquet")) {
                        continue;
                    }
                    for (Object[] r : ParquetTableReader.readAll(s, file.getPath(), lake.conf())) {
                        values.add(new UnresolvedValue((String) r[0], (String) r[1], (String) r[2], (Long) r[3],
                                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the unresolved values in " + dir + ": " + e.getMessage(), e);
        }
        values.sort(Comparator.comparing(UnresolvedValue::sourceTable).thenComparing(UnresolvedValue::period)
                .thenComparing(UnresolvedValue::sourceFile).thenComparingLong(UnresolvedValue::sourceLine)
                .thenComparing(UnresolvedValue::column));
        return values;
    }
}
