package org.oriundos.ingest.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts the bytes read through it, so a long load can tell how far into the file it is, and
 * (when asked) hashes them, so the load can prove it read the very bytes the inbox scan hashed.
 * Skipping reads through the digest: every byte of the file passes it.
 */
final class CountingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private volatile long count;

    CountingInputStream(InputStream in) {
        this(in, false);
    }

    CountingInputStream(InputStream in, boolean hash) {
        super(in);
        try {
            this.digest = hash ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    long count() {
        return count;
    }

    /** Whether it hashes what it reads. */
    boolean hashing() {
        return digest != null;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
            if (digest != null) {
                digest.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (digest != null) {
                digest.update(buffer, offset, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (digest == null) {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /**
     * Reads what is left of the stream (through the digest) and returns the hex SHA-256 of every
     * byte read; only for a hashing stream.
     */
    String drainAndHash() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // the parser may stop a buffer short of the end; what is left still counts
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
