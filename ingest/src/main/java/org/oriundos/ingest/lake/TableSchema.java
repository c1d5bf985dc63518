package org.oriundos.ingest.lake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one lake table, in order. A row of the table is an {@code Object[]} whose
 * element {@code i} holds the value of column {@code i} in the Java type its
 * {@link ColumnType} names, or {@code null}. A table whose rows are records derives its schema
 * from the record ({@link RowType}); code reads and builds the record, not the array.
 */
public final class TableSchema {
    /** Lineage columns every lake row ends with: where it came from and which load wrote it. */
    public static final Column SOURCE_FILE = Column.required("_source_file", ColumnType.STRING);
    public static final Column SOURCE_LINE = Column.required("_source_line", ColumnType.INT64);
    public static final Column LOAD_ID = Column.required("_load_id", ColumnType.STRING);
    /** The lineage columns, in the order they end a row. */
    public static final List<Column> LINEAGE = List.of(SOURCE_FILE, SOURCE_LINE, LOAD_ID);

    private final String name;
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;

    private TableSchema(String name, List<Column> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("table " + name + " names column "
                        + this.columns.get(i).name() + " twice");
            }
        }
        this.indexByName = Collections.unmodifiableMap(index);
    }

    /** A table of exactly these columns. */
    public static TableSchema of(String name, List<Column> columns) {
        return new TableSchema(name, columns);
    }

    /** A table of these columns followed by the three lineage columns. */
    public static TableSchema withLineage(String name, List<Column> columns) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(LINEAGE);
        return new TableSchema(name, all);
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** The position of a column; fails with the table's name when there is no such column. */
    public int indexOf(String column) {
        Integer i = indexByName.get(column);
        if (i == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return i;
    }

    public boolean has(String column) {
        return indexByName.containsKey(column);
    }

    /** An empty row for this table. */
    public Object[] newRow() {
        return new Object[columns.size()];
    }

    @Override
    public String toString() {
        return name + columns;
    }
}
