package org.oriundos.jobs.nightly;

import java.nio.file.Files;
import java.util.OptionalInt;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.status.ReportOutcome;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.transform.ConformOptions;
import org.oriundos.warehouse.WarehouseSettings;
import org.oriundos.warehouse.report.AnnualReport;
import org.oriundos.warehouse.report.ReportResult;

/** The stages' settings, derived once from the run's {@link Settings}. */
public final class NightlyStages {
    private final Settings settings;
    private final DataHome home;
    private final IngestOptions ingestOptions;
    private final LakeStaging staging;

    public NightlyStages(Settings settings) {
        this.settings = settings;
        this.home = settings.dataHome();
        this.ingestOptions = new IngestOptions(settings.maxRejectShare(), settings.chunkRows(), settings.maxRowDrop());
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

    /**
     * The analysts' files in {@code <home>/conf} are optional: absent means no overrides, and the
     * shipped linkage model.
     */
    public ConformOptions conformOptions() {
        return new ConformOptions(settings.baseYear(),
                Files.isRegularFile(home.geographyAliases()) ? home.geographyAliases() : null,
                Files.isRegularFile(home.associationOverrides()) ? home.associationOverrides() : null,
                Files.isRegularFile(home.placeCorrections()) ? home.placeCorrections() : null,
                Files.isRegularFile(home.linkageModel()) ? home.linkageModel() : null,
                settings.duckdbThreads(), settings.duckdbMemoryLimit());
    }

    /**
     * Writes the report of the latest year the warehouse has data for, in the language and with the
     * institution of the settings ({@code oriundos.report.lang}, {@code oriundos.report.institution});
     * says what it wrote, or that it wrote nothing (an empty warehouse has no year to report).
     */
    public ReportOutcome writeReport() {
        OptionalInt year = AnnualReport.latestYear(home.warehouseFile());
        if (year.isEmpty()) {
            return ReportOutcome.NO_YEAR;
        }
        ReportResult result = new AnnualReport().write(home.warehouseFile(), year.getAsInt(), null, home.reports(),
                settings.reportOptions());
        return new ReportOutcome(result.html().toString(), year.getAsInt());
    }

    /** {@link #writeReport()}, said as the nightly says it: the report's file, or why there is none. */
    public String writeLatestReport() {
        return RunPrinter.report(writeReport());
    }

    public WarehouseSettings warehouseSettings() {
        return new WarehouseSettings(home.lake(), home.warehouseFile(), settings.duckdbThreads(),
                settings.duckdbMemoryLimit());
    }
}
