package org.oriundos.ingest.csv;

import java.util.List;

/**
 * The header of one layout of an extract: its columns in the order a parser refers to them
 * (by position in {@link #columns()}), and what the warehouse does without each.
 *
 * @param name    the layout's name, as the ledger records it
 * @param columns the columns the layout knows; a parser's field index is the position here
 */
public record Layout(String name, List<Spec> columns) {

    /** What a missing column means for the file. */
    public enum Need {
        /**
         * The warehouse needs it (identity, place, money, period, or what a published figure is
         * counted by): a file without it is refused.
         */
        REQUIRED,
        /** A column of the layout the warehouse can do without: a file without it is taken, and the ledger names it. */
        OPTIONAL,
        /**
         * A column a file of this layout may carry beyond the layout's own (a historic directory
         * re-issued with some of the current layout's descriptive columns): read when there, not
         * missed when not.
         */
        EXTRA
    }

    /** A column of the layout, named as the providers name it ({@code null}: not in this layout). */
    public record Spec(String header, Need need) {
        public boolean required() {
            return need == Need.REQUIRED;
        }
    }

    public static Spec req(String header) {
        return new Spec(header, Need.REQUIRED);
    }

    public static Spec opt(String header) {
        return new Spec(header, Need.OPTIONAL);
    }

    public static Spec extra(String header) {
        return new Spec(header, Need.EXTRA);
    }

    /** A field the layout does not have at all (so the parsers of two layouts can share field numbers). */
    public static Spec none() {
        return new Spec(null, Need.EXTRA);
    }

    public Layout {
        columns = List.copyOf(columns);
    }

    public String header(int field) {
        return columns.get(field).header();
    }
}
