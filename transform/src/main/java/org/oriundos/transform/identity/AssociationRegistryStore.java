package org.oriundos.transform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.RowType;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedAssociation;
import org.oriundos.transform.ConformedTables;

/**
 * Keeps the association registry in the lake, in one slot of the lake's owner
 * ({@link LakeLayout#registry()}), as one generation ({@link Generations}) holding both files:
 * the identities in {@code conformed/association/gen-<n>/part-00000.parquet}
 * ({@link ConformedTables#ASSOCIATION}, what the warehouse reads) and the keys and remembered
 * links that lead to them in {@code conformed/association/gen-<n>/association_key/part-00000.parquet}
 * ({@link #KEYS}, transform's own memory). A save switches to the new pair in one step: a reader
 * or a crash finds the old pair or the new one, never one file without the other, never neither.
 *
 * <p>Rewriting both files costs the size of the registry, so within a run {@link #saveDelta}
 * writes only what was added since the last save (the registry's journal), as a small part
 * {@code conformed/association/journal/delta-<g>-<n>.parquet} created once, where {@code g} is the
 * generation it adds to; {@link #save} at the end of the run writes the next generation whole and
 * then removes the journal. {@link #load} reads the current generation and then the deltas a run
 * cut short wrote on top of it, so a conformed partition written after a delta always finds its
 * ids again; deltas of an older generation are already in the current one and are ignored. (And
 * replaying a delta twice changes nothing: keys are only ever added, a remembered link is replaced
 * by the same one, an identity's IME id and registry key are only ever set once.)
 *
 * <p>A lake written before generations ({@code conformed/association/part-00000.parquet} with
 * {@code conformed/association_key/part-00000.parquet} and its {@code delta-<n>.parquet}) loads as
 * generation 0; the first save moves it into a generation and removes the old files.
 *
 * <p>Key files of releases before the Fellegi–Sunter model (LINK rows without evidence, NAME rows)
 * are read as they are and written back: their links are replayed until a relink.
 */
public final class AssociationRegistryStore {
    public static final String FILE = "part-00000.parquet";

    /**
     * The registry's keys, transform's memory (not part of the warehouse contract); delta parts
     * have the same columns. {@code key_type} is {@code IME_ID}, {@code HISTORIC_ID},
     * {@code REGISTRY_KEY}, {@code APART}, {@code SIGNATURE} (an ambiguous evidence signature),
     * {@code LINK} (a record's remembered link: its evidence, delivery and decision), in a delta
     * also {@code ASSOCIATION} (an identity created or changed); {@code NAME} in files of earlier
     * releases.
     */
    public static final RowType<AssociationKeyRow> KEY_ROWS = RowType.of("association_key", AssociationKeyRow.class);
    public static final TableSchema KEYS = KEY_ROWS.schema();

    /** A delta of the journal: the generation it adds to, then its number. */
    private static final Pattern DELTA_FILE = Pattern.compile("delta-(\\d+)-(\\d+)\\.parquet");
    /** A delta of a release before generations, in {@code conformed/association_key/}. */
    private static final Pattern LEGACY_DELTA_FILE = Pattern.compile("delta-(\\d+)\\.parquet");

    private final LakeLocation lake;
    private final LakeLayout layout;
    private final Generations generations;
    private long base;
    private int nextDelta;

    public AssociationRegistryStore(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
        this.layout = new LakeLayout(lake);
        this.generations = new Generations(lake);
    }

    /** The identities' file of the current generation. */
    public Path associationFile() {
        return new Path(currentDir(), FILE);
    }

    /** The keys' file of the current generation. */
    public Path keysFile() {
        Path dir = currentDir();
        return dir.equals(layout.registry()) ? new Path(layout.legacyRegistryKeys(), FILE)
                : new Path(new Path(dir, KEYS.name()), FILE);
    }

    private Path currentDir() {
        return generations.current(layout.registry()).orElse(layout.registry());
    }

