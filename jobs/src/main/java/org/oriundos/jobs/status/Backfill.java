package org.oriundos.jobs.status;

import java.io.Serializable;

/** A backfill: reload one period ({@code period}, a year) of one lake table ({@code table}, e.g. {@code projects}). */
public record Backfill(String table, String period) implements Serializable {
    public Backfill {
        if (table == null || table.isBlank() || period == null || period.isBlank()) {
            throw new IllegalArgumentException("a backfill names a table and a period, got " + table + " " + period);
        }
    }
}
