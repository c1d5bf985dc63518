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
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLayout.Zone;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedManifest;
import org.oriundos.transform.ConformedTables;

/**
 * What the lake offers the warehouse, as units of replacement. The conformed partitions and their
 * {@code (load_id, fingerprint)} come from transform's manifest ({@link ConformedManifest}, read by
 * column name); the whole conformed tables, the ledger and the rejects are fingerprinted here from
 * their bytes. Where each lies, and which generation of it is current, is the lake owner's
 * ({@link LakeLayout}, {@link Generations}). A lake that is not on the local
 * disk (HDFS) is first mirrored into a local cache, because DuckDB can only read local files here.
 */
final class LakeSources {
    private final LakeLocation lake;
    private final LakeLayout layout;
    private final Generations generations;
    private final Path cacheDir;

    LakeSources(LakeLocation lake, Path cacheDir) {
        this.lake = lake;
        this.layout = new LakeLayout(lake);
        this.generations = new Generations(lake);
        this.cacheDir = cacheDir;
    }

    /** Every unit the lake holds now, ordered by table then period. */
    List<SourceUnit> units() {
        FileSystem fs = lake.fileSystem();
        List<SourceUnit> units = new ArrayList<>();
        Map<String, ConformedManifest.Entry> manifest = readManifest();
        for (TableSchema t : ConformedTables.partitioned()) {
            for (ConformedManifest.Entry m : manifest.values()) {
                if (!t.name().equals(m.table())) {
                    continue;
                }
                List<Path> files = localFiles(fs, layout.partition(Zone.CONFORMED, t.name(), m.period()));
                units.add(new SourceUnit(t.name(), m.period(), m.loadId(), m.fingerprint(), m.rows(), t,
                        Staging.tableFor(t), files));
            }
        }
        for (TableSchema t : ConformedTables.whole()) {
            if (t == ConformedTables.MANIFEST) {
                continue;
            }
            List<Path> files = localFiles(fs, layout.wholeTable(t.name()));
            ConformedManifest.Entry m = manifest.get(t.name() + "\u0000");
            if (m != null) {
                units.add(new SourceUnit(t.name(), ConformedManifest.ALL_PERIODS, m.loadId(), m.fingerprint(), m.rows(),
                        t, Staging.tableFor(t), files));
            } else if (!files.isEmpty()) {
                units.add(new SourceUnit(t.name(), ConformedManifest.ALL_PERIODS, "", fingerprint(files), -1, t,
                        Staging.tableFor(t), files));
            }
        }
        List<Path> ledger = local(fs, layout.ledger(), generations.dataFiles(layout.ledger()));
        if (!ledger.isEmpty()) {
            units.add(new SourceUnit("ledger", "all", "", fingerprint(ledger), -1, RawTables.LEDGER,
                    Staging.tableFor(RawTables.LEDGER), ledger));
        }
        for (String table : layout.tables(Zone.REJECTS)) {
            for (String period : layout.periods(Zone.REJECTS, table)) {
                List<Path> files = localFiles(fs, layout.partition(Zone.REJECTS, table, period));
                if (!files.isEmpty()) {
                    units.add(new SourceUnit("rejects", table + ":" + period, "", fingerprint(files), -1,
                            RawTables.REJECTS, Staging.tableFor(RawTables.REJECTS), files));
                }
            }
        }
        units.sort(Comparator.comparing(SourceUnit::table).thenComparing(SourceUnit::period));
        return units;
    }

    /**
     * Transform's manifest, by table and period. Whole tables, if transform lists them, are keyed
     * by their name and an empty period.
     */
    private Map<String, ConformedManifest.Entry> readManifest() {
        Map<String, ConformedManifest.Entry> rows = new LinkedHashMap<>();
        for (ConformedManifest.Entry e : ConformedManifest.read(lake)) {
            boolean whole = ConformedTables.whole().stream().anyMatch(t -> t.name().equals(e.table()));
            String key = e.table() + "\u0000" + (whole ? "" : e.period());
            if (rows.put(key, e) != null) {
                throw new WarehouseException("the conformed manifest in " + layout.manifest() + " lists "
                        + e.table() + " period " + e.period() + " twice");
            }
        }
        return rows;
    }

    /** The files of a slot's current generation, as local paths (copied into the cache if need be). */
    private List<Path> localFiles(FileSystem fs, org.apache.hadoop.fs.Path slot) {
        return local(fs, slot, generations.files(slot));
    }

    /**
     * Local paths of lake files. A remote file is cached under its slot's place in the lake (the
     * generation left out), so the cache holds one copy per slot, refreshed when the file changes.
     */
    private List<Path> local(FileSystem fs, org.apache.hadoop.fs.Path slot, List<org.apache.hadoop.fs.Path> files) {
        List<Path> out = new ArrayList<>();
        for (org.apache.hadoop.fs.Path p : files) {
            out.add(local(fs, p, layout.relative(slot)));
        }
        return out;
    }

    private Path local(FileSystem fs, org.apache.hadoop.fs.Path p, String place) {
        if (lake.isLocal()) {
            return Path.of(p.toUri());
        }
        Path dir = cacheDir;
        for (String s : place.split("/")) {
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
