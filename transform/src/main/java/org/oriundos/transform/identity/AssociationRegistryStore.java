package org.oriundos.transform.identity;

import static org.oriundos.ingest.lake.Column.optional;
import static org.oriundos.ingest.lake.Column.required;
import static org.oriundos.ingest.lake.ColumnType.DOUBLE;
import static org.oriundos.ingest.lake.ColumnType.STRING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final LakeLocation lake;

    public AssociationRegistryStore(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    public Path associationFile() {
        return lake.path("conformed", ConformedTables.ASSOCIATION.name(), FILE);
    }

    public Path keysFile() {
        return lake.path("conformed", KEYS.name(), FILE);
    }

    /** The registry as last saved; empty on a new lake. */
    public AssociationRegistry load() {
        AssociationRegistry registry = new AssociationRegistry();
        FileSystem fs = lake.fileSystem();
        try {
            if (!fs.exists(associationFile())) {
                return registry;
            }
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the association registry: " + e.getMessage(), e);
        }
        for (Object[] row : ParquetTableReader.readAll(KEYS, keysFile(), lake.conf())) {
            String id = (String) row[0];
            String type = (String) row[1];
            String value = (String) row[2];
            switch (type) {
                case "IME_ID" -> registry.restoreOrganization(id, value, true);
                case "HISTORIC_ID" -> registry.restoreOrganization(id, value, false);
                case "REGISTRY_KEY" -> registry.restoreRegistryKey(id, value);
                case "NAME" -> registry.attachName(id, value, (String) row[3], (String) row[4]);
                case "LINK" -> registry.remember(value, id, (String) row[5], (Double) row[6]);
                case "APART" -> registry.restoreApart(value, id);
                default -> throw new IllegalStateException(keysFile() + ": unknown key type " + type);
            }
        }
        return registry;
    }

    /** Saves the registry: both files written beside their place, then renamed over it. */
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
        keys.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
                .thenComparing(r -> (String) r[0]).thenComparing(r -> r[3] == null ? "" : (String) r[3])
                .thenComparing(r -> r[4] == null ? "" : (String) r[4]));
        replace(associationFile(), a, associations);
        replace(keysFile(), KEYS, keys);
    }

    private void replace(Path target, TableSchema schema, List<Object[]> rows) {
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
