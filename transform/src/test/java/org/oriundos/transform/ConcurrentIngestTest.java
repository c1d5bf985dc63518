package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileIngest;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.RemittanceExport;
import org.oriundos.tools.sample.SampleExtracts;

/**
 * Ingesting in parallel in one JVM leaves the lake that ingesting one file after the other leaves:
 * the same rows, rejects and ledger decisions, and the same bytes in every file of the raw, rejects
 * and failed zones. The nightly stages two deliveries of a lake at once ({@code ingestFiles}, each
 * with its own writer thread) and other lakes may load in the same JVM, so any state ingest, Hadoop
 * or parquet-java share between writers would show here as a file that differs from the one written
 * alone. It did: parquet-java before 1.18 made every writer's columns from the settings of whichever
 * writer was built last (ingest's lake/ParquetTableWriterIsolationTest pins that down), so the same
 * rows came out with other encodings in most lakes loaded beside another; the rows read back, the
 * rejects and the ledger were the same.
 * <p>
 * The first night brings the sample's 3x1 files of 2014 (2013 layout) and 2007 (2002 layout,
 * Windows-1252), with the providers' faults at their rate, a corrected re-delivery of 2007 on the
 * same night (two files for one partition, the later replacing the earlier), a Banco de México
 * export, and the crash matrix's historic registries (one over the reject limit, refused whole). The
 * second brings a new year, a cut-off re-delivery of 2014 (held back: far fewer rows), a file
 * refused at its header and a late copy of an old version of 2007 (not taken). Small chunks give
 * every file several parts, so the writer threads overlap.
 */
class ConcurrentIngestTest {
    /**
     * Small chunks: a few hundred rows give several parts, so writers of both files overlap; the
     * crash matrix's registries reject more than the usual 5% of their rows, and load here.
     */
    private static final IngestOptions OPTIONS = new IngestOptions(0.5, 80);
    /** Registries of the crash matrix's fixtures: historic layouts, Windows-1252, repeated clubs. */
    private static final List<String> FIXTURES_NIGHT_1 = List.of("directorio_oriundos_1998.csv",
            "ime_directorio_2003-12-31.csv");
    /** A night later: a new year, a late copy of an old version of 2007, a file refused at its header. */
    private static final List<String> FIXTURES_NIGHT_2 = List.of("3x1_proyectos_2005.csv", "3x1_proyectos_2007.csv",
            "3x1_proyectos_2004.csv");
    /** Rounds of two lakes loaded side by side. */
    private static final int ROUNDS = 2;

    @TempDir
    static Path tmp;
    private static List<Path> nights;
    private static LakeContents alone;
    private static ExecutorService two;

    @BeforeAll
    static void loadOneFileAfterTheOther() throws IOException {
        Path first = tmp.resolve("inbox-1");
        SampleExtracts sample = new SampleExtracts(2019L);
        Path of2014 = sample.writeProjectsFile(first, 2014, 600).get(0);
        Path of2007 = sample.writeProjectsFile(first, 2007, 500).get(0);
        correctedRedelivery(of2007, first.resolve("3x1_proyectos_2007_v2.csv"));
        RemittanceExport export = new RemittanceExport(3, List.of("32", "14"), Map.of("32", List.of(
                new RemittanceExport.Municipality("32020", "Jerez", 59_910),
                new RemittanceExport.Municipality("32010", "Fresnillo", 240_532))));
        export.write(first.resolve("banxico_remesas_2026-02-03.csv"), LocalDateTime.of(2026, 2, 3, 9, 41, 17),
                RemittanceExport.quarters(LocalDate.of(2013, 1, 1), LocalDate.of(2025, 10, 1)), null, Set.of(), true);
        fixtures(first, FIXTURES_NIGHT_1);
        Path second = fixtures(tmp.resolve("inbox-2"), FIXTURES_NIGHT_2);
        cutOff(of2014, second.resolve("3x1_proyectos_2014_v2.csv"), 100);
        nights = List.of(first, second);
        LakeLocation lake = LakeLocation.local(tmp.resolve("alone"));
        for (Path inbox : nights) {
            nightOneFileAfterTheOther(lake, inbox);
        }
        alone = LakeContents.of(lake);
        two = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        two.shutdownNow();
    }

    @Test
    void theReferenceLakeHoldsWhatTheInboxBrings() {
        // the comparisons below are worth something only if the nights load, reject, refuse and replace
        assertThat(alone.rows().keySet()).anyMatch(f -> f.startsWith("raw/projects/period=2007/"))
                .anyMatch(f -> f.startsWith("raw/registry/")).anyMatch(f -> f.startsWith("raw/remittances/"))
                .anyMatch(f -> f.startsWith("rejects/projects/")).anyMatch(f -> f.startsWith("failed/projects/"));
        List<String[]> ledger = alone.ledger().stream().map(e -> e.split(" \\| ")).toList();
        assertThat(ledger).as("a delivery replaced another")
                .anyMatch(e -> e[9].equals("LOADED") && !e[10].equals("null"));
        assertThat(ledger).as("a file held back").anyMatch(e -> e[9].equals("FAILED") && e[11].startsWith("held back"));
        assertThat(ledger).as("a file refused at its header").anyMatch(e -> e[9].equals("FAILED") && e[6].equals("null"));
        assertThat(alone.bytes().size()).as("files with several parts").isGreaterThan(alone.ledger().size());
    }

