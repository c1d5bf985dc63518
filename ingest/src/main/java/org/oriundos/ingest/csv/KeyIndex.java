package org.oriundos.ingest.csv;

import java.util.Arrays;

/**
 * Which keys occur more than once in a file, found without holding the rows: the loading pass
 * keeps one 64-bit hash per record in a primitive array (40 MB for five million rows), and at the
 * end of the file sorts it and keeps the hashes seen twice. A false duplicate would need two distinct keys with the same
 * 64-bit hash (odds below one in a million for a file of five million rows).
 */
public final class KeyIndex {
    private long[] hashes = new long[1024];
    private int size;
    private long[] repeated;

    /** No key repeats: what a pass that does not know the repeated keys yet checks against. */
    public static KeyIndex none() {
        return new KeyIndex().seal();
    }

    public void add(String key) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size + (size >> 1));
        }
        hashes[size++] = hash(key);
    }

    /** Ends the pass: keeps only the repeated hashes. */
    public KeyIndex seal() {
        Arrays.sort(hashes, 0, size);
        long[] rep = new long[16];
        int n = 0;
        for (int i = 1; i < size; i++) {
            if (hashes[i] == hashes[i - 1] && (n == 0 || rep[n - 1] != hashes[i])) {
                if (n == rep.length) {
                    rep = Arrays.copyOf(rep, n * 2);
                }
                rep[n++] = hashes[i];
            }
        }
        repeated = Arrays.copyOf(rep, n);
        hashes = null;
        return this;
    }

    /** Whether any key occurs more than once (after {@link #seal()}). */
    public boolean hasRepeats() {
        return repeated.length > 0;
    }

    public boolean isRepeated(String key) {
        return repeated.length > 0 && Arrays.binarySearch(repeated, hash(key)) >= 0;
    }

    /** FNV-1a over the characters, finished with the SplitMix64 mixer for well-spread bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
