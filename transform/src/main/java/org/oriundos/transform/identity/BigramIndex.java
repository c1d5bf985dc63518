package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one origin-state block indexed by their character bigrams, so that finding the
 * names that may score at least a threshold against a record's name costs the names that share
 * its bigrams, not the whole block (a block grows with every name variant ever seen: scoring all
 * of it for every record that has no exact match made linking quadratic in the registry).
 *
 * <p>The filter is exact, never a heuristic: a name is left out only when even an upper bound of
 * its score is under the threshold. The bound counts, for every distinct bigram the two names
 * share, the record name's occurrences of it; the shared pairs of {@link NameSimilarity#score}
 * can only be fewer. So the names left out are exactly some of those the full scan would have
 * scored under the threshold, and the best match found, with its ties, is the full scan's.
 */
final class BigramIndex {
    /** Rounding slack: a score is rounded to four decimals, so a Dice just under the threshold may round up to it. */
    private static final double ROUNDING = 0.0001;

    private final List<AssociationRegistry.NameEntry> entries = new ArrayList<>();
    private final Map<Integer, int[]> postings = new HashMap<>(); // bigram code -> [size, entry indexes...]
    private int[] bound = new int[16];
    private int[] touched = new int[16];

    void add(AssociationRegistry.NameEntry entry) {
        int index = entries.size();
        entries.add(entry);
        if (bound.length <= index) {
            bound = Arrays.copyOf(bound, bound.length * 2);
        }
        int[] codes = entry.bigrams();
        for (int i = 0; i < codes.length; i++) {
            if (i > 0 && codes[i] == codes[i - 1]) {
                continue; // sorted: each distinct bigram once
            }
            int[] list = postings.get(codes[i]);
            if (list == null || list[0] + 1 == list.length) {
                list = list == null ? new int[4] : Arrays.copyOf(list, list.length * 2);
                postings.put(codes[i], list);
            }
            list[++list[0]] = index;
        }
    }

    /**
     * The names that may score at least {@code threshold} against a name with these (sorted)
     * bigrams, in no particular order (the linker's choice, the highest score and then the lowest
     * id, does not depend on it); every name when the threshold admits a score of 0.
     */
    List<AssociationRegistry.NameEntry> candidates(int[] bigrams, double threshold) {
        double floor = threshold - ROUNDING;
        if (floor <= 0) {
            return entries;
        }
        int touchedCount = 0;
        for (int i = 0; i < bigrams.length; ) {
            int code = bigrams[i];
            int times = 1;
            while (i + times < bigrams.length && bigrams[i + times] == code) {
                times++;
            }
            i += times;
            int[] list = postings.get(code);
            if (list == null) {
                continue;
            }
            for (int k = 1; k <= list[0]; k++) {
                int e = list[k];
                if (bound[e] == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touched.length * 2);
                    }
                    touched[touchedCount++] = e;
                }
                bound[e] += times;
            }
        }
        List<AssociationRegistry.NameEntry> out = new ArrayList<>();
        for (int t = 0; t < touchedCount; t++) {
            int e = touched[t];
            AssociationRegistry.NameEntry n = entries.get(e);
            if (2.0 * bound[e] / (bigrams.length + n.bigrams().length) >= floor) {
                out.add(n);
            }
            bound[e] = 0;
        }
        return out;
    }
}
