package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.csv.KeyIndex;
import org.oriundos.ingest.lake.TableSchema;

/** The chunked path the jobs module takes: reader, writeChunk per chunk, publish; and crashes in between. */
class LakeStagingTest {
    private static final TableSchema P = RawTables.PROJECTS;
    private static final IngestOptions OPTIONS = new IngestOptions(1.0, 3);

    @TempDir
    Path tmp;
    TestLake lake;
    LakeStaging staging;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
        staging = new LakeStaging(lake.lake, OPTIONS);
    }

    /**
     * Reads up to {@code chunks} chunks of three records from {@code resumeAfter} on, writing each;
     * returns the counts. The reader knows the file's repeated keys from the start (as FileIngest's
     * reader does when it reads a file again), so that every chunk is final.
     */
    private FileCounts run(Delivery d, long resumeAfter, int firstChunk, int chunks, FileCounts counts) {
        try (ExtractReader r = ExtractReaders.open(d, OPTIONS, resumeAfter, repeatedKeysOf(d))) {
            for (int c = firstChunk; c < firstChunk + chunks; c++) {
                List<Object[]> rows = new ArrayList<>();
                List<RejectedRow> rejects = new ArrayList<>();
                int n = 0;
                RowOutcome o;
                while (n < OPTIONS.chunkRows() && (o = r.next()) != null) {
                    counts = counts.plus(o);
                    if (o instanceof RowOutcome.Loaded) {
                        rows.add(((RowOutcome.Loaded) o).row());
                    } else if (o instanceof RowOutcome.Rejected) {
                        rejects.addAll(((RowOutcome.Rejected) o).problems());
                    }
                    n++;
                }
                if (n == 0) {
                    break;
                }
                staging.writeChunk(d, c, rows, rejects);
            }
        }
        return counts;
    }

    /** The keys the file repeats, found by reading it to its end. */
    private static KeyIndex repeatedKeysOf(Delivery d) {
        try (ExtractReader r = ExtractReaders.open(d, OPTIONS, 0)) {
            while (r.next() != null) {
                // every record's key is noted
            }
            return r.repeatedKeysFound() == null ? KeyIndex.none() : r.repeatedKeysFound();
        }
    }

    @Test
    void aRestartResumesAfterTheLastCommittedChunkAndDiscardsWhatCameAfter() {
        Delivery d = lake.deliver("3x1_proyectos_2014.csv");
        // first attempt: chunks 0 and 1 committed, chunk 2 written but its commit lost in a crash
        FileCounts committed = run(d, 0, 0, 2, FileCounts.NONE);
        run(d, 6, 2, 1, committed);
        assertThat(lake.exists("staging", d.loadId(), "rejects", "part-00002.parquet")).isTrue();

        // restart: drop what came after the last commit, reopen after the six committed records
        staging.discardFrom(d, 2);
        assertThat(lake.exists("staging", d.loadId(), "rejects", "part-00002.parquet")).isFalse();
        FileCounts all = run(d, committed.read(), 2, 10, committed);
        staging.writeChunk(d, 2, List.of(), List.of()); // writing a chunk again is harmless
        FileCounts again = run(d, committed.read(), 2, 10, committed);
        assertThat(again).isEqualTo(all);

        LedgerEntry entry = staging.publish(d, all, "UTF-8 (BOM)", "2013");

        assertThat(entry.counts()).isEqualTo(new FileCounts(11, 4, 5, 2));
        assertThat(lake.rows(P, "2014")).extracting(r -> col(P, r, "_source_line")).containsExactly(2L, 3L, 4L, 12L);
        assertThat(lake.rejectRows("projects", "2014")).hasSize(8);
        assertThat(lake.exists("staging", d.loadId())).isFalse();
    }

    @Test
    void publishRefusesStagingThatDoesNotMatchTheCounts() {
        Delivery d = lake.deliver("3x1_proyectos_2014.csv");
        FileCounts counts = run(d, 0, 0, 10, FileCounts.NONE);
        FileCounts wrong = new FileCounts(counts.read() + 1, counts.loaded() + 1, counts.rejected(), counts.skipped());

        assertThatThrownBy(() -> staging.publish(d, wrong, "UTF-8", "2013"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staging holds 4 rows but 5 were loaded");
        assertThat(lake.exists("raw", "projects", "period=2014")).isFalse();
    }

    @Test
    void recoverCompletesAPublishCutShortAfterItsCommitPoint() {
        Delivery old = lake.deliver("3x1_proyectos_2007.csv");
        new FileLoader(lake.lake, OPTIONS).load(old);
        Delivery d = lake.deliver("3x1_proyectos_2007_v2.csv");
        FileCounts counts = run(d, 0, 0, 10, FileCounts.NONE);
        // the crash: the commit record is written, nothing after it happened
        LedgerEntry entry = new LedgerEntry(d.loadId(), d.fileName(), "projects", "2007", d.sha256(), d.bytes(),
                "windows-1252", "2002", counts, LedgerEntry.Status.LOADED, null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        Ledger.writeEntry(lake.lake, entry, lake.lake.path("staging", d.loadId(), "_COMMIT.parquet"));
        assertThat(lake.ledger().current("projects", "2007")).get()
                .extracting(LedgerEntry::fileName).isEqualTo("3x1_proyectos_2007.csv");

        staging.recover();

        assertThat(lake.ledger().current("projects", "2007")).get().isEqualTo(entry);
        assertThat(lake.rows(P, "2007")).hasSize(2)
                .allSatisfy(r -> assertThat(col(P, r, "_source_file")).isEqualTo("3x1_proyectos_2007_v2.csv"));
        assertThat(lake.exists("staging", d.loadId())).isFalse();
        staging.recover(); // nothing left to do
        assertThat(lake.ledger().entries()).hasSize(2);
    }

    @Test
    void recoverLeavesALoadInProgressForItsRestart() {
        Delivery d = lake.deliver("3x1_proyectos_2014.csv");
        run(d, 0, 0, 1, FileCounts.NONE);

        staging.recover();

        assertThat(lake.exists("staging", d.loadId(), "data", "part-00000.parquet")).isTrue();
        assertThat(lake.exists("raw", "projects", "period=2014")).isFalse();
    }
}
