package org.oriundos.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;

/**
 * Transform's writes to the lake's {@code conformed} zone, through the lake's owner: a partition
 * is written as a pending generation of its slot ({@link LakeLayout#partition}) and switched to
 * when {@link #publish}ed; a whole table is replaced the same way in one call. A reader never
 * sees a half-written partition or table, nor none.
 */
final class ConformedZone {
    static final String PART = LakeLayout.SINGLE_PART;

    private final LakeLocation lake;
    private final LakeLayout layout;
    private final Generations generations;
    private final Map<String, Generations.Pending> pending = new HashMap<>();

    ConformedZone(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
        this.layout = new LakeLayout(lake);
        this.generations = new Generations(lake);
    }

    /**
     * Removes what saves cut short left behind in every slot of the zone (pending generations,
     * generations older than the current one), and the staging folder of releases before
     * generations ({@code conformed/_staging/}). Call it before a run writes anything.
     */
    void clearStaging() {
        Path legacy = new Path(layout.zone(LakeLayout.Zone.CONFORMED), "_staging");
        try {
            lake.fileSystem().delete(legacy, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + legacy + ": " + e.getMessage(), e);
        }
        for (String table : layout.tables(LakeLayout.Zone.CONFORMED)) {
            generations.clean(layout.table(LakeLayout.Zone.CONFORMED, table));
            for (Path partition : layout.partitions(LakeLayout.Zone.CONFORMED, table)) {
                generations.clean(partition);
            }
        }
    }

    /** A writer for a partition's single part file, in a new generation not yet switched to. */
    ParquetTableWriter openStaged(TableSchema table, String period) {
        Path slot = partitionDir(table, period);
        Generations.Pending p = generations.begin(slot);
        Generations.Pending before = pending.put(slot.toString(), p);
        if (before != null) {
            before.abandon();
        }
        return new ParquetTableWriter(table, new Path(p.dir(), PART), lake.conf());
    }

    /** The slot of a conformed partition. */
    Path partitionDir(TableSchema table, String period) {
        return layout.partition(LakeLayout.Zone.CONFORMED, table.name(), period);
    }

    /** Switches a partition to the generation written since {@link #openStaged}. */
    void publish(TableSchema table, String period) {
        Generations.Pending p = pending.remove(partitionDir(table, period).toString());
        if (p == null) {
            throw new IllegalStateException("nothing was written for " + table.name() + " period " + period);
        }
        p.commit();
    }

    /** Writes a whole (unpartitioned) table, replacing it. */
    void writeWhole(TableSchema table, List<Object[]> rows) {
        generations.replace(layout.wholeTable(table.name()), dir -> {
            try (ParquetTableWriter w = new ParquetTableWriter(table, new Path(dir, PART), lake.conf())) {
                w.writeAll(rows);
            }
        });
    }

    /** The file of a whole table's current generation. */
    Path wholeFile(TableSchema table) {
        Path slot = layout.wholeTable(table.name());
        return generations.current(slot).map(dir -> new Path(dir, PART))
                .orElseThrow(() -> new IllegalStateException("the conformed table " + table.name() + " is missing: "
                        + slot + " holds no generation"));
    }

    /** The first 16 hex digits of the SHA-256 of a whole table's file. */
    String contentHash(TableSchema table) {
        Path file = wholeFile(table);
        try (InputStream in = lake.fileSystem().open(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
            return Fingerprints.hex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of a whole table, from its Parquet footer. */
    long rowCount(TableSchema table) {
        Path file = wholeFile(table);
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(file, lake.conf()))) {
            return r.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest as last written, by {@code table|period}; empty on a new lake. */
    Map<String, ConformedManifest.Entry> readManifest() {
        Map<String, ConformedManifest.Entry> rows = new LinkedHashMap<>();
        for (ConformedManifest.Entry m : ConformedManifest.read(lake)) {
            rows.put(m.key(), m);
        }
        return rows;
    }

    void writeManifest(List<ConformedManifest.Entry> manifest) {
        ConformedManifest.write(lake, manifest);
    }
}
