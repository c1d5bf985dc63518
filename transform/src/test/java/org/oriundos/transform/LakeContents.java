package org.oriundos.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.TableSchema;

/**
 * What ingest left in a lake, in two views a comparison can tell apart: the {@link #rows} a reader
 * gets back from each file (sorted, so the order rows were written in does not count), and the
 * {@link #bytes} of each file. Files are named by their logical name (generation folders left out),
 * so two lakes that went through different generations compare equal when they hold the same data.
 * The ledger is kept without its clock: which decision on which file, with which counts.
 *
 * @param rows   per file of the raw, rejects and failed zones, its rows read back, sorted
 * @param bytes  per file of the same zones, a hash of its bytes
 * @param ledger the ledger's entries in the ledger's order, each without the time it was written
 */
record LakeContents(Map<String, List<String>> rows, Map<String, String> bytes, List<String> ledger) {
    private static final List<LakeLayout.Zone> ZONES = List.of(LakeLayout.Zone.RAW, LakeLayout.Zone.REJECTS,
            LakeLayout.Zone.FAILED);

    static LakeContents of(LakeLocation lake) {
        Map<String, List<String>> rows = new TreeMap<>();
        Map<String, String> bytes = new TreeMap<>();
        LakeLayout layout = new LakeLayout(lake);
        for (LakeLayout.Zone zone : ZONES) {
            new Generations(lake).currentFiles(layout.zone(zone)).forEach((name, file) -> {
                String table = name.substring(0, name.indexOf('/'));
                TableSchema schema = zone == LakeLayout.Zone.RAW ? dataTable(table) : RawTables.REJECTS;
                List<String> read = new ArrayList<>();
                for (Object[] row : ParquetTableReader.readAll(schema, file, lake.conf())) {
                    read.add(Arrays.toString(row));
                }
                read.sort(null);
                String key = zone.folder() + "/" + name;
                rows.put(key, read);
            });
            for (String file : RawLake.currentFiles(lake, zone)) {
                int hash = file.lastIndexOf(' ');
                bytes.put(zone.folder() + "/" + file.substring(0, hash), file.substring(hash + 1));
            }
        }
        List<String> ledger = new ArrayList<>();
        for (LedgerEntry e : new Ledger(lake).entries()) {
            ledger.add(String.join(" | ", e.fileName(), e.loadId(), e.sourceTable(), e.period(), e.sha256(),
                    String.valueOf(e.bytes()), e.encoding(), e.layout(), e.counts().toString(), e.status().name(),
                    String.valueOf(e.replacedLoadId()), String.valueOf(e.message()), String.valueOf(e.absentColumns())));
        }
        return new LakeContents(rows, bytes, ledger);
    }

    private static TableSchema dataTable(String name) {
        return RawTables.dataTables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no raw table " + name));
    }
}
