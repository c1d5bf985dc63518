package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bigram index must find exactly the best match a scan of the whole block finds: the same
 * association, the same score, the same tie-break, for names near and far from the threshold.
 */
class BigramIndexTest {
    private static final String[] WORDS = {"ZACATECANO", "ZACATECANOS", "LOS", "ANGELES", "JEREZ", "UNIDO", "UNIDOS",
        "FEDERACION", "MICHOACANA", "DE", "SAN", "JUAN", "SANTA", "MARIA", "GUADALUPE", "TLALTENANGO", "NOCHISTLAN",
        "VILLANUEVA", "EL", "REMOLINO", "CHICAGO", "DALLAS", "HERMANOS", "AMIGOS", "PROGRESO", "JALPA", "LA", "LUZ"};

    @Test
    void findsTheSameBestMatchAsScoringTheWholeBlock() {
        Random rng = new Random(42);
        BigramIndex index = new BigramIndex();
        List<AssociationRegistry.NameEntry> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String name = variant(rng, name(rng));
            AssociationRegistry.NameEntry e = new AssociationRegistry.NameEntry(name, null,
                    String.format("HTA-%06d", 1 + rng.nextInt(2_000)), NameSimilarity.bigrams(name));
            index.add(e);
            all.add(e);
        }
        int similar = 0;
        long scored = 0;
        for (int q = 0; q < 2_000; q++) {
            String query = q % 2 == 0 ? variant(rng, all.get(rng.nextInt(all.size())).normalizedName()) : name(rng);
            int[] bigrams = NameSimilarity.bigrams(query);
            for (double threshold : new double[] {0.85, 0.6, 0.93}) {
                List<AssociationRegistry.NameEntry> candidates = index.candidates(bigrams, threshold);
                scored += candidates.size();
                String expected = best(all, query, bigrams, threshold);
                assertThat(best(candidates, query, bigrams, threshold)).as("%s at %s", query, threshold).isEqualTo(expected);
                if (expected != null) {
                    similar++;
                }
            }
        }
        assertThat(similar).as("queries that do have a match at or over the threshold").isGreaterThan(1_000);
        assertThat(scored).as("names scored through the index, against %d for whole-block scans", 6_000L * all.size())
                .isLessThan(6_000L * all.size() / 5);
    }

    @Test
    void aThresholdThatAdmitsAScoreOfZeroScoresEveryName() {
        BigramIndex index = new BigramIndex();
        for (String name : List.of("JEREZ", "LOS ANGELES", "X")) {
            index.add(new AssociationRegistry.NameEntry(name, null, "HTA-000001", NameSimilarity.bigrams(name)));
        }
        assertThat(index.candidates(NameSimilarity.bigrams("CHICAGO"), 0.0)).hasSize(3);
        assertThat(index.candidates(NameSimilarity.bigrams("CHICAGO"), 0.5)).isEmpty();
        assertThat(index.candidates(NameSimilarity.bigrams(""), 0.5)).isEmpty();
    }

    /** The linker's choice over these names: the highest score at or over the threshold, ties to the lowest id. */
    private static String best(List<AssociationRegistry.NameEntry> names, String query, int[] bigrams, double threshold) {
        String similar = null;
        double best = -1;
        for (AssociationRegistry.NameEntry n : names) {
            if (n.normalizedName().equals(query)) {
                continue;
            }
            double s = NameSimilarity.score(bigrams, n.bigrams());
            if (s > best || (s == best && n.associationId().compareTo(similar) < 0)) {
                best = s;
                similar = n.associationId();
            }
        }
        return similar != null && best >= threshold ? similar + " " + best : null;
    }

    private static String name(Random rng) {
        StringBuilder sb = new StringBuilder();
        int words = 1 + rng.nextInt(4);
        for (int w = 0; w < words; w++) {
            sb.append(w == 0 ? "" : " ").append(WORDS[rng.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** A name as people write it: a letter dropped, doubled or changed, now and then. */
    private static String variant(Random rng, String name) {
        StringBuilder sb = new StringBuilder(name);
        int edits = rng.nextInt(3);
        for (int i = 0; i < edits && sb.length() > 2; i++) {
            int at = rng.nextInt(sb.length());
            switch (rng.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(at));
                default -> sb.setCharAt(at, (char) ('A' + rng.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
