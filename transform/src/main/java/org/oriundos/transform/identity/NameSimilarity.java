package org.oriundos.transform.identity;

import java.util.Arrays;

/**
 * How alike two normalised names are: the Dice coefficient of their character bigrams
 * (2 × shared pairs / all pairs), from 0 (nothing shared) to 1 (same pairs), rounded to four
 * decimals so the score written to the link table is stable. {@code ZACATECANO LOS ANGELES} and
 * {@code ZACATECANOS LOS ANGELES} score 0.9302; {@code JEREZ} and {@code JEREZ UNIDO} 0.5714.
 */
public final class NameSimilarity {
    private NameSimilarity() {
    }

    public static double score(String a, String b) {
        return score(bigrams(a), bigrams(b));
    }

    /** The sorted bigram codes of a name, to score one name against many without recomputing. */
    static int[] bigrams(String s) {
        if (s == null || s.length() < 2) {
            return s == null || s.isEmpty() ? new int[0] : new int[] {s.charAt(0)};
        }
        int[] codes = new int[s.length() - 1];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(codes);
        return codes;
    }

    static double score(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        double dice = 2.0 * shared / (a.length + b.length);
        return Math.round(dice * 10_000) / 10_000.0;
    }
}
