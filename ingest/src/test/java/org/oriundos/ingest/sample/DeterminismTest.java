package org.oriundos.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed writes the very same bytes; another seed writes other data. */
class DeterminismTest {

    @Test
    void theSameSeedWritesByteIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path tmp) {
        List<Path> first = new SampleExtracts(7).writeScaled(tmp.resolve("a"), 3_000);
        List<Path> again = new SampleExtracts(7).writeScaled(tmp.resolve("b"), 3_000);
        List<Path> other = new SampleExtracts(8).writeScaled(tmp.resolve("c"), 3_000);
        assertThat(again).hasSameSizeAs(first);
        assertThat(other).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).getFileName()).isEqualTo(first.get(i).getFileName());
            assertThat(ExtractFiles.bytes(again.get(i))).as(first.get(i).getFileName().toString())
                    .isEqualTo(ExtractFiles.bytes(first.get(i)));
        }
        long different = 0;
        for (int i = 0; i < first.size(); i++) {
            if (!Arrays.equals(ExtractFiles.bytes(other.get(i)), ExtractFiles.bytes(first.get(i)))) {
                different++;
            }
        }
        assertThat(different).isEqualTo(first.size());
    }

    @Test
    void theDemoInboxIsTheSameForTheSameSeed(@TempDir Path tmp) {
        List<Path> first = new SampleExtracts(1).writeDemoInbox(tmp.resolve("a"));
        List<Path> again = new SampleExtracts(1).writeDemoInbox(tmp.resolve("b"));
        for (int i = 0; i < first.size(); i++) {
            assertThat(ExtractFiles.bytes(again.get(i))).as(first.get(i).getFileName().toString())
                    .isEqualTo(ExtractFiles.bytes(first.get(i)));
        }
    }
}
