package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The linker decides in Java which words are typos of each other ({@link NameLevels#typos},
 * {@link NameLevels#damerauLevenshtein}); the blocking and the generic-word corrections decide in
 * DuckDB ({@code damerau_levenshtein}, the {@code typo_of} macro). Both must read a typo alike, or a
 * pair would be blocked by one rule and compared by another.
 */
class EditDistancePropertiesTest {
    private static Connection duckdb;
    private static LinkageDb linker;

    @BeforeContainer
    static void open() throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("threads", "1");
        duckdb = DriverManager.getConnection("jdbc:duckdb:", p);
        linker = new LinkageDb(LinkageModel.shipped(), 1, "256MB", Map.of());
    }

    @AfterContainer
    static void close() throws SQLException {
        duckdb.close();
        linker.close();
    }

    @Property(tries = 3000)
    void theJavaDistanceIsDuckDbs(@ForAll("words") String a, @ForAll("words") String b) throws SQLException {
        assertThat(NameLevels.damerauLevenshtein(a, b)).as("%s / %s", a, b).isEqualTo(duckdb(a, b));
    }

    @Property(tries = 2000)
    void aWordAndItsEditsAreAsFarApartInJavaAsInDuckDb(@ForAll("words") String a, @ForAll("edits") int[] edits)
            throws SQLException {
        // near words: the distances a typo rule reads (1 and 2) are where the two could differ
        String b = edited(a, edits);
        assertThat(NameLevels.damerauLevenshtein(a, b)).as("%s / %s", a, b).isEqualTo(duckdb(a, b));
    }

    @Property(tries = 300)
    void theTyposFoundAreEveryPairOfTyposAndNoOther(@ForAll("wordLists") List<String> words) {
        Map<String, List<String>> found = NameLevels.typos(words);
        for (String a : words) {
            Set<String> expected = new TreeSet<>();
            for (String b : words) {
                if (NameLevels.typo(a, b)) {
                    expected.add(b);
                }
            }
            assertThat(new TreeSet<>(found.getOrDefault(a, List.of()))).as(a).isEqualTo(expected);
        }
    }

    @Property(tries = 1500)
    void aTypoInJavaIsATypoInTheLinkersSql(@ForAll("longWords") String a, @ForAll("edits") int[] edits)
            throws SQLException {
        String b = edited(a, edits);
        Assume.that(!a.equals(b)); // the typos of a word are other words
        try (PreparedStatement s = linker.connection().prepareStatement(
                "select typo_of({'t': ?, 'n': false}, {'t': ?, 'n': false})")) {
            s.setString(1, a);
            s.setString(2, b);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(NameLevels.typo(a, b)).as("%s / %s", a, b).isEqualTo(rs.getBoolean(1));
            }
        }
    }

    @Example
    void aSwapAndAnEditBetweenThemCountTwo() throws SQLException {
        // the case where the distance differs from the restricted one (optimal string alignment): 3 there
        assertThat(NameLevels.damerauLevenshtein("CA", "ABC")).isEqualTo(2).isEqualTo(duckdb("CA", "ABC"));
        assertThat(NameLevels.damerauLevenshtein("ZACATECAS", "ZACTAECAS")).isEqualTo(1);
        assertThat(NameLevels.damerauLevenshtein("", "JEREZ")).isEqualTo(5);
    }

    @Provide
    Arbitrary<String> words() {
        // a small alphabet: swaps, repeats and shared letters are common, as in typos
        return Arbitraries.strings().withChars("ABCDEZ").ofMinLength(0).ofMaxLength(11);
    }

    @Provide
    Arbitrary<String> longWords() {
        return Arbitraries.strings().withChars("ABCDEZ").ofMinLength(4).ofMaxLength(12);
    }

    @Provide
    Arbitrary<List<String>> wordLists() {
        // words of one family (shared letters, near lengths): many are typos of each other
        return Arbitraries.strings().withChars("ABCZ").ofMinLength(5).ofMaxLength(11).list().uniqueElements()
                .ofMinSize(2).ofMaxSize(40);
    }

    @Provide
    Arbitrary<int[]> edits() {
        return Arbitraries.integers().between(0, 1000).array(int[].class).ofMinSize(0).ofMaxSize(6);
    }

    /** {@code a} with edits: pairs of (where, what), each an added, dropped or changed letter or a swap. */
    private static String edited(String a, int[] edits) {
        StringBuilder b = new StringBuilder(a);
        for (int k = 0; k + 1 < edits.length; k += 2) {
            int at = b.isEmpty() ? 0 : Math.floorMod(edits[k], b.length());
            char letter = (char) ('A' + Math.floorMod(edits[k + 1], 5));
            int kind = Math.floorMod(edits[k + 1], 4);
            if (kind == 0) {
                b.insert(at, letter);
            } else if (kind == 1 && !b.isEmpty()) {
                b.deleteCharAt(at);
            } else if (kind == 2 && !b.isEmpty()) {
                b.setCharAt(at, letter);
            } else if (kind == 3 && at + 1 < b.length()) {
                char c = b.charAt(at);
                b.setCharAt(at, b.charAt(at + 1));
                b.setCharAt(at + 1, c);
            }
        }
        return b.toString();
    }

    private static int duckdb(String a, String b) throws SQLException {
        try (PreparedStatement s = duckdb.prepareStatement("select damerau_levenshtein(?, ?)")) {
            s.setString(1, a);
            s.setString(2, b);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
