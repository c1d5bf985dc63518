package org.oriundos.ingest.lake;

import java.util.Objects;

/** One column of a lake table. Every column is optional (nullable) unless {@code required}. */
public record Column(String name, ColumnType type, boolean required) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    public static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
