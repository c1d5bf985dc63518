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

/**
 * Deliveries as they come: the file name gives the source and the period, the header gives the
 * layout. A file is refused only when a column the warehouse needs is missing; without a
 * descriptive column it is taken, and the ledger names the column.
 */
class LayoutByHeaderTest {
    private static final TableSchema R = RawTables.REGISTRY;
    private static final TableSchema P = RawTables.PROJECTS;
    /** The fixtures carry several faults each: no reject threshold, so each fault is seen. */
    private static final IngestOptions LENIENT = new IngestOptions(1.0, 50_000);

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    @Test
    void loadsAHistoricDirectoryReissuedUnderTheConsulatesNameAsTheHistoricLayout() {
        LedgerEntry entry = lake.load("ime_directorio_2003-12-31.csv", LENIENT);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.period()).isEqualTo("2003-12-31");
        assertThat(entry.layout()).isEqualTo("historic");
        assertThat(entry.encoding()).isEqualTo("windows-1252");
        assertThat(entry.message()).isEqualTo("ignored unknown columns: Observaciones");
        assertThat(entry.absentColumns()).isNull();
        assertThat(entry.counts()).isEqualTo(new FileCounts(7, 4, 3, 0));

        List<Object[]> rows = lake.rows(R, "2003-12-31");
        assertThat(rows).extracting(r -> col(R, r, "name"), r -> col(R, r, "origin_state"),
                        r -> col(R, r, "origin_municipality"), r -> col(R, r, "federation"), r -> col(R, r, "historic"))
                .containsExactly(
                        tuple("Club Jerez", "Zacatecas", "Jerez", "Federación Zacatecana", true),
                        tuple("Club Peñón Blanco", "Durango", "Peñón Blanco", null, true),
                        tuple("Club Silao", "Guanajuato", "Silao", null, true),
                        tuple("Club Acambay", "Edo. de México", "Acambay", null, true));
        assertThat(rows).extracting(r -> (String) col(R, r, "organization_id"))
                .allSatisfy(id -> assertThat(id).matches("H-[0-9a-f]{16}"));
        assertThat(rows).extracting(r -> col(R, r, "_source_line")).containsExactly(2L, 3L, 4L, 8L);

        String jerez = (String) col(R, rows.get(0), "organization_id");
        String tlaquepaque = lake.rejects("ime_directorio_2003-12-31.csv").get(1).reason()
                .replaceAll(".*\\(id (H-[0-9a-f]+)\\).*", "$1");
        assertThat(lake.rejects("ime_directorio_2003-12-31.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactly(
                        tuple(5L, null, null, "duplicate entry of line 2: the same organization (id " + jerez
                                + ") with every field the same; a snapshot lists each organization once, so it is"
                                + " loaded once, from line 2"),
                        tuple(6L, null, null, "the same organization (name, city, US state and state of origin)"
                                + " appears more than once in the file (id " + tlaquepaque + "), written differently;"
                                + " all its rows are rejected"),
                        tuple(7L, null, null, "the same organization (name, city, US state and state of origin)"
                                + " appears more than once in the file (id " + tlaquepaque + "), written differently;"
                                + " all its rows are rejected"));
    }

    @Test
    void loadsACurrentSnapshotDeliveredUnderTheHistoricNameAsTheCurrentLayout() {
        LedgerEntry entry = lake.load("directorio_oriundos_2010.csv", LENIENT);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.period()).isEqualTo("2010-12-31");
        assertThat(entry.layout()).isEqualTo("current");
        assertThat(entry.absentColumns()).isNull();
        assertThat(entry.counts()).isEqualTo(new FileCounts(6, 3, 3, 0));
        assertThat(lake.rows(R, "2010-12-31"))
                .extracting(r -> col(R, r, "organization_id"), r -> col(R, r, "registry_key"), r -> col(R, r, "org_type"),
                        r -> col(R, r, "registered_date"), r -> col(R, r, "_source_line"), r -> col(R, r, "historic"))
                .containsExactly(
                        tuple("IME-0101", "TN-2009-00012", "CLUB", LocalDate.of(2009, 1, 15), 2L, false),
                        tuple("IME-0102", null, "CLUB", LocalDate.of(2009, 2, 20), 3L, false),
                        tuple("IME-0104", null, "CLUB", LocalDate.of(2009, 5, 5), 6L, false));

