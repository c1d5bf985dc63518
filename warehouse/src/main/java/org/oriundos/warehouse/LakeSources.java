package org.oriundos.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * What the lake offers the warehouse, as units of replacement. The conformed partitions and their
 * {@code (load_id, fingerprint)} come from transform's manifest; the whole conformed tables, the
 * ledger and the rejects are fingerprinted here from their bytes. A lake that is not on the local
 * disk (HDFS) is first mirrored into a local cache, because DuckDB can only read local files here.
 */
final class LakeSources {
    private final LakeLocation lake;
    private final Path cacheDir;

    LakeSources(LakeLocation lake, Path cacheDir) {
        this.lake = lake;
        this.cacheDir = cacheDir;
    }

    /** Every unit the lake holds now, ordered by table then period. */
    List<SourceUnit> units() {
        FileSystem fs = lake.fileSystem();
        List<SourceUnit> units = new ArrayList<>();
        Map<String, Object[]> manifest = readManifest(fs);
        for (TableSchema t : ConformedTables.partitioned()) {
            for (Object[] m : manifest.values()) {
                if (!t.name().equals(m[0])) {
                    continue;
                }
                String period = (String) m[1];
                List<Path> files = localFiles(fs, "conformed", t.name(), "period=" + period);
                units.add(new SourceUnit(t.name(), period, (String) m[2], (String) m[3], (Long) m[4], t,
                        Staging.tableFor(t), files));
            }
        }
        for (TableSchema t : ConformedTables.whole()) {
            if (t == ConformedTables.MANIFEST) {
                continue;
            }
            List<Path> files = localFiles(fs, "conformed", t.name());
            Object[] m = manifest.get(t.name() + "\u0000");
            if (m != null) {
                units.add(new SourceUnit(t.name(), "all", (String) m[2], (String) m[3], (Long) m[4], t,
                        Staging.tableFor(t), files));
            } else if (!files.isEmpty()) {
                units.add(new SourceUnit(t.name(), "all", "", fingerprint(files), -1, t, Staging.tableFor(t), files));
            }
        }
        List<Path> ledger = localFiles(fs, "ledger");
        if (!ledger.isEmpty()) {
            units.add(new SourceUnit("ledger", "all", "", fingerprint(ledger), -1, RawTables.LEDGER,
                    Staging.tableFor(RawTables.LEDGER), ledger));
        }
        for (String table : subfolders(fs, lake.path("rejects"))) {
            for (String partition : subfolders(fs, lake.path("rejects", table))) {
                if (!partition.startsWith("period=")) {
                    continue;
                }
                List<Path> files = localFiles(fs, "rejects", table, partition);
                if (!files.isEmpty()) {
                    units.add(new SourceUnit("rejects", table + ":" + partition.substring("period=".length()), "",
                            fingerprint(files), -1, RawTables.REJECTS, Staging.tableFor(RawTables.REJECTS), files));
                }
            }
        }
        units.sort(Comparator.comparing(SourceUnit::table).thenComparing(SourceUnit::period));
        return units;
    }

    /**
     * The manifest rows by table and period. Whole tables, if transform lists them, are keyed by
     * their name and an empty period.
     */
    private Map<String, Object[]> readManifest(FileSystem fs) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        TableSchema schema = ConformedTables.MANIFEST;
        for (org.apache.hadoop.fs.Path file : parquetFiles(fs, lake.path("conformed", schema.name()))) {
            for (Object[] r : ParquetTableReader.readAll(schema, file, lake.conf())) {
                String table = (String) r[0];
                boolean whole = ConformedTables.whole().stream().anyMatch(t -> t.name().equals(table));
                String key = table + "\u0000" + (whole ? "" : (String) r[1]);
                if (rows.put(key, r) != null) {
                    throw new WarehouseException("the conformed manifest in " + lake.path("conformed", schema.name())
                            + " lists " + table + " period " + r[1] + " twice");
                }
            }
        }
        return rows;
    }

    /** The Parquet files of a folder of the lake, as local paths (copied into the cache if need be). */
    private List<Path> localFiles(FileSystem fs, String... segments) {
        List<Path> out = new ArrayList<>();
        for (org.apache.hadoop.fs.Path p : parquetFiles(fs, lake.path(segments))) {
            out.add(local(fs, p, segments));
        }
        return out;
    }

    private Path local(FileSystem fs, org.apache.hadoop.fs.Path p, String... segments) {
        if (lake.isLocal()) {
            return Path.of(p.toUri());
        }
        Path dir = cacheDir;
        for (String s : segments) {
            dir = dir.resolve(s);
        }
        Path target = dir.resolve(p.getName());
        try {
            FileStatus status = fs.getFileStatus(p);
            if (Files.isRegularFile(target) && Files.size(target) == status.getLen()
                    && Files.getLastModifiedTime(target).toMillis() == status.getModificationTime()) {
                return target;
            }
            Files.createDirectories(dir);
            Path partial = dir.resolve(p.getName() + ".partial");
            try (InputStream in = fs.open(p)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.fromMillis(status.getModificationTime()));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + p + " from the lake into the local cache " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    private static List<org.apache.hadoop.fs.Path> parquetFiles(FileSystem fs, org.apache.hadoop.fs.Path dir) {
        List<org.apache.hadoop.fs.Path> out = new ArrayList<>();
        try {
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isFile() && s.getPath().getName().endsWith(".parquet") && !s.getPath().getName().startsWith(".")) {
                    out.add(s.getPath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in the lake: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(org.apache.hadoop.fs.Path::getName));
        return out;
    }

    private static List<String> subfolders(FileSystem fs, org.apache.hadoop.fs.Path dir) {
        List<String> out = new ArrayList<>();
        try {
            if (!fs.exists(dir)) {
                return out;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory() && !s.getPath().getName().startsWith(".")) {
                    out.add(s.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in the lake: " + e.getMessage(), e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** SHA-256 over the names and bytes of the files: the same files give the same fingerprint. */
    private static String fingerprint(List<Path> files) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path f : files) {
                d.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update((byte) 0);
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        d.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files + " to fingerprint it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
