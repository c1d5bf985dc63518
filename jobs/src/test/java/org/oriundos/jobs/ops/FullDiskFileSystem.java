package org.oriundos.jobs.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk under the scheme {@code fulldisk:}, with as many bytes left as the environment
 * variable {@code ORIUNDOS_TEST_DISK_FREE_BYTES} says (unlimited without it): past them, every write
 * fails as a full disk does, "No space left on device". A lake at {@code fulldisk:///…} is written
 * through the Hadoop FileSystem API like any other, so the run meets a full disk where it really
 * would, without root, a loop device or a tmpfs. Registered in
 * {@code META-INF/services/org.apache.hadoop.fs.FileSystem}.
 */
public class FullDiskFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "fulldisk";
    public static final String FREE_BYTES = "ORIUNDOS_TEST_DISK_FREE_BYTES";
    private static final AtomicLong FREE = new AtomicLong(freeAtStart());

    private static long freeAtStart() {
        String free = System.getenv(FREE_BYTES);
        return free == null ? Long.MAX_VALUE : Long.parseLong(free);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        setConf(conf);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return new FSDataOutputStream(new Filling(super.create(f, overwrite, bufferSize, replication, blockSize,
                progress)), null);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        return new FSDataOutputStream(new Filling(super.create(f, permission, overwrite, bufferSize, replication,
                blockSize, progress)), null);
    }

    /** Counts what is written against the space left; fails like a full disk when it runs out. */
    private static final class Filling extends OutputStream {
        private final OutputStream out;

        Filling(OutputStream out) {
            this.out = out;
        }

        private static void take(long n) throws IOException {
            if (FREE.addAndGet(-n) < 0) {
                FREE.set(0);
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void write(int b) throws IOException {
            take(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            take(len);
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
