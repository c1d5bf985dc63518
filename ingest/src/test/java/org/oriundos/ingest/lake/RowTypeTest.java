package org.oriundos.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowTypeTest {
    public record Payment(@Required String paymentId, int year, @Money Long amountMxn, @Money long feeMxn,
                          Double rate, Boolean settled, LocalDate paidOn, Instant recordedAt, Long lineCount) {
    }

    public record Notebook(String name, List<String> pages) {
    }

    public record Town(@Required String townKey, @ColumnName("population_2020") Long population2020, Long sha256) {
    }

    private static final RowType<Payment> PAYMENTS = RowType.withLineage("payment", Payment.class);

    @Test
    void derivesColumnNamesTypesAndNullabilityFromTheRecordInItsOrderFollowedByTheLineage() {
        assertThat(PAYMENTS.schema().name()).isEqualTo("payment");
        assertThat(PAYMENTS.schema().columns()).containsExactly(
                Column.required("payment_id", ColumnType.STRING),
                Column.required("year", ColumnType.INT32),
                Column.optional("amount_mxn", ColumnType.DECIMAL_2),
                Column.required("fee_mxn", ColumnType.DECIMAL_2),
                Column.optional("rate", ColumnType.DOUBLE),
                Column.optional("settled", ColumnType.BOOLEAN),
                Column.optional("paid_on", ColumnType.DATE),
                Column.optional("recorded_at", ColumnType.TIMESTAMP),
                Column.optional("line_count", ColumnType.INT64),
                TableSchema.SOURCE_FILE, TableSchema.SOURCE_LINE, TableSchema.LOAD_ID);
    }

    @Test
    void aColumnNameTheRuleDoesNotGiveIsTakenFromItsAnnotation() {
        assertThat(RowType.of("town", Town.class).schema().columns()).containsExactly(
                Column.required("town_key", ColumnType.STRING),
                Column.optional("population_2020", ColumnType.INT64),
                Column.optional("sha256", ColumnType.INT64));
    }

    @Test
    void aRecordWrittenToParquetAndReadBackIsTheSameRecordWithItsLineage(@TempDir Path dir) throws Exception {
        Payment p = new Payment("P-1", 2019, 123_45L, 10L, 0.5, null, LocalDate.of(2019, 3, 1),
                Instant.parse("2019-03-01T12:00:00Z"), null);
        Object[] row = PAYMENTS.toRow(p);
        row[row.length - 3] = "payments.csv";
        row[row.length - 2] = 7L;
        row[row.length - 1] = "abc";
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("p.parquet").toUri());
        Configuration conf = new Configuration();
        try (ParquetTableWriter w = new ParquetTableWriter(PAYMENTS.schema(), file, conf)) {
            w.write(row);
        }
        assertThat(Files.size(dir.resolve("p.parquet"))).isPositive();
        List<Object[]> back = ParquetTableReader.readAll(PAYMENTS.schema(), file, conf);
        assertThat(back).hasSize(1);
        assertThat(PAYMENTS.fromRow(back.get(0))).isEqualTo(p);
        Object[] copy = PAYMENTS.toRow(p, back.get(0));
        assertThat(copy).containsExactly(back.get(0));
    }

    @Test
    void aRowOfTheWrongTypeSaysWhichTableAndRecordItDoesNotFit() {
        Object[] row = PAYMENTS.toRow(new Payment("P-1", 2019, null, 0L, null, null, null, null, null));
        row[1] = "2019";
        assertThatThrownBy(() -> PAYMENTS.fromRow(row)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payment").hasMessageContaining("Payment");
    }

    @Test
    void aComponentNoColumnTypeHoldsIsRefusedWhenTheTypeIsMade() {
        assertThatThrownBy(() -> RowType.of("notebook", Notebook.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Notebook.pages").hasMessageContaining("List");
    }

    @Test
    void camelCaseComponentsAreSnakeCaseColumns() {
        assertThat(RowType.columnName("municipalityKey")).isEqualTo("municipality_key");
        assertThat(RowType.columnName("years")).isEqualTo("years");
        assertThat(RowType.columnName("mxStateOfOrigin")).isEqualTo("mx_state_of_origin");
    }
}
