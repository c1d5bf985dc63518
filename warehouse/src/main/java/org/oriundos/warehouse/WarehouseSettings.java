package org.oriundos.warehouse;

import java.nio.file.Path;
import java.util.Objects;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * How to build the warehouse: the lake to read, the published DuckDB file to (re)place, and the
 * resources DuckDB may use ({@code threads}, {@code memoryLimit} such as {@code "2GB"}).
 */
public record WarehouseSettings(LakeLocation lake, Path warehouseFile, int threads, String memoryLimit) {
    public WarehouseSettings {
        Objects.requireNonNull(lake, "lake");
        Objects.requireNonNull(warehouseFile, "warehouseFile");
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        // DuckDB itself validates the size (2GB, 512MiB, …) when the build opens the file
        if (memoryLimit.isBlank()) {
            throw new IllegalArgumentException("memoryLimit must be a size such as 2GB or 512MB, not blank");
        }
    }
}
