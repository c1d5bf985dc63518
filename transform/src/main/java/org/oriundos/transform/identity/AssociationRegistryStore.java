package org.oriundos.transform.identity;

import static org.oriundos.ingest.lake.Column.optional;
import static org.oriundos.ingest.lake.Column.required;
import static org.oriundos.ingest.lake.ColumnType.DOUBLE;
import static org.oriundos.ingest.lake.ColumnType.INT32;
import static org.oriundos.ingest.lake.ColumnType.STRING;

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
import org.oriundos.ingest.lake.TableSchema;
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
    public static final TableSchema KEYS = TableSchema.of("association_key", List.of(
            required("association_id", STRING),
            required("key_type", STRING),
            optional("key_value", STRING),
            optional("origin_state_code", STRING),
            optional("federation", STRING),
            optional("rule", STRING),
            optional("score", DOUBLE),
            optional("name", STRING),
            optional("normalized_name", STRING),
            optional("ime_id", STRING),
            optional("registry_key", STRING),
            optional("source_table", STRING),
            optional("period", STRING),
            optional("record_id", STRING),
            optional("load_id", STRING),
            optional("municipality_key", STRING),
            optional("us_state_code", STRING),
            optional("city", STRING),
            optional("consulate_id", STRING),
            optional("historic_id", STRING),
            optional("match_weight", DOUBLE),
            optional("match_probability", DOUBLE),
            optional("candidates", INT32),
            optional("runner_up_id", STRING),
            optional("runner_up_weight", DOUBLE),
            optional("review", STRING)));

    /** A delta of the journal: the generation it adds to, then its number. */
    private static final Pattern DELTA_FILE = Pattern.compile("delta-(\\d+)-(\\d+)\\.parquet");
    /** A delta of a release before generations, in {@code conformed/association_key/}. */
    private static final Pattern LEGACY_DELTA_FILE = Pattern.compile("delta-(\\d+)\\.parquet");
    private static final TableSchema K = KEYS;

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
                TableSchema a = ConformedTables.ASSOCIATION;
                for (Object[] row : ParquetTableReader.readAll(a, associationFile(), lake.conf())) {
                    registry.restore(new Association((String) row[a.indexOf("association_id")], (String) row[a.indexOf("name")],
                            (String) row[a.indexOf("normalized_name")], (String) row[a.indexOf("origin_state_code")],
                            (String) row[a.indexOf("ime_id")], (String) row[a.indexOf("registry_key")]));
                }
                if (!fs.exists(keysFile())) {
                    throw new IllegalStateException("the association registry " + associationFile()
                            + " has no key file " + keysFile() + "; restore it from a backup of the lake");
                }
                Path keys = keysFile(); // once: a Hadoop Path is costly to build, and there is a key row per record
                try (ParquetTableReader r = new ParquetTableReader(KEYS, keys, lake.conf())) {
                    for (Object[] row = r.next(); row != null; row = r.next()) {
                        restoreRow(registry, keys, row);
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
                    restoreRow(registry, delta, row);
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
            rows.add(row(added));
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

    private static String s(Object[] row, String column) {
        return (String) row[K.indexOf(column)];
    }

    private static Double d(Object[] row, String column) {
        return (Double) row[K.indexOf(column)];
    }

    private static void restoreRow(AssociationRegistry registry, Path file, Object[] row) {
        String id = s(row, "association_id");
        String type = s(row, "key_type");
        String value = s(row, "key_value");
        switch (type) {
            case "ASSOCIATION" -> {
                Association read = new Association(id, s(row, "name"), s(row, "normalized_name"),
                        s(row, "origin_state_code"), s(row, "ime_id"), s(row, "registry_key"));
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
                    AssociationRegistry.blockOf(s(row, "origin_state_code")), value, s(row, "federation")));
            case "LINK" -> {
                Double score = d(row, "score");
                if (s(row, "source_table") == null) {
                    registry.restoreLegacyLink(value, LinkDecision.certain(id, s(row, "rule"), score == null ? 0 : score));
                    return;
                }
                AssociationRecord record = new AssociationRecord(s(row, "source_table"), s(row, "period"),
                        s(row, "record_id"), s(row, "name"), s(row, "origin_state_code"), s(row, "municipality_key"),
                        s(row, "us_state_code"), s(row, "city"), s(row, "consulate_id"), s(row, "federation"),
                        s(row, "ime_id"), s(row, "historic_id"), s(row, "registry_key"));
                Integer candidates = (Integer) row[K.indexOf("candidates")];
                LinkDecision decision = new LinkDecision(id, s(row, "rule"), score == null ? 0 : score,
                        d(row, "match_weight"), d(row, "match_probability"), candidates == null ? 0 : candidates,
                        s(row, "runner_up_id"), d(row, "runner_up_weight"), ScoredCandidate.decodeAll(s(row, "review")),
                        null);
                registry.restoreMemory(value, new AssociationRegistry.Remembered(record, s(row, "load_id"), decision));
            }
            default -> throw new IllegalStateException(file + ": unknown key type " + type + " for " + id);
        }
    }

    /** The key row of something the registry added. */
    private static Object[] row(Object added) {
        Object[] r = K.newRow();
        if (added instanceof Association a) {
            r[K.indexOf("association_id")] = a.id();
            r[K.indexOf("key_type")] = "ASSOCIATION";
            r[K.indexOf("name")] = a.name();
            r[K.indexOf("normalized_name")] = a.normalizedName();
            r[K.indexOf("origin_state_code")] = a.originStateCode();
            r[K.indexOf("ime_id")] = a.imeId();
            r[K.indexOf("registry_key")] = a.registryKey();
        } else if (added instanceof AssociationRegistry.Key k) {
            keyRow(r, k.associationId(), k.type(), k.value());
        } else if (added instanceof AssociationRegistry.Memory m) {
            memoryRow(r, m.key(), m.remembered());
        } else {
            throw new IllegalArgumentException("the registry journal holds a " + added.getClass());
        }
        return r;
    }

    private static Object[] keyRow(Object[] r, String id, String type, String value) {
        r[K.indexOf("association_id")] = id;
        r[K.indexOf("key_type")] = type;
        r[K.indexOf("key_value")] = value;
        return r;
    }

    private static Object[] memoryRow(Object[] r, String key, AssociationRegistry.Remembered m) {
        LinkDecision d = m.decision();
        AssociationRecord rec = m.record();
        keyRow(r, d.associationId(), "LINK", key);
        r[K.indexOf("rule")] = d.rule();
        r[K.indexOf("score")] = d.score();
        r[K.indexOf("origin_state_code")] = rec.originStateCode();
        r[K.indexOf("federation")] = rec.federation();
        r[K.indexOf("name")] = rec.name();
        r[K.indexOf("ime_id")] = rec.imeId();
        r[K.indexOf("registry_key")] = rec.registryKey();
        r[K.indexOf("source_table")] = rec.sourceTable();
        r[K.indexOf("period")] = rec.period();
        r[K.indexOf("record_id")] = rec.recordId();
        r[K.indexOf("load_id")] = m.loadId();
        r[K.indexOf("municipality_key")] = rec.municipalityKey();
        r[K.indexOf("us_state_code")] = rec.usStateCode();
        r[K.indexOf("city")] = rec.city();
        r[K.indexOf("consulate_id")] = rec.consulateId();
        r[K.indexOf("historic_id")] = rec.historicId();
        r[K.indexOf("match_weight")] = d.matchWeight();
        r[K.indexOf("match_probability")] = d.matchProbability();
        r[K.indexOf("candidates")] = d.candidates();
        r[K.indexOf("runner_up_id")] = d.runnerUpId();
        r[K.indexOf("runner_up_weight")] = d.runnerUpWeight();
        r[K.indexOf("review")] = ScoredCandidate.encodeAll(d.review());
        return r;
    }

    /**
     * Saves the whole registry as the next generation of its slot, both files in it, switched to
     * in one step; then removes the journal (now in the generation) and the files of a release
     * before generations. Costs the size of the registry: call it once, at the end of a run.
     */
    public void save(AssociationRegistry registry) {
        TableSchema a = ConformedTables.ASSOCIATION;
        List<Object[]> associations = new ArrayList<>();
        for (Association x : registry.associations()) {
            Object[] row = a.newRow();
            row[a.indexOf("association_id")] = x.id();
            row[a.indexOf("name")] = x.name();
            row[a.indexOf("normalized_name")] = x.normalizedName();
            row[a.indexOf("origin_state_code")] = x.originStateCode();
            row[a.indexOf("ime_id")] = x.imeId();
            row[a.indexOf("registry_key")] = x.registryKey();
            associations.add(row);
        }
        List<Object[]> keys = new ArrayList<>();
        for (Map.Entry<String, String> e : registry.organizations().entrySet()) {
            boolean ime = registry.imeIdsOf(e.getValue()).contains(e.getKey());
            keys.add(keyRow(K.newRow(), e.getValue(), ime ? "IME_ID" : "HISTORIC_ID", e.getKey()));
        }
        registry.registryKeyMap().forEach((key, id) -> keys.add(keyRow(K.newRow(), id, "REGISTRY_KEY", key)));
        registry.apartIdentities().forEach((key, id) -> keys.add(keyRow(K.newRow(), id, "APART", key)));
        registry.signatureIdentities().forEach((key, id) -> keys.add(keyRow(K.newRow(), id, "SIGNATURE", key)));
        for (AssociationRegistry.LegacyName n : registry.legacyNames()) {
            Object[] r = keyRow(K.newRow(), n.associationId(), "NAME", n.normalizedName());
            r[K.indexOf("origin_state_code")] = n.block().isEmpty() ? null : n.block();
            r[K.indexOf("federation")] = n.federation();
            keys.add(r);
        }
        registry.legacyLinks().forEach((key, d) -> {
            Object[] r = keyRow(K.newRow(), d.associationId(), "LINK", key);
            r[K.indexOf("rule")] = d.rule();
            r[K.indexOf("score")] = d.score();
            keys.add(r);
        });
        registry.memory().forEach((key, m) -> keys.add(memoryRow(K.newRow(), key, m)));
        keys.sort(AssociationRegistryStore::compareKeyRows);
        generations.replace(layout.registry(), dir -> {
            write(new Path(dir, FILE), a, associations);
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
    private static int compareKeyRows(Object[] x, Object[] y) {
        int c = ((String) x[1]).compareTo((String) y[1]);
        if (c == 0) {
            c = orEmpty(x[2]).compareTo(orEmpty(y[2]));
        }
        if (c == 0) {
            c = ((String) x[0]).compareTo((String) y[0]);
        }
        if (c == 0) {
            c = orEmpty(x[3]).compareTo(orEmpty(y[3]));
        }
        return c != 0 ? c : orEmpty(x[4]).compareTo(orEmpty(y[4]));
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : (String) value;
    }

    /** Writes one file of a new generation or journal part (not yet visible to a reader). */
    private void write(Path file, TableSchema schema, List<Object[]> rows) {
        try (ParquetTableWriter w = new ParquetTableWriter(schema, file, lake.conf(), Set.of("key_value"))) {
            w.writeAll(rows);
        }
    }
}
