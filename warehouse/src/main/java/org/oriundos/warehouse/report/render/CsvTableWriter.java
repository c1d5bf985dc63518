package org.oriundos.warehouse.report.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a report table as RFC 4180 CSV in UTF-8: the same headers (with their units) as the page,
 * numbers without separators, empty cells where the page says why there is no number.
 */
public final class CsvTableWriter {

    /** Writes {@code table} to {@code dir/<table.csvName()>} and returns that path. */
    public Path write(ReportTable table, Path dir) {
        Path file = dir.resolve(table.csvName());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> headers = new ArrayList<>();
            for (TableColumn column : table.columns()) {
                headers.add(column.header());
            }
            printer.printRecord(headers);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(CellText.csv(table.columns().get(i).kind(), row.get(i)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report table " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
