package org.oriundos.jobs.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oriundos.transform.UnresolvedRecord;
import org.oriundos.transform.UnresolvedValue;
import org.oriundos.transform.geography.Municipality;

class UnresolvedListingTest {
    private static final Path CONF = Path.of("home", "conf");

    private static UnresolvedRecord project(String column, String state, List<Municipality> named) {
        return new UnresolvedRecord(new UnresolvedValue("projects", "2009", "3x1_proyectos_2009.csv", 61, column,
                "Rancho Los Laureles", "state Michoacán de Ocampo (16)", "no municipality named 'Rancho Los Laureles'",
                "abc"), "3X1-MICH-2009-0009", "Pavimentación en calle Zaragoza, Jacona", "Amigos de Jacona", state, named);
    }

    @Test
    void showsTheFolioTitleClubAndTheCorrectionLineWithTheMunicipalityTheTitleNames() {
        Municipality jacona = new Municipality("16043", "16", "043", "Jacona", 68781);

        String listing = UnresolvedListing.render(List.of(project("MUNICIPIO", "16", List.of(jacona))), CONF);

        assertThat(listing).contains("3x1_proyectos_2009.csv line 61 (projects 2009): MUNICIPIO 'Rancho Los Laureles'")
                .contains("  project 3X1-MICH-2009-0009: Pavimentación en calle Zaragoza, Jacona\n")
                .contains("  club: Amigos de Jacona\n")
                .contains("  named in the project's title: Jacona (16043)\n")
                .contains("  to fix this record only, a line of place_corrections.csv: "
                        + "projects,2009,3X1-MICH-2009-0009,16,043,<why>\n")
                .contains("(1 unresolved value; fix a name everywhere with an alias in "
                        + CONF.resolve("geography_aliases.csv"));
    }

    @Test
    void leavesTheMunicipalityForTheAnalystWhenTheTitleNamesNoneOrSeveral() {
        Municipality a = new Municipality("16043", "16", "043", "Jacona", 1);
        Municipality b = new Municipality("16108", "16", "108", "Zamora", 1);

        assertThat(UnresolvedListing.correctionLine(project("MUNICIPIO", "16", List.of(a, b))))
                .isEqualTo("projects,2009,3X1-MICH-2009-0009,16,<municipality>,<why>");
        assertThat(UnresolvedListing.correctionLine(project("MUNICIPIO", null, List.of())))
                .isEqualTo("projects,2009,3X1-MICH-2009-0009,<state>,<municipality>,<why>");
        // a work type no keyword matches is not a place: no correction line
        assertThat(UnresolvedListing.correctionLine(project("TIPO_OBRA", "16", List.of()))).isNull();
        assertThat(UnresolvedListing.render(List.of(), CONF)).isEqualTo("every value was resolved\n");
    }

    @Test
    void aQueryComesFromTheArgumentAFileOrStandardInput() {
        var stdin = new ByteArrayInputStream("\uFEFFselect 42".getBytes(StandardCharsets.UTF_8));
        assertThat(QueryInput.read("-", null, stdin)).isEqualTo("select 42");
        assertThat(QueryInput.read("select 1", null, InputStreamOfNothing.INSTANCE)).isEqualTo("select 1");
    }

    private static final class InputStreamOfNothing extends java.io.InputStream {
        static final InputStreamOfNothing INSTANCE = new InputStreamOfNothing();

        @Override
        public int read() {
            throw new AssertionError("standard input is read only for -");
        }
    }
}
