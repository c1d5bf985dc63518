package org.oriundos.jobs.nightly;

import java.nio.file.Files;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.transform.ConformOptions;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.WarehouseSettings;

/** The stages' settings, derived once from the run's {@link Settings}. */
public final class NightlyStages {
    private final Settings settings;
    private final DataHome home;
    private final IngestOptions ingestOptions;
    private final LakeStaging staging;

    public NightlyStages(Settings settings) {
        this.settings = settings;
        this.home = settings.dataHome();
        this.ingestOptions = new IngestOptions(settings.maxRejectShare(), settings.chunkRows());
        this.staging = new LakeStaging(home.lake(), ingestOptions);
    }

    public Settings settings() {
        return settings;
    }

    public DataHome home() {
        return home;
    }

    public IngestOptions ingestOptions() {
        return ingestOptions;
    }

    public LakeStaging staging() {
        return staging;
    }

    /** The analysts' files in {@code <home>/conf} are optional: absent means no overrides. */
    public ConformOptions conformOptions() {
        return new ConformOptions(settings.baseYear(),
                Files.isRegularFile(home.geographyAliases()) ? home.geographyAliases() : null,
                Files.isRegularFile(home.associationOverrides()) ? home.associationOverrides() : null);
    }

    /**
     * Writes the report of the latest year the warehouse has 3x1 projects for; says what it wrote,
     * or why it wrote nothing (an empty warehouse has no year to report).
     */
    public String writeLatestReport() {
        QueryResult latest = WarehouseQuery.run(home.warehouseFile(), "select max(year) from fact_project_funding");
        Object year = latest.rows().isEmpty() ? null : latest.rows().get(0).get(0);
        if (year == null) {
            return "no report: the warehouse has no projects yet";
        }
        return "TEMP";
    }

    public WarehouseSettings warehouseSettings() {
        return new WarehouseSettings(home.lake(), home.warehouseFile(), settings.duckdbThreads(),
                settings.duckdbMemoryLimit());
    }
}
