package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void aTinyPositiveShareKeepsItsDigitsInTheCsvAndReadsLessThanOneOnThePage() throws Exception {
        ReportTable table = new ReportTable("remittances_by_state.csv", "Shares",
                List.of(TableColumn.text("State"), TableColumn.whole("Share (dollars per million)")),
                List.of(row("Zacatecas", new BigDecimal("116.40")), row("Jalisco", new BigDecimal("0.00020")),
                        row("Colima", new Absent("n/a"))),
                "");
        Path file = new CsvTableWriter().write(table, dir);
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "State,Share (dollars per million)", "Zacatecas,116.4", "Jalisco,0.0002", "Colima,");
        assertThat(CellText.html(ColumnKind.WHOLE, new BigDecimal("0.0002"), NumberText.SPANISH))
                .isEqualTo("menos de\u00a01");
        assertThat(CellText.html(ColumnKind.WHOLE, new BigDecimal("116.4"), NumberText.ENGLISH)).isEqualTo("116");
    }

    @Test
    void writesPlainNumbersAndLeavesNoSnapshotYearsEmptyNotZero() throws Exception {
        ReportTable table = new ReportTable("associations_by_year.csv", "Associations per year",
                List.of(TableColumn.year("Year"), TableColumn.count("Registered (associations)"),
                        TableColumn.change("Change on previous snapshot (%)"),
                        TableColumn.money("Investment (MXN, nominal)"), TableColumn.text("Club")),
                List.of(row(2006, 570, null, new BigDecimal("1234567.5"), "Club \"Zacatecano\", L.A."),
                        row(2007, new Absent("no snapshot"), new Absent("no snapshot"), new BigDecimal("0"), "Club <b>"),
                        row(2008, 850, 0.49122807, new BigDecimal("10.25"), null)),
                "");

        Path file = new CsvTableWriter().write(table, dir);

        assertThat(file).hasFileName("associations_by_year.csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "Year,Registered (associations),Change on previous snapshot (%),\"Investment (MXN, nominal)\",Club\r\n"
                        + "2006,570,,1234567.50,\"Club \"\"Zacatecano\"\", L.A.\"\r\n"
                        + "2007,,,0.00,Club <b>\r\n"
                        + "2008,850,49.1228,10.25,\r\n");
    }

    @Test
    void aFormulaInAClubNameIsWrittenAsTextWhileANegativeChangeStaysANumber() throws Exception {
        ReportTable table = new ReportTable("program_clubs.csv", "Clubs",
                List.of(TableColumn.text("Club"), TableColumn.change("Change (%)"), TableColumn.text("State")),
                List.of(row("=HYPERLINK(\"http://x.example\";\"click\")", -0.25, "+Zacatecas"),
                        row("@club", 0.1, "-")),
                "");

        Path file = new CsvTableWriter().write(table, dir);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("Club,Change (%),State\r\n"
                + "\"'=HYPERLINK(\"\"http://x.example\"\";\"\"click\"\")\",-25.0000,\"'+Zacatecas\"\r\n"
                + "\"'@club\",10.0000,\"'-\"\r\n");
    }

    @Test
    void refusesARowThatDoesNotMatchTheColumns() {
        assertThatThrownBy(() -> new ReportTable("t.csv", "T", List.of(TableColumn.year("Year")),
                List.of(row(2006, 1)), ""))
                .hasMessageContaining("t.csv, row 1 has 2 values for 1 columns");
    }
}
