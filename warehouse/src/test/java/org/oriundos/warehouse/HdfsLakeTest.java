package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.LakeLocation;

/** A lake on HDFS (an in-process cluster): DuckDB reads it through a local cache beside the warehouse. */
class HdfsLakeTest {
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
    void buildsTheSameWarehouseFromAnHdfsLakeAsFromTheSameLakeOnLocalDisk() throws Exception {
        HometownLake story = new HometownLake(base.resolve("local-lake"));
        story.night1();
        String uri = cluster.getFileSystem().getUri() + "/oriundos";
        LakeLocation hdfs = new LakeLocation(java.net.URI.create(uri), cluster.getConfiguration(0));
        hdfs.fileSystem().copyFromLocalFile(false, true,
                new org.apache.hadoop.fs.Path(story.lake().root().toUri()), hdfs.root());
        Path fromHdfs = base.resolve("hdfs-home").resolve("warehouse").resolve("oriundos.duckdb");
        Path fromLocal = base.resolve("local-home").resolve("warehouse").resolve("oriundos.duckdb");

        BuildResult built = new WarehouseBuilder(new WarehouseSettings(hdfs, fromHdfs, 2, "512MB")).build(false);
        new WarehouseBuilder(new WarehouseSettings(story.lake().location(), fromLocal, 2, "512MB")).build(false);

        assertThat(built.checksPassed()).hasSize(QualityChecks.all().size());
        assertThat(Files.isRegularFile(fromHdfs.resolveSibling("lake-cache").resolve("conformed").resolve("project")
                .resolve("period=2010").resolve("part-00000.parquet"))).isTrue();
        Map<String, List<String>> a = IncrementalAndPublishTest.contents(fromHdfs);
        Map<String, List<String>> b = IncrementalAndPublishTest.contents(fromLocal);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String table : a.keySet()) {
            assertThat(a.get(table)).as(table).isEqualTo(b.get(table));
        }
        // a second night with nothing new on HDFS changes nothing
        assertThat(new WarehouseBuilder(new WarehouseSettings(hdfs, fromHdfs, 2, "512MB")).build(false).changed())
                .isFalse();
    }
}
