package org.oriundos.warehouse.report;

import java.nio.file.Path;
import org.oriundos.warehouse.WarehouseBuilder;
import org.oriundos.warehouse.WarehouseSettings;

/** A real warehouse built by {@link WarehouseBuilder} from the report's fixture lake. */
final class ReportWarehouse {
    private ReportWarehouse() {
    }

    static Path build(ReportFixtureLake lake, Path dir) {
        Path file = dir.resolve("oriundos.duckdb");
        new WarehouseBuilder(new WarehouseSettings(lake.lake(), file, 1, "512MB")).build(true);
        return file;
    }
}
