package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.transform.category.CategoryMap;
import org.oriundos.transform.geography.GeoRule;

/**
 * The providers' files as ingest lands them (the sample extracts, with their spellings and
 * faults), conformed: every row is conformed, every association-bearing record linked, and only
 * the genuinely unresolvable values are listed.
 */
class SampleInboxConformTest {
    private static final Set<String> FILES = Set.of("directorio_oriundos_1998-12-31", "directorio_oriundos_2003-12-31",
            "ime_directorio_2006-12-15", "ime_directorio_2019-12-13", "3x1_proyectos_2005", "3x1_proyectos_2015",
            "survey_LNS_2006", "consulados_actividad_2016");

    @TempDir
    static Path home;
    static RawLake lake;
    static ConformSummary summary;

    @BeforeAll
    static void ingestAndConform() {
        Path inbox = home.resolve("inbox");
        new SampleExtracts(7).writeDemoInbox(inbox);
        LakeLocation location = LakeLocation.local(home.resolve("lake"));
        FileLoader loader = new FileLoader(location, IngestOptions.DEFAULTS);
        for (Delivery d : new Inbox(inbox).scan(new Ledger(location)).toLoad()) {
            String base = d.file().getFileName().toString().replaceFirst("\\.csv$", "");
            if (FILES.contains(base)) {
                loader.load(d);
            }
        }
        summary = new ConformStage(location, ConformOptions.DEFAULTS).run(false);
        lake = new RawLake(home.resolve("lake"));
    }

    @Test
    void conformsEveryLoadedRowOfEveryPartition() {
        assertThat(summary.partitionsConformed()).hasSize(FILES.size());
        Map<String, TableSchema> conformedOf = Map.of("registry", ConformedTables.REGISTRY_SNAPSHOT,
                "projects", ConformedTables.PROJECT, "survey", ConformedTables.SURVEY_RESPONSE,
                "consular_activity", ConformedTables.CONSULAR_ACTIVITY);
        for (LedgerEntry e : new Ledger(lake.lake).entries()) {
            assertThat(lake.conformed(conformedOf.get(e.sourceTable()), e.period()))
                    .as(e.fileName()).hasSize((int) e.counts().loaded());
        }
    }

    @Test
    void resolvesThePlacesPeopleWriteAndListsOnlyTheRest() {
        List<UnresolvedValue> unresolved = new Unresolved(lake.lake).list();
        long projects = lake.conformed(ConformedTables.PROJECT, "2005").size() + lake.conformed(ConformedTables.PROJECT, "2015").size();
        assertThat(unresolved.size()).as("unresolved values: %s", unresolved).isLessThan((int) (projects / 100));
        assertThat(unresolved).allSatisfy(v -> {
            assertThat(v.sourceFile()).endsWith(".csv");
            assertThat(v.sourceLine()).isGreaterThan(1);
            assertThat(v.reason()).isNotBlank();
        });
        for (Object[] r : lake.conformed(ConformedTables.PROJECT, "2015")) {
            assertThat(GeoRule.valueOf((String) r[ConformedTables.PROJECT.indexOf("geo_rule")])).isNotNull();
        }
        assertThat(lake.conformed(ConformedTables.REGISTRY_SNAPSHOT, "2006-12-15"))
                .filteredOn(r -> r[ConformedTables.REGISTRY_SNAPSHOT.indexOf("origin_state_code")] != null)
                .hasSizeGreaterThan(100);
    }

    @Test
    void linksEveryAssociationBearingRecordAndFollowsAnOrganizationAcrossSnapshots() {
        TableSchema reg = ConformedTables.REGISTRY_SNAPSHOT;
        Map<String, String> in2006 = new HashMap<>();
        for (Object[] r : lake.conformed(reg, "2006-12-15")) {
            in2006.put((String) r[reg.indexOf("organization_id")], (String) r[reg.indexOf("association_id")]);
        }
        int followed = 0;
        for (Object[] r : lake.conformed(reg, "2019-12-13")) {
            String was = in2006.get((String) r[reg.indexOf("organization_id")]);
            if (was != null) {
                assertThat(r[reg.indexOf("association_id")]).isEqualTo(was);
                followed++;
            }
        }
        assertThat(followed).isGreaterThan(50);
        assertThat(lake.conformed(ConformedTables.ASSOCIATION_LINK, "projects-2015")).hasSize(
                lake.conformed(ConformedTables.PROJECT, "2015").size());
        assertThat(summary.linksByRule()).containsKeys("IME_ID", "HISTORIC_ID", "REGISTRY_KEY", "MATCH", "NEW");
    }

    @Test
    void everyEntryOfADirectoryIsAnAssociationOfItsOwn() {
        TableSchema reg = ConformedTables.REGISTRY_SNAPSHOT;
        for (String snapshot : List.of("1998-12-31", "2003-12-31", "2006-12-15", "2019-12-13")) {
            List<Object[]> entries = lake.conformed(reg, snapshot);
            assertThat(entries.stream().map(r -> r[reg.indexOf("association_id")]).distinct())
                    .as("registered in %s", snapshot).hasSize(entries.size());
        }
    }

    @Test
    void putsEveryProjectInACategoryAndAddsUpItsMoney() {
        TableSchema p = ConformedTables.PROJECT;
        for (String year : List.of("2005", "2015")) {
            for (Object[] r : lake.conformed(p, year)) {
                assertThat(CategoryMap.CATEGORIES).contains((String) r[p.indexOf("category")]);
                long total = 0;
                for (String a : List.of("federal", "state", "municipal", "migrant", "other")) {
                    total += (Long) r[p.indexOf(a + "_mxn")];
                }
                assertThat(r[p.indexOf("total_mxn")]).isEqualTo(total);
                assertThat((Long) r[p.indexOf("total_mxn_const")]).isGreaterThanOrEqualTo(total);
            }
        }
    }
}
