package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
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

        // the first attempt commits chunks 0 and 1 (records 1 to 4, line 6 among them), writes
        // chunk 2 and dies before committing it
        staging.discardFrom(d, 0);
        FileCounts first = FileCounts.NONE;
        try (ExtractReader reader = ExtractReaders.open(d, TWO_A_CHUNK, 0)) {
            for (int chunk = 0; chunk < 3; chunk++) {
                FileCounts c = readChunk(reader, d, staging, chunk);
                if (chunk < 2) {
                    first = first.plus(c);
                }
            }
        }
        assertThat(first.read()).isEqualTo(4);

        // the restart skips the four committed records and carries on from chunk 2
        staging.discardFrom(d, 2);
        FileCounts rest = FileCounts.NONE;
        String encoding;
        String layout;
        try (ExtractReader reader = ExtractReaders.open(d, TWO_A_CHUNK, first.read())) {
            for (int chunk = 2; ; chunk++) {
                FileCounts c = readChunk(reader, d, staging, chunk);
                rest = rest.plus(c);
                if (c.read() < TWO_A_CHUNK.chunkRows()) {
                    break;
                }
            }
            encoding = reader.encoding();
            layout = reader.layout();
        }
        LedgerEntry entry = staging.publish(d, first.plus(rest), encoding, layout);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertBothOccurrencesRejectedAndCountsReconcile(entry);
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

    /** Reads up to one chunk of records and stages it, as the nightly job's chunk step does. */
    private static FileCounts readChunk(ExtractReader reader, Delivery d, LakeStaging staging, int chunk) {
        List<Object[]> rows = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        FileCounts counts = FileCounts.NONE;
        for (int i = 0; i < TWO_A_CHUNK.chunkRows(); i++) {
            RowOutcome o = reader.next();
            if (o == null) {
                break;
            }
            counts = counts.plus(o);
            if (o instanceof RowOutcome.Loaded) {
                rows.add(((RowOutcome.Loaded) o).row());
            } else if (o instanceof RowOutcome.Rejected) {
                rejects.addAll(((RowOutcome.Rejected) o).problems());
            }
        }
        if (counts.read() > 0) {
            staging.writeChunk(d, chunk, rows, rejects);
        }
        return counts;
    }
}
