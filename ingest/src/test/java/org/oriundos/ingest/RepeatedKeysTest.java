package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The same FOLIO twice rejects both rows, whichever chunks they fall in and even when the load
 * restarts between them, with counts that reconcile in the ledger. In 3x1_proyectos_2014.csv
 * FOLIO 3X1-ZAC-2014-0099 is on lines 6 and 10.
 */
class RepeatedKeysTest {
    private static final TableSchema P = RawTables.PROJECTS;
    /** Two records a chunk: line 6 is staged in chunk 1, line 10 in chunk 3. */
    private static final IngestOptions TWO_A_CHUNK = new IngestOptions(1.0, 2);
    private static final String FILE = "3x1_proyectos_2014.csv";

    @TempDir
    Path tmp;
    private TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    @Test
    void rejectsBothRowsOfARepeatedFolioWhenThePairSpansTwoChunks() {
        LedgerEntry entry = lake.load(FILE, TWO_A_CHUNK);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertBothOccurrencesRejectedAndCountsReconcile(entry);
    }

    @Test
    void rejectsBothRowsWhenTheLoadRestartsBetweenTheTwoOccurrences() {
        Delivery d = lake.deliver(FILE);
        LakeStaging staging = new LakeStaging(lake.lake, TWO_A_CHUNK);

        // the first attempt stages chunks 0 to 2 (line 6 among them, line 10 not yet) and dies
        FileIngest first = FileIngest.start(d, staging, TWO_A_CHUNK, FileIngest.Checkpoint.START);
        for (int chunk = 0; chunk < 3; chunk++) {
            assertThat(first.stageChunk()).isTrue();
        }
        first.close();
        FileIngest.Checkpoint died = first.checkpoint();
        assertThat(died.chunksStaged()).isEqualTo(3);
        assertThat(died.recordsConsumed()).isEqualTo(6);

        // the restart skips the committed records (noting their keys) and carries on; line 10
        // repeats line 6's folio, so the file is read again knowing it
        LedgerEntry entry = finish(d, staging, died);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertBothOccurrencesRejectedAndCountsReconcile(entry);
    }

    @Test
    void rejectsBothRowsWhenTheLoadRestartsWhileReadingTheFileAgain() {
        Delivery d = lake.deliver(FILE);
        LakeStaging staging = new LakeStaging(lake.lake, TWO_A_CHUNK);

        // the first reading (11 records, 6 chunks of two) finds the repeated folio at its end and
        // opens the file again; the second reading stages one chunk and dies
        FileIngest first = FileIngest.start(d, staging, TWO_A_CHUNK, FileIngest.Checkpoint.START);
        for (int chunk = 0; chunk < 6; chunk++) {
            assertThat(first.stageChunk()).isTrue();
        }
        assertThat(first.checkpoint()).as("the first reading's parts are dropped").isEqualTo(FileIngest.Checkpoint.START);
        assertThat(first.stageChunk()).isTrue();
        first.close();
        FileIngest.Checkpoint died = first.checkpoint();
        assertThat(died.chunksStaged()).isEqualTo(1);
        assertThat(died.recordsConsumed()).isEqualTo(2);

        LedgerEntry entry = finish(d, staging, died);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertBothOccurrencesRejectedAndCountsReconcile(entry);
    }

    /** Goes on from {@code from} to the file's end and publishes it, as the nightly's restart does. */
    private static LedgerEntry finish(Delivery d, LakeStaging staging, FileIngest.Checkpoint from) {
        try (FileIngest again = FileIngest.start(d, staging, TWO_A_CHUNK, from)) {
            while (again.stageChunk()) {
                // one chunk at a time
            }
            return FileIngest.decide(staging, d, again.outcome(), false);
        }
    }

    @Test
    void rejectsTheSameRowsWhateverTheChunkSize() throws Exception {
        LedgerEntry small = lake.load(FILE, TWO_A_CHUNK);
        List<RejectedRow> smallRejects = lake.rejects(FILE);
        TestLake other = new TestLake(tmp.resolve("other"));
        LedgerEntry whole = other.load(FILE, new IngestOptions(1.0, 1000));

        assertThat(whole.counts()).isEqualTo(small.counts());
        assertThat(other.rejects(FILE))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactlyElementsOf(smallRejects.stream()
                        .map(r -> tuple(r.line(), r.column(), r.value(), r.reason())).toList());
    }

    private void assertBothOccurrencesRejectedAndCountsReconcile(LedgerEntry entry) {
        assertThat(entry.counts()).isEqualTo(new FileCounts(11, 4, 5, 2));
        assertThat(lake.ledger().entries()).containsExactly(entry);
        List<Object[]> rows = lake.rows(P, "2014");
        assertThat(rows).extracting(r -> r[P.indexOf("folio")])
                .containsExactly("3X1-ZAC-2014-0001", "3X1-AGS-2014-0002", "3X1-MIC-2014-0003", "3X1-JAL-2014-0008");
        assertThat((long) rows.size()).isEqualTo(entry.counts().loaded());
        List<RejectedRow> rejects = lake.rejects(FILE);
        // the file carries personal columns: the folio is quoted by its shape only
        assertThat(rejects).filteredOn(r -> "folio".equals(r.column()))
                .extracting(RejectedRow::line, RejectedRow::value, RejectedRow::reason)
                .containsExactly(
                        tuple(6L, "[masked: 9x9-xxx-9999-9999]", "FOLIO [masked: 9x9-xxx-9999-9999] appears more than"
                                + " once in the file; all its rows are rejected"),
                        tuple(10L, "[masked: 9x9-xxx-9999-9999]", "FOLIO [masked: 9x9-xxx-9999-9999] appears more than"
                                + " once in the file; all its rows are rejected"));
        assertThat(rejects.stream().map(RejectedRow::line).distinct().count()).isEqualTo(entry.counts().rejected());
    }
}
