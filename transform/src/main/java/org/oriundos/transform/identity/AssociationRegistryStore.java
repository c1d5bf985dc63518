package org.oriundos.transform.identity;

import static org.oriundos.ingest.lake.Column.optional;
import static org.oriundos.ingest.lake.Column.required;
import static org.oriundos.ingest.lake.ColumnType.DOUBLE;
import static org.oriundos.ingest.lake.ColumnType.STRING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * Keeps the association registry in the lake: the identities in
 * {@code conformed/association/part-00000.parquet} ({@link ConformedTables#ASSOCIATION}, what the
 * warehouse reads) and the keys that lead to them in
 * {@code conformed/association_key/part-00000.parquet} ({@link #KEYS}, transform's own memory).
 * Each file is replaced whole by a rename, never half-written.
 *
 * <p>Rewriting both files costs the size of the registry, so within a run {@link #saveDelta}
 * writes only what was added since the last save, as a small part
 * {@code conformed/association_key/delta-<n>.parquet} ({@link #DELTA}, also written beside its
 * place and renamed), and {@link #save} at the end of the run rewrites both files whole and
 * removes the deltas. {@link #load} reads the files and then any deltas a run cut short left
 * behind, so a conformed partition written after a delta always finds its ids again. Replaying a
 * delta already folded into the files changes nothing (keys are only ever added, and an
 * identity's IME id and registry key are only ever set once), so a run cut short between the
 * compaction and the removal of the deltas is harmless too.
 */
public final class AssociationRegistryStore {
    public static final String FILE = "part-00000.parquet";

    /** The registry's keys: transform's memory, not part of the warehouse contract. */
    public static final TableSchema KEYS = TableSchema.of("association_key", List.of(
            required("association_id", STRING),
            required("key_type", STRING),       // IME_ID, HISTORIC_ID, REGISTRY_KEY, NAME, LINK, APART
            required("key_value", STRING),
            optional("origin_state_code", STRING),
            optional("federation", STRING),
            optional("rule", STRING),
            optional("score", DOUBLE)));

    /**
     * A delta part: the key rows of {@link #KEYS}, plus the identities created or changed since
     * the last save as rows of key type {@code ASSOCIATION} with their own columns.
     */
    public static final TableSchema DELTA = TableSchema.of("association_key_delta", List.of(
            required("association_id", STRING),
            required("key_type", STRING),       // ASSOCIATION, or a key type of KEYS
            optional("key_value", STRING),
            optional("origin_state_code", STRING),
            optional("federation", STRING),
            optional("rule", STRING),
            optional("score", DOUBLE),
            optional("name", STRING),
            optional("normalized_name", STRING),
            optional("ime_id", STRING),
            optional("registry_key", STRING)));

    private static final Pattern DELTA_FILE = Pattern.compile("delta-(\\d+)\\.parquet");

    private final LakeLocation lake;
    private final SavedKeys saved = new SavedKeys();
    private int nextDelta;

    public AssociationRegistryStore(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    public Path associationFile() {
        return lake.path("conformed", ConformedTables.ASSOCIATION.name(), FILE);
    }

    public Path keysFile() {
        return lake.path("conformed", KEYS.name(), FILE);
    }

    /** The registry as last saved (the files, then any deltas left by a run cut short); empty on a new lake. */
    public AssociationRegistry load() {
        AssociationRegistry registry = new AssociationRegistry();
        FileSystem fs = lake.fileSystem();
        List<Path> deltas;
        try {
            if (fs.exists(associationFile())) {
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
                for (Object[] row : ParquetTableReader.readAll(KEYS, keys, lake.conf())) {
                    restoreKey(registry, keys, row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
                }
            }
            deltas = deltaFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the association registry: " + e.getMessage(), e);
        }
        nextDelta = 0;
        for (Path delta : deltas) {
            applyDelta(registry, delta);
            nextDelta = Math.max(nextDelta, deltaNumber(delta) + 1);
        }
        saved.markAll(registry);
        return registry;
    }

    /**
     * Saves what was added to the registry since it was loaded or last saved, as one new delta
     * part written beside its place and renamed into it; nothing when nothing was added. Costs
     * what was added, not the size of the registry: call it after every partition.
     */
    public void saveDelta(AssociationRegistry registry) {
        List<Object[]> rows = saved.takeAdded(registry);
        if (rows.isEmpty()) {
            return;
        }
        Path target = lake.path("conformed", KEYS.name(), String.format("delta-%06d.parquet", nextDelta));
        write(target, DELTA, rows);
        nextDelta++;
    }

    /** The delta parts in the order they were written. */
    private List<Path> deltaFiles() throws IOException {
        FileSystem fs = lake.fileSystem();
        Path dir = keysFile().getParent();
        TreeMap<Integer, Path> deltas = new TreeMap<>();
        if (fs.exists(dir)) {
            for (FileStatus f : fs.listStatus(dir)) {
                Matcher m = DELTA_FILE.matcher(f.getPath().getName());
                if (f.isFile() && m.matches()) {
                    deltas.put(Integer.parseInt(m.group(1)), f.getPath());
                }
            }
        }
        return new ArrayList<>(deltas.values());
    }

    private static int deltaNumber(Path delta) {
        Matcher m = DELTA_FILE.matcher(delta.getName());
        if (!m.matches()) {
            throw new IllegalStateException(delta + " is not a delta part of the association registry");
        }
        return Integer.parseInt(m.group(1));
    }

    private void applyDelta(AssociationRegistry registry, Path delta) {
        TableSchema d = DELTA;
        for (Object[] row : ParquetTableReader.readAll(d, delta, lake.conf())) {
            String id = (String) row[0];
            if (!"ASSOCIATION".equals(row[1])) {
                restoreKey(registry, delta, row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
                continue;
            }
            Association read = new Association(id, (String) row[d.indexOf("name")],
                    (String) row[d.indexOf("normalized_name")], (String) row[d.indexOf("origin_state_code")],
                    (String) row[d.indexOf("ime_id")], (String) row[d.indexOf("registry_key")]);
            Association known = registry.association(id);
            if (known == null) {
                registry.restore(read);
            } else {
                // an identity's IME id and registry key are set once: a delta already folded into the files
                // (a run cut short after compacting) must not take them back
                registry.restore(new Association(id, known.name(), known.normalizedName(), known.originStateCode(),
                        known.imeId() != null ? known.imeId() : read.imeId(),
                        known.registryKey() != null ? known.registryKey() : read.registryKey()));
            }
        }
    }

    private static void restoreKey(AssociationRegistry registry, Path file, Object idValue, Object typeValue,
                                   Object keyValue, Object state, Object federation, Object rule, Object score) {
        String id = (String) idValue;
        String type = (String) typeValue;
        String value = (String) keyValue;
        switch (type) {
            case "IME_ID" -> registry.restoreOrganization(id, value, true);
            case "HISTORIC_ID" -> registry.restoreOrganization(id, value, false);
            case "REGISTRY_KEY" -> registry.restoreRegistryKey(id, value);
            case "NAME" -> registry.attachName(id, value, (String) state, (String) federation);
            case "LINK" -> registry.remember(value, id, (String) rule, (Double) score);
            case "APART" -> registry.restoreApart(value, id);
            default -> throw new IllegalStateException(file + ": unknown key type " + type + " for " + id);
        }
    }

    /**
     * Saves the whole registry: both files written beside their place, then renamed over it, and
     * then the delta parts removed. Costs the size of the registry: call it once, at the end of a run.
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
            keys.add(new Object[] {e.getValue(), ime ? "IME_ID" : "HISTORIC_ID", e.getKey(), null, null, null, null});
        }
        registry.registryKeyMap().forEach((key, id) -> keys.add(new Object[] {id, "REGISTRY_KEY", key, null, null, null, null}));
        registry.names().forEach((state, entries) -> entries.forEach(n -> keys.add(new Object[] {n.associationId(), "NAME",
                n.normalizedName(), state.isEmpty() ? null : state, n.federation(), null, null})));
        registry.rememberedLinks().forEach((key, link) -> keys.add(new Object[] {link.associationId(), "LINK", key,
                null, null, link.rule(), link.score()}));
        registry.apartIdentities().forEach((key, id) -> keys.add(new Object[] {id, "APART", key, null, null, null, null}));
        keys.sort(AssociationRegistryStore::compareKeyRows);
        write(associationFile(), a, associations);
        write(keysFile(), KEYS, keys);
        FileSystem fs = lake.fileSystem();
        try {
            for (Path delta : deltaFiles()) {
                if (!fs.delete(delta, false)) {
                    throw new IOException("cannot delete " + delta);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the association registry's delta parts, now in "
                    + keysFile() + ": " + e.getMessage(), e);
        }
        nextDelta = 0;
        saved.markAll(registry);
    }

    /**
     * The key file's order: key type, key value, association id, then block and federation (no
     * value first). One method rather than a chain of comparators: there is a key row per record.
     */
    private static int compareKeyRows(Object[] x, Object[] y) {
        int c = ((String) x[1]).compareTo((String) y[1]);
        if (c == 0) {
            c = ((String) x[2]).compareTo((String) y[2]);
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

    /** Writes a file beside its place and renames it over it. */
    private void write(Path target, TableSchema schema, List<Object[]> rows) {
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        FileSystem fs = lake.fileSystem();
        try {
            fs.mkdirs(target.getParent());
            try (ParquetTableWriter w = new ParquetTableWriter(schema, tmp, lake.conf())) {
                w.writeAll(rows);
            }
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot delete the old " + target);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the association registry to " + target + ": " + e.getMessage(), e);
        }
    }
}
