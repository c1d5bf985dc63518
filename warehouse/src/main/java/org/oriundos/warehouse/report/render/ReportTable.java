package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One table of the report, as shown in the HTML and written to its own CSV file.
 * Cell values: {@link String} for TEXT, {@link Number} for YEAR, COUNT, PERCENT and CHANGE,
 * {@link java.math.BigDecimal} for MONEY, or an {@link Absent}; {@code null} only where a value
 * does not apply (shown as a dash).
 *
 * @param csvName the CSV file name, e.g. {@code associations_by_year.csv}
 * @param title   the caption above the table
 * @param note    a sentence under the table saying how its numbers are defined (may be empty)
 */
public record ReportTable(String csvName, String title, List<TableColumn> columns, List<List<Object>> rows,
                          String note) {
    public ReportTable {
        Objects.requireNonNull(csvName, "csvName");
        if (!csvName.matches("[a-z0-9_]+\\.csv")) {
            throw new IllegalArgumentException("a report CSV name must be lower-case letters, digits and _ ending in .csv: "
                    + csvName);
        }
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + csvName + ", row " + (i + 1) + " has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        note = note == null ? "" : note;
    }

    /** A row builder that accepts nulls, unlike {@link List#of}. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
