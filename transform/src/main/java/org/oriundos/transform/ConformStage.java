package org.oriundos.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.RowType;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.Association;
import org.oriundos.transform.identity.AssociationLinker;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.identity.AssociationRegistry;
import org.oriundos.transform.identity.AssociationRegistryStore;
import org.oriundos.transform.identity.LinkDecision;
import org.oriundos.transform.identity.LinkageEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transform stage: conforms each raw partition whose current load or fingerprint differs from
 * what the manifest says it was conformed from (every partition with {@code full}), then rewrites
 * the association registry, the reference tables and the manifest.
 *
 * <p>Each raw partition becomes four conformed partitions (its data, its association links, its
 * review list, its unresolved values), each written as a pending generation of its slot and
 * switched to ({@link org.oriundos.ingest.lake.Generations}) after the association registry's
 * delta that gave their ids is saved, and before the manifest says they exist: a run cut short
 * leaves either the old partitions or the new ones, and the next run completes it with the same
 * ids. The registry is saved after each partition as a delta of what that partition added, and
 * written whole as its next generation (the deltas folded in) once, at the end of the run.
 */
public final class ConformStage {
    private static final Logger LOG = LoggerFactory.getLogger(ConformStage.class);

    private final LakeLocation lake;
    private final ConformOptions options;

    public ConformStage(LakeLocation lake, ConformOptions options) {
        this.lake = Objects.requireNonNull(lake, "lake");
        this.options = Objects.requireNonNull(options, "options");
    }

    public ConformSummary run(boolean full) {
        return run(full, false);
    }

    /**
     * Re-decides, with the current linkage model, every association link that is not a key's
     * or an override's, in every partition, and conforms every partition again; returns how
     * many records changed association ({@link RelinkSummary}). Identities a relink leaves
     * without records stay in the registry (ids are never reused). Explicit and reported: a
     * nightly never relinks.
     */
    public RelinkSummary relink() {
        AssociationRegistry before = new AssociationRegistryStore(lake).load();
        Map<String, String> was = new HashMap<>();
        before.memory().forEach((key, m) -> was.put(key, m.decision().associationId()));
        ConformSummary summary = run(true, true);
        AssociationRegistry after = new AssociationRegistryStore(lake).load();
        Set<String> currentLoads = new HashSet<>();
        for (RawPartition p : new RawZone(lake).currentPartitions()) {
            currentLoads.add(p.table() + "|" + p.period() + "|" + p.loadId());
        }
        long changed = 0;
        long relinked = 0;
        Map<String, Long> movedByRule = new TreeMap<>();
        for (Map.Entry<String, AssociationRegistry.Remembered> e : after.memory().entrySet()) {
            String previousId = was.get(e.getKey());
            AssociationRegistry.Remembered m = e.getValue();
            if (previousId == null
                    || !currentLoads.contains(m.record().sourceTable() + "|" + m.record().period() + "|" + m.loadId())) {
                continue;
            }
            relinked++;
            if (!previousId.equals(e.getValue().decision().associationId())) {
                changed++;
                movedByRule.merge(e.getValue().decision().rule(), 1L, Long::sum);
            }
        }
        return new RelinkSummary(summary, relinked, changed, movedByRule);
    }

    private ConformSummary run(boolean full, boolean relink) {
        ReferenceData ref = new ReferenceData(options);
        RawZone raw = new RawZone(lake);
        ConformedZone zone = new ConformedZone(lake);
        zone.clearStaging();
        Map<String, ConformedManifest.Entry> previous = zone.readManifest();
        AssociationRegistryStore store = new AssociationRegistryStore(lake);
        AssociationRegistry registry = store.load();
        Map<String, RowConformer> conformers = Map.of(
                RawTables.REGISTRY.name(), new RegistryConformer(ref),
                RawTables.PROJECTS.name(), new ProjectConformer(ref),
                RawTables.SURVEY.name(), new SurveyConformer(ref),
                RawTables.CONSULAR_ACTIVITY.name(), new ActivityConformer(ref),
                RawTables.REMITTANCES.name(), new RemittanceConformer(ref));
        List<RawPartition> partitions = raw.currentPartitions();
        List<String[]> live = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        for (RawPartition p : partitions) {
            live.add(new String[] {p.table(), p.period(), p.loadId()});
            if (p.table().equals(RawTables.REGISTRY.name())) {
                snapshots.add(p.period());
            }
        }
        try (AssociationLinker linker = new AssociationLinker(registry, ref.overrides, ref.linkageModel,
                ref.hometownWords, options.duckdbThreads(), options.duckdbMemoryLimit(), relink)) {
            linker.currentPartitions(live);
            return conformAll(full, ref, raw, zone, previous, store, registry, conformers, partitions, snapshots, linker);
        }
    }

