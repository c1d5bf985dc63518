package org.oriundos.ingest.csv;

import java.util.List;

/**
 * The header of one layout of an extract: its columns in the order a parser refers to them
 * (by position in {@link #columns()}), and which must be present.
 *
 * @param name    the layout's name, as the ledger records it
 * @param columns the columns the layout knows; a parser's field index is the position here
 */
public record Layout(String name, List<Spec> columns) {

    /** A column of the layout, named as EXTRACTS.md names it ({@code null}: not in this layout). */
    public record Spec(String header, boolean required) {
    }

    public static Spec req(String header) {
        return new Spec(header, true);
    }

    public static Spec opt(String header) {
        return new Spec(header, false);
    }

    /** A field the layout does not have at all (so the parsers of two layouts can share field numbers). */
    public static Spec none() {
        return new Spec(null, false);
    }

    public Layout {
        columns = List.copyOf(columns);
    }

    public String header(int field) {
        return columns.get(field).header();
    }
}
