package org.oriundos.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.TableSchema;

/**
 * What ingest has landed: the current delivery of every raw partition according to the ledger
 * ({@code ledger/*.parquet}: the latest LOADED entry by {@code loaded_at} of each (table, period)),
 * and the part files of a partition in name order.
 */
final class RawZone {
    /** Raw tables in the order they are conformed: the registry first, so its ids exist when projects link. */
    static final List<String> TABLE_ORDER = List.of(RawTables.REGISTRY.name(), RawTables.PROJECTS.name(),
            RawTables.SURVEY.name(), RawTables.CONSULAR_ACTIVITY.name());

    private final LakeLocation lake;

    RawZone(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** The current delivery of every partition of the four data tables, in conform order. */
    List<RawPartition> currentPartitions() {
        TableSchema l = RawTables.LEDGER;
        int table = l.indexOf("source_table");
        int period = l.indexOf("period");
        int loadId = l.indexOf("load_id");
        int fileName = l.indexOf("file_name");
        int status = l.indexOf("status");
        int loadedAt = l.indexOf("loaded_at");
        Map<String, Object[]> latest = new HashMap<>();
        for (Path file : parquetFiles(lake.path("ledger"))) {
            for (Object[] e : ParquetTableReader.readAll(l, file, lake.conf())) {
                if (!"LOADED".equals(e[status]) || !TABLE_ORDER.contains((String) e[table])) {
                    continue;
                }
                latest.merge(e[table] + "|" + e[period], e, (a, b) -> {
                    int c = ((Instant) a[loadedAt]).compareTo((Instant) b[loadedAt]);
                    if (c == 0) {
                        c = ((String) a[loadId]).compareTo((String) b[loadId]);
                    }
                    return c >= 0 ? a : b;
                });
            }
        }
        List<RawPartition> partitions = new ArrayList<>();
        for (Object[] e : latest.values()) {
            partitions.add(new RawPartition((String) e[table], (String) e[period], (String) e[loadId],
                    (String) e[fileName]));
        }
        partitions.sort(Comparator.comparingInt((RawPartition p) -> TABLE_ORDER.indexOf(p.table()))
                .thenComparing(RawPartition::period));
        return partitions;
    }

    /** The part files of a raw partition, in name order; fails if the ledger's partition is missing. */
    List<Path> partFiles(RawPartition p) {
        Path dir = lake.path("raw", p.table(), "period=" + p.period());
        try {
            if (!lake.fileSystem().exists(dir)) {
                throw new IllegalStateException("the ledger says " + p.fileName() + " (load " + p.loadId()
                        + ") is loaded into " + p.label() + ", but " + dir + " does not exist");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + dir + ": " + e.getMessage(), e);
        }
        return parquetFiles(dir);
    }

    private List<Path> parquetFiles(Path dir) {
        FileSystem fs = lake.fileSystem();
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            FileStatus[] files = fs.listStatus(dir, path -> path.getName().endsWith(".parquet")
                    && !path.getName().startsWith(".") && !path.getName().startsWith("_"));
            return Arrays.stream(files).filter(FileStatus::isFile).map(FileStatus::getPath)
                    .sorted(Comparator.comparing(Path::getName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
