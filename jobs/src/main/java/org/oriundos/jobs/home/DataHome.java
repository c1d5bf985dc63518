package org.oriundos.jobs.home;

import java.nio.file.Path;
import org.oriundos.ingest.lake.LakeLocation;

/** The layout of the data home (docs/architecture.md, "The data home"). */
public record DataHome(Path root, String lakeUri) {

    public Path inbox() {
        return root.resolve("inbox");
    }

    /** The lake: {@code <home>/lake} unless {@code oriundos.lake} points elsewhere (e.g. HDFS). */
    public LakeLocation lake() {
        return lakeUri == null ? LakeLocation.local(root.resolve("lake")) : LakeLocation.at(lakeUri);
    }

    public String lakeDescription() {
        return lakeUri == null ? root.resolve("lake").toString() : lakeUri;
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path geographyAliases() {
        return conf().resolve("geography_aliases.csv");
    }

    public Path associationOverrides() {
        return conf().resolve("association_overrides.csv");
    }

    /** The analysts' record-level place corrections (by folio or organization id): docs/conform.md. */
    public Path placeCorrections() {
        return conf().resolve("place_corrections.csv");
    }

    /** The linkage model estimated on this home's data, when there is one ({@code links --estimate}). */
    public Path linkageModel() {
        return conf().resolve("linkage_model.csv");
    }

    public Path warehouseFile() {
        return root.resolve("warehouse").resolve("oriundos.duckdb");
    }

    public Path reports() {
        return root.resolve("reports");
    }

    public Path jobRepository() {
        return root.resolve("jobrepo");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** What can be deleted at any time, costing only time: the inbox files' checksums. */
    public Path cache() {
        return root.resolve("cache");
    }

    public Path inboxChecksums() {
        return cache().resolve("inbox-checksums.tsv");
    }

    /** Where each run leaves its monitoring facts, for node_exporter's textfile collector. */
    public Path metrics() {
        return root.resolve("metrics");
    }

    /** The Prometheus text file every run rewrites (docs/operations.md, "Monitoring"). */
    public Path metricsFile() {
        return metrics().resolve("oriundos.prom");
    }

    public Path lockFile() {
        return root.resolve("oriundos.lock");
    }
}
