package org.oriundos.ingest.lake;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of one lake table as a Java record: the record's components are the table's columns,
 * in order, and the {@link TableSchema} is derived from them once, when the type is made.
 * A component {@code municipalityKey} is the column {@code municipality_key}; its Java type gives
 * the {@link ColumnType} ({@code String} STRING, {@code Integer} INT32, {@code Long} INT64, or
 * DECIMAL_2 when {@link Money}, {@code Double} DOUBLE, {@code Boolean} BOOLEAN, {@code LocalDate}
 * DATE, {@code Instant} TIMESTAMP); a primitive or {@link Required} component is a required column;
 * {@link ColumnName} names a column the rule does not give.
 *
 * <p>The lake's files still carry rows as {@code Object[]} in the schema's order:
 * {@link #fill}/{@link #toRow} and {@link #fromRow} move a record in and out of one, through
 * accessors and a constructor looked up once, never by a column's name per row. A table with
 * lineage ends with the three lineage columns, which the record does not hold: whoever writes the
 * row fills them (see {@link TableSchema#withLineage}).
 *
 * @param <R> the record of one row
 */
public final class RowType<R extends Record> {
    private static final Map<Class<?>, ColumnType> TYPES = Map.of(
            String.class, ColumnType.STRING,
            Integer.class, ColumnType.INT32,
            Long.class, ColumnType.INT64,
            Double.class, ColumnType.DOUBLE,
            Boolean.class, ColumnType.BOOLEAN,
            LocalDate.class, ColumnType.DATE,
            Instant.class, ColumnType.TIMESTAMP);

    private final Class<R> type;
    private final TableSchema schema;
    private final Function<R, Object>[] getters;
    private final MethodHandle constructor; // (Object[]) -> Object

    private RowType(Class<R> type, String table, boolean lineage) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<Column> columns = new ArrayList<>(components.length);
        @SuppressWarnings("unchecked")
        Function<R, Object>[] gs = new Function[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                columns.add(column(type, c));
                parameters[i] = c.getType();
                gs[i] = getter(lookup, type, c);
            }
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameters))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the components of " + type.getName() + ": " + e, e);
        }
        this.getters = gs;
        this.schema = lineage ? TableSchema.withLineage(table, columns) : TableSchema.of(table, columns);
    }

    /** The rows of {@code table} as records of {@code type}, followed by the three lineage columns. */
    public static <R extends Record> RowType<R> withLineage(String table, Class<R> type) {
        return new RowType<>(type, table, true);
    }

    /** The rows of {@code table} as records of {@code type}, nothing more. */
    public static <R extends Record> RowType<R> of(String table, Class<R> type) {
        return new RowType<>(type, table, false);
    }

    /** The table's schema, derived from the record. */
    public TableSchema schema() {
        return schema;
    }

    public Class<R> type() {
        return type;
    }

    /** The record's values into the first columns of {@code row} (lineage, if any, is left as it is). */
    public void fill(R record, Object[] row) {
        for (int i = 0; i < getters.length; i++) {
            row[i] = getters[i].apply(record);
        }
    }

    /** A new row of the table holding the record (lineage columns, if any, {@code null}). */
    public Object[] toRow(R record) {
        Object[] row = schema.newRow();
        fill(record, row);
        return row;
    }

    /** A new row holding the record, with the lineage of {@code from} (a row of a table with lineage). */
    public Object[] toRow(R record, Object[] from) {
        Object[] row = toRow(record);
        int n = TableSchema.LINEAGE.size();
        System.arraycopy(from, from.length - n, row, row.length - n, n);
        return row;
    }

    /** The record held by the first columns of a row of this table. */
    public R fromRow(Object[] row) {
        Object[] values = row.length == getters.length ? row : java.util.Arrays.copyOf(row, getters.length);
        try {
            return type.cast((Object) constructor.invokeExact(values));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a row of " + schema.name() + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Column column(Class<?> record, RecordComponent c) {
        Class<?> t = c.getType();
        ColumnType ct = TYPES.get(MethodType.methodType(t).wrap().returnType());
        if (ct == null) {
            throw new IllegalArgumentException(record.getName() + "." + c.getName() + " is a " + t.getSimpleName()
                    + ", which no lake column type holds");
        }
        if (c.isAnnotationPresent(Money.class)) {
            if (ct != ColumnType.INT64) {
                throw new IllegalArgumentException(record.getName() + "." + c.getName()
                        + " is money, so a Long of hundredths, not a " + t.getSimpleName());
            }
            ct = ColumnType.DECIMAL_2;
        }
        boolean required = t.isPrimitive() || c.isAnnotationPresent(Required.class);
        ColumnName named = c.getAnnotation(ColumnName.class);
        return new Column(named == null ? columnName(c.getName()) : named.value(), ct, required);
    }

    /** {@code municipalityKey} → {@code municipality_key}. */
    static String columnName(String component) {
        StringBuilder b = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char ch = component.charAt(i);
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A lambda calling the accessor, as fast as a hand-written one; boxing a primitive. */
    @SuppressWarnings("unchecked")
    private static <R> Function<R, Object> getter(MethodHandles.Lookup lookup, Class<R> type, RecordComponent c)
            throws ReflectiveOperationException {
        MethodHandle accessor = lookup.unreflect(c.getAccessor());
        Class<?> boxed = MethodType.methodType(c.getType()).wrap().returnType();
        try {
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), accessor,
                    MethodType.methodType(boxed, type));
            return (Function<R, Object>) site.getTarget().invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
