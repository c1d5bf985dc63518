package org.oriundos.ingest.csv;

/**
 * For the keys a file repeats (found by {@link KeyIndex}), whether every record with the key is
 * the same entry, and on which line the first one is. Filled by a second pass over the file that
 * only looks at records with a repeated key, so a file with none costs nothing more; kept in
 * primitive arrays (three longs a repeated key) rather than one object per record.
 */
final class RepeatedEntries {
    /** What to do with a record whose key is repeated. */
    enum Verdict {
        /** The first of identical entries: loaded (if nothing else is wrong with it). */
        FIRST,
        /** A later copy of the entry on {@link #firstLine}: rejected as a repeat. */
        REPEAT,
        /** The records with this key differ: all rejected, the key names two things. */
        CONFLICT
    }

    private static final long EMPTY = 0L;
    private long[] keys = new long[64];
    private long[] firstLines = new long[64];
    private long[] contents = new long[64];
    private boolean[] differ = new boolean[64];
    private int size;

    /** Records one record with a repeated key: its content hash and the line it starts on. */
    void add(String key, long contentHash, long line) {
        long k = nonZero(KeyIndex.hash(key));
        int slot = slot(k);
        if (keys[slot] == EMPTY) {
            keys[slot] = k;
            firstLines[slot] = line;
            contents[slot] = contentHash;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else if (contents[slot] != contentHash) {
            differ[slot] = true;
        }
    }

    Verdict verdict(String key, long line) {
        int slot = slot(nonZero(KeyIndex.hash(key)));
        if (keys[slot] == EMPTY || differ[slot]) {
            return Verdict.CONFLICT;
        }
        return firstLines[slot] == line ? Verdict.FIRST : Verdict.REPEAT;
    }

    /** The line of the first record with this key. */
    long firstLine(String key) {
        return firstLines[slot(nonZero(KeyIndex.hash(key)))];
    }

    private int slot(long k) {
        int mask = keys.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = firstLines;
        long[] oldContents = contents;
        boolean[] oldDiffer = differ;
        int n = oldKeys.length * 2;
        keys = new long[n];
        firstLines = new long[n];
        contents = new long[n];
        differ = new boolean[n];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                firstLines[s] = oldLines[i];
                contents[s] = oldContents[i];
                differ[s] = oldDiffer[i];
            }
        }
    }

    private static long nonZero(long h) {
        return h == EMPTY ? 1L : h;
    }
}
