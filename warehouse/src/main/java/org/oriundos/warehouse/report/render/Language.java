package org.oriundos.warehouse.report.render;

import java.util.Locale;

/**
 * The language of a report: its words (those the page's frame writes itself: figure and table
 * numbers, the contents, an empty table) and how its numbers are written. English writes
 * {@code 1,234,567.8} and {@code 12.3%}; Spanish, as the Mexican standard (NOM-008-SCFI) and the
 * RAE have it, {@code 1 234 567,8} (a space between groups of three, none in a number of four
 * digits) and {@code 12,3 %}. The spaces are no-break spaces, so a number never breaks over two
 * lines. The rest of the report's text comes from the report's message files.
 */
public enum Language {
    EN("en", "English", ',', '.', "", true, "Figure", "Table", "Contents", "No rows for this period.", "n/a",
            "<\u00a01"),
    ES("es", "Espa\u00f1ol", '\u00a0', ',', "\u00a0", false, "Figura", "Cuadro", "Contenido",
            "Sin filas para este periodo.", "n.\u00a0d.", "menos de\u00a01");

    private final String code;
    private final String name;
    private final char groupSeparator;
    private final char decimalSeparator;
    private final String beforePercent;
    private final boolean groupsFourDigits;
    private final String figure;
    private final String table;
    private final String contents;
    private final String noRows;
    private final String notAvailable;
    private final String lessThanOne;

    Language(String code, String name, char groupSeparator, char decimalSeparator, String beforePercent,
             boolean groupsFourDigits, String figure, String table, String contents, String noRows,
             String notAvailable, String lessThanOne) {
        this.code = code;
        this.name = name;
        this.groupSeparator = groupSeparator;
        this.decimalSeparator = decimalSeparator;
        this.beforePercent = beforePercent;
        this.groupsFourDigits = groupsFourDigits;
        this.figure = figure;
        this.table = table;
        this.contents = contents;
        this.noRows = noRows;
        this.notAvailable = notAvailable;
        this.lessThanOne = lessThanOne;
    }

    /** {@code en} or {@code es}, any case; anything else is refused, naming the choices. */
    public static Language of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("the report's language must be en (English) or es (Spanish), not '" + code + "'");
    }

    /** The ISO 639-1 code, as in the page's {@code lang} attribute. */
    public String code() {
        return code;
    }

    /** The language's name in itself. */
    public String displayName() {
        return name;
    }

    public Locale locale() {
        return Locale.forLanguageTag(this == ES ? "es-MX" : "en");
    }

    char groupSeparator() {
        return groupSeparator;
    }

    char decimalSeparator() {
        return decimalSeparator;
    }

    String beforePercent() {
        return beforePercent;
    }

    /** Whether a number of four digits is grouped ({@code 1,234}) or not ({@code 1234}). */
    boolean groupsFourDigits() {
        return groupsFourDigits;
    }

    String figure() {
        return figure;
    }

    String table() {
        return table;
    }

    String contents() {
        return contents;
    }

    String noRows() {
        return noRows;
    }

    /** What a missing value inside a chart says. */
    String notAvailable() {
        return notAvailable;
    }

    /** A positive amount too small to show as a whole number: never written as 0. */
    String lessThanOne() {
        return lessThanOne;
    }

    /** How numbers are written in this language. */
    public NumberText numbers() {
        return this == ES ? NumberText.SPANISH : NumberText.ENGLISH;
    }
}