        // An entry repeated exactly is loaded once; an id given to two different entries rejects them all.
        assertThat(lake.rejects("directorio_oriundos_2010.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactly(
                        tuple(4L, "ID_ORGANIZACION", "[masked: xxx-9999]", "duplicate entry of line 2: the same ID_ORGANIZACION"
                                + " [masked: xxx-9999] with every field the same; a snapshot lists each organization once, so it"
                                + " is loaded once, from line 2"),
                        tuple(5L, "ID_ORGANIZACION", "[masked: xxx-9999]", "ID_ORGANIZACION [masked: xxx-9999] appears more than once in"
                                + " the file with different entries; all its rows are rejected: an IME id cannot name"
                                + " two organizations"),
                        tuple(7L, "ID_ORGANIZACION", "[masked: xxx-9999]", "ID_ORGANIZACION [masked: xxx-9999] appears more than once in"
                                + " the file with different entries; all its rows are rejected: an IME id cannot name"
                                + " two organizations"));

        // No reject, row or ledger field quotes the leaders' contact data.
        List<String> written = new ArrayList<>();
        lake.rows(R, "2010-12-31").forEach(r -> ProjectsIngestTest.addStrings(written, r));
        lake.rejectRows("registry", "2010-12-31").forEach(r -> ProjectsIngestTest.addStrings(written, r));
        written.add(entry.message());
        assertThat(written).noneMatch(s -> s != null && (s.contains("Pérez") || s.contains("555") || s.contains("@")
                || s.contains("Ruiz") || s.contains("Mora")));
    }

    @Test
    void loadsAnExactRepeatOnceWhicheverChunkTheCopiesFallIn() {
        LedgerEntry entry = lake.load("directorio_oriundos_2010.csv", new IngestOptions(1.0, 1));

        assertThat(entry.counts()).isEqualTo(new FileCounts(6, 3, 3, 0));
        assertThat(lake.rows(R, "2010-12-31")).extracting(r -> col(R, r, "organization_id"))
                .containsExactly("IME-0101", "IME-0102", "IME-0104");
        assertThat(lake.rejects("directorio_oriundos_2010.csv")).extracting(RejectedRow::line)
                .containsExactly(4L, 5L, 7L);
    }

