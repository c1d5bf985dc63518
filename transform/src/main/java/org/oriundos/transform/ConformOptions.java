package org.oriundos.transform;

import java.nio.file.Path;

/**
 * How transform conforms: the base year of constant pesos, and the analyst's files
 * ({@code <home>/conf/geography_aliases.csv}, {@code <home>/conf/association_overrides.csv},
 * {@code <home>/conf/place_corrections.csv}), each nullable; a path to a file that does not exist
 * counts as an empty file.
 */
public record ConformOptions(int baseYear, Path geographyAliases, Path associationOverrides, Path placeCorrections) {
    public static final int DEFAULT_BASE_YEAR = 2018;
    public static final ConformOptions DEFAULTS = new ConformOptions(DEFAULT_BASE_YEAR, null, null, null);

    /** Without record-level place corrections. */
    public ConformOptions(int baseYear, Path geographyAliases, Path associationOverrides) {
        this(baseYear, geographyAliases, associationOverrides, null);
    }

    /** The defaults with the analyst files of a data home: {@code <home>/conf/…}. */
    public static ConformOptions forHome(Path home, int baseYear) {
        Path conf = home.resolve("conf");
        return new ConformOptions(baseYear, conf.resolve("geography_aliases.csv"),
                conf.resolve("association_overrides.csv"), conf.resolve("place_corrections.csv"));
    }
}
