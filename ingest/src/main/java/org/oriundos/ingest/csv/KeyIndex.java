package org.oriundos.ingest.csv;

import java.util.Arrays;

/**
 * Which keys occur more than once in a file, found without holding the rows: the loading pass
 * keeps one 64-bit hash per record in an open-addressing table (8 to 16 bytes a record: 64 MB for
 * five million rows, 96 MB while the table doubles), and knows the moment a key comes a second
 * time ({@link #add} says so), so a reading that will have to be done again can stop validating and
 * writing there. At the end of the file {@link #seal} keeps the hashes seen twice. A false
 * duplicate would need two distinct keys with the same 64-bit hash (odds below one in a million for
 * a file of five million rows).
 */
public final class KeyIndex {
    private static final int FIRST_CAPACITY = 1024;

    /** Linear probing over a power-of-two table; 0 marks a free slot, so the hash 0 is kept apart. */
    private long[] slots = new long[FIRST_CAPACITY];
    private int size;
    private boolean zeroSeen;
    /** Each hash met again, once per repeat (a key three times is here twice). */
    private long[] again = new long[16];
    private int againCount;
    private long[] repeated;

    /** No key repeats: what a pass that does not know the repeated keys yet checks against. */
    public static KeyIndex none() {
        return new KeyIndex().seal();
    }

    /** Notes a record's key; true when a key with its hash was noted before (the key repeats). */
    public boolean add(String key) {
        return addHash(hash(key));
    }

    boolean addHash(long h) {
        if (h == 0) {
            if (zeroSeen) {
                noteAgain(h);
                return true;
            }
            zeroSeen = true;
            return false;
        }
        int mask = slots.length - 1;
        int i = (int) h & mask; // the hash's bits are already well spread
        for (long s = slots[i]; s != 0; s = slots[i]) {
            if (s == h) {
                noteAgain(h);
                return true;
            }
            i = (i + 1) & mask;
        }
        slots[i] = h;
        if (++size * 4L > slots.length * 3L) {
            grow();
        }
        return false;
    }

    private void noteAgain(long h) {
        if (againCount == again.length) {
            again = Arrays.copyOf(again, againCount * 2);
        }
        again[againCount++] = h;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) h & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }

    /** Ends the pass: keeps only the repeated hashes. */
    public KeyIndex seal() {
        long[] rep = Arrays.copyOf(again, againCount);
        Arrays.sort(rep);
        int n = 0;
        for (int i = 0; i < rep.length; i++) {
            if (n == 0 || rep[n - 1] != rep[i]) {
                rep[n++] = rep[i];
            }
        }
        repeated = Arrays.copyOf(rep, n);
        slots = null;
        again = null;
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