    @Test
    void takesACurrentSnapshotWithoutItsDescriptiveColumnsAndNamesThemInTheLedger() {
        LedgerEntry entry = lake.load("ime_directorio_2012-06-30.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.layout()).isEqualTo("current");
        assertThat(entry.counts()).isEqualTo(new FileCounts(2, 2, 0, 0));
        assertThat(entry.absentColumns()).isEqualTo("CLAVE_TOMA_NOTA, TIPO, FEDERACION, CONSULADO, PAIS, "
                + "FECHA_FUNDACION, FECHA_REGISTRO, NUM_MIEMBROS");
        assertThat(lake.ledger().entries()).singleElement()
                .satisfies(e -> assertThat(e.absentColumns()).isEqualTo(entry.absentColumns()));
        assertThat(lake.rows(R, "2012-06-30"))
                .extracting(r -> col(R, r, "organization_id"), r -> col(R, r, "org_type"), r -> col(R, r, "consulate"),
                        r -> col(R, r, "registered_date"), r -> col(R, r, "origin_municipality"))
                .containsExactly(tuple("IME-0201", null, null, null, "Jerez"),
                        tuple("IME-0202", null, null, null, "Medellín"));
    }

    @Test
    void takesAnOldLayout3x1FileWithoutATitleAndUsesTheWorkTypeAsTheTitle() {
        LedgerEntry entry = lake.load("3x1_proyectos_2005.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.layout()).isEqualTo("2002");
        assertThat(entry.encoding()).isEqualTo("windows-1252");
        assertThat(entry.absentColumns()).isEqualTo("NOMBRE_PROYECTO");
        assertThat(entry.counts()).isEqualTo(new FileCounts(5, 4, 0, 1));
        assertThat(lake.rows(P, "2005"))
                .extracting(r -> col(P, r, "folio"), r -> col(P, r, "project_name"), r -> col(P, r, "work_type"),
                        r -> col(P, r, "state_name"), r -> col(P, r, "municipality_name"))
                .containsExactly(
                        tuple("3X1-GTO-2005-0001", "Ampliación de red de agua potable",
                                "Ampliación de red de agua potable", "Guanajuato", "Silao"),
                        tuple("3X1-JAL-2005-0002", "Pavimentación con concreto hidráulico",
                                "Pavimentación con concreto hidráulico", "Jalisco", "Tlaquepaque"),
                        tuple("3X1-DF-2005-0003", "Rehabilitación de centro comunitario",
                                "Rehabilitación de centro comunitario", "Distrito Federal", "Gustavo A. Madero"),
                        tuple("3X1-NL-2005-0004", "Construcción de lienzo charro", "Construcción de lienzo charro",
                                "Nuevo León", "Gral. Escobedo"));
    }

    @Test
    void takesA2013FileWithOnlyItsNeededColumnsAndLeavesTheTitleMissing() {
        LedgerEntry entry = lake.load("3x1_proyectos_2021.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.layout()).isEqualTo("2013");
        assertThat(entry.absentColumns()).isEqualTo("NOM_ENT, NOM_MUN, LOCALIDAD, NOMBRE_PROYECTO, CLAVE_CLUB, FEDERACION,"
                + " ESTADO_EUA, INV_OTROS, BENEFICIARIOS, FECHA_APROBACION");
        assertThat(lake.rows(P, "2021"))
                .extracting(r -> col(P, r, "folio"), r -> col(P, r, "project_name"), r -> col(P, r, "category"),
                        r -> col(P, r, "municipality_code"), r -> col(P, r, "other_mxn"))
                .containsExactly(tuple("3X1-ZAC-2021-0001", null, "AGUA POTABLE", "020", 0L),
                        tuple("3X1-GTO-2021-0002", null, "PAVIMENTACION", "037", 0L));
    }

    @Test
    void refusesACurrentSnapshotThatLostItsIdsAndSaysWhichLayoutAndWhy() {
        LedgerEntry entry = lake.load("ime_directorio_2011-06-30.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).startsWith("missing required column ID_ORGANIZACION (layout current, told by"
                + " FECHA_REGISTRO in the header, which only the current layout has); the header's ");
        assertThat(lake.exists("raw", "registry", "period=2011-06-30")).isFalse();
    }

    @Test
    void refusesAHistoricDirectoryWithoutAColumnOfTheOrganizationsIdentity() {
        LedgerEntry entry = lake.load("directorio_oriundos_2003.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).startsWith("missing required column ENTIDAD_ORIGEN (layout historic, told by the"
                + " header, which has no ID_ORGANIZACION); the header's ");
    }

    @Test
    void refusesA3x1FileWithoutItsYearColumnNamingTheLayoutItsOtherColumnsTell() {
        LedgerEntry entry = lake.load("3x1_proyectos_2004.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).startsWith("missing required column AÑO (layout 2002, told by ESTADO, MUNICIPIO,"
                + " TIPO_OBRA, APORTACION_FEDERAL, APORTACION_ESTATAL, APORTACION_MUNICIPAL, APORTACION_MIGRANTES in the"
                + " header, which has neither EJERCICIO nor AÑO); the header's ");
    }
}
