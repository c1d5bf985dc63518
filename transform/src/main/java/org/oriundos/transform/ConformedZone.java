package org.oriundos.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The lake's {@code conformed} zone: partitions are written whole under {@code conformed/_staging/}
 * and renamed into {@code conformed/<table>/period=<p>/}; whole tables are written beside their
 * file and renamed over it. A reader never sees a half-written file.
 */
final class ConformedZone {
    static final String PART = "part-00000.parquet";
    static final String ALL_PERIODS = "all";

    /** One manifest row. */
    record ManifestRow(String table, String period, String loadId, String fingerprint, long rows) {
        String key() {
            return table + "|" + period;
        }
    }

    private final LakeLocation lake;

    ConformedZone(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Removes what a run cut short left in staging. */
    void clearStaging() {
        try {
            lake.fileSystem().delete(staging(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + staging() + ": " + e.getMessage(), e);
        }
    }

    Path staging() {
        return lake.path("conformed", "_staging");
    }

    /** A writer for a partition's single part file, in staging. */
    ParquetTableWriter openStaged(TableSchema table, String period) {
        return new ParquetTableWriter(table, new Path(stagedDir(table, period), PART), lake.conf());
    }

    Path stagedDir(TableSchema table, String period) {
        return new Path(new Path(staging(), table.name()), "period=" + period);
    }

    Path partitionDir(TableSchema table, String period) {
        return lake.path("conformed", table.name(), "period=" + period);
    }

    /** Moves a staged partition into place, replacing the one there. */
    void publish(TableSchema table, String period) {
        FileSystem fs = lake.fileSystem();
        Path from = stagedDir(table, period);
        Path to = partitionDir(table, period);
        try {
            fs.mkdirs(to.getParent());
            if (fs.exists(to) && !fs.delete(to, true)) {
                throw new IOException("cannot delete the old partition");
            }
            if (!fs.rename(from, to)) {
                throw new IOException("the rename failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " into place as " + to + ": " + e.getMessage(), e);
        }
    }

    Path wholeFile(TableSchema table) {
        return lake.path("conformed", table.name(), PART);
    }

    /** Writes a whole (unpartitioned) table, replacing it. */
    void writeWhole(TableSchema table, List<Object[]> rows) {
        Path target = wholeFile(table);
        Path tmp = new Path(target.getParent(), "." + PART + ".tmp");
        FileSystem fs = lake.fileSystem();
        try {
            fs.mkdirs(target.getParent());
            try (ParquetTableWriter w = new ParquetTableWriter(table, tmp, lake.conf())) {
                w.writeAll(rows);
            }
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot delete the old file");
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("the rename failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of a whole table's file. */
    String contentHash(TableSchema table) {
        try (InputStream in = lake.fileSystem().open(wholeFile(table))) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
            return Fingerprints.hex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wholeFile(table) + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of rows of a whole table, from its Parquet footer. */
    long rowCount(TableSchema table) {
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(wholeFile(table), lake.conf()))) {
            return r.getRecordCount();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + wholeFile(table) + ": " + e.getMessage(), e);
        }
    }

    /** The manifest as last written, by {@code table|period}; empty on a new lake. */
    Map<String, ManifestRow> readManifest() {
        Map<String, ManifestRow> rows = new LinkedHashMap<>();
        Path file = wholeFile(ConformedTables.MANIFEST);
        try {
            if (!lake.fileSystem().exists(file)) {
                return rows;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + file + ": " + e.getMessage(), e);
        }
        for (Object[] r : ParquetTableReader.readAll(ConformedTables.MANIFEST, file, lake.conf())) {
            ManifestRow m = new ManifestRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4]);
            rows.put(m.key(), m);
        }
        return rows;
    }

    void writeManifest(List<ManifestRow> manifest) {
        List<Object[]> rows = new ArrayList<>();
        for (ManifestRow m : manifest) {
            rows.add(new Object[] {m.table(), m.period(), m.loadId(), m.fingerprint(), m.rows()});
        }
        writeWhole(ConformedTables.MANIFEST, rows);
    }
}
