package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.TableSchema;

class RegistryIngestTest {
    private static final TableSchema R = RawTables.REGISTRY;
    private static final IngestOptions LENIENT = new IngestOptions(1.0, 50_000);

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    @Test
    void loadsTheCurrentDirectoryAndDropsTheLeadersContactData() {
        LedgerEntry entry = lake.load("ime_directorio_2024-06-30.csv", LENIENT);

        assertThat(entry.period()).isEqualTo("2024-06-30");
        assertThat(entry.layout()).isEqualTo("current");
        assertThat(entry.counts()).isEqualTo(new FileCounts(5, 3, 2, 0));
        assertThat(entry.message()).isEqualTo("personal-data columns dropped unread: PRESIDENTE, TELEFONO, CORREO");

        List<Object[]> rows = lake.rows(R, "2024-06-30");
        assertThat(rows).extracting(r -> col(R, r, "organization_id"), r -> col(R, r, "name"),
                        r -> col(R, r, "org_type"), r -> col(R, r, "founded_year"), r -> col(R, r, "founded_date"),
                        r -> col(R, r, "registered_date"), r -> col(R, r, "members"), r -> col(R, r, "country"))
                .containsExactly(
                        tuple("IME-0001", "Club Jerez de Los Ángeles", "CLUB", 1987, null, LocalDate.of(2011, 1, 15),
                                120, null),
                        tuple("IME-0002", "Club Peñón Blanco", "CLUB", 1995, LocalDate.of(1995, 5, 3),
                                LocalDate.of(2012, 2, 20), null, null),
                        tuple("IME-0003", "Asociación Michoacana", "ASOCIACION", null, null, LocalDate.of(2013, 1, 1),
                                45, "Canadá"));
        assertThat(col(R, rows.get(1), "origin_municipality")).isEqualTo("Peñón Blanco");
        assertThat(rows).allSatisfy(r -> {
            assertThat(col(R, r, "snapshot_date")).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(col(R, r, "historic")).isEqualTo(false);
        });

        assertThat(lake.rejects("ime_directorio_2024-06-30.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactlyInAnyOrder(
                        // a registry file carries personal data: its cells are quoted by their shape only
                        tuple(5L, "TIPO", "[masked: xxxxxx]", "not one of ASOCIACION, CLUB, CONFEDERACION, FEDERACION"),
                        tuple(5L, "FECHA_FUNDACION", "[masked: xxxx xxxxx]", "not a date dd/mm/yyyy or a year yyyy"),
                        tuple(5L, "FECHA_REGISTRO", "[masked: 9999-99-99]", "not a date dd/mm/yyyy"),
                        tuple(5L, "NUM_MIEMBROS", "[masked: -9]", "a count cannot be negative"),
                        tuple(6L, null, null, "the record has 16 fields but the header has 17 (a cut-off line?)"));

        List<String> written = new ArrayList<>();
        rows.forEach(r -> ProjectsIngestTest.addStrings(written, r));
        lake.rejectRows("registry", "2024-06-30").forEach(r -> ProjectsIngestTest.addStrings(written, r));
        assertThat(written).noneMatch(s -> s.contains("Pérez") || s.contains("555") || s.contains("@example")
                || s.contains("Güero") || s.contains("214-"));
    }

    @Test
    void givesHistoricRowsAStableIdOfTheirOwnAndRejectsTheSameClubTwice() {
        LedgerEntry entry = lake.load("directorio_oriundos_1998.csv", LENIENT);

        assertThat(entry.period()).isEqualTo("1998-12-31");
        assertThat(entry.layout()).isEqualTo("historic");
        assertThat(entry.counts()).isEqualTo(new FileCounts(5, 2, 3, 0));
        List<Object[]> rows = lake.rows(R, "1998-12-31");
        assertThat(rows).extracting(r -> col(R, r, "name"), r -> col(R, r, "city"), r -> col(R, r, "us_state"),
                        r -> col(R, r, "origin_state"), r -> col(R, r, "historic"))
                .containsExactly(tuple("Club Jerez", "Los Angeles", "CA", "Zacatecas", true),
                        tuple("Club Tepatitlán", "Chicago", "IL", "Jalisco", true));
        assertThat(rows).extracting(r -> (String) col(R, r, "organization_id"))
                .allSatisfy(id -> assertThat(id).matches("H-[0-9a-f]{16}"))
                .doesNotHaveDuplicates();

        // The same bytes under another historic name give the same ids: they depend on the club, not the load.
        Delivery again = lake.deliver("directorio_oriundos_1998.csv", "directorio_oriundos_2003.csv");
        new FileLoader(lake.lake, LENIENT).load(again);
        assertThat(lake.rows(R, "2003-12-31")).extracting(r -> col(R, r, "organization_id"))
                .containsExactlyElementsOf(rows.stream().map(r -> col(R, r, "organization_id")).toList());

        assertThat(lake.rejects("directorio_oriundos_1998.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::reason)
                .containsExactly(
                        tuple(3L, null, "the same organization (name, city, US state and state of origin) appears more"
                                + " than once in the file (id " + duplicateId() + "), written differently; all its rows are"
                                + " rejected"),
                        tuple(4L, null, "the same organization (name, city, US state and state of origin) appears more"
                                + " than once in the file (id " + duplicateId() + "), written differently; all its rows are"
                                + " rejected"),
                        tuple(6L, "Nombre", "required value is missing"));
    }

    private String duplicateId() {
        return lake.rejects("directorio_oriundos_1998.csv").get(0).reason().replaceAll(".*\\(id (H-[0-9a-f]+)\\).*", "$1");
    }
}