    @Test
    void twoLakesLoadedSideBySideEachHoldWhatOneLoadedAloneHolds() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            List<Future<LakeContents>> lakes = new ArrayList<>();
            for (String side : List.of("left", "right")) {
                LakeLocation lake = LakeLocation.local(tmp.resolve("round-" + round + "-" + side));
                lakes.add(two.submit(() -> {
                    for (Path inbox : nights) {
                        nightOneFileAfterTheOther(lake, inbox);
                    }
                    return LakeContents.of(lake);
                }));
            }
            for (Future<LakeContents> lake : lakes) {
                assertSameLake(lake.get(5, TimeUnit.MINUTES), "round " + round);
            }
        }
    }

    @Test
    void theNightlysTwoFilesAtOnceLeaveTheLakeOfOneFileAfterTheOther() throws Exception {
        LakeLocation lake = LakeLocation.local(tmp.resolve("two-at-once"));
        for (Path inbox : nights) {
            nightTwoFilesAtOnce(lake, inbox);
        }
        assertSameLake(LakeContents.of(lake), "two files at once");
    }

    /** Contents first (what a reader gets), then bytes (what the writers chose), so a failure says which. */
    private static void assertSameLake(LakeContents got, String what) {
        assertThat(got.ledger()).as("%s: the ledger's decisions and counts", what).isEqualTo(alone.ledger());
        assertThat(got.rows().keySet()).as("%s: the files a reader sees", what).isEqualTo(alone.rows().keySet());
        got.rows().forEach((file, rows) ->
                assertThat(rows).as("%s: the rows of %s", what, file).isEqualTo(alone.rows().get(file)));
        got.bytes().forEach((file, hash) ->
                assertThat(hash).as("%s: the bytes of %s (its rows are the same)", what, file)
                        .isEqualTo(alone.bytes().get(file)));
    }

    /** A night as {@code FileLoader} runs it: recover, scan, then each file to its end and decided, in turn. */
    private static void nightOneFileAfterTheOther(LakeLocation lake, Path inbox) {
        new LakeStaging(lake, OPTIONS).recover();
        FileLoader loader = new FileLoader(lake, OPTIONS);
        for (Delivery d : new Inbox(inbox).scan(new Ledger(lake)).toLoad()) {
            loader.load(d);
        }
    }

    /**
     * A night as the nightly job runs it: {@code ingestFiles} stages the files two at a time (one
     * {@link LakeStaging} for all, a thread per file, each with its writer thread), then
     * {@code publishFiles} decides them one by one in delivery order.
     */
    private static void nightTwoFilesAtOnce(LakeLocation lake, Path inbox) throws Exception {
        LakeStaging staging = new LakeStaging(lake, OPTIONS);
        staging.recover();
        List<Delivery> toLoad = new Inbox(inbox).scan(new Ledger(lake)).toLoad();
        Map<Delivery, Future<FileIngest.Outcome>> staged = new LinkedHashMap<>();
        for (Delivery d : toLoad) {
            staged.put(d, two.submit(() -> {
                try (FileIngest ingest = FileIngest.start(d, staging, OPTIONS, FileIngest.Checkpoint.START)) {
                    while (ingest.stageChunk()) {
                        // a chunk per transaction in the nightly
                    }
                    return ingest.outcome();
                }
            }));
        }
        for (Map.Entry<Delivery, Future<FileIngest.Outcome>> file : staged.entrySet()) {
            LedgerEntry decided = FileIngest.decide(staging, file.getKey(), file.getValue().get(5, TimeUnit.MINUTES),
                    false);
            assertThat(decided).as("%s was read whole", file.getKey().fileName()).isNotNull();
        }
    }

    private static Path fixtures(Path inbox, List<String> files) throws IOException {
        Files.createDirectories(inbox);
        for (String f : files) {
            try (InputStream in = ConcurrentIngestTest.class.getResourceAsStream("/extracts/" + f)) {
                Files.copy(Objects.requireNonNull(in, f), inbox.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return inbox;
    }

    /** The first {@code lines} lines of a delivered file, as a copy cut short would hold them. */
    private static void cutOff(Path delivered, Path cut, int lines) throws IOException {
        List<String> all = Files.readAllLines(delivered, StandardCharsets.ISO_8859_1);
        Files.write(cut, all.subList(0, lines), StandardCharsets.ISO_8859_1);
    }

    /**
     * A corrected re-delivery of a 3x1 file, for the same period on the same night: every tenth
     * project dropped and the amounts of the others' first line changed, the rest as delivered.
     */
    private static void correctedRedelivery(Path delivered, Path corrected) throws IOException {
        List<String> lines = Files.readAllLines(delivered, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0 || i % 10 != 0) {
                out.add(i == 1 ? lines.get(i).replace(",", ", ") : lines.get(i));
            }
        }
        Files.write(corrected, out, StandardCharsets.ISO_8859_1);
    }
}
