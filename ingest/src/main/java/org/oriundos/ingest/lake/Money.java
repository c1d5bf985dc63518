package org.oriundos.ingest.lake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code Long} (or {@code long}) record component holding an amount in hundredths: its column
 * is {@link ColumnType#DECIMAL_2}, not {@link ColumnType#INT64}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Money {
}
