package org.oriundos.warehouse.report.render;

import java.util.Objects;

/** A column of a report table. The header carries the unit, e.g. {@code "Investment (MXN, nominal)"}. */
public record TableColumn(String header, ColumnKind kind) {
    public TableColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
    }

    public static TableColumn text(String header) {
        return new TableColumn(header, ColumnKind.TEXT);
    }

    public static TableColumn year(String header) {
        return new TableColumn(header, ColumnKind.YEAR);
    }

    public static TableColumn count(String header) {
        return new TableColumn(header, ColumnKind.COUNT);
    }

    public static TableColumn whole(String header) {
        return new TableColumn(header, ColumnKind.WHOLE);
    }

    public static TableColumn money(String header) {
        return new TableColumn(header, ColumnKind.MONEY);
    }

    public static TableColumn percent(String header) {
        return new TableColumn(header, ColumnKind.PERCENT);
    }

    public static TableColumn change(String header) {
        return new TableColumn(header, ColumnKind.CHANGE);
    }
}
