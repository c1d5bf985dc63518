package org.oriundos.transform.geography;

/**
 * How a place was resolved; the {@code geo_rule} of a conformed row. The order is from the
 * strictest to the loosest: a row whose state and municipality were resolved by two rules shows
 * the looser one.
 */
public enum GeoRule {
    /** By its INEGI (or USPS) code, padded if the provider lost the leading zeros. */
    CODE,
    /** By its catalog name, after folding case, accents, punctuation and abbreviations, with or without a common prefix. */
    NAME,
    /** By a line of the shipped or the analyst's alias file. */
    ALIAS,
    /** By a name INEGI gave the municipality in an earlier list ({@code Silao} for {@code Silao de la Victoria}). */
    FORMER_NAME,
    /** By its name and the Oaxaca district written after it, which told homonyms apart ({@code -Dto. 08 -}). */
    DISTRICT,
    /**
     * By a short form fitting one municipality of the state only: the name without its leading
     * saint or article ({@code Tlaquepaque}), or its leading words ({@code Ahualulco}).
     */
    SHORT_NAME,
    /**
     * The municipality named did not exist yet in the source's year: the record is kept on the
     * municipality it was split from.
     */
    PARENT,
    /** Not resolved: the code is null and the value is listed as unresolved. */
    UNRESOLVED
}
