package org.oriundos.transform.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The name rules measured on lists no one here wrote: each of INEGI's municipal lists of 1990 to
 * 2020 resolved with the history of the other years only (so the list's own names are not known
 * in advance), and Banco de México's short names. Nothing may resolve to a wrong municipality.
 */
class OtherAgenciesListsTest {
    private static final GeographyCatalog CATALOG = GeographyCatalog.shipped();
    private static final GeographyAliases DEFAULTS = GeographyAliases.load(CATALOG, null);
    private static final StateResolver STATES = new StateResolver(CATALOG, DEFAULTS);

    record Score(int listed, int right, int wrong, List<String> unresolved) {
        double rate() {
            return (double) right / listed;
        }
    }

    @Test
    void resolvesEachInegiListWithoutItsOwnNamesAndNeverToAWrongMunicipality() throws IOException {
        for (int year : MunicipalityHistory.CENSUS_YEARS) {
            List<Integer> others = MunicipalityHistory.CENSUS_YEARS.stream().filter(y -> y != year).toList();
            MunicipalityResolver resolver = new MunicipalityResolver(CATALOG, DEFAULTS, STATES,
                    MunicipalityHistory.shipped(CATALOG, others));
            Score score = score(resolver, year);
            System.out.printf(Locale.ROOT, "INEGI list of %d, its own names held out: %d of %d resolved right (%.2f%%),"
                    + " %d wrong; unresolved: %s%n", year, score.right(), score.listed(), 100 * score.rate(), score.wrong(),
                    score.unresolved());
            assertThat(score.wrong()).as("wrong municipalities in the list of %d", year).isZero();
            // 1990's list has names renamed outright before 1995, which no rule can find without that list
            assertThat(score.rate()).as("share resolved in the list of %d", year).isGreaterThanOrEqualTo(year == 1990
                    ? 0.991 : 0.998);
        }
    }

    @Test
    void resolvesTheIssuesTwentyFourUnresolvedNamesOfTheDecadeCatalogWithNoHistoryOfThatYear() throws IOException {
        MunicipalityResolver withoutTheList = new MunicipalityResolver(CATALOG, DEFAULTS, STATES,
                MunicipalityHistory.shipped(CATALOG, List.of(1990, 1995, 2000, 2005, 2020)));
        Score score = score(withoutTheList, 2010);
        assertThat(score.listed()).isEqualTo(2456);
        assertThat(score.wrong()).isZero();
        // only San Mateo Yucutindó (20566), spelled so in 2010 alone, stays unresolved
        assertThat(score.unresolved()).containsExactly("20566 San Mateo Yucutindó");
    }

    @Test
    void resolvesBancoDeMexicosShortNamesAndLeavesTheAmbiguousOnesUnresolved() throws IOException {
        MunicipalityResolver resolver = new MunicipalityResolver(CATALOG, DEFAULTS, STATES,
                MunicipalityHistory.shipped(CATALOG));
        List<String> wrong = new ArrayList<>();
        int right = 0;
        int expected = 0;
        try (Reader r = resource("heldout/banxico_municipios_cortos.csv", StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                Resolution res = resolver.resolve(rec.get("estado"), rec.get("municipio"));
                String want = rec.get("clave_esperada");
                if (want.isEmpty()) {
                    if (res.isResolved()) {
                        wrong.add(rec.get("estado") + " / " + rec.get("municipio") + " -> " + res.code());
                    }
                    continue;
                }
                expected++;
                if (want.equals(res.code())) {
                    right++;
                } else {
                    wrong.add(rec.get("estado") + " / " + rec.get("municipio") + " -> " + res);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(right).isEqualTo(expected).isEqualTo(86);
    }

    /** Resolves every municipality of one INEGI list in its state (given by the list's code) and scores it. */
    private static Score score(MunicipalityResolver resolver, int year) throws IOException {
        Map<String, String> list;
        try (Reader r = resource(MunicipalityHistory.censusResource(year), Charset.forName("windows-1252"))) {
            list = MunicipalityHistory.readList(r);
        }
        int listed = 0;
        int right = 0;
        int wrong = 0;
        List<String> unresolved = new ArrayList<>();
        for (Map.Entry<String, String> e : list.entrySet()) {
            if (CATALOG.municipality(e.getKey()).isEmpty()) {
                continue; // not a municipality ("not specified" rows)
            }
            listed++;
            Resolution res = resolver.resolveInState(e.getKey().substring(0, 2), e.getValue());
            if (e.getKey().equals(res.code())) {
                right++;
            } else if (res.code() != null) {
                wrong++;
                unresolved.add("WRONG " + e.getKey() + " " + e.getValue() + " -> " + res.code());
            } else {
                unresolved.add(e.getKey() + " " + e.getValue());
            }
        }
        return new Score(listed, right, wrong, unresolved);
    }

    private static Reader resource(String name, Charset charset) {
        InputStream in = OtherAgenciesListsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return new InputStreamReader(in, charset);
    }
}
