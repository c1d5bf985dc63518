package org.oriundos.warehouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The columns and rows of a query, values as JDBC returned them ({@code null} for SQL NULL). */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The rows as a table for a terminal: a header, a rule, one line per row, numbers right-aligned. */
    public String toAlignedTable() {
        int n = columns.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = columns.get(i).length();
            numeric[i] = true;
        }
        List<String[]> cells = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                line[i] = text(v, "NULL");
                width[i] = Math.max(width[i], line[i].length());
                if (v != null && !(v instanceof Number)) {
                    numeric[i] = false;
                }
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, columns.toArray(String[]::new), width, new boolean[n]);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.append('\n');
        for (String[] line : cells) {
            appendLine(out, line, width, numeric);
        }
        out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    /**
     * The rows as RFC 4180 CSV with a header line ({@link SafeCsv}: numbers as numbers, text a
     * spreadsheet would run as a formula neutralised); NULL is an empty field.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        SafeCsv csv = new SafeCsv(out);
        for (String column : columns) {
            csv.text(column);
        }
        csv.endRecord();
        for (List<Object> row : rows) {
            for (Object v : row) {
                csv.value(v);
            }
            csv.endRecord();
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] width, boolean[] rightAligned) {
        for (int i = 0; i < line.length; i++) {
            out.append(i == 0 ? "" : " | ");
            String pad = " ".repeat(width[i] - line[i].length());
            out.append(rightAligned[i] ? pad + line[i] : line[i] + pad);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }

    private static String text(Object v, String nullText) {
        if (v == null) {
            return nullText;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        return Objects.toString(v);
    }
}
