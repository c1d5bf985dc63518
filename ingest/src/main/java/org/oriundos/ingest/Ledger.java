package org.oriundos.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;

/**
 * The file ledger: one small Parquet file per decision under {@code lake/ledger/}
 * ({@link LakeLayout#ledger()}), created once ({@link Generations#createOnce}) and never rewritten. Reading it is reading them all; the current delivery of a (table, period) is its
 * latest LOADED entry.
 */
public final class Ledger {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LakeLocation lake;

    public Ledger(LakeLocation lake) {
        this.lake = lake;
    }

    /** Every entry, oldest first. */
    public List<LedgerEntry> entries() {
        FileSystem fs = lake.fileSystem();
        Path dir = new LakeLayout(lake).ledger();
        List<LedgerEntry> entries = new ArrayList<>();
        try {
            FileStatus[] files;
            try {
                files = fs.listStatus(dir);
            } catch (FileNotFoundException e) {
                return List.of();
            }
            for (FileStatus st : files) {
                String n = st.getPath().getName();
                if (!st.isFile() || !n.endsWith(".parquet") || LakeLayout.hidden(n)) {
                    continue;
                }
                for (Object[] row : ParquetTableReader.readAll(RawTables.LEDGER, st.getPath(), lake.conf())) {
                    entries.add(fromRow(row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger at " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(LedgerEntry::loadedAt).thenComparing(LedgerEntry::loadId));
        return entries;
    }

    /** The delivery whose rows a (table, period) holds now: its latest LOADED entry. */
    public Optional<LedgerEntry> current(String table, String period) {
        LedgerEntry found = null;
        for (LedgerEntry e : entries()) {
            if (e.status() == LedgerEntry.Status.LOADED && e.sourceTable().equals(table) && e.period().equals(period)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether these very bytes were loaded once (then delivering them again is a no-op). */
    public boolean hasLoaded(String sha256) {
        for (LedgerEntry e : entries()) {
            if (e.status() == LedgerEntry.Status.LOADED && e.sha256().equalsIgnoreCase(sha256)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends an entry: a new file, written beside and renamed into place so readers never see
     * half of it. Appending the same entry again (a publish completed after a crash) changes nothing.
     */
    void append(LedgerEntry entry) {
        Path target = new Path(new LakeLayout(lake).ledger(), fileName(entry));
        new Generations(lake).createOnce(target, file -> writeEntry(lake, entry, file));
    }

    /** The entry's file name: when, then which load, so a listing reads in time order. */
    static String fileName(LedgerEntry entry) {
        return STAMP.format(entry.loadedAt()) + "-" + entry.loadId() + ".parquet";
    }

    static void writeEntry(LakeLocation lake, LedgerEntry entry, Path file) {
        try (ParquetTableWriter w = new ParquetTableWriter(RawTables.LEDGER, file, lake.conf())) {
            w.write(toRow(entry));
        }
    }

    static LedgerEntry readEntry(LakeLocation lake, Path file) {
        List<Object[]> rows = ParquetTableReader.readAll(RawTables.LEDGER, file, lake.conf());
        if (rows.size() != 1) {
            throw new IllegalStateException(file + " should hold one ledger entry, it holds " + rows.size());
        }
        return fromRow(rows.get(0));
    }

    static Object[] toRow(LedgerEntry e) {
        return RawTables.LEDGER_ROWS.toRow(LedgerRow.of(e));
    }

    static LedgerEntry fromRow(Object[] r) {
        return RawTables.LEDGER_ROWS.fromRow(r).entry();
    }
}
