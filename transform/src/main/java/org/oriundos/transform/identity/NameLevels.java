package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The name comparison of a candidate pair: the level of {@link LinkageModel#NAME_LEVELS} two
 * normalised names agree at, from how informative each of their words is. It runs in Java over
 * word lists built once per name, not as list functions per pair in SQL: the pairs of a pass are
 * hundreds of thousands, their names a few words each, and building, filtering and summing the
 * word lists of every pair was most of what the levels queries cost.
 *
 * <p>A name's words, each with what the pair's level is computed from ({@link Word}):
 * <ul>
 *   <li>{@code info}: how much the word says in the record's block when shared (the
 *       leave-one-out information of {@code tf.linfo});</li>
 *   <li>{@code generic}: how generic the word is in all names ({@code tf.ginfo}), which tells a
 *       generic word (Club, Social) from one that tells clubs apart;</li>
 *   <li>{@code number}: the word is a number, which must agree;</li>
 *   <li>{@code place}: the word is part of a place name the name holds (a US state or consulate
 *       city, a Mexican state or its demonym);</li>
 *   <li>{@code typos}: the words it is one typo away from ({@code typo_of}).</li>
 * </ul>
 * Given a pair's context (whether the hometown is shared, the hometown's words, the US cities the
 * names hold, whether the US location disagrees), the level is:
 * <ol>
 *   <li>{@code numbers_differ} when a number only one name has meets a number in the other;</li>
 *   <li>{@code exact_B} when the names have the same words, {@code B} the band of
 *       {@link LinkageModel#SHARED_BITS_BANDS} their shared information falls in;</li>
 *   <li>{@code alike_B} when the words only one has are words most names have;</li>
 *   <li>{@code different_words} when each name has a word, not most names', the other has not
 *       (typos aside);</li>
 *   <li>{@code near_B} when one name has such a word, no more informative than
 *       {@link LinkageDb#NEAR_BITS};</li>
 *   <li>{@code extra_word} otherwise.</li>
 * </ol>
 * The shared information counts the words of the record's name but those only it has (a typo of
 * the other's word is shared), and not the words naming places when the US location disagrees
 * (they say where the clubs are, which the location weighs). The shared hometown's words count for
 * nothing: the municipality's comparison has weighed them.
 */
final class NameLevels {
    /**
     * A name's words as the comparison reads them, parallel arrays (a name has a few words; the
     * pairs are hundreds of thousands, so a pair's comparison allocates nothing but what it needs).
     */
    record Name(String[] text, double[] info, double[] generic, boolean[] number, boolean[] place, String[][] typos,
                int numbers) {
        int size() {
            return text.length;
        }
    }

    /**
     * A name's words as the comparison reads them: {@code info} gives a word's {information,
     * generic-ness} ({0, 0} when unknown), {@code places} the words of the place names it holds,
     * {@code typos} the words a word is one typo away from.
     */
    static Name name(String name, java.util.function.Function<String, double[]> info, Set<String> places,
                     java.util.function.Function<String, String[]> typos) {
        return name(words(name), info, places, typos);
    }

    /** {@link #name(String, java.util.function.Function, Set, java.util.function.Function)} of a name's words. */
    static Name name(String[] text, java.util.function.Function<String, double[]> info, Set<String> places,
                     java.util.function.Function<String, String[]> typos) {
        int n = text.length;
        double[] i = new double[n];
        double[] g = new double[n];
        boolean[] number = new boolean[n];
        boolean[] place = new boolean[n];
        String[][] typo = new String[n][];
        for (int k = 0; k < n; k++) {
            double[] w = info.apply(text[k]);
            i[k] = w[0];
            g[k] = w[1];
            number[k] = isNumber(text[k]);
            place[k] = places.contains(text[k]);
            typo[k] = typos.apply(text[k]);
        }
        int numbers = 0;
        for (boolean b : number) {
            numbers += b ? 1 : 0;
        }
        return new Name(text, i, g, number, place, typo, numbers);
    }

    /** The level of names whose numbers differ: never one association, whatever else agrees. */
    static final String NUMBERS_DIFFER = "numbers_differ";

    /** The levels of a kind (exact, alike, near) by band, as {@link #bandIndex} numbers them: built once. */
    private static final String[] EXACT = ofBands("exact");
    private static final String[] ALIKE = ofBands("alike");
    private static final String[] NEAR = ofBands("near");

    private static String[] ofBands(String kind) {
        List<Integer> bands = LinkageModel.SHARED_BITS_BANDS;
        String[] out = new String[bands.size() + 1];
        for (int b = 0; b < bands.size(); b++) {
            out[b] = level(kind + "_" + bands.get(b));
        }
        out[bands.size()] = level(kind + "_0");
        return out;
    }

    private static String level(String name) {
        int at = LinkageModel.NAME_LEVELS.indexOf(name);
        if (at < 0) {
            throw new IllegalStateException("the model has no name level " + name);
        }
        return LinkageModel.NAME_LEVELS.get(at);
    }

    private NameLevels() {
    }

    /** The words of a name as {@code string_split(name, ' ')} gives them. */
    static String[] words(String name) {
        return name.split(" ", -1);
    }

    /**
     * The level of a pair's names, or null when either has no word. {@code a} is the record's name,
     * {@code b} the candidate's; {@code same}: the two normalised names are equal; {@code home}: the
     * words of the record's hometown; {@code cityWords}: the words of the US cities either name holds.
     */
    static String level(Name a, Name b, boolean same, boolean town, String[] home, String[] cityWords,
                        boolean usDisagrees) {
        return new Comparer().level(a, b, same, town, home, cityWords, usDisagrees);
    }

    /**
     * Compares pairs one after another with the same scratch space: a pass compares hundreds of
     * thousands, and a comparison allocates nothing. Not for several threads at once.
     */
    static final class Comparer {
        private boolean[] homeA = new boolean[16];
        private boolean[] homeB = new boolean[16];
        private boolean[] placeA = new boolean[16];
        private boolean[] placeB = new boolean[16];
        private boolean[] onlyA = new boolean[16];
        private boolean[] onlyB = new boolean[16];
        private boolean[] unA = new boolean[16];
        private boolean[] unB = new boolean[16];
        private String[] formA = new String[16];
        private String[] formB = new String[16];

        /** {@link NameLevels#level}. */
        String level(Name a, Name b, boolean same, boolean town, String[] home, String[] cityWords, boolean usDisagrees) {
            int na = a.size();
            int nb = b.size();
            if (na == 0 || nb == 0) {
                return null;
            }
            if (homeA.length < na || homeB.length < nb) {
                int n = Math.max(na, nb);
                homeA = new boolean[n];
                homeB = new boolean[n];
                placeA = new boolean[n];
                placeB = new boolean[n];
                onlyA = new boolean[n];
                onlyB = new boolean[n];
                unA = new boolean[n];
                unB = new boolean[n];
                formA = new String[n];
                formB = new String[n];
            }
            // the words as this pair reads them: the shared hometown's say nothing, the US cities either name holds are places
            hometown(a, town, home, homeA, formA);
            hometown(b, town, home, homeB, formB);
            places(a, cityWords, placeA);
            places(b, cityWords, placeB);
            // only: the words only one name has; un: those of them that are not a typo of such a word of the other
            boolean anyOnly = false;
            for (int i = 0; i < na; i++) {
                onlyA[i] = !contains(formB, nb, formA[i]);
                anyOnly |= onlyA[i];
            }
            for (int j = 0; j < nb; j++) {
                onlyB[j] = !contains(formA, na, formB[j]);
                anyOnly |= onlyB[j];
            }
            unmatched(a, onlyA, b, onlyB, unA);
            unmatched(b, onlyB, a, onlyA, unB);
            boolean alike = maxGeneric(a, homeA, onlyA) < 0 && maxGeneric(b, homeB, onlyB) < 0;
            double distinctive = 0;
            for (int i = 0; i < na; i++) {
                if (!(usDisagrees && placeA[i])) {
                    distinctive += homeA[i] ? 0.0 : a.info()[i];
                }
            }
            double unmatchedInfo = 0;
            for (int i = 0; i < na; i++) {
                if (unA[i] && !(usDisagrees && placeA[i])) {
                    unmatchedInfo += homeA[i] ? 0.0 : a.info()[i];
                }
            }
            distinctive -= unmatchedInfo;
            double ua = maxGeneric(a, homeA, unA);
            double ub = maxGeneric(b, homeB, unB);
            if ((anyNumber(a, unA) && b.numbers() > 0) || (anyNumber(b, unB) && a.numbers() > 0)) {
                return NUMBERS_DIFFER;
            }
            if (same || !anyOnly) {
                return EXACT[bandIndex(distinctive)];
            }
            if (alike) {
                return ALIKE[bandIndex(distinctive)];
            }
            if (ua >= 0 && ub >= 0) {
                return "different_words";
            }
            double extra = ua >= 0 ? ua : ub >= 0 ? ub : 0;
            return extra <= LinkageDb.NEAR_BITS ? NEAR[bandIndex(distinctive)] : "extra_word";
        }

        /**
         * Marks the words of the shared hometown and gives each word its form: a typo of a hometown's word is read
         * as that word (the names then have it in common, as when both write it right), any other word as written.
         */
        private static void hometown(Name n, boolean town, String[] home, boolean[] out, String[] form) {
            for (int i = 0; i < n.size(); i++) {
                String w = n.text()[i];
                String h = town ? hometownForm(home, w) : null;
                out[i] = h != null;
                form[i] = h != null ? h : w;
            }
        }

        private static void places(Name n, String[] cityWords, boolean[] out) {
            for (int i = 0; i < n.size(); i++) {
                out[i] = n.place()[i] || (cityWords.length > 0 && contains(cityWords, n.text()[i]));
            }
        }

        /** Of the words {@code only} marks in {@code n}, those none of whose typos is a word {@code otherOnly} marks in {@code o}. */
        private static void unmatched(Name n, boolean[] only, Name o, boolean[] otherOnly, boolean[] out) {
            for (int i = 0; i < n.size(); i++) {
                if (!only[i]) {
                    out[i] = false;
                    continue;
                }
                boolean typo = false;
                for (String t : n.typos()[i]) {
                    for (int j = 0; j < o.size() && !typo; j++) {
                        typo = otherOnly[j] && o.text()[j].equals(t);
                    }
                    if (typo) {
                        break;
                    }
                }
                out[i] = !typo;
            }
        }

        /** The highest generic-ness of the marked words that are not in most names, -1 when none. */
        private static double maxGeneric(Name n, boolean[] home, boolean[] marked) {
            double max = -1;
            for (int i = 0; i < n.size(); i++) {
                double g = home[i] ? 0.0 : n.generic()[i];
                if (marked[i] && g >= LinkageDb.TRIVIAL_BITS && g > max) {
                    max = g;
                }
            }
            return max;
        }

        /** Whether a marked word is a number. */
        private static boolean anyNumber(Name n, boolean[] marked) {
            if (n.numbers() == 0) {
                return false;
            }
            for (int i = 0; i < n.size(); i++) {
                if (n.number()[i] && marked[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Whether a word is one of the hometown's words or a typo of one, as the blocking reads it
     * ({@code hometown_word}): both at least five letters long, lengths at most one apart, the same
     * first or last two letters, and one edit (a letter changed, added, dropped, or two swapped).
     */
    static boolean hometownWord(String[] home, String w) {
        return hometownForm(home, w) != null;
    }

    /** The hometown's word a word is ({@link #hometownWord}): itself, the first it is a typo of, or null. */
    static String hometownForm(String[] home, String w) {
        for (String h : home) {
            if (h.equals(w)) {
                return h;
            }
        }
        for (String h : home) {
            if (h.length() >= 5 && w.length() >= 5 && Math.abs(h.length() - w.length()) <= 1
                    && (h.regionMatches(0, w, 0, 2) || h.regionMatches(h.length() - 2, w, w.length() - 2, 2))
                    && oneEdit(h, w)) {
                return h;
            }
        }
        return null;
    }

    /** Whether two different words are one edit apart (Damerau–Levenshtein distance 1). */
    static boolean oneEdit(String a, String b) {
        if (a.length() < b.length()) {
            String t = a;
            a = b;
            b = t;
        }
        int start = 0;
        while (start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (a.length() != b.length()) {
            // one letter more: the rest after it must be the same
            return a.length() == b.length() + 1 && a.regionMatches(start + 1, b, start, b.length() - start);
        }
        if (start == a.length()) {
            return false; // the same word
        }
        // one letter changed, or it and the next swapped
        return a.regionMatches(start + 1, b, start + 1, a.length() - start - 1)
                || (start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start)
                    && a.regionMatches(start + 2, b, start + 2, a.length() - start - 2));
    }

    /**
     * Which of these words (ASCII, at least five letters, not numbers) are typos of each other, as
     * DuckDB's {@code typo_of} reads them: lengths at most two apart, the same first or last two
     * letters, and at most one edit ({@link #damerauLevenshtein}), two when both have nine letters
     * or more. Each word with the words it is a typo of (symmetric); a word with none is absent.
     *
     * <p>Only words sharing their first or last two letters are compared, shortest first, and a
     * word only with those at most two letters longer; before the edit distance, whether their
     * letters differ no more than the edits allow (an edit brings at most one letter the other
     * word lacks into each, and changes the count of at most two).
     */
    static Map<String, List<String>> typos(List<String> words) {
        List<Integer> byLength = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            byLength.add(i);
        }
        byLength.sort(java.util.Comparator.comparingInt((Integer i) -> words.get(i).length()).thenComparing(i -> i));
        Map<String, List<Integer>> buckets = new HashMap<>();
        long[] letters = new long[2 * words.size()];
        for (int i : byLength) {
            String w = words.get(i);
            for (int k = 0; k < w.length(); k++) {
                letters[2 * i + w.charAt(k) / 64] |= 1L << (w.charAt(k) % 64);
            }
            buckets.computeIfAbsent("<" + w.substring(0, 2), k -> new ArrayList<>()).add(i);
            buckets.computeIfAbsent(">" + w.substring(w.length() - 2), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<String>> out = new HashMap<>();
        Set<Long> compared = new HashSet<>();
        int[] counts = new int[128];
        for (List<Integer> bucket : buckets.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                int i = bucket.get(x);
                String a = words.get(i);
                for (int y = x + 1; y < bucket.size(); y++) {
                    int j = bucket.get(y);
                    String b = words.get(j);
                    if (b.length() - a.length() > 2) {
                        break;
                    }
                    int edits = a.length() >= 9 ? 2 : 1;
                    if (Long.bitCount(letters[2 * i] & ~letters[2 * j]) + Long.bitCount(letters[2 * i + 1] & ~letters[2 * j + 1]) > edits
                            || Long.bitCount(letters[2 * j] & ~letters[2 * i]) + Long.bitCount(letters[2 * j + 1] & ~letters[2 * i + 1]) > edits
                            || lettersDiffer(a, b, counts) > 2 * edits) {
                        continue;
                    }
                    if (compared.add((long) Math.min(i, j) << 32 | Math.max(i, j)) && typo(a, b)) {
                        out.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                        out.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
                    }
                }
            }
        }
        return out;
    }

    /** How many letters two ASCII words count differently (summed over letters); {@code counts}: all zeros, left so. */
    private static int lettersDiffer(String a, String b, int[] counts) {
        for (int k = 0; k < a.length(); k++) {
            counts[a.charAt(k)]++;
        }
        for (int k = 0; k < b.length(); k++) {
            counts[b.charAt(k)]--;
        }
        int differ = 0;
        for (int k = 0; k < a.length(); k++) {
            differ += Math.abs(counts[a.charAt(k)]);
            counts[a.charAt(k)] = 0;
        }
        for (int k = 0; k < b.length(); k++) {
            differ += Math.abs(counts[b.charAt(k)]);
            counts[b.charAt(k)] = 0;
        }
        return differ;
    }

    /** Whether two different ASCII words of five letters or more are typos of each other ({@link #typos}). */
    static boolean typo(String a, String b) {
        if (a.length() < 5 || b.length() < 5 || Math.abs(a.length() - b.length()) > 2 || a.equals(b)
                || !(a.regionMatches(0, b, 0, 2) || a.regionMatches(a.length() - 2, b, b.length() - 2, 2))) {
            return false;
        }
        return damerauLevenshtein(a, b) <= (Math.min(a.length(), b.length()) >= 9 ? 2 : 1);
    }

    /**
     * The Damerau–Levenshtein distance of two words (letters changed, added, dropped, or two
     * neighbours swapped, edits of a swapped pair included): the Lowrance–Wagner algorithm, as
     * DuckDB's {@code damerau_levenshtein}, which counts bytes: for ASCII words only.
     */
    static int damerauLevenshtein(String a, String b) {
        int n = a.length();
        int m = b.length();
        int far = n + m;
        int[][] d = new int[n + 2][m + 2];
        int[] lastRow = new int[128];
        d[0][0] = far;
        for (int i = 0; i <= n; i++) {
            d[i + 1][0] = far;
            d[i + 1][1] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j + 1] = far;
            d[1][j + 1] = j;
        }
        for (int i = 1; i <= n; i++) {
            int lastColumn = 0;
            for (int j = 1; j <= m; j++) {
                int i1 = lastRow[b.charAt(j - 1)];
                int j1 = lastColumn;
                int cost = 1;
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cost = 0;
                    lastColumn = j;
                }
                d[i + 1][j + 1] = Math.min(Math.min(d[i][j] + cost, d[i + 1][j] + 1),
                        Math.min(d[i][j + 1] + 1, d[i1][j1] + (i - i1 - 1) + 1 + (j - j1 - 1)));
            }
            lastRow[a.charAt(i - 1)] = i;
        }
        return d[n + 1][m + 1];
    }

    private static boolean contains(String[] words, int n, String w) {
        for (int i = 0; i < n; i++) {
            if (words[i].equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] words, String w) {
        for (String x : words) {
            if (x.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The band of {@link LinkageModel#SHARED_BITS_BANDS} (highest first) an amount of information
     * falls in, by its position there; below every band, one past the last (band 0).
     */
    static int bandIndex(double bits) {
        for (int b = 0; b < BANDS.length; b++) {
            if (bits >= BANDS[b]) {
                return b;
            }
        }
        return BANDS.length;
    }

    private static final int[] BANDS = LinkageModel.SHARED_BITS_BANDS.stream().mapToInt(Integer::intValue).toArray();

    /** Whether a word is a number, as {@code regexp_full_match(token, '[0-9]+')}. */
    static boolean isNumber(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of the place phrases a name holds: phrases indexed by their first word, each
     * matched as a run of whole words of the name.
     */
    static final class Places {
        private final Map<String, List<String[]>> byFirst = new HashMap<>();

        Places(List<String> phrases) {
            for (String p : phrases) {
                String[] w = words(p);
                byFirst.computeIfAbsent(w[0], k -> new ArrayList<>()).add(w);
            }
        }

        Set<String> wordsOf(String name) {
            return wordsOf(words(name));
        }

        /** The words of the phrases the name's words hold, empty when none. */
        Set<String> wordsOf(String[] name) {
            Set<String> out = Set.of();
            for (int i = 0; i < name.length; i++) {
                List<String[]> phrases = byFirst.get(name[i]);
                if (phrases == null) {
                    continue;
                }
                for (String[] phrase : phrases) {
                    if (startsAt(name, i, phrase)) {
                        if (out.isEmpty()) {
                            out = new HashSet<>();
                        }
                        out.addAll(List.of(phrase));
                    }
                }
            }
            return out;
        }

        private static boolean startsAt(String[] name, int at, String[] phrase) {
            if (at + phrase.length > name.length) {
                return false;
            }
            for (int k = 1; k < phrase.length; k++) {
                if (!phrase[k].equals(name[at + k])) {
                    return false;
                }
            }
            return true;
        }
    }
}
