package org.oriundos.ingest.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where everything lies in the lake: the one place that spells a zone, a partition
 * ({@code period=<p>}), a refused load ({@code load=<id>}), the ledger, the manifest and the
 * association registry. Every stage asks it for a path; none writes one out itself.
 *
 * <pre>
 * raw/&lt;table&gt;/period=&lt;p&gt;/                 slot: a delivery's rows           (ingest)
 * rejects/&lt;table&gt;/period=&lt;p&gt;/             slot: that delivery's rejects      (ingest)
 * failed/&lt;table&gt;/period=&lt;p&gt;/load=&lt;id&gt;/   slot: a refused file's rejects     (ingest)
 * staging/&lt;load_id&gt;/                       a load in progress, private        (ingest)
 * ledger/&lt;when&gt;-&lt;load_id&gt;.parquet          one file per decision, never replaced (ingest)
 * conformed/&lt;table&gt;/period=&lt;p&gt;/           slot: a conformed partition        (transform)
 * conformed/&lt;table&gt;/                       slot: a whole conformed table      (transform)
 * conformed/manifest/                       slot: what each partition was built from (transform)
 * conformed/association/                    slot: the association registry and its keys, one generation
 * </pre>
 *
 * A <em>slot</em> is replaced whole, by {@link Generations}: its readers call
 * {@link Generations#files(Path)}, never list it themselves.
 */
public final class LakeLayout {
    /** The zones below the lake's root. */
    public enum Zone {
        RAW("raw"), REJECTS("rejects"), FAILED("failed"), STAGING("staging"), LEDGER("ledger"),
        CONFORMED("conformed");

        private final String folder;

        Zone(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    /** The name of a partition folder is this, then the period. */
    public static final String PERIOD = "period=";
    /** The name of a refused load's folder is this, then the load id. */
    public static final String LOAD = "load=";
    /** The conformed table transform's manifest is kept as ({@code ConformedTables.MANIFEST}). */
    public static final String MANIFEST_TABLE = "manifest";
    /** The conformed table of association identities ({@code ConformedTables.ASSOCIATION}): the registry's slot. */
    public static final String REGISTRY_TABLE = "association";
    /** The registry's keys, in the same generation as its identities: a table inside the registry's slot. */
    public static final String REGISTRY_KEYS = "association_key";
    /** The registry's journal of what each partition added since the current generation, beside it. */
    public static final String REGISTRY_JOURNAL = "journal";
    /** The one file of a table or partition written whole. */
    public static final String SINGLE_PART = "part-00000.parquet";

    private final LakeLocation lake;

    public LakeLayout(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    public LakeLocation location() {
        return lake;
    }

    public Path zone(Zone zone) {
        return lake.path(zone.folder());
    }

    /** A table's folder in a zone: its partitions below, or (conformed whole tables) its slot. */
    public Path table(Zone zone, String table) {
        return lake.path(zone.folder(), table);
    }

    /** The slot of a partition of a table: {@code <zone>/<table>/period=<p>}. */
    public Path partition(Zone zone, String table, String period) {
        return lake.path(zone.folder(), table, partitionFolder(period));
    }

    /** The slot of the rejects of a refused load: {@code failed/<table>/period=<p>/load=<id>}. */
    public Path failedLoad(String table, String period, String loadId) {
        return new Path(partition(Zone.FAILED, table, period), LOAD + loadId);
    }

    /** Where a load is staged until it is published: {@code staging/<load_id>}. */
    public Path staging(String loadId) {
        return lake.path(Zone.STAGING.folder(), loadId);
    }

    /** The folder of the ledger's entries. */
    public Path ledger() {
        return zone(Zone.LEDGER);
    }

    /** The slot of a whole (unpartitioned) conformed table. */
    public Path wholeTable(String table) {
        return table(Zone.CONFORMED, table);
    }

    /** The slot of transform's manifest. */
    public Path manifest() {
        return wholeTable(MANIFEST_TABLE);
    }

    /** The slot of the association registry: identities and keys saved as one generation. */
    public Path registry() {
        return wholeTable(REGISTRY_TABLE);
    }

    /** The registry's journal: deltas written after each partition, folded into the next generation. */
    public Path registryJournal() {
        return new Path(registry(), REGISTRY_JOURNAL);
    }

    /**
     * Where releases before the generations kept the registry's keys and deltas
     * ({@code conformed/association_key/}): read once, removed by the first save.
     */
    public Path legacyRegistryKeys() {
        return wholeTable(REGISTRY_KEYS);
    }

    /** A path's place below the lake's root ({@code conformed/project/period=2019}). */
    public String relative(Path path) {
        String root = lake.root().toUri().getPath();
        String p = path.toUri().getPath();
        return p.startsWith(root) ? p.substring(root.length()).replaceFirst("^/", "") : p;
    }

    /** {@code period=<p>}. */
    public static String partitionFolder(String period) {
        return PERIOD + Objects.requireNonNull(period, "period");
    }

    /** The period of a partition folder's name, or {@code null} when the name is not one. */
    public static String periodOf(String folderName) {
        return folderName.startsWith(PERIOD) ? folderName.substring(PERIOD.length()) : null;
    }

    /** The name of the part file of chunk {@code n}: {@code part-NNNNN.parquet}. */
    public static String partName(int n) {
        return String.format(Locale.ROOT, "part-%05d.parquet", n);
    }

    /** The periods of a table's partitions in a zone, in order; none when the table has none. */
    public List<String> periods(Zone zone, String table) {
        List<String> periods = new ArrayList<>();
        for (FileStatus st : list(table(zone, table))) {
            String period = periodOf(st.getPath().getName());
            if (st.isDirectory() && period != null) {
                periods.add(period);
            }
        }
        periods.sort(Comparator.naturalOrder());
        return periods;
    }

    /** The slots of a table's partitions in a zone, by period. */
    public List<Path> partitions(Zone zone, String table) {
        return periods(zone, table).stream().map(p -> partition(zone, table, p)).toList();
    }

    /** The tables with a folder in a zone, in order. */
    public List<String> tables(Zone zone) {
        List<String> tables = new ArrayList<>();
        for (FileStatus st : list(zone(zone))) {
            String name = st.getPath().getName();
            if (st.isDirectory() && !hidden(name)) {
                tables.add(name);
            }
        }
        tables.sort(Comparator.naturalOrder());
        return tables;
    }

    /** The slots of the refused loads of a (table, period), in order. */
    public List<Path> failedLoads(String table, String period) {
        List<Path> loads = new ArrayList<>();
        for (FileStatus st : list(partition(Zone.FAILED, table, period))) {
            if (st.isDirectory() && st.getPath().getName().startsWith(LOAD)) {
                loads.add(st.getPath());
            }
        }
        loads.sort(Comparator.comparing(Path::getName));
        return loads;
    }

    /** Names starting with {@code _} or {@code .} are the lake's own bookkeeping, never data. */
    public static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    private FileStatus[] list(Path dir) {
        FileSystem fs = lake.fileSystem();
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in the lake: " + e.getMessage(), e);
        }
    }
}
