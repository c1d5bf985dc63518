package org.oriundos.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.SampleExtracts;

/** Histories longer than the generator's years: a moved year loads like the year it came from. */
class HistoryInboxTest {

    @TempDir
    Path dir;

    @Test
    void aYearMovedPastTheGeneratorsLastLoadsWithTheSameCountsAsItsBaseYear() throws Exception {
        Path base = new SampleExtracts(7).writeProjectsFile(dir.resolve("base"), 2015, 2_000).get(0);
        Path moved = dir.resolve("moved").resolve("3x1_proyectos_2021.csv");
        Files.createDirectories(moved.getParent());

        HistoryInbox.moveYear(base, moved, 2015, 2021);

        List<String> lines = Files.readAllLines(moved, StandardCharsets.UTF_8);
        assertThat(lines.get(1)).startsWith("2021,3X1-").contains("-2021-");
        assertThat(String.join("\n", lines)).doesNotContainPattern("3X1-[A-Z]+-2015-").doesNotContainPattern("\\d/2015\\b");
        LedgerEntry original = load(base, "lake-base");
        LedgerEntry shifted = load(moved, "lake-moved");
        assertThat(shifted.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(shifted.period()).isEqualTo("2021");
        assertThat(shifted.counts()).isEqualTo(original.counts());
    }

    @Test
    void writesTheFirstNightsYearsAndKeepsTheNextYearApart() throws Exception {
        HistoryInbox.Written w = new HistoryInbox(7).write(19, HistoryInbox.Program.ofProjects(200), dir.resolve("inbox"), dir.resolve("later"),
                dir.resolve("scratch"));

        List<String> projectFiles = w.inbox().stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("3x1_")).sorted().toList();
        assertThat(projectFiles).hasSize(19).startsWith("3x1_proyectos_2002.csv").endsWith("3x1_proyectos_2020.csv");
        assertThat(w.nextYear()).hasFileName("3x1_proyectos_2021.csv").hasParent(dir.resolve("later"));
        assertThat(w.inbox()).anyMatch(p -> p.getFileName().toString().startsWith("ime_directorio_"))
                .anyMatch(p -> p.getFileName().toString().startsWith("survey_"));
        assertThat(w.projectRows()).isEqualTo(19 * 200);
    }

    private LedgerEntry load(Path file, String lake) {
        return new FileLoader(LakeLocation.local(dir.resolve(lake)), IngestOptions.DEFAULTS).load(Inbox.delivery(file));
    }
}
