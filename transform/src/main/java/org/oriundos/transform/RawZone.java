package org.oriundos.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * What ingest has landed: the current delivery of every raw partition according to ingest's
 * {@link Ledger} (the latest LOADED entry by {@code loaded_at} of each (table, period)), and the
 * part files of a partition in name order.
 */
final class RawZone {
    /** Raw tables in the order they are conformed: the registry first, so its ids exist when projects link. */
    static final List<String> TABLE_ORDER = List.of(RawTables.REGISTRY.name(), RawTables.PROJECTS.name(),
            RawTables.SURVEY.name(), RawTables.CONSULAR_ACTIVITY.name(), RawTables.REMITTANCES.name());

    private final LakeLocation lake;

    RawZone(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** The current delivery of every partition of the data tables, in conform order. */
    List<RawPartition> currentPartitions() {
        Map<String, LedgerEntry> latest = new HashMap<>();
        // entries come oldest first (by loaded_at, then load id): the last LOADED one of a partition wins
        for (LedgerEntry e : new Ledger(lake).entries()) {
            if (e.status() == LedgerEntry.Status.LOADED && TABLE_ORDER.contains(e.sourceTable())) {
                latest.put(e.sourceTable() + "|" + e.period(), e);
            }
        }
        List<RawPartition> partitions = new ArrayList<>();
        for (LedgerEntry e : latest.values()) {
            partitions.add(new RawPartition(e.sourceTable(), e.period(), e.loadId(), e.fileName()));
        }
        partitions.sort(Comparator.comparingInt((RawPartition p) -> TABLE_ORDER.indexOf(p.table()))
                .thenComparing(RawPartition::period));
        return partitions;
    }

    /** The part files of a raw partition, in name order; fails if the ledger's partition is missing. */
    List<Path> partFiles(RawPartition p) {
        Path slot = new LakeLayout(lake).partition(LakeLayout.Zone.RAW, p.table(), p.period());
        Generations generations = new Generations(lake);
        if (!generations.exists(slot)) {
            throw new IllegalStateException("the ledger says " + p.fileName() + " (load " + p.loadId()
                    + ") is loaded into " + p.label() + ", but " + slot + " holds nothing");
        }
        return generations.files(slot);
    }
}
