package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;
import org.oriundos.transform.ConformSummary;

/**
 * The association registry is saved after each partition as a delta of what it added, and
 * rewritten whole once at the end of a run: a run cut short in between is completed by the next
 * one with the same ids and the same bytes as a run never cut short.
 */
class RegistryDeltaTest {
    private static final Set<String> FILES = Set.of("directorio_oriundos_1998-12-31", "directorio_oriundos_2003-12-31",
            "ime_directorio_2006-12-15", "3x1_proyectos_2005", "survey_LNS_2006");

    @TempDir
    Path home;

    @Test
    void aRunCutShortAfterSomePartitionsIsCompletedWithTheSameIdsAndBytesAsARunNeverCutShort() throws IOException {
        Path inbox = home.resolve("inbox");
        new SampleExtracts(7).writeDemoInbox(inbox);
        LakeLocation whole = ingest(inbox, home.resolve("whole"));
        LakeLocation cut = ingest(inbox, home.resolve("cut"));
        ConformSummary uninterrupted = new ConformStage(whole, ConformOptions.DEFAULTS).run(false);
        List<String> expected = conformedFiles(home.resolve("whole"));

        // the run dies as the second delta part is created: after its first partitions are published and
        // listed in the manifest, before the registry is compacted
        Path journal = home.resolve("cut/conformed/association/journal");
        LakeLocation dying = cut.withCrashPoint(step -> {
            if (step.equals("create conformed/association/journal/delta-000000-000001.parquet")) {
                throw new IllegalStateException("killed at " + step);
            }
        });
        assertThatThrownBy(() -> new ConformStage(dying, ConformOptions.DEFAULTS).run(false))
                .hasMessageContaining("delta-000000-000001.parquet");
        assertThat(journal.resolve("delta-000000-000000.parquet")).exists();
        assertThat(new Generations(cut).exists(new LakeLayout(cut).registry())).as("never compacted").isFalse();

        ConformSummary completion = new ConformStage(cut, ConformOptions.DEFAULTS).run(false);

        assertThat(completion.partitionsConformed()).as("the partitions the cut run did not publish")
                .isNotEmpty().hasSizeLessThan(uninterrupted.partitionsConformed().size());
        assertThat(conformedFiles(home.resolve("cut"))).isEqualTo(expected);
        assertThat(journal).as("the deltas are folded into the registry's generation and removed").doesNotExist();
    }

    @Test
    void aDeltaLeftBehindAfterTheRegistryWasRewrittenChangesNothing() throws IOException {
        Path inbox = home.resolve("inbox");
        new SampleExtracts(7).writeDemoInbox(inbox);
        LakeLocation lake = ingest(inbox, home.resolve("lake"));
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        List<String> expected = conformedFiles(home.resolve("lake"));
        AssociationRegistry registry = new AssociationRegistryStore(lake).load();
        assertThat(registry.associations()).anySatisfy(a -> assertThat(a.imeId()).isNotNull());

        // as if a run died after switching to the registry's new generation, before removing its deltas: a
        // delta of the generation before, with every identity as first created (no IME id, no registry key
        // yet), is already in the current generation and is not replayed
        List<Object[]> stale = new ArrayList<>();
        TableSchema k = AssociationRegistryStore.KEYS;
        for (Association a : registry.associations()) {
            Object[] row = k.newRow();
            row[k.indexOf("association_id")] = a.id();
            row[k.indexOf("key_type")] = "ASSOCIATION";
            row[k.indexOf("origin_state_code")] = a.originStateCode();
            row[k.indexOf("name")] = a.name();
            row[k.indexOf("normalized_name")] = a.normalizedName();
            stale.add(row);
        }
        Path delta = home.resolve("lake/conformed/association/journal/delta-000000-000000.parquet");
        Files.createDirectories(delta.getParent());
        try (ParquetTableWriter w = new ParquetTableWriter(AssociationRegistryStore.KEYS,
                new org.apache.hadoop.fs.Path(delta.toUri()), lake.conf())) {
            w.writeAll(stale);
        }

        assertThat(new AssociationRegistryStore(lake).load().associations())
                .as("an identity's IME id and registry key are never taken back")
                .containsExactlyElementsOf(registry.associations());
        new ConformStage(lake, ConformOptions.DEFAULTS).run(true);
        assertThat(delta).doesNotExist();
        assertThat(conformedFiles(home.resolve("lake"))).isEqualTo(expected);
    }

    private static LakeLocation ingest(Path inbox, Path root) {
        LakeLocation location = LakeLocation.local(root);
        FileLoader loader = new FileLoader(location, IngestOptions.DEFAULTS);
        for (Delivery d : new Inbox(inbox).scan(new Ledger(location)).toLoad()) {
            if (FILES.contains(d.file().getFileName().toString().replaceFirst("\\.csv$", ""))) {
                loader.load(d);
            }
        }
        return location;
    }

    /** Every conformed file a reader sees, by logical name (generations left out), with a hash of its bytes. */
    private static List<String> conformedFiles(Path root) throws IOException {
        LakeLocation lake = LakeLocation.local(root);
        List<String> out = new ArrayList<>();
        for (var e : new Generations(lake).currentFiles(new LakeLayout(lake).zone(LakeLayout.Zone.CONFORMED))
                .entrySet()) {
            out.add(e.getKey() + " " + sha256(Files.readAllBytes(Path.of(e.getValue().toUri()))));
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
