package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.transform.RawLake.club;
import static org.oriundos.transform.RawLake.get;
import static org.oriundos.transform.RawLake.oldProject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.identity.AssociationRegistryStore;

/**
 * A data home built by the linker of earlier releases keeps its links (and so its ids, its old
 * merges included) when the new linker conforms it again, until the operator relinks it; a relink
 * re-decides the model's links, says how many records changed association, and a rebuild after
 * it gives the same ids.
 */
class RelinkTest {
    private static final TableSchema LINK = ConformedTables.ASSOCIATION_LINK;
    private static final TableSchema K = AssociationRegistryStore.KEYS;

    @TempDir
    Path home;

    private RawLake lake() {
        RawLake lake = new RawLake(home.resolve("lake"));
        lake.deliver(RawTables.REGISTRY, "2010-01-15", "ime_directorio_2010-01-15.csv", List.of(
                club("2010-01-15", "IME-101", "Club Zacatecano de Los Ángeles", "Los Angeles", "California", "Zacatecas", "Jerez", null),
                club("2010-01-15", "IME-102", "Club Jalisco de Chicago", "Chicago", "IL", "Jalisco", "Tepatitlán de Morelos", null)));
        lake.deliver(RawTables.PROJECTS, "2010", "3x1_proyectos_2010.csv", List.of(
                oldProject(2010, "3X1-ZAC-2010-0001", "Zacatecas", "Jerez", "Ampliación de red de agua potable", "CLUB ZACATECANO L.A.", 250_000, 250_000),
                oldProject(2010, "3X1-ZAC-2010-0003", "Zacatecas", "Gral. Francisco R. Murguía", "Construcción de lienzo charro", "Club Zacatecanos de Los Angeles", 50_000, 50_000)));
        return lake;
    }

    /**
     * Rewrites the registry's key file as an earlier release wrote it: a record's link is its old
     * key (normalised name without Club and Social) and rule, without evidence; plus the old merge
     * {@code merged -> into}.
     */
    private void asAnEarlierReleaseWroteIt(RawLake lake, String merged, String into) throws Exception {
        org.apache.hadoop.fs.Path keys = new AssociationRegistryStore(lake.lake).keysFile();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] r : ParquetTableReader.readAll(K, keys, lake.lake.conf())) {
            if (!"LINK".equals(r[K.indexOf("key_type")])) {
                rows.add(r);
                continue;
            }
            AssociationRecord rec = new AssociationRecord((String) r[K.indexOf("source_table")], (String) r[K.indexOf("period")],
                    (String) r[K.indexOf("record_id")], (String) r[K.indexOf("name")], (String) r[K.indexOf("origin_state_code")],
                    null, null, null, null, (String) r[K.indexOf("federation")], (String) r[K.indexOf("ime_id")],
                    (String) r[K.indexOf("historic_id")], (String) r[K.indexOf("registry_key")]);
            Object[] legacy = K.newRow();
            boolean old = rec.recordId().equals(merged);
            legacy[K.indexOf("association_id")] = old ? into : r[K.indexOf("association_id")];
            legacy[K.indexOf("key_type")] = "LINK";
            legacy[K.indexOf("key_value")] = rec.legacyMemoryKey();
            legacy[K.indexOf("rule")] = old ? "SIMILAR_NAME" : r[K.indexOf("rule")].equals("MATCH") ? "EXACT_NAME" : r[K.indexOf("rule")];
            legacy[K.indexOf("score")] = old ? 0.9302 : 1.0;
            rows.add(legacy);
        }
        Files.delete(Path.of(keys.toUri()));
        try (ParquetTableWriter w = new ParquetTableWriter(K, keys, lake.lake.conf())) {
            w.writeAll(rows);
        }
    }

    private static Map<String, String[]> links(RawLake lake) {
        Map<String, String[]> out = new HashMap<>();
        for (String p : List.of("registry-2010-01-15", "projects-2010")) {
            for (Object[] r : lake.conformed(LINK, p)) {
                out.put((String) get(LINK, r, "source_record_id"),
                        new String[] {(String) get(LINK, r, "association_id"), (String) get(LINK, r, "rule")});
            }
        }
        return out;
    }

    @Test
    void aHomeOfAnEarlierReleaseKeepsItsLinksUntilItIsRelinked() throws Exception {
        RawLake lake = lake();
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        Map<String, String[]> fresh = links(lake);
        String zacatecano = fresh.get("IME-101")[0];
        assertThat(fresh.get("3X1-ZAC-2010-0003")[0]).as("the new linker keeps the other town's club apart").isNotEqualTo(zacatecano);
        asAnEarlierReleaseWroteIt(lake, "3X1-ZAC-2010-0003", zacatecano);

        // the upgrade: every partition is conformed again (the rules' version changed); the old links are replayed
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(true);
        Map<String, String[]> upgraded = links(lake);
        assertThat(upgraded.get("3X1-ZAC-2010-0003")).containsExactly(zacatecano, "SIMILAR_NAME");
        assertThat(upgraded.get("3X1-ZAC-2010-0001")).containsExactly(zacatecano, "EXACT_NAME");
        assertThat(upgraded.get("IME-102")[0]).isEqualTo(fresh.get("IME-102")[0]);

        RelinkSummary relinked = new ConformStage(lake.lake, ConformOptions.DEFAULTS).relink();
        Map<String, String[]> after = links(lake);
        assertThat(relinked.changed()).isEqualTo(1);
        assertThat(relinked.records()).isEqualTo(4);
        assertThat(after.get("3X1-ZAC-2010-0003")[0]).isNotEqualTo(zacatecano);
        assertThat(after.get("3X1-ZAC-2010-0003")[1]).isEqualTo("NEW");
        assertThat(after.get("3X1-ZAC-2010-0001")).containsExactly(zacatecano, "MATCH");
        assertThat(after.get("IME-101")[0]).isEqualTo(zacatecano);
        assertThat(after.get("IME-102")[0]).isEqualTo(fresh.get("IME-102")[0]);

        List<String> files = lake.conformedFiles();
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(true);
        assertThat(links(lake)).as("a rebuild after a relink gives the same links").usingRecursiveComparison().isEqualTo(after);
        assertThat(lake.conformedFiles()).isEqualTo(files);
    }

    @Test
    void aNightlyNeverRelinksAndANewModelOnlyDecidesNewRecords() throws Exception {
        RawLake lake = lake();
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        Map<String, String[]> before = links(lake);
        // a stricter model (a link needs far more evidence) for the next nights
        Path model = home.resolve("conf/linkage_model.csv");
        Files.createDirectories(model.getParent());
        Files.writeString(model, org.oriundos.transform.identity.LinkageModel.shipped().withThresholds(40, 30, 1.5).format(List.of()));
        ConformOptions stricter = ConformOptions.DEFAULTS.withLinkageModel(model);
        assertThat(new ConformStage(lake.lake, stricter).upToDate()).as("the model is reference data").isFalse();

        new ConformStage(lake.lake, stricter).run(false);
        assertThat(links(lake)).usingRecursiveComparison().isEqualTo(before);

        RelinkSummary relinked = new ConformStage(lake.lake, stricter).relink();
        assertThat(relinked.changed()).isEqualTo(1);
        assertThat(links(lake).get("3X1-ZAC-2010-0001")[1]).isEqualTo("NEW");
    }
}
