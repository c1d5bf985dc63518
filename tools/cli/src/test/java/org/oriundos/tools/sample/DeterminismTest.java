package org.oriundos.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            assertThat(sameBytes(again.get(i), first.get(i))).as(first.get(i).getFileName().toString()).isTrue();
        }
        long different = 0;
        for (int i = 0; i < first.size(); i++) {
            if (!sameBytes(other.get(i), first.get(i))) {
                different++;
            }
        }
        assertThat(different).isEqualTo(first.size());
    }

    /** Nothing may depend on the JVM: hash salts, map orders, the default locale or charset. */
    @Test
    void anotherJvmWritesTheSameBytesForTheSameSeed(@TempDir Path tmp) throws Exception {
        List<Path> here = new SampleExtracts(7).writeDemoInbox(tmp.resolve("here"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Duser.language=tr", "-Dfile.encoding=ISO-8859-1", "-cp",
                System.getProperty("java.class.path"), ScaledSampleProcess.class.getName(),
                tmp.resolve("there").toString(), "demo", "7")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        for (Path f : here) {
            assertThat(sameBytes(tmp.resolve("there").resolve(f.getFileName()), f)).as(f.getFileName().toString())
                    .isTrue();
        }
    }

    @Test
    void theDemoInboxIsTheSameForTheSameSeed(@TempDir Path tmp) {
        List<Path> first = new SampleExtracts(1).writeDemoInbox(tmp.resolve("a"));
        List<Path> again = new SampleExtracts(1).writeDemoInbox(tmp.resolve("b"));
        for (int i = 0; i < first.size(); i++) {
            assertThat(sameBytes(again.get(i), first.get(i))).as(first.get(i).getFileName().toString()).isTrue();
        }
    }

    private static boolean sameBytes(Path a, Path b) {
        return Arrays.equals(ExtractFiles.bytes(a), ExtractFiles.bytes(b));
    }
}
