package org.oriundos.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where the lake lives: a root on any Hadoop file system ({@code file:} by default,
 * {@code hdfs://} works the same) and the Hadoop configuration to reach it. What lies below the
 * root, and how it is replaced, is {@link LakeLayout}'s and {@link Generations}' business.
 */
public final class LakeLocation {
    private final org.apache.hadoop.fs.Path root;
    private final Configuration conf;
    private final CrashPoint crashPoint;

    public LakeLocation(URI root, Configuration conf) {
        this(new org.apache.hadoop.fs.Path(Objects.requireNonNull(root, "root")), conf, CrashPoint.NONE);
    }

    private LakeLocation(org.apache.hadoop.fs.Path root, Configuration conf, CrashPoint crashPoint) {
        this.root = root;
        this.conf = Objects.requireNonNull(conf, "conf");
        this.crashPoint = Objects.requireNonNull(crashPoint, "crashPoint");
    }

    /**
     * The same lake, with every step of every save reported to {@code crashPoint} first: for tests
     * that stop a save at each of its steps, as a crash would.
     */
    public LakeLocation withCrashPoint(CrashPoint crashPoint) {
        return new LakeLocation(root, conf, crashPoint);
    }

    /** Says that a save is about to take {@code step} (a crash may happen here). */
    void step(String step) {
        crashPoint.reached(step);
    }

    /** A lake in a local folder. */
    public static LakeLocation local(Path dir) {
        return new LakeLocation(dir.toAbsolutePath().normalize().toUri(), defaultConfiguration());
    }

    /** A lake at a URI: a local path, {@code file:///…} or {@code hdfs://host:port/…}. */
    public static LakeLocation at(String location) {
        URI uri = URI.create(location);
        if (uri.getScheme() == null) {
            return local(Path.of(location));
        }
        return new LakeLocation(uri, defaultConfiguration());
    }

    /**
     * Hadoop configuration for the lake. Local files are written through the raw local file
     * system: the checksummed one would put a {@code .crc} file beside every Parquet file.
     */
    public static Configuration defaultConfiguration() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    public org.apache.hadoop.fs.Path root() {
        return root;
    }

    public Configuration conf() {
        return conf;
    }

    /** A path below the root, from its segments. */
    public org.apache.hadoop.fs.Path path(String... segments) {
        org.apache.hadoop.fs.Path p = root;
        for (String s : segments) {
            p = new org.apache.hadoop.fs.Path(p, s);
        }
        return p;
    }

    public FileSystem fileSystem() {
        try {
            return root.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the lake at " + root + ": " + e.getMessage(), e);
        }
    }

    /** True when the lake is on the local disk (DuckDB can then read its Parquet directly). */
    public boolean isLocal() {
        String scheme = root.toUri().getScheme();
        return scheme == null || "file".equals(scheme);
    }

    /** The local folder of a local lake. */
    public Path localPath() {
        if (!isLocal()) {
            throw new IllegalStateException("the lake at " + root + " is not on the local disk");
        }
        return Path.of(root.toUri());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
