package org.oriundos.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's one atomic replace, on real files of a local lake. */
class GenerationsTest {
    @TempDir
    Path root;

    private LakeLocation lake() {
        return LakeLocation.local(root);
    }

    private org.apache.hadoop.fs.Path slot() {
        return new LakeLayout(lake()).partition(LakeLayout.Zone.CONFORMED, "project", "2019");
    }

    /** Writes {@code text} into the generation's files {@code part-00000.parquet} and {@code part-00001.parquet}. */
    private static void writeVersion(org.apache.hadoop.fs.Path dir, String text) {
        try {
            Path local = Path.of(dir.toUri());
            Files.createDirectories(local);
            Files.writeString(local.resolve("part-00000.parquet"), text + " a");
            Files.writeString(local.resolve("part-00001.parquet"), text + " b");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(LakeLocation lake) {
        List<String> out = new ArrayList<>();
        for (org.apache.hadoop.fs.Path f : new Generations(lake).files(slot())) {
            try {
                out.add(Files.readString(Path.of(f.toUri()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void aReplaceSwitchesToTheNewGenerationAndRemovesTheOldOne() throws IOException {
        Generations g = new Generations(lake());
        g.replace(slot(), dir -> writeVersion(dir, "v1"));
        g.replace(slot(), dir -> writeVersion(dir, "v2"));

        assertThat(read(lake())).containsExactly("v2 a", "v2 b");
        try (var names = Files.list(Path.of(slot().toUri()))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("gen-000002");
        }
        assertThat(g.generation(slot())).isEqualTo(2);
    }

    @Test
    void aReplaceStoppedAtAnyStepLeavesTheOldGenerationOrTheNewOneNeverNeitherNorAMix() {
        new Generations(lake()).replace(slot(), dir -> writeVersion(dir, "old"));
        int stops = 0;
        for (int k = 1; ; k++) {
            AtomicInteger seen = new AtomicInteger();
            int stopAt = k;
            LakeLocation dying = lake().withCrashPoint(step -> {
                if (seen.incrementAndGet() == stopAt) {
                    throw new IllegalStateException("killed before " + step);
                }
            });
            try {
                new Generations(dying).replace(slot(), dir -> writeVersion(dir, "new " + stopAt));
            } catch (IllegalStateException killed) {
                stops++;
                assertThat(read(lake())).as("stopped at step %d", k).isIn(List.of("old a", "old b"),
                        List.of("new " + stopAt + " a", "new " + stopAt + " b"));
                // the next save removes what the stopped one left, and comes out whole
                new Generations(lake()).replace(slot(), dir -> writeVersion(dir, "old"));
                assertThat(read(lake())).containsExactly("old a", "old b");
                assertThat(Path.of(slot().toUri()).toFile().list()).hasSize(1);
                continue;
            }
            break;
        }
        assertThat(stops).as("write, switch, clean").isEqualTo(3);
    }

    @Test
    void aSlotWrittenBeforeGenerationsReadsAsGenerationZeroUntilItsFirstSave() throws IOException {
        Path legacy = Path.of(slot().toUri());
        Files.createDirectories(legacy);
        Files.writeString(legacy.resolve("part-00000.parquet"), "legacy");
        Generations g = new Generations(lake());
        assertThat(read(lake())).containsExactly("legacy");
        assertThat(g.generation(slot())).isZero();

        // stopped after the switch, before the clean: the new generation is read, the old file ignored
        LakeLocation dying = lake().withCrashPoint(step -> {
            if (step.startsWith("clean")) {
                throw new IllegalStateException("killed before " + step);
            }
        });
        assertThatThrownBy(() -> new Generations(dying).replace(slot(), dir -> writeVersion(dir, "v1")))
                .hasMessageContaining("clean conformed/project/period=2019");
        assertThat(read(lake())).containsExactly("v1 a", "v1 b");
        assertThat(legacy.resolve("part-00000.parquet")).exists();

        g.clean(slot());
        assertThat(legacy.resolve("part-00000.parquet")).doesNotExist();
        assertThat(read(lake())).containsExactly("v1 a", "v1 b");
    }

    @Test
    void aFileCreatedOnceIsNeverReplacedAndAStoppedCreationLeavesOnlyAHiddenFile() throws IOException {
        Generations g = new Generations(lake());
        org.apache.hadoop.fs.Path entry = new LakeLayout(lake()).ledger().suffix("/20260101T000000.000000Z-ab.parquet");
        LakeLocation dying = lake().withCrashPoint(step -> {
            throw new IllegalStateException("killed before " + step);
        });
        assertThatThrownBy(() -> new Generations(dying).createOnce(entry, f -> write(f, "first")))
                .hasMessageContaining("create ledger/");
        assertThat(Path.of(entry.toUri())).doesNotExist();
        assertThat(g.dataFiles(entry.getParent())).as("readers see no half-created file").isEmpty();

        g.createOnce(entry, f -> write(f, "second"));
        g.createOnce(entry, f -> write(f, "third"));
        assertThat(Files.readString(Path.of(entry.toUri()))).isEqualTo("second");
        g.clearPendingFiles(entry.getParent());
        assertThat(Path.of(entry.getParent().toUri()).toFile().list()).containsExactly(entry.getName());
    }

    private static void write(org.apache.hadoop.fs.Path file, String text) {
        try {
            Files.writeString(Path.of(file.toUri()), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
