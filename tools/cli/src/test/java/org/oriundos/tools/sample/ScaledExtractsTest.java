package org.oriundos.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `generate`: extracts of any size, streamed, every source, both layouts, faults at a small rate. */
class ScaledExtractsTest {

    @Test
    void spreadsExactlyTheAskedProjectRowsOverBothLayoutsWithEverySourceBeside(@TempDir Path tmp) {
        SampleExtracts sample = new SampleExtracts(3);
        List<Path> files = sample.writeScaled(tmp, 12_000);
        assertThat(projectRows(files)).isEqualTo(12_000);
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        assertThat(names).contains("3x1_proyectos_2002.csv", "3x1_proyectos_2019.csv", "directorio_oriundos_1998-12-31.csv",
                "ime_directorio_2019-12-13.csv", "consulados_actividad_2010.csv", "survey_LNS_2006.csv",
                "survey_LNS_2016.csv");
        long rejected = sample.injectedFaults().stream()
                .filter(f -> f.kind().outcome() == FaultKind.Outcome.REJECTED && f.fileName().startsWith("3x1_")).count();
        assertThat(rejected).isPositive().isLessThan(12_000 / 100);
    }

    @Test
    void aTinyRunWritesNoEmptyProjectYears(@TempDir Path tmp) {
        List<Path> files = new SampleExtracts(3).writeScaled(tmp, 5);
        assertThat(projectRows(files)).isEqualTo(5);
        assertThat(files.stream().filter(f -> f.getFileName().toString().startsWith("3x1_"))).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void writesOneProjectsFileInTheLayoutOfItsYear(@TempDir Path tmp) {
        SampleExtracts sample = new SampleExtracts(5);
        Path old = sample.writeProjectsFile(tmp, 2009, 4_000).get(0);
        Path recent = sample.writeProjectsFile(tmp, 2015, 4_000).get(0);
        assertThat(old.getFileName()).hasToString("3x1_proyectos_2009.csv");
        assertThat(ExtractFiles.isUtf8(old)).isFalse();
        assertThat(ExtractFiles.header(old)).containsExactlyElementsOf(ProjectFiles.HEADER_2002);
        assertThat(ExtractFiles.isUtf8(recent)).isTrue();
        assertThat(ExtractFiles.header(recent)).containsExactlyElementsOf(ProjectFiles.HEADER_2013);
        assertThat(projectRows(List.of(old))).isEqualTo(4_000);
        assertThat(projectRows(List.of(recent))).isEqualTo(4_000);
        assertThatThrownBy(() -> sample.writeProjectsFile(tmp, 1999, 10)).hasMessageContaining("2002 to 2019");
    }

    /**
     * Generates 120,000 project rows (and the registry, surveys and activity beside them) in a
     * JVM with a 16 MB heap: the files are more than twice that, so nothing may be buffered.
     */
    @Test
    void streamsToDiskWithAHeapSmallerThanItsOutput(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                ScaledSampleProcess.class.getName(), tmp.toString(), "120000", "11")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the child finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(tmp)) {
            s.filter(f -> f.getFileName().toString().endsWith(".csv")).forEach(files::add);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        assertThat(bytes).isGreaterThan(2L * 16 * 1024 * 1024);
        assertThat(projectRows(files)).isEqualTo(120_000);
    }

    /** Data rows of the 3x1 files, the TOTAL rows not counted; streamed, not read whole. */
    private static long projectRows(List<Path> files) {
        long n = 0;
        for (Path f : files) {
            if (!f.getFileName().toString().startsWith("3x1_proyectos_")) {
                continue;
            }
            try (Reader r = reader(f); CSVParser parser = CSVParser.parse(r, CSVFormat.DEFAULT)) {
                for (CSVRecord rec : parser) {
                    if (rec.getRecordNumber() > 1 && !rec.get(0).equals("TOTAL")) {
                        n++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    private static Reader reader(Path f) throws IOException {
        int year = Integer.parseInt(f.getFileName().toString().substring(14, 18));
        if (year >= 2013) {
            return Files.newBufferedReader(f, StandardCharsets.UTF_8);
        }
        return year < 2013 ? Files.newBufferedReader(f, ExtractFiles.WINDOWS_1252) : new StringReader("");
    }
}
