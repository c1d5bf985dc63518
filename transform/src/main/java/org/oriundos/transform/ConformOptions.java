package org.oriundos.transform;

import java.nio.file.Path;

/**
 * How transform conforms: the base year of constant pesos; the analyst's files
 * ({@code <home>/conf/geography_aliases.csv}, {@code <home>/conf/association_overrides.csv},
 * {@code <home>/conf/place_corrections.csv}) and the association linkage model
 * ({@code <home>/conf/linkage_model.csv}, else the shipped one), each nullable, a path to a file
 * that does not exist counting as no file; and the bounds of the linker's in-memory DuckDB.
 */
public record ConformOptions(int baseYear, Path geographyAliases, Path associationOverrides, Path placeCorrections,
                             Path linkageModel, int duckdbThreads, String duckdbMemoryLimit) {
    public static final int DEFAULT_BASE_YEAR = 2018;
    public static final int DEFAULT_THREADS = 2;
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";
    public static final ConformOptions DEFAULTS = new ConformOptions(DEFAULT_BASE_YEAR, null, null);

    public ConformOptions {
        if (duckdbThreads < 1) {
            throw new IllegalArgumentException("duckdbThreads must be at least 1, got " + duckdbThreads);
        }
        if (duckdbMemoryLimit == null || duckdbMemoryLimit.isBlank()) {
            throw new IllegalArgumentException("duckdbMemoryLimit is blank");
        }
    }

    /** No place corrections, the shipped linkage model and the default bounds. */
    public ConformOptions(int baseYear, Path geographyAliases, Path associationOverrides) {
        this(baseYear, geographyAliases, associationOverrides, null, null, DEFAULT_THREADS, DEFAULT_MEMORY_LIMIT);
    }

    /** The defaults with the analyst files of a data home: {@code <home>/conf/…}. */
    public static ConformOptions forHome(Path home, int baseYear) {
        Path conf = home.resolve("conf");
        return new ConformOptions(baseYear, conf.resolve("geography_aliases.csv"),
                conf.resolve("association_overrides.csv"), conf.resolve("place_corrections.csv"),
                conf.resolve("linkage_model.csv"), DEFAULT_THREADS, DEFAULT_MEMORY_LIMIT);
    }

    /** The same options with another linkage model file. */
    public ConformOptions withLinkageModel(Path file) {
        return new ConformOptions(baseYear, geographyAliases, associationOverrides, placeCorrections, file,
                duckdbThreads, duckdbMemoryLimit);
    }
}
