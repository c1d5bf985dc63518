package org.oriundos.transform.geography;

/** How a place was resolved; the {@code geo_rule} of a conformed row. */
public enum GeoRule {
    /** By its INEGI (or USPS) code, padded if the provider lost the leading zeros. */
    CODE,
    /** By its catalog name, after folding case, accents, punctuation and abbreviations. */
    NAME,
    /** By a line of the shipped or the analyst's alias file. */
    ALIAS,
    /** Not resolved: the code is null and the value is listed as unresolved. */
    UNRESOLVED
}
