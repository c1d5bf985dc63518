package org.oriundos.ingest.lake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column of a record component whose name the rule of {@link RowType} does not give (a
 * component {@code population2020} is the column {@code population2020}; marked
 * {@code @ColumnName("population_2020")}, it is that).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ColumnName {
    String value();
}
