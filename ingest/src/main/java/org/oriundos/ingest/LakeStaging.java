package org.oriundos.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands a delivery in the lake in two steps, so a crash never leaves half of one visible.
 * <ol>
 * <li>{@link #writeChunk} writes each chunk's rows and rejects as one Parquet part under
 * {@code staging/<load_id>/} (repeatable: the same chunk number overwrites its part);</li>
 * <li>{@link #publish} writes the ledger entry it is about to append as
 * {@code staging/<load_id>/_COMMIT.parquet} (the commit point), then moves the staged folders in
 * as the next generation of the slots {@code raw/<table>/period=<p>/} and
 * {@code rejects/<table>/period=<p>/} ({@link Generations#switchTo}: one atomic rename each),
 * appends the entry to the ledger and removes the staging folder. Each of these is repeatable, so
 * {@link #recover} finishes a publish cut short after its commit point; before it, the earlier
 * delivery is untouched.</li>
 * </ol>
 * A file that fails (over the reject threshold, or refused whole) loads nothing: its rejects go to
 * the slot {@code failed/<table>/period=<p>/load=<load_id>/} for the operator, with one record
 * (line 0) saying why the file failed, and the ledger gets a FAILED entry. Paths are
 * {@link LakeLayout}'s.
 */
public final class LakeStaging {
    private static final Logger LOG = LoggerFactory.getLogger(LakeStaging.class);
    private static final String COMMIT = "_COMMIT.parquet";
    private static final String DATA = "data";
    private static final String REJECTS = "rejects";
    /**
     * Columns with a new value on (nearly) every row: dictionary encoding would only cost time (a
     * hash lookup per value, then the fall-back). The amounts of the 3x1 files are among them.
     */
    private static final java.util.Set<String> UNIQUE_COLUMNS = java.util.Set.of("_source_line", "folio",
            "project_name", "organization_id", "respondent_id", "line", "federal_mxn", "state_mxn",
            "municipal_mxn", "migrant_mxn", "other_mxn", "beneficiaries");

    private final LakeLocation lake;
    private final LakeLayout paths;
    private final Generations generations;
    private final IngestOptions options;
    private final Ledger ledger;

    public LakeStaging(LakeLocation lake, IngestOptions options) {
        this.lake = lake;
        this.paths = new LakeLayout(lake);
        this.generations = new Generations(lake);
        this.options = options;
        this.ledger = new Ledger(lake);
    }

    /** Writes one chunk's rows and rejects as part {@code chunk}; writing the same chunk again replaces it. */
    public void writeChunk(Delivery d, int chunk, List<Object[]> rows, List<RejectedRow> rejects) {
        Path dir = stagingDir(d);
        writePart(d.source().table(), new Path(new Path(dir, DATA), partName(chunk)), rows);
        List<Object[]> rejectRows = rejects.stream().map(r -> rejectRow(r, d.loadId())).toList();
        writePart(RawTables.REJECTS, new Path(new Path(dir, REJECTS), partName(chunk)), rejectRows);
    }

    /** Deletes the staged parts numbered {@code chunk} and above (written after the last commit, before a crash). */
    public void discardFrom(Delivery d, int chunk) {
        FileSystem fs = lake.fileSystem();
        for (String sub : List.of(DATA, REJECTS)) {
            Path dir = new Path(stagingDir(d), sub);
            try {
                for (FileStatus st : listOrEmpty(fs, dir)) {
                    String n = st.getPath().getName();
                    if (!n.startsWith("part-") || !n.endsWith(".parquet") || partNumber(n) >= chunk) {
                        fs.delete(st.getPath(), true); // leftovers of an interrupted part write go too
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean staging " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** Publishes with no note about the header. */
    public LedgerEntry publish(Delivery d, FileCounts counts, String encoding, String layout) {
        return publish(d, counts, encoding, layout, null);
    }

    /** Publishes, holding back a delivery whose rows fall sharply against the one it replaces. */
    public LedgerEntry publish(Delivery d, FileCounts counts, String encoding, String layout, String note) {
        return publish(d, counts, encoding, layout, note, false);
    }

    /**
     * Makes the staged delivery the current one of its (table, period): a LOADED entry. A file
     * with no data rows, or whose reject share passes the threshold, loads nothing: a FAILED entry,
     * and the earlier delivery stays.
     *
     * A delivery that would replace another with far fewer rows (a fall of more than
     * {@link IngestOptions#maxRowDrop()}) is held back the same way, loudly, unless
     * {@code acceptRowDrop} (a backfill of that period: the operator says the new file is right).
     *
     * @param note what the ledger should also say (ignored and dropped columns), or {@code null}
     */
    public LedgerEntry publish(Delivery d, FileCounts counts, String encoding, String layout, String note,
                               boolean acceptRowDrop) {
        return publish(d, counts, encoding, layout, note, null, acceptRowDrop);
    }

    /**
     * As {@link #publish(Delivery, FileCounts, String, String, String, boolean)}, recording the
     * layout's columns the file was taken without.
     *
     * @param absentColumns the absent columns, comma-separated, or {@code null} when none
     */
    public LedgerEntry publish(Delivery d, FileCounts counts, String encoding, String layout, String note,
                               String absentColumns, boolean acceptRowDrop) {
        if (counts.loaded() + counts.rejected() == 0) {
            return failed(d, counts, encoding, layout, absentColumns, "the file has no data rows (" + counts.skipped()
                    + " skipped): nothing loaded, and any earlier delivery of " + d.period() + " stays in place");
        }
        if (counts.rejectShare() > options.maxRejectShare()) {
            return failed(d, counts, encoding, layout, absentColumns, String.format(Locale.ROOT,
                    "%d of %d data rows rejected (%.1f%%), over the limit of %.1f%%: nothing loaded, and any earlier"
                            + " delivery of %s stays in place; see the rejects of this file",
                    counts.rejected(), counts.loaded() + counts.rejected(), 100 * counts.rejectShare(),
                    100 * options.maxRejectShare(), d.period()));
        }
        LedgerEntry before = ledger.current(d.source().tableName(), d.period())
                .filter(e -> !e.loadId().equals(d.loadId())).orElse(null);
        if (before != null && !acceptRowDrop) {
            long was = before.counts().loaded();
            double drop = was == 0 ? 0.0 : (double) (was - counts.loaded()) / was;
            if (drop > options.maxRowDrop()) {
                return failed(d, counts, encoding, layout, absentColumns, String.format(Locale.ROOT,
                        "held back: %d rows loaded against %d of the delivery it would replace (%s, load %s), a fall"
                                + " of %.1f%%, over the limit of %.1f%%: nothing loaded, and the earlier delivery of %s"
                                + " stays in place; if the fall is right, a backfill of %s takes this file",
                        counts.loaded(), was, before.fileName(), before.loadId(), 100 * drop,
                        100 * options.maxRowDrop(), d.period(), d.period()));
            }
        }
        Path dir = stagingDir(d);
        FileSystem fs = lake.fileSystem();
        long staged = stagedRows(fs, new Path(dir, DATA));
        if (staged != counts.loaded()) {
            throw new IllegalStateException(d.fileName() + ": staging holds " + staged + " rows but " + counts.loaded()
                    + " were loaded; chunks of another attempt are left over (discardFrom(d, 0) before a fresh load)");
        }
        String replaced = before == null ? null : before.loadId();
        LedgerEntry entry = new LedgerEntry(d.loadId(), d.fileName(), d.source().tableName(), d.period(), d.sha256(),
                d.bytes(), encoding, layout, counts, LedgerEntry.Status.LOADED, replaced, note, after(before),
                absentColumns);
        try {
            fs.mkdirs(new Path(dir, DATA));
            fs.mkdirs(new Path(dir, REJECTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + d.fileName() + " in " + dir + ": " + e.getMessage(), e);
        }
        // an earlier attempt that passed its commit point stands: what it committed is what is published
        generations.createOnce(new Path(dir, COMMIT), file -> Ledger.writeEntry(lake, entry, file));
        LedgerEntry published = rollForward(dir);
        LOG.info("{}: loaded into {} period {} (read {}, loaded {}, rejected {}, skipped {}){}", d.fileName(),
                d.source().tableName(), d.period(), counts.read(), counts.loaded(), counts.rejected(),
                counts.skipped(), replaced == null ? "" : ", replacing load " + replaced);
        return published;
    }

    /**
     * Drops whatever was staged for a delivery whose bytes changed under the load: nothing of it is
     * published and no ledger entry is written (the next night's scan sees the file as it is then).
     */
    public void abandon(Delivery d) {
        FileSystem fs = lake.fileSystem();
        deleteQuietly(fs, stagingDir(d));
        LOG.warn("{}: not published: the file changed while it was being loaded", d.fileName());
    }

    /** The file loads nothing: a FAILED entry saying why; its staged rejects are kept for the operator. */
    public LedgerEntry fail(Delivery d, FileCounts counts, String reason) {
        return failed(d, counts, null, null, null, reason);
    }

    private LedgerEntry failed(Delivery d, FileCounts counts, String encoding, String layout, String absentColumns,
                               String reason) {
        FileSystem fs = lake.fileSystem();
        Path dir = stagingDir(d);
        Path stagedRejects = new Path(dir, REJECTS);
        try {
            fs.mkdirs(stagedRejects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rejects of " + d.fileName() + ": " + e.getMessage(), e);
        }
        RejectedRow why = new RejectedRow(d.fileName(), d.source().tableName(), d.period(), 0, null, null,
                RejectReason.FILE_REFUSED.because("the file failed: " + reason));
        List<Object[]> whyRow = List.<Object[]>of(rejectRow(why, d.loadId()));
        writePart(RawTables.REJECTS, new Path(stagedRejects, "part-file.parquet"), whyRow);
        generations.switchTo(paths.failedLoad(d.source().tableName(), d.period(), d.loadId()), stagedRejects);
        // nothing of a refused file is loaded: the ledger says so, whatever passed validation before the refusal
        LedgerEntry entry = new LedgerEntry(d.loadId(), d.fileName(), d.source().tableName(), d.period(), d.sha256(),
                d.bytes(), encoding, layout, counts.refused(), LedgerEntry.Status.FAILED, null, reason, now(),
                absentColumns);
        // the staging goes before the entry is written: a crash in between leaves a file with no decision,
        // which the next night refuses again; after it, nothing would ever remove the staging of a refused file
        generations.remove(dir);
        ledger.append(entry);
        LOG.warn("{}: FAILED, nothing loaded: {}", d.fileName(), reason);
        return entry;
    }

    /**
     * Completes every publish that passed its commit point before a crash, and removes the staging
     * of loads the ledger already records as LOADED. Staging without a commit point is a load in
     * progress: it stays, for the restarted step to carry on from its last committed chunk.
     */
    public void recover() {
        FileSystem fs = lake.fileSystem();
        generations.clearPendingFiles(paths.ledger());
        try {
            for (FileStatus st : listOrEmpty(fs, paths.zone(LakeLayout.Zone.STAGING))) {
                if (!st.isDirectory()) {
                    continue;
                }
                Path dir = st.getPath();
                if (fs.exists(new Path(dir, COMMIT))) {
                    LOG.info("completing the publish of load {} cut short by an earlier run", dir.getName());
                    rollForward(dir);
                } else if (loadedBefore(dir.getName())) {
                    deleteQuietly(fs, dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover the staging area of " + lake + ": " + e.getMessage(), e);
        }
    }

    private boolean loadedBefore(String loadId) {
        return ledger.entries().stream()
                .anyMatch(e -> e.loadId().equals(loadId) && e.status() == LedgerEntry.Status.LOADED);
    }

    /** Every step after the commit point; each can be repeated after a crash. */
    private LedgerEntry rollForward(Path dir) {
        FileSystem fs = lake.fileSystem();
        LedgerEntry entry = Ledger.readEntry(lake, new Path(dir, COMMIT));
        try {
            for (LakeLayout.Zone zone : List.of(LakeLayout.Zone.RAW, LakeLayout.Zone.REJECTS)) {
                Path staged = new Path(dir, zone == LakeLayout.Zone.RAW ? DATA : REJECTS);
                Path slot = paths.partition(zone, entry.sourceTable(), entry.period());
                if (fs.exists(staged)) {
                    generations.switchTo(slot, staged);
                } else {
                    generations.clean(slot); // moved in before a crash: what the crash left of the old goes now
                }
            }
            ledger.append(entry);
            generations.remove(dir);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish load " + entry.loadId() + " (" + entry.fileName()
                    + "); the next run completes it: " + e.getMessage(), e);
        }
    }

    private Path stagingDir(Delivery d) {
        return paths.staging(d.loadId());
    }

    private void writePart(org.oriundos.ingest.lake.TableSchema schema, Path part, List<Object[]> rows) {
        FileSystem fs = lake.fileSystem();
        try {
            // staging is private to its load until the commit point: a chunk written again may go first
            fs.delete(part, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return;
        }
        generations.createOnce(part, file -> {
            try (ParquetTableWriter w = new ParquetTableWriter(schema, file, lake.conf(), UNIQUE_COLUMNS)) {
                w.writeAll(rows);
            }
        });
    }

    private long stagedRows(FileSystem fs, Path dir) {
        long rows = 0;
        try {
            for (FileStatus st : listOrEmpty(fs, dir)) {
                if (st.getPath().getName().startsWith("part-")) {
                    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(st, lake.conf()))) {
                        rows += r.getRecordCount();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staging " + dir + ": " + e.getMessage(), e);
        }
        return rows;
    }

    static Object[] rejectRow(RejectedRow r, String loadId) {
        return RawTables.REJECT_ROWS.toRow(RejectRow.of(r, loadId));
    }

    static String partName(int chunk) {
        return LakeLayout.partName(chunk);
    }

    private static int partNumber(String name) {
        try {
            return Integer.parseInt(name.substring("part-".length(), name.length() - ".parquet".length()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static FileStatus[] listOrEmpty(FileSystem fs, Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }

    private static void deleteQuietly(FileSystem fs, Path dir) {
        try {
            fs.delete(dir, true);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.getMessage());
        }
    }

    /** Microseconds: what the ledger's TIMESTAMP column keeps, so an entry reads back equal. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The time of an entry that replaces {@code before}: now, or just after {@code before} when the
     * clock reads earlier than it (stepped back since), because the ledger's order is its entries'
     * times and the later delivery must stay the current one.
     */
    static Instant after(LedgerEntry before) {
        Instant now = now();
        return before == null || now.isAfter(before.loadedAt()) ? now : before.loadedAt().plus(1, ChronoUnit.MICROS);
    }
}
