package org.oriundos.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * A lake written the way ingest and transform write it: real Parquet files of the contract's
 * schemas in {@code conformed/}, {@code ledger/} and {@code rejects/}, and a manifest listing
 * the conformed partitions. Each delivery gets a ledger entry whose counts match its rows.
 */
final class FixtureLake {
    private final Path root;
    private final LakeLocation lake;
    /** The manifest rows, by table and period: a new delivery of a partition replaces its row. */
    private final Map<String, Object[]> manifest = new LinkedHashMap<>();
    private int ledgerEntries;

    FixtureLake(Path root) {
        this.root = root;
        this.lake = LakeLocation.local(root);
    }

    LakeLocation location() {
        return lake;
    }

    Path root() {
        return root;
    }

    /** A load id as ingest makes them: the first 16 hex digits of the SHA-256 of the file. */
    static String loadId(String fileName) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row of a table from column/value pairs; unnamed columns are null. */
    static Object[] row(TableSchema schema, Object... pairs) {
        Object[] r = schema.newRow();
        for (int i = 0; i < pairs.length; i += 2) {
            r[schema.indexOf((String) pairs[i])] = pairs[i + 1];
        }
        return r;
    }

    /**
     * One delivery of a data partition: the conformed rows (lineage filled in), a LOADED ledger
     * entry for the raw file with {@code rejected} rejected rows, those rejects, and its manifest row.
     */
    String deliver(TableSchema conformed, String rawTable, String period, String fileName, List<Object[]> rows,
                   int rejected) {
        String loadId = loadId(fileName);
        long line = 2;
        for (Object[] r : rows) {
            r[conformed.indexOf("_source_file")] = fileName;
            r[conformed.indexOf("_source_line")] = line++;
            r[conformed.indexOf("_load_id")] = loadId;
        }
        Path dir = root.resolve("conformed").resolve(conformed.name()).resolve("period=" + period);
        replaceFolder(dir);
        write(conformed, dir.resolve("part-00000.parquet"), rows);
        Object[] previous = manifest.get(conformed.name() + "/" + period);
        manifest.put(conformed.name() + "/" + period,
                new Object[] {conformed.name(), period, loadId, "fp-" + loadId, (long) rows.size()});
        List<Object[]> rejects = new ArrayList<>();
        for (int i = 0; i < rejected; i++) {
            rejects.add(new Object[] {fileName, rawTable, period, line + i, "BENEFICIARIOS", "mil",
                    "not a whole number", loadId, "NOT_A_WHOLE_NUMBER", null});
        }
        Path rejectDir = root.resolve("rejects").resolve(rawTable).resolve("period=" + period);
        replaceFolder(rejectDir);
        if (!rejects.isEmpty()) {
            write(RawTables.REJECTS, rejectDir.resolve("part-00000.parquet"), rejects);
        }
        ledger(loadId, fileName, rawTable, period, rows.size(), rejected, "LOADED",
                previous == null ? null : (String) previous[2], null);
        return loadId;
    }

    /** A file ingest refused: a FAILED ledger entry and nothing else. */
    void refuse(String rawTable, String period, String fileName, String message) {
        ledger(loadId(fileName), fileName, rawTable, period, 0, 0, "FAILED", null, message);
    }

    /** A partition of the link or unresolved tables (no ledger entry of its own). */
    void conformedOnly(TableSchema conformed, String period, String loadId, List<Object[]> rows) {
        Path dir = root.resolve("conformed").resolve(conformed.name()).resolve("period=" + period);
        replaceFolder(dir);
        write(conformed, dir.resolve("part-00000.parquet"), rows);
        manifest.put(conformed.name() + "/" + period,
                new Object[] {conformed.name(), period, loadId, "fp-" + loadId, (long) rows.size()});
    }

    /** A whole (unpartitioned) conformed table, rewritten. */
    void whole(TableSchema conformed, List<Object[]> rows) {
        Path dir = root.resolve("conformed").resolve(conformed.name());
        replaceFolder(dir);
        write(conformed, dir.resolve("part-00000.parquet"), rows);
    }

    /**
     * A whole conformed table rewritten and listed in the manifest under a load of its own, as
     * transform lists its reference tables (a new load on every run that writes them).
     */
    void wholeUnderLoad(TableSchema conformed, String loadId, List<Object[]> rows) {
        whole(conformed, rows);
        manifest.put(conformed.name() + "/all", new Object[] {conformed.name(), "all", loadId, loadId, (long) rows.size()});
    }

    /** Overrides the row count the manifest gives a partition (to simulate a manifest that lies). */
    void misstateManifestRows(String table, String period, long rows) {
        manifest.get(table + "/" + period)[4] = rows;
    }

    /** Writes the manifest as transform does: one file, rewritten whole. */
    void writeManifest() {
        Path dir = root.resolve("conformed").resolve("manifest");
        replaceFolder(dir);
        write(ConformedTables.MANIFEST, dir.resolve("manifest.parquet"), new ArrayList<>(manifest.values()));
    }

    private void ledger(String loadId, String fileName, String rawTable, String period, long loaded, long rejected,
                        String status, String replaced, String message) {
        Instant at = Instant.parse("2026-01-01T02:00:00Z").plusSeconds(60L * ledgerEntries++);
        Object[] entry = row(RawTables.LEDGER,
                "load_id", loadId, "file_name", fileName, "source_table", rawTable, "period", period,
                "sha256", loadId + "0".repeat(48), "bytes", 1000L + loaded, "encoding", "UTF-8",
                "rows_read", loaded + rejected, "rows_loaded", loaded, "rows_rejected", rejected, "rows_skipped", 0L,
                "status", status, "replaced_load_id", replaced, "message", message, "loaded_at", at);
        Path dir = root.resolve("ledger");
        write(RawTables.LEDGER, dir.resolve(at.getEpochSecond() + "-" + loadId + ".parquet"), List.<Object[]>of(entry));
    }

    private void write(TableSchema schema, Path file, List<Object[]> rows) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ParquetTableWriter w = new ParquetTableWriter(schema, new org.apache.hadoop.fs.Path(file.toUri()),
                lake.conf())) {
            w.writeAll(rows);
        }
    }

    private static void replaceFolder(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
