package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;

/** The lake on HDFS (an in-process cluster): the same loads, re-deliveries and rejects as on local disk. */
class HdfsLakeTest {
    private static final TableSchema P = RawTables.PROJECTS;
    private static MiniDFSCluster cluster;

    @TempDir
    static Path base;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Files.createDirectories(base.resolve("hdfs")).toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
        cluster.waitActive();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void loadsReplacesAndListsRejectsOnAnHdfsLake() throws Exception {
        String uri = cluster.getFileSystem().getUri() + "/oriundos";
        LakeLocation hdfs = new LakeLocation(java.net.URI.create(uri), cluster.getConfiguration(0));
        TestLake lake = new TestLake(Files.createDirectories(base.resolve("inbox")), hdfs);

        LedgerEntry first = new FileLoader(hdfs, new IngestOptions(1.0, 2)).load(lake.deliver("3x1_proyectos_2014.csv"));
        LedgerEntry old = new FileLoader(hdfs, IngestOptions.DEFAULTS).load(lake.deliver("3x1_proyectos_2007.csv"));
        LedgerEntry v2 = new FileLoader(hdfs, IngestOptions.DEFAULTS).load(lake.deliver("3x1_proyectos_2007_v2.csv"));

        assertThat(first.counts()).isEqualTo(new FileCounts(11, 4, 5, 2));
        assertThat(lake.rows(P, "2014")).extracting(r -> col(P, r, "folio")).containsExactly("3X1-ZAC-2014-0001",
                "3X1-AGS-2014-0002", "3X1-MIC-2014-0003", "3X1-JAL-2014-0008");
        assertThat(v2.replacedLoadId()).isEqualTo(old.loadId());
        assertThat(lake.rows(P, "2007")).extracting(r -> col(P, r, "_source_file"))
                .containsOnly("3x1_proyectos_2007_v2.csv").hasSize(2);
        assertThat(lake.rejects("3x1_proyectos_2014.csv")).hasSize(8);
        assertThat(new Ledger(hdfs).entries()).extracting(LedgerEntry::fileName)
                .containsExactly("3x1_proyectos_2014.csv", "3x1_proyectos_2007.csv", "3x1_proyectos_2007_v2.csv");
        LakeLayout layout = new LakeLayout(hdfs);
        assertThat(new Generations(hdfs).files(layout.partition(LakeLayout.Zone.RAW, "projects", "2014")))
                .extracting(org.apache.hadoop.fs.Path::getName).startsWith("part-00000.parquet");
        // the re-delivery of 2007 switched the partition to a second generation; the first is gone
        assertThat(hdfs.fileSystem().listStatus(layout.partition(LakeLayout.Zone.RAW, "projects", "2007")))
                .extracting(s -> s.getPath().getName()).containsExactly("gen-000002");
        assertThat(hdfs.fileSystem().exists(hdfs.path("staging"))).isTrue();
        assertThat(hdfs.fileSystem().listStatus(hdfs.path("staging"))).isEmpty();
    }

    @Test
    void replacesASlotAtomicallyOnHdfsWhereRenameDoesNotOverwrite() throws Exception {
        LakeLocation hdfs = new LakeLocation(java.net.URI.create(cluster.getFileSystem().getUri() + "/generations"),
                cluster.getConfiguration(0));
        org.apache.hadoop.fs.Path slot = new LakeLayout(hdfs).manifest();
        Generations g = new Generations(hdfs);
        g.replace(slot, dir -> write(hdfs, dir, "v1"));
        LakeLocation dying = hdfs.withCrashPoint(step -> {
            if (step.startsWith("switch")) {
                throw new IllegalStateException("killed before " + step);
            }
        });
        assertThatThrownBy(() -> new Generations(dying).replace(slot, dir -> write(hdfs, dir, "v2")))
                .hasMessageContaining("switch conformed/manifest");
        assertThat(read(hdfs, g.files(slot))).as("a save stopped before its switch leaves the old").isEqualTo("v1");

        g.replace(slot, dir -> write(hdfs, dir, "v3"));

        assertThat(read(hdfs, g.files(slot))).isEqualTo("v3");
        assertThat(hdfs.fileSystem().listStatus(slot)).extracting(st -> st.getPath().getName())
                .as("the old generation and the stopped save's leftovers are gone").containsExactly("gen-000002");
    }

    private static void write(LakeLocation lake, org.apache.hadoop.fs.Path dir, String text) {
        try (var out = lake.fileSystem().create(new org.apache.hadoop.fs.Path(dir, "part-00000.parquet"))) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(LakeLocation lake, java.util.List<org.apache.hadoop.fs.Path> files) throws Exception {
        assertThat(files).hasSize(1);
        try (var in = lake.fileSystem().open(files.get(0))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
