package org.oriundos.warehouse.report.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oriundos.warehouse.SafeCsv;

/**
 * Writes a report table as RFC 4180 CSV in UTF-8 ({@link SafeCsv}: text that a spreadsheet would
 * run as a formula is neutralised): the same headers (with their units) as the page, numbers
 * without separators, empty cells where the page says why there is no number.
 */
public final class CsvTableWriter {

    /** Writes {@code table} to {@code dir/<table.csvName()>} and returns that path. */
    public Path write(ReportTable table, Path dir) {
        Path file = dir.resolve(table.csvName());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SafeCsv csv = new SafeCsv(out);
            for (TableColumn column : table.columns()) {
                csv.text(column.header());
            }
            csv.endRecord();
            for (java.util.List<Object> row : table.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    ColumnKind kind = table.columns().get(i).kind();
                    String cell = CellText.csv(kind, row.get(i));
                    if (kind == ColumnKind.TEXT) {
                        csv.text(cell);
                    } else {
                        csv.number(cell);
                    }
                }
                csv.endRecord();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report table " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
