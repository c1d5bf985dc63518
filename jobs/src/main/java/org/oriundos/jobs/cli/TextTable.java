package org.oriundos.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/** A table for the terminal: columns padded to their widest cell, numbers right-aligned. */
public final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header;
    }

    public TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        int n = header.length;
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = header[i].length();
            numeric[i] = true;
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                String cell = r[i] == null ? "" : r[i];
                width[i] = Math.max(width[i], cell.length());
                if (!cell.isEmpty() && !cell.matches("[-+]?[0-9][0-9,.]*( \\(.*\\))?")) {
                    numeric[i] = false;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, new boolean[n]);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.append('\n');
        for (String[] r : rows) {
            line(out, r, width, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i];
            String pad = " ".repeat(width[i] - cell.length());
            out.append(i == 0 ? "" : "  ").append(right[i] ? pad + cell : cell + pad);
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }
}
