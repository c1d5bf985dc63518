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

class ProjectsIngestTest {
    private static final TableSchema P = RawTables.PROJECTS;
    /** Fault fixtures carry more rejects than the default threshold lets through. */
    private static final IngestOptions LENIENT = new IngestOptions(1.0, 4);

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    @Test
    void loadsThe2013LayoutWithBomCrlfAndEveryKnownFaultAndAccountsForEveryRecord() {
        LedgerEntry entry = lake.load("3x1_proyectos_2014.csv", LENIENT);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(entry.layout()).isEqualTo("2013");
        assertThat(entry.counts()).isEqualTo(new FileCounts(11, 4, 5, 2));
        assertThat(entry.message()).isEqualTo("ignored unknown columns: OBSERVACIONES; "
                + "personal-data columns dropped unread: PRESIDENTE, TELEFONO, CORREO");

        List<Object[]> rows = lake.rows(P, "2014");
        assertThat(rows).extracting(r -> col(P, r, "_source_line"), r -> col(P, r, "folio"))
                .containsExactly(tuple(2L, "3X1-ZAC-2014-0001"), tuple(3L, "3X1-AGS-2014-0002"),
                        tuple(4L, "3X1-MIC-2014-0003"), tuple(12L, "3X1-JAL-2014-0008"));

        Object[] first = rows.get(0);
        assertThat(col(P, first, "state_code")).isEqualTo("32");
        assertThat(col(P, first, "municipality_code")).isEqualTo("007");
        assertThat(col(P, first, "federal_mxn")).isEqualTo(123456789L);
        assertThat(col(P, first, "municipal_mxn")).isEqualTo(61728395L);
        assertThat(col(P, first, "migrant_mxn")).isEqualTo(123456700L);
        assertThat(col(P, first, "other_mxn")).isEqualTo(0L);
        assertThat(col(P, first, "category")).isEqualTo("PAVIMENTACION");
        assertThat(col(P, first, "approved_date")).isEqualTo(LocalDate.of(2014, 3, 15));
        assertThat(col(P, first, "club_name")).isEqualTo("Club Jerez de Los Ángeles");
        assertThat(col(P, first, "layout")).isEqualTo("2013");
        assertThat(col(P, first, "_source_file")).isEqualTo("3x1_proyectos_2014.csv");
        assertThat(col(P, first, "_load_id")).isEqualTo(entry.loadId());

        Object[] ags = rows.get(1);
        assertThat(col(P, ags, "state_code")).isEqualTo("01");
        assertThat(col(P, ags, "municipality_code")).isEqualTo("001");
        assertThat(col(P, ags, "project_name")).isEqualTo("Construcción de centro comunitario")
                .isEqualTo(java.text.Normalizer.normalize("Construcción de centro comunitario",
                        java.text.Normalizer.Form.NFC));
        assertThat(col(P, ags, "club_name")).isEqualTo("Club Peñón Blanco");
        assertThat(col(P, ags, "federal_mxn")).isEqualTo(25_000_000L);
        assertThat(col(P, ags, "state_mxn")).isEqualTo(25_000_000L);
        assertThat(col(P, ags, "migrant_mxn")).isEqualTo(25_000_050L);
        assertThat(col(P, ags, "other_mxn")).isEqualTo(100_000L);
        assertThat(col(P, ags, "status")).isEqualTo("EN EJECUCION");
        assertThat(col(P, ags, "category")).isEqualTo("CENTRO COMUNITARIO");
        assertThat(col(P, ags, "approved_date")).isEqualTo(LocalDate.of(2014, 5, 2));

        Object[] quoted = rows.get(2);
        assertThat(col(P, quoted, "project_name")).isEqualTo("Rehabilitación de escuela, primera etapa");
        assertThat(col(P, quoted, "club_name")).isEqualTo("Club Uruapan de Chicago");
        assertThat(col(P, quoted, "municipality_code")).isEqualTo("102");

        Object[] last = rows.get(3);
        assertThat(col(P, last, "federal_mxn")).isEqualTo(150L);
        assertThat(col(P, last, "state_mxn")).isEqualTo(225L);
        assertThat(col(P, last, "other_mxn")).isEqualTo(510L);
        assertThat(col(P, last, "beneficiaries")).isEqualTo(12L);

        // the file carries PRESIDENTE, TELEFONO and CORREO: its cells are quoted by their shape only
        assertThat(lake.rejects("3x1_proyectos_2014.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactlyInAnyOrder(
                        tuple(6L, "folio", "[masked: 9x9-xxx-9999-9999]",
                                "FOLIO [masked: 9x9-xxx-9999-9999] appears more than once in the file; all its rows are"
                                        + " rejected"),
                        tuple(8L, "Ejercicio", "[masked: 9999]",
                                "EJERCICIO 2013 differs from the year of the file name (2014)"),
                        tuple(9L, "INV_FEDERAL", "[masked: 99,99]", "not an amount: thousands must be grouped in threes"),
                        tuple(9L, "Categoría", "[masked: xxxxxx]", "not one of AGUA POTABLE, BECAS, CAMINOS, CENTRO"
                                + " COMUNITARIO, DEPORTE, DRENAJE, EDUCACION, ELECTRIFICACION, OTRO, PAVIMENTACION,"
                                + " PRODUCTIVO, SALUD, TEMPLO, URBANIZACION"),
                        tuple(9L, "FECHA_APROBACION", "[masked: 99/99/9999]", "no such date"),
                        tuple(10L, "folio", "[masked: 9x9-xxx-9999-9999]",
                                "FOLIO [masked: 9x9-xxx-9999-9999] appears more than once in the file; all its rows are"
                                        + " rejected"),
                        tuple(11L, "CVE ENT", "[masked: 99]", "no such code: must be between 1 and 32"),
                        tuple(11L, "NOMBRE_CLUB", "", "required value is missing"));
        assertThat(lake.rejectRows("projects", "2014")).hasSize(8)
                .allSatisfy(r -> assertThat(r[RawTables.REJECTS.indexOf("load_id")]).isEqualTo(entry.loadId()));
    }

    @Test
    void neverWritesPersonalDataAnywhereEvenForRejectedRows() {
        lake.load("3x1_proyectos_2014.csv", LENIENT);

        List<String> everything = new ArrayList<>();
        for (Object[] r : lake.rows(P, "2014")) {
            addStrings(everything, r);
        }
        for (Object[] r : lake.rejectRows("projects", "2014")) {
            addStrings(everything, r);
        }
        for (LedgerEntry e : lake.ledger().entries()) {
            addStrings(everything, Ledger.toRow(e));
        }
        assertThat(everything).isNotEmpty().noneMatch(s -> s.contains("Pérez") || s.contains("555-")
                || s.contains("@example") || s.contains("María López") || s.contains("Rosa Luna")
                || s.contains("Ana Díaz") || s.contains("Carlos Vega"));
    }

    static void addStrings(List<String> into, Object[] row) {
        for (Object o : row) {
            if (o instanceof String) {
                into.add((String) o);
            }
        }
    }

    @Test
    void readsTheWindows1252LayoutOf2002WithAccentsAndEnye() {
        LedgerEntry entry = lake.load("3x1_proyectos_2007.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.encoding()).isEqualTo("windows-1252");
        assertThat(entry.layout()).isEqualTo("2002");
        assertThat(entry.counts()).isEqualTo(new FileCounts(4, 3, 0, 1));
        List<Object[]> rows = lake.rows(P, "2007");
        assertThat(rows).extracting(r -> col(P, r, "municipality_name"), r -> col(P, r, "work_type"),
                        r -> col(P, r, "migrant_mxn"), r -> col(P, r, "state_code"), r -> col(P, r, "other_mxn"))
                .containsExactly(
                        tuple("Jerez", "Ampliación de red de agua potable", 30_000_000L, null, 0L),
                        tuple("Peñón Blanco", "Pavimentación con concreto hidráulico", 12_500_000L, null, 0L),
                        tuple("Teocaltiche", "Construcción de lienzo charro", 8_000_000L, null, 0L));
        assertThat(col(P, rows.get(0), "federation")).isEqualTo("Federación Zacatecana del Sur de California");
        assertThat(col(P, rows.get(2), "status")).isEqualTo("EN EJECUCION");
        assertThat(lake.rejects("3x1_proyectos_2007.csv")).isEmpty();
    }

    @Test
    void rejectsARowCutOffMidLineAndKeepsTheRest() {
        LedgerEntry entry = lake.load("3x1_proyectos_2015.csv", LENIENT);

        assertThat(entry.counts()).isEqualTo(new FileCounts(3, 2, 1, 0));
        assertThat(lake.rows(P, "2015")).hasSize(2);
        assertThat(lake.rejects("3x1_proyectos_2015.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactly(tuple(4L, null, null, "the record has 6 fields but the header has 21 (a cut-off line?)"));
    }

    @Test
    void rejectsARecordCutOffInsideAQuotedFieldAndKeepsTheRowsBefore() {
        LedgerEntry entry = lake.load("3x1_proyectos_2016.csv", LENIENT);

        assertThat(entry.counts()).isEqualTo(new FileCounts(3, 2, 1, 0));
        assertThat(lake.rows(P, "2016")).extracting(r -> col(P, r, "folio"))
                .containsExactly("3X1-GTO-2016-0001", "3X1-GTO-2016-0002");
        assertThat(lake.rejects("3x1_proyectos_2016.csv")).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4L);
            assertThat(r.value()).isNull();
            assertThat(r.reason()).startsWith("a quoted field opened here is never closed")
                    .endsWith("lines 4 to 5 (the end of the file) cannot be read");
        });
    }

    @Test
    void refusesAFileWithoutARequiredColumnAndSaysWhich() {
        LedgerEntry entry = lake.load("3x1_proyectos_2017.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.counts()).isEqualTo(FileCounts.NONE);
        assertThat(entry.message()).startsWith("missing required column INV_MIGRANTE (layout 2013, told by EJERCICIO in"
                + " the header); the header's ").contains("columns, by position: 1 EJERCICIO, 2 FOLIO");
        assertThat(lake.exists("raw", "projects", "period=2017")).isFalse();
        assertThat(lake.rejects("3x1_proyectos_2017.csv")).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("the file failed: missing required column INV_MIGRANTE"));
        assertThat(lake.ledger().hasLoaded(entry.sha256())).isFalse();
    }

    @Test
    void failsAHeaderOnlyFileWithoutTouchingThePeriod() {
        LedgerEntry entry = lake.load("3x1_proyectos_2018.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.counts()).isEqualTo(FileCounts.NONE);
        assertThat(entry.message()).startsWith("the file has no data rows (0 skipped): nothing loaded");
        assertThat(lake.exists("raw", "projects", "period=2018")).isFalse();
    }

    @Test
    void refusesAnEmptyFile() {
        LedgerEntry entry = lake.load("3x1_proyectos_2019.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).isEqualTo("the file is empty (0 bytes): it has no header row");
        assertThat(lake.rejects("3x1_proyectos_2019.csv")).extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(0L, "the file failed: the file is empty (0 bytes): it has no header row"));
    }

    @Test
    void failsAFileOverTheRejectThresholdAndKeepsItsRejectsForTheOperator() {
        LedgerEntry entry = lake.load("3x1_proyectos_2020.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.counts()).isEqualTo(new FileCounts(21, 0, 21, 0)); // nothing loaded, all 21 refused with it
        assertThat(entry.message()).startsWith("2 of 21 data rows rejected (9.5%), over the limit of 5.0%: nothing loaded");
        assertThat(lake.exists("raw", "projects", "period=2020")).isFalse();
        assertThat(lake.exists("staging", entry.loadId())).isFalse();
        assertThat(lake.rejects("3x1_proyectos_2020.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value)
                .containsExactly(tuple(0L, null, null), tuple(21L, "INV_FEDERAL", "mil pesos"),
                        tuple(22L, "INV_FEDERAL", "mil pesos"));

        LedgerEntry lenient = new FileLoader(lake.lake, new IngestOptions(0.10, 50_000))
                .load(Inbox.delivery(lake.inbox.resolve("3x1_proyectos_2020.csv")));
        assertThat(lenient.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(lake.rows(P, "2020")).hasSize(19);
    }

    @Test
    void refusesAFileWithAMalformedQuoteMidFileRatherThanGuessWhereRecordsStart() {
        LedgerEntry entry = lake.load("3x1_proyectos_2022.csv", LENIENT);

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.counts()).as("a refused file loads nothing: rows_loaded is 0, not the row before the fault")
                .isEqualTo(new FileCounts(1, 0, 1, 0));
        assertThat(entry.message()).startsWith("malformed CSV in the record starting on line 3: ");
        assertThat(lake.exists("raw", "projects", "period=2022")).isFalse();
        assertThat(lake.exists("staging", entry.loadId())).isFalse();
    }

    @Test
    void refusesAFileWithTheSameColumnTwice() {
        LedgerEntry entry = lake.load("3x1_proyectos_2023.csv");

        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(entry.message()).isEqualTo("column FOLIO appears twice in the header (columns 2 and 6)");
    }
}