    /** The registry as last saved (the files, then any deltas left by a run cut short); empty on a new lake. */
    public AssociationRegistry load() {
        AssociationRegistry registry = new AssociationRegistry();
        registry.journaling(false);
        FileSystem fs = lake.fileSystem();
        base = generations.generation(layout.registry());
        List<Path> deltas;
        try {
            if (generations.exists(layout.registry())) {
                RowType<ConformedAssociation> a = ConformedTables.ASSOCIATION_ROWS;
                for (Object[] row : ParquetTableReader.readAll(a.schema(), associationFile(), lake.conf())) {
                    ConformedAssociation x = a.fromRow(row);
                    registry.restore(new Association(x.associationId(), x.name(), x.normalizedName(),
                            x.originStateCode(), x.imeId(), x.registryKey()));
                }
                if (!fs.exists(keysFile())) {
                    throw new IllegalStateException("the association registry " + associationFile()
                            + " has no key file " + keysFile() + "; restore it from a backup of the lake");
                }
                Path keys = keysFile(); // once: a Hadoop Path is costly to build, and there is a key row per record
                try (ParquetTableReader r = new ParquetTableReader(KEYS, keys, lake.conf())) {
                    for (Object[] row = r.next(); row != null; row = r.next()) {
                        restoreRow(registry, keys, KEY_ROWS.fromRow(row));
                    }
                }
            }
            deltas = base == 0 ? new ArrayList<>(legacyDeltaFiles()) : new ArrayList<>();
            deltas.addAll(deltaFiles().values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the association registry: " + e.getMessage(), e);
        }
        nextDelta = 0;
        for (Path delta : deltas) {
            try (ParquetTableReader r = new ParquetTableReader(KEYS, delta, lake.conf())) {
                for (Object[] row = r.next(); row != null; row = r.next()) {
                    restoreRow(registry, delta, KEY_ROWS.fromRow(row));
                }
            }
        }
        nextDelta = deltaFiles().isEmpty() ? 0 : deltaFiles().lastKey() + 1;
        registry.journaling(true);
        return registry;
    }

    /**
     * Saves what was added to the registry since it was loaded or last saved, as one new delta
     * part of the journal, created once; nothing when nothing was added. Costs what was added, not
     * the size of the registry: call it after every partition.
     */
    public void saveDelta(AssociationRegistry registry) {
        List<Object[]> rows = new ArrayList<>();
        for (Object added : registry.takeJournal()) {
            rows.add(KEY_ROWS.toRow(row(added)));
        }
        if (rows.isEmpty()) {
            return;
        }
        Path target = new Path(layout.registryJournal(), String.format("delta-%06d-%06d.parquet", base, nextDelta));
        generations.createOnce(target, file -> write(file, KEYS, rows));
        nextDelta++;
    }

    /** The journal's deltas on top of the current generation, by number. */
    private TreeMap<Integer, Path> deltaFiles() {
        TreeMap<Integer, Path> deltas = new TreeMap<>();
        for (Path f : generations.dataFiles(layout.registryJournal())) {
            Matcher m = DELTA_FILE.matcher(f.getName());
            if (m.matches() && Long.parseLong(m.group(1)) == base) {
                deltas.put(Integer.parseInt(m.group(2)), f);
            }
        }
        return deltas;
    }

    /** The deltas a release before generations left, in the order they were written. */
    private List<Path> legacyDeltaFiles() {
        TreeMap<Integer, Path> deltas = new TreeMap<>();
        for (Path f : generations.dataFiles(layout.legacyRegistryKeys())) {
            Matcher m = LEGACY_DELTA_FILE.matcher(f.getName());
            if (m.matches()) {
                deltas.put(Integer.parseInt(m.group(1)), f);
            }
        }
        return new ArrayList<>(deltas.values());
    }

    private static void restoreRow(AssociationRegistry registry, Path file, AssociationKeyRow row) {
        String id = row.associationId();
        String value = row.keyValue();
        switch (row.keyType()) {
            case "ASSOCIATION" -> {
                Association read = new Association(id, row.name(), row.normalizedName(), row.originStateCode(),
                        row.imeId(), row.registryKey());
                Association known = registry.association(id);
                // an identity's IME id and registry key are set once: a delta already folded into the files
                // (a run cut short after compacting) must not take them back
                registry.restore(known == null ? read : new Association(id, known.name(), known.normalizedName(),
                        known.originStateCode(), known.imeId() != null ? known.imeId() : read.imeId(),
                        known.registryKey() != null ? known.registryKey() : read.registryKey()));
            }
            case "IME_ID" -> registry.restoreOrganization(id, value, true);
            case "HISTORIC_ID" -> registry.restoreOrganization(id, value, false);
            case "REGISTRY_KEY" -> registry.restoreRegistryKey(id, value);
            case "APART" -> registry.restoreApart(value, id);
            case "SIGNATURE" -> registry.restoreSignature(value, id);
            case "NAME" -> registry.restoreLegacyName(new AssociationRegistry.LegacyName(id,
                    AssociationRegistry.blockOf(row.originStateCode()), value, row.federation()));
            case "LINK" -> {
                Double score = row.score();
                if (row.sourceTable() == null) {
                    registry.restoreLegacyLink(value, LinkDecision.certain(id, row.rule(), score == null ? 0 : score));
                    return;
                }
                AssociationRecord record = new AssociationRecord(row.sourceTable(), row.period(), row.recordId(),
                        row.name(), row.originStateCode(), row.municipalityKey(), row.usStateCode(), row.city(),
                        row.consulateId(), row.federation(), row.imeId(), row.historicId(), row.registryKey());
                Integer candidates = row.candidates();
                LinkDecision decision = new LinkDecision(id, row.rule(), score == null ? 0 : score,
                        row.matchWeight(), row.matchProbability(), candidates == null ? 0 : candidates,
                        row.runnerUpId(), row.runnerUpWeight(), ScoredCandidate.decodeAll(row.review()), null);
                registry.restoreMemory(value, new AssociationRegistry.Remembered(record, row.loadId(), decision));
            }
            default -> throw new IllegalStateException(file + ": unknown key type " + row.keyType() + " for " + id);
        }
    }

    /** The key row of something the registry added. */
    private static AssociationKeyRow row(Object added) {
        if (added instanceof Association a) {
            return AssociationKeyRow.association(a);
        } else if (added instanceof AssociationRegistry.Key k) {
            return AssociationKeyRow.key(k.associationId(), k.type(), k.value());
        } else if (added instanceof AssociationRegistry.Memory m) {
            return AssociationKeyRow.link(m.key(), m.remembered());
        }
        throw new IllegalArgumentException("the registry journal holds a " + added.getClass());
    }

    /**
     * Saves the whole registry as the next generation of its slot, both files in it, switched to
     * in one step; then removes the journal (now in the generation) and the files of a release
     * before generations. Costs the size of the registry: call it once, at the end of a run.
     */
    public void save(AssociationRegistry registry) {
        RowType<ConformedAssociation> a = ConformedTables.ASSOCIATION_ROWS;
        List<Object[]> associations = new ArrayList<>();
        for (Association x : registry.associations()) {
            associations.add(a.toRow(new ConformedAssociation(x.id(), x.name(), x.normalizedName(), x.originStateCode(),
                    x.imeId(), x.registryKey())));
        }
        List<AssociationKeyRow> keyRows = new ArrayList<>();
        for (Map.Entry<String, String> e : registry.organizations().entrySet()) {
            boolean ime = registry.imeIdsOf(e.getValue()).contains(e.getKey());
            keyRows.add(AssociationKeyRow.key(e.getValue(), ime ? "IME_ID" : "HISTORIC_ID", e.getKey()));
        }
        registry.registryKeyMap().forEach((key, id) -> keyRows.add(AssociationKeyRow.key(id, "REGISTRY_KEY", key)));
        registry.apartIdentities().forEach((key, id) -> keyRows.add(AssociationKeyRow.key(id, "APART", key)));
        registry.signatureIdentities().forEach((key, id) -> keyRows.add(AssociationKeyRow.key(id, "SIGNATURE", key)));
        for (AssociationRegistry.LegacyName n : registry.legacyNames()) {
            keyRows.add(AssociationKeyRow.legacyName(n));
        }
        registry.legacyLinks().forEach((key, d) -> keyRows.add(AssociationKeyRow.legacyLink(key, d)));
        registry.memory().forEach((key, m) -> keyRows.add(AssociationKeyRow.link(key, m)));
        keyRows.sort(AssociationRegistryStore::compareKeyRows);
        List<Object[]> keys = new ArrayList<>(keyRows.size());
        for (AssociationKeyRow r : keyRows) {
            keys.add(KEY_ROWS.toRow(r));
        }
        generations.replace(layout.registry(), dir -> {
            write(new Path(dir, FILE), a.schema(), associations);
            write(new Path(new Path(dir, KEYS.name()), FILE), KEYS, keys);
        });
        // the deltas are in the new generation now: a crash before they go leaves them ignored
        generations.remove(layout.registryJournal());
        generations.remove(layout.legacyRegistryKeys());
        base = generations.generation(layout.registry());
        nextDelta = 0;
        registry.takeJournal();
    }

    /**
     * The key file's order: key type, key value, association id, then block and federation (no
     * value first). One method rather than a chain of comparators: there is a key row per record.
     */
    private static int compareKeyRows(AssociationKeyRow x, AssociationKeyRow y) {
        int c = x.keyType().compareTo(y.keyType());
        if (c == 0) {
            c = orEmpty(x.keyValue()).compareTo(orEmpty(y.keyValue()));
        }
        if (c == 0) {
            c = x.associationId().compareTo(y.associationId());
        }
        if (c == 0) {
            c = orEmpty(x.originStateCode()).compareTo(orEmpty(y.originStateCode()));
        }
        return c != 0 ? c : orEmpty(x.federation()).compareTo(orEmpty(y.federation()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Writes one file of a new generation or journal part (not yet visible to a reader). */
    private void write(Path file, TableSchema schema, List<Object[]> rows) {
        try (ParquetTableWriter w = new ParquetTableWriter(schema, file, lake.conf(), Set.of("key_value"))) {
            w.writeAll(rows);
        }
    }
}
