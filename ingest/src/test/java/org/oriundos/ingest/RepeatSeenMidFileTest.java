package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first reading that meets a repeated key stops validating and writing there: what it would
 * stage is dropped anyway, since the file is read again knowing the repeats. In
 * 3x1_proyectos_2014.csv FOLIO 3X1-ZAC-2014-0099 is on lines 6 and 10; in chunks of two records,
 * line 10 is the second record of the fourth chunk.
 */
class RepeatSeenMidFileTest {
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
    void writesNoPartOnceAKeyHasRepeatedAndStillRejectsBothRows() {
        Delivery d = lake.deliver(FILE);
        LakeStaging staging = new LakeStaging(lake.lake, TWO_A_CHUNK);

        try (FileIngest ingest = FileIngest.start(d, staging, TWO_A_CHUNK, FileIngest.Checkpoint.START)) {
            for (int chunk = 0; chunk < 3; chunk++) {
                assertThat(ingest.stageChunk()).isTrue();
            }
            // the fourth chunk holds line 10: its folio came before, so that chunk and the next are
            // read for keys only (the third chunk's part, being written meanwhile, completes)
            assertThat(ingest.stageChunk()).isTrue();
            assertThat(ingest.checkpoint().chunksStaged()).isEqualTo(3);
            assertThat(ingest.stageChunk()).isTrue();
            assertThat(ingest.checkpoint().chunksStaged()).as("no part written after the repeat").isEqualTo(3);
            // the third chunk (a blank record and a rejected one) staged its rejects; the fourth staged nothing
            assertThat(lake.exists("staging", d.loadId(), "rejects", LakeStaging.partName(2))).isTrue();
            assertThat(lake.exists("staging", d.loadId(), "rejects", LakeStaging.partName(3))).isFalse();
            assertThat(lake.exists("staging", d.loadId(), "data", LakeStaging.partName(3))).isFalse();
            // the last record, then the second reading opens: the first reading's parts are dropped
            assertThat(ingest.stageChunk()).isTrue();
            assertThat(ingest.checkpoint()).isEqualTo(FileIngest.Checkpoint.START);
            while (ingest.stageChunk()) {
                // the second reading, chunk by chunk
            }
            LedgerEntry entry = FileIngest.decide(staging, d, ingest.outcome(), false);

            assertThat(entry.counts()).isEqualTo(new FileCounts(11, 4, 5, 2));
            assertThat(lake.rows(RawTables.PROJECTS, "2014")).extracting(r -> TestLake.col(RawTables.PROJECTS, r, "folio"))
                    .containsExactly("3X1-ZAC-2014-0001", "3X1-AGS-2014-0002", "3X1-MIC-2014-0003", "3X1-JAL-2014-0008");
        }
    }

    @Test
    void aRecordCutOffAfterTheRepeatIsStillRejectedAsAFullReadingRejectsIt() throws IOException {
        // the last record opens a quote that the file never closes
        Path file = withText(FILE, text -> text + "2014,3X1-JAL-2014-0009,14,Jalisco,39,\"Guadalajara,,Obra\r\n");

        LedgerEntry entry = new FileLoader(lake.lake, TWO_A_CHUNK).load(Inbox.delivery(file));

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.counts()).isEqualTo(new FileCounts(12, 4, 6, 2));
        assertThat(lake.rejects(FILE)).filteredOn(r -> "folio".equals(r.column())).extracting(RejectedRow::line)
                .containsExactly(6L, 10L);
        assertThat(lake.rejects(FILE)).filteredOn(r -> r.line() == 14L).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("a quoted field opened here is never closed"));
    }

    @Test
    void aMalformedQuoteAfterTheRepeatStillRefusesTheFileWithTheFirstReadingsCounts() throws IOException {
        // line 12 (FOLIO 3X1-JAL-2014-0008), after both occurrences of the repeated folio
        Path file = withText(FILE, text -> text.replace(",Jalisco,39,Guadalajara,", ",Jalisco,39,\"Gua\"dalajara,"));

        LedgerEntry entry = new FileLoader(lake.lake, TWO_A_CHUNK).load(Inbox.delivery(file));

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).startsWith("malformed CSV in the record starting on line 12: ");
        // nine records read before it (one blank): a refused file loads nothing
        assertThat(entry.counts()).isEqualTo(new FileCounts(9, 0, 8, 1));
        assertThat(lake.exists("raw", "projects", "period=2014")).isFalse();
        assertThat(lake.exists("staging", entry.loadId())).isFalse();
    }

    private Path withText(String fixture, java.util.function.UnaryOperator<String> edit) throws IOException {
        String text = Files.readString(TestLake.fixture(fixture), StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        assertThat(edited).isNotEqualTo(text);
        Path file = lake.inbox.resolve(fixture);
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        return file;
    }
}