    private ConformSummary conformAll(boolean full, ReferenceData ref, RawZone raw, ConformedZone zone,
                                      Map<String, ConformedManifest.Entry> previous, AssociationRegistryStore store,
                                      AssociationRegistry registry, Map<String, RowConformer> conformers,
                                      List<RawPartition> partitions, List<String> snapshots, AssociationLinker linker) {

        // start from the previous manifest, so that one written mid-run still lists every partition in place
        Map<String, ConformedManifest.Entry> manifest = new LinkedHashMap<>();
        previous.values().stream().filter(m -> !ConformedManifest.ALL_PERIODS.equals(m.period()))
                .forEach(m -> manifest.put(m.key(), m));
        Set<String> current = new HashSet<>();
        List<String> conformed = new ArrayList<>();
        long unresolved = 0;
        Map<String, Long> linksByRule = new TreeMap<>();
        for (RawPartition p : partitions) {
            RowConformer conformer = conformers.get(p.table());
            String fingerprint = fingerprint(p, ref.fingerprint);
            String sub = p.table() + "-" + p.period();
            current.add(conformer.target().name() + "|" + p.period());
            current.add(ConformedTables.ASSOCIATION_LINK.name() + "|" + sub);
            current.add(ConformedTables.ASSOCIATION_REVIEW.name() + "|" + sub);
            current.add(ConformedTables.UNRESOLVED.name() + "|" + sub);
            List<ConformedManifest.Entry> rows = manifestRows(conformer.target(), p, fingerprint, previous);
            if (!full && rows != null) {
                rows.forEach(m -> manifest.put(m.key(), m));
                continue;
            }
            LOG.info("conforming {} (load {} from {})", p.label(), p.loadId(), p.fileName());
            PartitionOutput out = conform(p, conformer, raw, zone, registry, linker, snapshots);
            // only what this partition added: the whole registry is rewritten once, after the loop
            store.saveDelta(registry);
            zone.publish(conformer.target(), p.period());
            zone.publish(ConformedTables.ASSOCIATION_LINK, sub);
            zone.publish(ConformedTables.ASSOCIATION_REVIEW, sub);
            zone.publish(ConformedTables.UNRESOLVED, sub);
            for (ConformedManifest.Entry m : List.of(
                    new ConformedManifest.Entry(conformer.target().name(), p.period(), p.loadId(), fingerprint, out.dataRows()),
                    new ConformedManifest.Entry(ConformedTables.ASSOCIATION_LINK.name(), sub, p.loadId(), fingerprint, out.linkRows()),
                    new ConformedManifest.Entry(ConformedTables.ASSOCIATION_REVIEW.name(), sub, p.loadId(), fingerprint, out.reviewRows()),
                    new ConformedManifest.Entry(ConformedTables.UNRESOLVED.name(), sub, p.loadId(), fingerprint, out.unresolvedRows()))) {
                manifest.put(m.key(), m);
            }
            conformed.add(p.label());
            unresolved += out.unresolvedRows();
            out.linksByRule().forEach((rule, n) -> linksByRule.merge(rule, n, Long::sum));
            writeManifest(zone, manifest, false);
        }
        manifest.keySet().retainAll(current);
        store.save(registry);
        writeReferenceTables(zone, ref);
        writeManifest(zone, manifest, true);
        zone.clearStaging();
        // what the operator needs to know: how many values are unresolved now, not only this run's
        long unresolvedNow = manifest.values().stream()
                .filter(m -> ConformedTables.UNRESOLVED.name().equals(m.table())).mapToLong(ConformedManifest.Entry::rows).sum();
        LOG.info("conformed {} partitions ({} new unresolved values, {} in all); links by rule {}", conformed.size(),
                unresolved, unresolvedNow, linksByRule);
        return new ConformSummary(conformed, unresolvedNow, linksByRule);
    }

