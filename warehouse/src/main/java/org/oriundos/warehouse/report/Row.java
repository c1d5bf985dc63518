package org.oriundos.warehouse.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of a report query, read by column name. DuckDB hands back sums as HUGEINT or DECIMAL
 * and dates as several types; these getters give the report one Java type per kind of value.
 */
record Row(Map<String, Object> values) {

    private Object get(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("the report query has no column '" + column + "'; it has "
                    + values.keySet());
        }
        return values.get(column);
    }

    String text(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    Integer integer(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).intValue();
    }

    /** A count, or null; HUGEINT sums arrive as {@link BigInteger}. */
    Long count(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    BigDecimal money(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof BigInteger) {
            return new BigDecimal((BigInteger) v);
        }
        return new BigDecimal(v.toString());
    }

    Double number(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    Boolean bool(String column) {
        Object v = get(column);
        return v == null ? null : (Boolean) v;
    }

    LocalDate date(String column) {
        Object v = get(column);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate) {
            return (LocalDate) v;
        }
        if (v instanceof java.sql.Date) {
            return ((java.sql.Date) v).toLocalDate();
        }
        return LocalDate.parse(v.toString().substring(0, 10));
    }
}
