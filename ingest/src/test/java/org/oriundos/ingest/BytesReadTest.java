package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How far into its file a reader is: what the nightly's progress bar computes its ETA from. */
class BytesReadTest {

    @TempDir
    Path tmp;

    @Test
    void aReaderCountsTheBytesItHasReadUpToTheWholeFile() throws Exception {
        Delivery d = new TestLake(tmp).deliver("3x1_proyectos_2014.csv");
        try (ExtractReader reader = ExtractReaders.open(d, IngestOptions.DEFAULTS, 0)) {
            long atStart = reader.bytesRead();
            assertThat(atStart).isPositive().isLessThanOrEqualTo(d.bytes());
            while (reader.next() != null) {
                assertThat(reader.bytesRead()).isBetween(atStart, d.bytes());
            }
            assertThat(reader.bytesRead()).isEqualTo(d.bytes());
        }
    }
}