    /**
     * The association-bearing records of every current raw partition, in conform order, as the
     * linker would see them (for estimating the linkage model from a data home's lake). Reads the
     * raw zone only; writes nothing.
     */
    public List<LinkageEstimator.Partition> associationRecords() {
        ReferenceData ref = new ReferenceData(options);
        RawZone raw = new RawZone(lake);
        Map<String, RowConformer> conformers = Map.of(
                RawTables.REGISTRY.name(), new RegistryConformer(ref),
                RawTables.PROJECTS.name(), new ProjectConformer(ref),
                RawTables.SURVEY.name(), new SurveyConformer(ref));
        List<LinkageEstimator.Partition> out = new ArrayList<>();
        for (RawPartition p : raw.currentPartitions()) {
            RowConformer conformer = conformers.get(p.table());
            if (conformer == null) {
                continue;
            }
            TableSchema rawSchema = RawTables.dataTables().stream().filter(t -> t.name().equals(p.table())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no raw table " + p.table()));
            PartitionOutput collected = PartitionOutput.collecting(p, rawSchema);
            read(raw.partFiles(p), rawSchema, conformer, collected);
            out.add(new LinkageEstimator.Partition(p.table(), p.period(), collected.records()));
        }
        return out;
    }

    /**
     * Whether a run would find every current raw partition conformed from its current load with
     * the reference data as it is now (the shipped catalogs and series, the analysts' alias and
     * override files, the base year): false after an analyst edited a correction file, so the
     * nightly can apply it even when the inbox brings nothing new.
     */
    public boolean upToDate() {
        String reference = ReferenceData.fingerprint(options);
        Map<String, ConformedManifest.Entry> previous = new ConformedZone(lake).readManifest();
        for (RawPartition p : new RawZone(lake).currentPartitions()) {
            ConformedManifest.Entry m = previous.get(ConformedTables.ASSOCIATION_LINK.name() + "|" + p.table() + "-"
                    + p.period());
            if (m == null || !m.loadId().equals(p.loadId()) || !m.fingerprint().equals(fingerprint(p, reference))) {
                return false;
            }
        }
        return true;
    }

    /** What a partition's conformed output is built from: its load and all the reference data. */
    private static String fingerprint(RawPartition p, String reference) {
        return new Fingerprints().add("table", p.table()).add("period", p.period())
                .add("load", p.loadId()).add("reference", reference).hex16();
    }

    /** The partition's four manifest rows if they are all current, else null (conform it). */
    private static List<ConformedManifest.Entry> manifestRows(TableSchema target, RawPartition p, String fingerprint,
                                                                 Map<String, ConformedManifest.Entry> previous) {
        String sub = p.table() + "-" + p.period();
        List<ConformedManifest.Entry> rows = new ArrayList<>();
        for (String key : List.of(target.name() + "|" + p.period(), ConformedTables.ASSOCIATION_LINK.name() + "|" + sub,
                ConformedTables.ASSOCIATION_REVIEW.name() + "|" + sub, ConformedTables.UNRESOLVED.name() + "|" + sub)) {
            ConformedManifest.Entry m = previous.get(key);
            if (m == null || !m.loadId().equals(p.loadId()) || !m.fingerprint().equals(fingerprint)) {
                return null;
            }
            rows.add(m);
        }
        return rows;
    }

    /**
     * Conforms one partition in two reads: the first gathers its association-bearing records, the
     * linker decides them all at once (records of one partition may link to each other, and a
     * snapshot's entries are assigned, never merged), the second writes every output.
     */
    private PartitionOutput conform(RawPartition p, RowConformer conformer, RawZone raw, ConformedZone zone,
                                    AssociationRegistry registry, AssociationLinker linker, List<String> snapshots) {
        TableSchema rawSchema = RawTables.dataTables().stream().filter(t -> t.name().equals(p.table())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no raw table " + p.table()));
        String sub = p.table() + "-" + p.period();
        List<Path> files = raw.partFiles(p);
        PartitionOutput first = PartitionOutput.collecting(p, rawSchema);
        read(files, rawSchema, conformer, first);
        List<AssociationRecord> records = first.records();
        List<LinkDecision> decisions = List.of();
        if (!records.isEmpty()) {
            long started = System.nanoTime();
            int at = snapshots.indexOf(p.period());
            boolean snapshot = p.table().equals(RawTables.REGISTRY.name());
            decisions = linker.link(new AssociationLinker.Batch(p.table(), p.period(), p.loadId(),
                    snapshot && at > 0 ? snapshots.get(at - 1) : null,
                    snapshot && at >= 0 && at + 1 < snapshots.size() ? snapshots.get(at + 1) : null), records);
            LOG.info("linked the {} association-bearing records of {} in {} ms", records.size(), p.label(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        PartitionOutput out = PartitionOutput.writing(p, rawSchema, zone.openStaged(conformer.target(), p.period()),
                zone.openStaged(ConformedTables.ASSOCIATION_LINK, sub),
                zone.openStaged(ConformedTables.ASSOCIATION_REVIEW, sub), zone.openStaged(ConformedTables.UNRESOLVED, sub),
                records, decisions, id -> {
                    Association a = registry.association(id);
                    return a == null ? null : a.name();
                });
        try (out) {
            read(files, rawSchema, conformer, out);
        }
        return out;
    }

    private void read(List<Path> files, TableSchema rawSchema, RowConformer conformer, PartitionOutput out) {
        for (Path file : files) {
            try (ParquetTableReader reader = new ParquetTableReader(rawSchema, file, lake.conf())) {
                for (Object[] row = reader.next(); row != null; row = reader.next()) {
                    conformer.conform(row, out);
                }
            }
        }
    }

    private static void writeReferenceTables(ConformedZone zone, ReferenceData ref) {
        zone.writeWhole(ConformedTables.REF_STATE, rows(ConformedTables.REF_STATE_ROWS,
                ref.catalog.states().stream().map(ConformedState::of)));
        zone.writeWhole(ConformedTables.REF_MUNICIPALITY, rows(ConformedTables.REF_MUNICIPALITY_ROWS,
                ref.catalog.municipalities().stream().map(ConformedMunicipality::of)));
        zone.writeWhole(ConformedTables.REF_MIGRATION_INTENSITY, rows(ConformedTables.REF_MIGRATION_INTENSITY_ROWS,
                ref.migrationIntensity.grades().stream().map(ConformedMigrationIntensity::of)));
        zone.writeWhole(ConformedTables.REF_US_STATE, rows(ConformedTables.REF_US_STATE_ROWS,
                ref.catalog.usStates().stream().map(ConformedUsState::of)));
        zone.writeWhole(ConformedTables.REF_YEAR, rows(ConformedTables.REF_YEAR_ROWS,
                ref.money.years().stream().map(ConformedYear::of)));
    }

    private static <R extends Record> List<Object[]> rows(RowType<R> type, Stream<R> records) {
        return records.map(type::toRow).toList();
    }

    /**
     * Writes the manifest: the partitions' rows, and with {@code withWholeTables} one row per whole
     * table (period {@code all}, load id and fingerprint the hash of its file) so the warehouse
     * also sees when the association registry or reference data changed.
     */
    private static void writeManifest(ConformedZone zone, Map<String, ConformedManifest.Entry> partitions,
                                      boolean withWholeTables) {
        List<ConformedManifest.Entry> rows = new ArrayList<>(partitions.values());
        rows.sort((a, b) -> a.key().compareTo(b.key()));
        if (withWholeTables) {
            for (TableSchema t : List.of(ConformedTables.ASSOCIATION, ConformedTables.REF_STATE,
                    ConformedTables.REF_MUNICIPALITY, ConformedTables.REF_MIGRATION_INTENSITY, ConformedTables.REF_US_STATE,
                    ConformedTables.REF_YEAR)) {
                String hash = zone.contentHash(t);
                rows.add(new ConformedManifest.Entry(t.name(), ConformedManifest.ALL_PERIODS, hash, hash,
                        zone.rowCount(t)));
            }
        }
        zone.writeManifest(rows);
    }

}
