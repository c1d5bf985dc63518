package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.banxico.SieExport;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.tools.sample.RemittanceExport;
import org.oriundos.tools.sample.SieExportFile;

/** Banco de México SIE exports: the wide layout as long rows, every cell accounted for, revisions by consultation time. */
class RemittanceExportIngestTest {
    private static final TableSchema R = RawTables.REMITTANCES;

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    private List<LedgerEntry> loadInbox() {
        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());
        FileLoader loader = new FileLoader(lake.lake, IngestOptions.DEFAULTS);
        List<LedgerEntry> out = new ArrayList<>();
        for (Delivery d : scan.toLoad()) {
            out.add(loader.load(d));
        }
        return out;
    }

    @Test
    void theContentTellsAnExportsPeriodItsConsultationTime() {
        Delivery d = lake.deliver("banxico_remesas_zacatecas.csv");

        assertThat(d.source()).isEqualTo(Source.REMITTANCES);
        assertThat(d.period()).isEqualTo("2026-05-05T082925");
    }

    @Test
    void turnsEachSeriesAndPeriodIntoOneLongRowKeepingNotAvailableAsMissing() {
        LedgerEntry e = lake.load("banxico_remesas_zacatecas.csv");

        assertThat(e.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(e.encoding()).isEqualTo("windows-1252");
        assertThat(e.layout()).isEqualTo("sie");
        // a record is a value: 5 series x 6 quarters, every one loaded (N/E and the blank as missing)
        assertThat(e.counts()).isEqualTo(new FileCounts(30, 30, 0, 0));
        List<Object[]> rows = lake.rows(R, "2026-05-05T082925");
        assertThat(rows).hasSize(30);
        assertThat(rows).filteredOn(r -> col(R, r, "series_id").equals("SE41901"))
                .extracting(r -> col(R, r, "period_start"), r -> col(R, r, "value"), r -> col(R, r, "_source_line"))
                .startsWith(tuple(LocalDate.of(2013, 1, 1), "20.123456", 20L), tuple(LocalDate.of(2013, 4, 1), "21.500000", 21L));
        Object[] jerez = rows.stream().filter(r -> col(R, r, "series_id").equals("SE41901")).findFirst().orElseThrow();
        assertThat(col(R, jerez, "title")).isEqualTo("Ingresos por Remesas, Distribución por Municipio, Zacatecas, Jerez");
        assertThat(col(R, jerez, "state_name")).isEqualTo("Zacatecas");
        assertThat(col(R, jerez, "municipality_name")).isEqualTo("Jerez");
        assertThat(col(R, jerez, "consulted_at")).isEqualTo("2026-05-05 08:29:25");
        assertThat(col(R, jerez, "unit")).isEqualTo("Millones de Dólares");
        assertThat(col(R, jerez, "periodicity")).isEqualTo("QUARTERLY");
        assertThat(col(R, jerez, "source_column")).isEqualTo(3);
        Object[] total = rows.stream().filter(r -> col(R, r, "series_id").equals("SE29695")).findFirst().orElseThrow();
        assertThat(col(R, total, "state_name")).isEqualTo("Zacatecas");
        assertThat(col(R, total, "municipality_name")).isNull();
        assertThat(col(R, total, "value")).isEqualTo("151.2345");
        assertThat(rows).filteredOn(r -> col(R, r, "value") == null)
                .extracting(r -> col(R, r, "series_id"), r -> col(R, r, "period_start"))
                .containsExactlyInAnyOrder(tuple("SE41902", LocalDate.of(2013, 4, 1)), tuple("SE41903", LocalDate.of(2013, 7, 1)));
        assertThat(rows).filteredOn(r -> col(R, r, "series_id").equals("SE41903")).first()
                .satisfies(r -> assertThat(col(R, r, "municipality_name")).isEqualTo("Gral. Francisco R. Murguía"));
    }

    @Test
    void rejectsEveryCellThatIsNeitherANumberNorNotAvailableNamingTheLineTheSeriesTheValueAndWhy() {
        LedgerEntry e = lake.load("banxico_remesas_errores.csv", new IngestOptions(1.0, 50_000));

        assertThat(e.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(e.counts()).isEqualTo(new FileCounts(34, 8, 18, 8));
        List<String> rejects = lake.rejects("banxico_remesas_errores.csv").stream().map(RejectedRow::toString).toList();
        assertThat(rejects).contains(
                "banxico_remesas_errores.csv:22 column SE42100 (column 3: Ingresos por Remesas, Distribución por"
                        + " Municipio, Michoacán, Uruapan) value '12.5': the series is quarterly, and 01/03/2024 starts no"
                        + " quarter (quarters start on 01/01, 01/04, 01/07 and 01/10)",
                "banxico_remesas_errores.csv:23 column SE42100 (column 3: Ingresos por Remesas, Distribución por"
                        + " Municipio, Michoacán, Uruapan) value 'n.d.': not a number, nor N/E (not available) nor blank",
                "banxico_remesas_errores.csv:25 column SE29710 (column 2: Ingresos por Remesas Familiares, Michoacán)"
                        + " value '1.0': the period of this line, '31/06/2024', is not a date dd/mm/yyyy (no such date)",
                "banxico_remesas_errores.csv:27 column SE29708 (column 4: Ingresos por Remesas Familiares, Jalisco):"
                        + " the line has 5 fields but the Fecha row has 4 (an unquoted comma?): its values cannot be"
                        + " matched to their series",
                "banxico_remesas_errores.csv:28 column SE29708 (column 4: Ingresos por Remesas Familiares, Jalisco)"
                        + " value '-': not a number, nor N/E (not available) nor blank",
                "banxico_remesas_errores.csv:30 column SE29710 (column 2: Ingresos por Remesas Familiares, Michoacán)"
                        + " value '702.0000': the period 01/10/2024 is given by 2 lines of the file: which one is right"
                        + " cannot be told, so all of them are rejected",
                "banxico_remesas_errores.csv:31 column SE42100 (column 3: Ingresos por Remesas, Distribución por"
                        + " Municipio, Michoacán, Uruapan): the line has 3 fields but the Fecha row has 4 (a cut-off"
                        + " line?): its values cannot be matched to their series");
        assertThat(rejects).hasSize(18);
        List<Object[]> rows = lake.rows(R, "2026-01-12T170509");
        assertThat(rows).filteredOn(r -> col(R, r, "series_id").equals("SE29708"))
                .extracting(r -> col(R, r, "period_start"), r -> col(R, r, "value"), r -> col(R, r, "periodicity"),
                        r -> col(R, r, "unit"))
                .containsExactly(tuple(LocalDate.of(2024, 1, 1), "310000.125", "MONTHLY", "Miles de Dólares"),
                        tuple(LocalDate.of(2024, 2, 1), "305000.5", "MONTHLY", "Miles de Dólares"),
                        tuple(LocalDate.of(2024, 3, 1), "298000", "MONTHLY", "Miles de Dólares"),
                        tuple(LocalDate.of(2024, 4, 1), "301000", "MONTHLY", "Miles de Dólares"),
                        tuple(LocalDate.of(2024, 5, 1), "1234.5", "MONTHLY", "Miles de Dólares"));
    }

    @Test
    void aFileOverTheRejectThresholdLoadsNothingAndSaysSo() {
        LedgerEntry e = lake.load("banxico_remesas_errores.csv");

        assertThat(e.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(e.message()).startsWith("18 of 26 data rows rejected");
        assertThat(e.counts()).isEqualTo(new FileCounts(34, 0, 26, 8));
        assertThat(lake.exists("raw", "remittances")).isFalse();
    }

    @Test
    void aFileNamedAsAnExportWithoutAConsultationTimeIsRefused() {
        Delivery d = lake.deliver("banxico_remesas_sin_consulta.csv");
        LedgerEntry e = new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(d);

        assertThat(d.period()).isEqualTo(SieExport.UNDATED);
        assertThat(e.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(e.message()).isEqualTo("the SIE export has no 'Fecha de consulta: dd/mm/yyyy hh:mm:ss' line in its"
                + " metadata: without it, it cannot be told whether it revises other exports or is revised by them");
    }

    @Test
    void anotherProvidersFileUnderAnExportsNameIsRefusedWithoutQuotingIt() {
        Delivery d = lake.deliver("ime_directorio_2024-06-30.csv", "banxico_remesas_directorio.csv");
        LedgerEntry e = new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(d);

        assertThat(e.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(e.message()).startsWith("not an SIE export of Banco de México: line 1 has ")
                .doesNotContain("@").doesNotContainIgnoringCase("presidente");
    }

    @Test
    void aLaterExportIsAPartitionOfItsOwnAndAnOlderOneArrivingLateReplacesNothing() throws Exception {
        RemittanceExport export = new RemittanceExport(3, List.of("32"), java.util.Map.of("32", List.of(
                new RemittanceExport.Municipality("32020", "Jerez", 59_910),
                new RemittanceExport.Municipality("32010", "Fresnillo", 240_532))));
        List<LocalDate> quarters = RemittanceExport.quarters(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
        export.write(lake.inbox.resolve("banxico_remesas_mayo.csv"), LocalDateTime.of(2026, 5, 5, 8, 29, 25),
                quarters, new RemittanceExport.Revision(Set.of("32"), LocalDate.of(2024, 10, 1), 1.05), Set.of(), true);
        List<LedgerEntry> first = loadInbox();
        export.write(lake.inbox.resolve("banxico_remesas_febrero.csv"), LocalDateTime.of(2026, 2, 3, 9, 41, 17),
                quarters, null, Set.of(), false);
        List<LedgerEntry> second = loadInbox();

        assertThat(first).singleElement().extracting(LedgerEntry::period).isEqualTo("2026-05-05T082925");
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(LedgerEntry.Status.LOADED);
            assertThat(e.period()).isEqualTo("2026-02-03T094117");
            assertThat(e.replacedLoadId()).isNull();
        });
        // both stay in the lake, each whole: which counts for a series and period is transform's and the warehouse's to say
        assertThat(lake.rows(R, "2026-05-05T082925")).hasSize(4 * 5);
        assertThat(lake.rows(R, "2026-02-03T094117")).hasSize(4 * 5);
        assertThat(lake.ledger().current("remittances", "2026-05-05T082925")).get()
                .extracting(LedgerEntry::fileName).isEqualTo("banxico_remesas_mayo.csv");
    }

    @Test
    void theSameDownloadSavedAgainReplacesItsPartition() throws Exception {
        RemittanceExport export = new RemittanceExport(3, List.of("32", "14"), java.util.Map.of());
        List<LocalDate> quarters = RemittanceExport.quarters(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 1));
        LocalDateTime consulted = LocalDateTime.of(2026, 5, 5, 8, 29, 25);
        export.write(lake.inbox.resolve("banxico_remesas_a.csv"), consulted, quarters, null, Set.of(), true);
        LedgerEntry first = loadInbox().get(0);
        Files.delete(lake.inbox.resolve("banxico_remesas_a.csv"));
        export.write(lake.inbox.resolve("banxico_remesas_b.csv"), consulted, quarters, null, Set.of(), false);
        LedgerEntry second = loadInbox().get(0);

        assertThat(second.period()).isEqualTo(first.period());
        assertThat(second.replacedLoadId()).isEqualTo(first.loadId());
        assertThat(lake.rows(R, first.period())).allSatisfy(r -> assertThat(col(R, r, "_source_file")).isEqualTo("banxico_remesas_b.csv"));
    }

    @Test
    void aLoadResumedAfterSomeValuesGivesTheRestExactly() throws Exception {
        Delivery d = lake.deliver("banxico_remesas_zacatecas.csv");
        List<RowOutcome> whole = new ArrayList<>();
        try (ExtractReader r = ExtractReaders.open(d, IngestOptions.DEFAULTS, 0)) {
            for (RowOutcome o = r.next(); o != null; o = r.next()) {
                whole.add(o);
            }
        }
        List<RowOutcome> rest = new ArrayList<>();
        try (ExtractReader r = ExtractReaders.open(d, IngestOptions.DEFAULTS, 13)) {
            assertThat(r.recordsConsumed()).isEqualTo(13);
            for (RowOutcome o = r.next(); o != null; o = r.next()) {
                rest.add(o);
            }
        }
        assertThat(rest).hasSize(whole.size() - 13);
        for (int i = 0; i < rest.size(); i++) {
            Object[] a = ((RowOutcome.Loaded) whole.get(13 + i)).row();
            Object[] b = ((RowOutcome.Loaded) rest.get(i)).row();
            assertThat(b).containsExactly(a);
        }
    }

    @Test
    void theWriterOfTheSampleExportsWritesTheLayoutTheReaderTakes() throws Exception {
        Path file = SieExportFile.write(lake.inbox.resolve("banxico_remesas_x.csv"), "Ingresos por remesas",
                LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                List.of(new SieExportFile.Series("SE1", "Ingresos por Remesas Familiares, Coahuila", "Mensual",
                        "Miles de Dólares")),
                List.of(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1)), (s, p) -> p == 0 ? "1.5" : "N/E", true);
        LedgerEntry e = new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(Inbox.delivery(file));

        assertThat(e.counts()).isEqualTo(new FileCounts(2, 2, 0, 0));
        assertThat(e.absentColumns()).isNull();
        assertThat(lake.rows(R, "2026-01-02T030405")).extracting(r -> col(R, r, "value")).containsExactly("1.5", null);
    }
}
