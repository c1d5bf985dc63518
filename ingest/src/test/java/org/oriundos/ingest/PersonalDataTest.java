package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.ingest.Deliveries.markersIn;
import static org.oriundos.ingest.Deliveries.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a registry file's leaders wrote reaches a refusal, a reject or the ledger: not through
 * a missing header row, not through a shifted row, not through an encoding ingest cannot read.
 */
class PersonalDataTest {
    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void lake() throws Exception {
        lake = new TestLake(tmp);
    }

    private LedgerEntry load(String name, byte[] bytes) {
        write(lake.inbox.resolve(name), bytes);
        return new FileLoader(lake.lake, new IngestOptions(1.0, 50_000)).load(Inbox.delivery(lake.inbox.resolve(name)));
    }

    private LedgerEntry load(String name, String text) {
        return load(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything the lake holds for a file, as text: ledger entries and rejects (failed or current). */
    private String everythingAbout(String fileName) {
        StringBuilder b = new StringBuilder();
        lake.ledger().entries().forEach(e -> b.append(e).append('\n'));
        lake.rejects(fileName).forEach(r -> b.append(r).append('\n'));
        List<String> strings = new ArrayList<>();
        lake.rows(RawTables.REGISTRY, "2024-01-01").forEach(r -> ProjectsIngestTest.addStrings(strings, r));
        strings.forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }

    // ---- 3. a registry file without its header row ----

    @Test
    void aRegistryFileWithoutItsHeaderRowIsRefusedWithoutQuotingItsFirstRow() {
        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", Deliveries.registryWithoutHeader(5));

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        // with no known column the header tells the historic layout (no ID_ORGANIZACION), which then misses its own
        assertThat(entry.message()).startsWith("missing required columns NOMBRE, CIUDAD, ESTADO_EUA, ENTIDAD_ORIGEN"
                + " (layout historic").contains("none of the 17 columns of the first row is a column of this layout:"
                + " is the header row missing?");
        assertThat(markersIn(everythingAbout("ime_directorio_2024-01-01.csv"))).isEmpty();
    }

    @Test
    void aHeaderMissingOneColumnIsNamedByPositionAndExpectedName() {
        // variant: a real header with a column misspelled, plus the leader's data in unknown-named columns
        String text = Deliveries.registry(3).replaceFirst("ENTIDAD_ORIGEN", "Qzmark Vexlastname");
        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", text);

        assertThat(entry.message()).startsWith("missing required column ENTIDAD_ORIGEN (layout current")
                .contains("the header's 17 columns, by position: 1 ID_ORGANIZACION, 2 CLAVE_TOMA_NOTA, 3 NOMBRE, 4 TIPO,"
                        + " 5 FEDERACION, 6 CONSULADO, 7 CIUDAD, 8 ESTADO_EUA, 9 PAIS, 11 MUNICIPIO_ORIGEN")
                .endsWith("15 PRESIDENTE, 16 TELEFONO, 17 CORREO; 1 other is not a column of this layout (not quoted)");
        assertThat(markersIn(everythingAbout("ime_directorio_2024-01-01.csv"))).isEmpty();
    }

    @Test
    void aDuplicatedHeaderCellIsNamedByPositionNotQuoted() {
        String text = "Qzmark,Qzmark," + Deliveries.REGISTRY_HEADER + "\n";
        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", text + Deliveries.registryRow(1) + ",x,y\n");
        assertThat(entry.message()).isEqualTo("a column that is not in layout current appears twice in the header"
                + " (columns 1 and 2)");
    }

    // ---- 4. a shifted row ----

    @Test
    void aShiftedRowRejectsWithoutQuotingTheLeadersSurname() {
        String text = Deliveries.registry(30) + Deliveries.shiftedRegistryRow(31) + "\n";
        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", text);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.counts()).isEqualTo(new FileCounts(31, 30, 1, 0));
        assertThat(lake.rejects("ime_directorio_2024-01-01.csv")).anySatisfy(r -> {
            assertThat(r.column()).isEqualTo("NUM_MIEMBROS");
            assertThat(r.value()).isEqualTo("[masked: xxxxxxxxxxx99]");
            assertThat(r.reason()).isEqualTo("not a whole number");
        });
        assertThat(markersIn(everythingAbout("ime_directorio_2024-01-01.csv"))).isEmpty();
    }

    @Test
    void aShiftThatPutsTheEmailInAFreeTextColumnRejectsTheRowRatherThanLoadIt() {
        // variant: the personal columns sit mid-header; a comma in the name and a missing CIUDAD
        // cancel out, and the e-mail lands in CIUDAD, a column that takes any text
        String header = "ID_ORGANIZACION,NOMBRE,TIPO,CONSULADO,PRESIDENTE,TELEFONO,CORREO,CIUDAD,ESTADO_EUA,"
                + "ENTIDAD_ORIGEN,FECHA_REGISTRO";
        String ok = "IME-00001,Club Uno,CLUB,Chicago,\"Vexlastname Qzmark\",(312) 555-7719,qzmark@leakmark.example,"
                + "Cicero,IL,Zacatecas,15/01/2011";
        String shifted = "IME-00002,Club Dos,CLUB,Chicago,Vexlastname, Qzmark,(312) 555-7719,qzmark@leakmark.example,"
                + "IL,Zacatecas,15/01/2011";
        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", header + "\n" + ok + "\n" + shifted + "\n");

        assertThat(entry.counts()).isEqualTo(new FileCounts(2, 1, 1, 0));
        assertThat(lake.rejects("ime_directorio_2024-01-01.csv")).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.value()).isNull();
            assertThat(r.reason()).contains("holds what looks like an e-mail address: the row's fields are shifted");
        });
        assertThat(markersIn(everythingAbout("ime_directorio_2024-01-01.csv"))).isEmpty();
    }

    @Test
    void aProjectsFileWithPersonalColumnsMasksItsRejectsToo() {
        // a 3x1 file that carries PRESIDENTE, TELEFONO, CORREO: a shifted phone in an amount is not quoted
        String header = Deliveries.PROJECTS_HEADER + ",PRESIDENTE,TELEFONO";
        String row = Deliveries.projectRow(2014, 1, "Club Uno").replace(",1000.00,1000.00,1000.00,1000.00,",
                ",555-7719,1000.00,1000.00,1000.00,") + ",Qzmark,(312) 555-7719";
        load("3x1_proyectos_2014.csv", header + "\n" + row + "\n");

        assertThat(lake.rejects("3x1_proyectos_2014.csv")).anySatisfy(r -> {
            assertThat(r.column()).isEqualTo("INV_FEDERAL");
            assertThat(r.value()).isEqualTo("[masked: 999-9999]");
        });
        assertThat(markersIn(lake.rejects("3x1_proyectos_2014.csv").toString())).isEmpty();
    }

    // ---- encodings ingest cannot read, named ----

    @Test
    void aUtf16FileIsRefusedNamingItsEncoding() {
        byte[] text = Deliveries.registry(3).getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.write(0xFF);
        withBom.write(0xFE);
        withBom.writeBytes(text);

        LedgerEntry bom = load("ime_directorio_2024-01-01.csv", withBom.toByteArray());
        assertThat(bom.message()).startsWith("the file is UTF-16LE text (it starts with the byte-order mark FF FE)");

        LedgerEntry noBom = load("ime_directorio_2024-02-01.csv", Deliveries.registry(3).getBytes(StandardCharsets.UTF_16BE));
        assertThat(noBom.message()).startsWith("the file holds NUL bytes (the first at byte 1): it is UTF-16BE text"
                + " without a byte-order mark");
        assertThat(markersIn(everythingAbout("ime_directorio_2024-01-01.csv"))).isEmpty();
    }

    @Test
    void aFileWithTwoByteOrderMarksIsUtf8AndLoads() {
        byte[] text = Deliveries.registry(3).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream doubled = new ByteArrayOutputStream();
        doubled.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        doubled.writeBytes(text);

        LedgerEntry entry = load("ime_directorio_2024-01-01.csv", doubled.toByteArray());

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.encoding()).isEqualTo("UTF-8 (2 BOMs)");
        assertThat(entry.counts().loaded()).isEqualTo(3);
    }

    // ---- true counts for a refused file ----

    @Test
    void aFileRefusedAsMalformedCsvRecordsNoLoadedRows() {
        String text = Deliveries.projects(2014, 3) + "2014,\"3X1-ZAC-2014-0004\"x,32,17,P,OTRO,C,1,1,1,1,CONCLUIDO\n"
                + Deliveries.projectRow(2014, 5, "Club 5") + "\n";
        LedgerEntry entry = load("3x1_proyectos_2014.csv", text);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).startsWith("malformed CSV in the record starting on line 5");
        assertThat(entry.counts().loaded()).isZero();
        assertThat(entry.counts()).isEqualTo(new FileCounts(3, 0, 3, 0));
        assertThat(lake.exists("raw", "projects", "period=2014")).isFalse();
    }
}
