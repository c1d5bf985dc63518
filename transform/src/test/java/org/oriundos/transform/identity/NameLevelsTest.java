package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The name comparison's levels, one case each, on names whose words carry made-up information
 * (bits in the record's block, how generic in all names): the rules of {@link NameLevels}, which
 * decide every pair the linker scores.
 */
class NameLevelsTest {
    private static final String[] NONE = {};

    /** Information of the made-up words: {info, generic}. CLUB and SOCIAL are in most names. */
    private static final Map<String, double[]> INFO = Map.of(
            "CLUB", new double[] {0.5, 0.5},
            "SOCIAL", new double[] {1.5, 2.0},
            "UNIDO", new double[] {3.5, 3.6},
            "JEREZ", new double[] {9.0, 9.5},
            "ZACATECAS", new double[] {4.0, 5.0},
            "GUADALUPE", new double[] {8.5, 9.0},
            "GUADALUPA", new double[] {14.0, 14.0},
            "12", new double[] {6.0, 6.0},
            "30", new double[] {6.0, 6.0},
            "AMIGOS", new double[] {4.2, 4.2});

    private static NameLevels.Name name(String text, String... places) {
        return NameLevels.name(text, w -> INFO.getOrDefault(w, new double[] {0, 0}), java.util.Set.of(places),
                w -> w.equals("GUADALUPE") ? new String[] {"GUADALUPA"}
                        : w.equals("GUADALUPA") ? new String[] {"GUADALUPE"} : NONE);
    }

    private static String level(String a, String b) {
        return NameLevels.level(name(a), name(b), a.equals(b), false, NONE, NONE, false);
    }

    @Test
    void theSameWordsAreExactInTheBandOfTheirInformation() {
        assertThat(level("CLUB JEREZ", "CLUB JEREZ")).isEqualTo("exact_8");
        // word order does not matter: the same words
        assertThat(level("JEREZ CLUB UNIDO", "CLUB UNIDO JEREZ")).isEqualTo("exact_12");
    }

    @Test
    void numbersMustAgree() {
        assertThat(level("CLUB UNIDO JEREZ 12", "CLUB UNIDO JEREZ 30")).isEqualTo("numbers_differ");
        // a number one name has and the other has none of is a word added, not a conflict
        assertThat(level("CLUB UNIDO JEREZ 12", "CLUB UNIDO JEREZ")).isEqualTo("extra_word");
    }

    @Test
    void wordsMostNamesHaveMakeNamesAlike() {
        assertThat(level("CLUB SOCIAL JEREZ", "JEREZ")).isEqualTo("alike_8");
    }

    @Test
    void aGenericButNotTrivialWordDroppedIsNear() {
        assertThat(level("CLUB UNIDO JEREZ", "CLUB JEREZ")).isEqualTo("near_8");
    }

    @Test
    void anInformativeWordAddedIsAnExtraWordAndOneInPlaceOfAnotherDifferentWords() {
        assertThat(level("CLUB JEREZ GUADALUPE", "CLUB JEREZ")).isEqualTo("extra_word");
        assertThat(level("CLUB AMIGOS JEREZ", "CLUB UNIDO JEREZ")).isEqualTo("different_words");
    }

    @Test
    void aTypoOfTheOthersWordIsShared() {
        // GUADALUPA is one typo from GUADALUPE: the names are near, and what is shared counts the record's words
        assertThat(level("CLUB GUADALUPE", "CLUB GUADALUPA")).isEqualTo("near_8");
        assertThat(level("CLUB GUADALUPA", "CLUB GUADALUPE")).isEqualTo("near_12");
        // without the typo rule, an informative word in place of another
        assertThat(level("CLUB GUADALUPE", "CLUB AMIGOS")).isEqualTo("different_words");
    }

    @Test
    void theSharedHometownsWordsSayNothing() {
        String[] home = {"JEREZ"};
        assertThat(NameLevels.level(name("CLUB JEREZ"), name("CLUB JEREZ"), true, true, home, NONE, false))
                .isEqualTo("exact_0");
        // without a shared hometown they count in full
        assertThat(NameLevels.level(name("CLUB JEREZ"), name("CLUB JEREZ"), true, false, home, NONE, false))
                .isEqualTo("exact_8");
        // a hometown word only one name has is not an informative word added
        assertThat(NameLevels.level(name("CLUB UNIDO JEREZ"), name("CLUB UNIDO"), false, true, home, NONE, false))
                .isEqualTo("alike_4");
    }

    @Test
    void aTypoOfTheSharedHometownsWordSaysNothingEither() {
        // GUADALUPA, a typo of the hometown Guadalupe, is a word no other name has: 14 bits if read as a word of its own
        String[] home = {"GUADALUPE"};
        // read as the hometown's word: the names are the same, sharing nothing but the town, as if written right
        assertThat(NameLevels.level(name("CLUB GUADALUPA"), name("CLUB GUADALUPE"), false, true, home, NONE, false))
                .isEqualTo("exact_0");
        assertThat(NameLevels.level(name("CLUB GUADALUPE"), name("CLUB GUADALUPE"), true, true, home, NONE, false))
                .isEqualTo("exact_0");
        assertThat(NameLevels.level(name("CLUB UNIDO GUADALUPA"), name("CLUB GUADALUPE"), false, true, home, NONE, false))
                .isEqualTo(NameLevels.level(name("CLUB UNIDO GUADALUPE"), name("CLUB GUADALUPE"), false, true, home, NONE,
                        false)).isEqualTo("near_0");
        assertThat(NameLevels.level(name("CLUB GUADALUPA"), name("CLUB GUADALUPE"), false, false, home, NONE, false))
                .isEqualTo("near_12");
    }

    @Test
    void aHometownWordsTypoIsOneEditOfAtLeastFiveLetters() {
        String[] home = {"MARQUELIA", "JEREZ"};
        assertThat(NameLevels.hometownWord(home, "MARQUELIA")).isTrue();
        assertThat(NameLevels.hometownWord(home, "MARQIELIA")).isTrue(); // a letter changed
        assertThat(NameLevels.hometownWord(home, "MARQULEIA")).isTrue(); // two swapped
        assertThat(NameLevels.hometownWord(home, "MARQUELIAS")).isTrue(); // one added
        assertThat(NameLevels.hometownWord(home, "MARQELIA")).isTrue(); // one dropped
        assertThat(NameLevels.hometownWord(home, "MRQUELIAA")).isFalse(); // two edits
        assertThat(NameLevels.hometownWord(home, "ARQUELIAX")).isFalse(); // neither the first nor the last two letters
        assertThat(NameLevels.hometownWord(home, "JERES")).isTrue();
        assertThat(NameLevels.hometownWord(home, "JERE")).isFalse(); // under five letters: only written exactly
        assertThat(NameLevels.hometownWord(new String[] {"PAZ"}, "PAS")).isFalse();
        assertThat(NameLevels.hometownWord(new String[] {"PAZ"}, "PAZ")).isTrue();
        assertThat(NameLevels.oneEdit("ABCDE", "ABCDE")).isFalse();
        assertThat(NameLevels.oneEdit("ABCDE", "BACDE")).isTrue();
        assertThat(NameLevels.oneEdit("ABCDE", "ABCED")).isTrue();
        assertThat(NameLevels.oneEdit("ABCDE", "ABCD")).isTrue();
        assertThat(NameLevels.oneEdit("ABCDE", "BCDE")).isTrue();
        assertThat(NameLevels.oneEdit("ABCDE", "ACBED")).isFalse();
    }

    @Test
    void placeWordsAreNoEvidenceWhenTheUsLocationDisagrees() {
        NameLevels.Name a = name("CLUB ZACATECAS JEREZ", "ZACATECAS");
        NameLevels.Name b = name("CLUB ZACATECAS JEREZ", "ZACATECAS");
        assertThat(NameLevels.level(a, b, true, false, NONE, NONE, false)).isEqualTo("exact_12");
        assertThat(NameLevels.level(a, b, true, false, NONE, NONE, true)).isEqualTo("exact_8");
        // a US city either name holds is a place word too
        NameLevels.Name c = name("CLUB GUADALUPE JEREZ");
        assertThat(NameLevels.level(c, c, true, false, NONE, new String[] {"GUADALUPE"}, true)).isEqualTo("exact_8");
        assertThat(NameLevels.level(c, c, true, false, NONE, new String[] {"GUADALUPE"}, false)).isEqualTo("exact_16");
    }

    @Test
    void aNameWithoutWordsHasNoLevel() {
        NameLevels.Name empty = new NameLevels.Name(NONE, new double[0], new double[0], new boolean[0], new boolean[0],
                new String[0][], 0);
        assertThat(NameLevels.level(empty, name("CLUB JEREZ"), false, false, NONE, NONE, false)).isNull();
    }

    @Test
    void oneComparerGivesEachPairTheLevelAFreshOneGives() {
        // the comparer's scratch space is reused from pair to pair, and grows past its first size (16 words)
        String long20 = "CLUB UNIDO JEREZ " + "AMIGOS ".repeat(16) + "12";
        List<String[]> pairs = List.of(new String[] {long20, "CLUB UNIDO JEREZ 30"}, new String[] {"CLUB JEREZ", "CLUB JEREZ"},
                new String[] {"CLUB UNIDO JEREZ 12", long20}, new String[] {"CLUB GUADALUPE", "CLUB GUADALUPA"},
                new String[] {"CLUB AMIGOS JEREZ", "CLUB UNIDO JEREZ"}, new String[] {"CLUB SOCIAL JEREZ", "JEREZ"},
                new String[] {"CLUB UNIDO JEREZ", "CLUB JEREZ"});
        NameLevels.Comparer comparer = new NameLevels.Comparer();
        for (String[] p : pairs) {
            for (boolean town : new boolean[] {false, true}) {
                String[] home = {"JEREZ"};
                assertThat(comparer.level(name(p[0]), name(p[1]), p[0].equals(p[1]), town, home, NONE, false))
                        .as("%s / %s", p[0], p[1])
                        .isEqualTo(NameLevels.level(name(p[0]), name(p[1]), p[0].equals(p[1]), town, home, NONE, false));
            }
        }
        assertThat(comparer.level(name(long20), name("CLUB UNIDO JEREZ 30"), false, false, NONE, NONE, false))
                .isEqualTo("numbers_differ");
        assertThat(comparer.level(name("CLUB JEREZ"), name("CLUB JEREZ"), true, false, NONE, NONE, false))
                .isEqualTo("exact_8");
    }

    @Test
    void placePhrasesAreFoundAsWholeWords() {
        NameLevels.Places places = new NameLevels.Places(List.of("NUEVO LEON", "LEON", "LOS ANGELES"));
        assertThat(places.wordsOf("CLUB NUEVO LEON DE LOS ANGELES")).containsExactlyInAnyOrder("NUEVO", "LEON", "LOS",
                "ANGELES");
        assertThat(places.wordsOf("CLUB LEONES DE NUEVO")).isEmpty();
        // a phrase at the end of the name, and one cut short by it
        assertThat(places.wordsOf("CLUB DE LOS ANGELES")).containsExactlyInAnyOrder("LOS", "ANGELES");
        assertThat(places.wordsOf("CLUB DE NUEVO")).isEmpty();
    }
}
