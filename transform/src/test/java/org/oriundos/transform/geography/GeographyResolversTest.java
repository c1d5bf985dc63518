package org.oriundos.transform.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.transform.UnresolvedReason;

class GeographyResolversTest {
    private static final GeographyCatalog CATALOG = GeographyCatalog.shipped();
    private static final GeographyAliases DEFAULTS = GeographyAliases.load(CATALOG, null);
    private final StateResolver states = new StateResolver(CATALOG, DEFAULTS);
    private final MunicipalityResolver municipalities = new MunicipalityResolver(CATALOG, DEFAULTS, states);
    private final UsStateResolver usStates = new UsStateResolver(CATALOG, DEFAULTS);

    @Test
    void shipsTheWholeInegiCatalog() {
        assertThat(CATALOG.states()).hasSize(32);
        assertThat(CATALOG.municipalities()).hasSize(2478);
        assertThat(CATALOG.municipality("32020")).get().extracting(Municipality::name).isEqualTo("Jerez");
        assertThat(CATALOG.usState("CA")).get().extracting(UsState::fipsCode).isEqualTo("06");
    }

    @Test
    void resolvesStatesByCodePaddedOrNot() {
        assertThat(states.resolve("1")).isEqualTo(Resolution.resolved("01", GeoRule.CODE));
        assertThat(states.resolve("09")).isEqualTo(Resolution.resolved("09", GeoRule.CODE));
        assertThat(states.resolve("33").reason()).contains("no INEGI state has code 33");
    }

    @Test
    void resolvesStatesByOfficialNameInAnyCaseWithOrWithoutAccentsNfcOrNfd() {
        assertThat(states.resolve("Michoacán de Ocampo").code()).isEqualTo("16");
        assertThat(states.resolve("MICHOACAN DE OCAMPO").code()).isEqualTo("16");
        assertThat(states.resolve(Normalizer.normalize("Nuevo León", Normalizer.Form.NFD)).code()).isEqualTo("19");
        assertThat(states.resolve("  san luis   potosí ").code()).isEqualTo("24");
        assertThat(states.resolve("Zac.")).isEqualTo(Resolution.resolved("32", GeoRule.NAME));
    }

    @Test
    void resolvesCommonStateNamesThroughTheShippedAliases() {
        assertThat(states.resolve("Michoacán")).isEqualTo(Resolution.resolved("16", GeoRule.ALIAS));
        assertThat(states.resolve("Edo. de México").code()).isEqualTo("15");
        assertThat(states.resolve("Estado de Mexico").code()).isEqualTo("15");
        assertThat(states.resolve("México").code()).isEqualTo("15");
        assertThat(states.resolve("CDMX").code()).isEqualTo("09");
        assertThat(states.resolve("Distrito Federal").code()).isEqualTo("09");
        assertThat(states.resolve("D.F.").code()).isEqualTo("09");
        assertThat(states.resolve("Coahuila").code()).isEqualTo("05");
        assertThat(states.resolve("veracruz").code()).isEqualTo("30");
    }

    @Test
    void leavesAnUnknownStateUnresolvedWithTheReason() {
        Resolution r = states.resolve("Zacatecaz");
        assertThat(r.isResolved()).isFalse();
        assertThat(r.rule()).isEqualTo(GeoRule.UNRESOLVED);
        assertThat(r.reason()).contains("'Zacatecaz'").contains("no alias");
    }

    @Test
    void resolvesMunicipalitiesByNameWithinTheirState() {
        assertThat(municipalities.resolve("Zacatecas", "Jerez")).isEqualTo(Resolution.resolved("32020", GeoRule.NAME));
        assertThat(municipalities.resolve("Michoacán", "ZAMORA").code()).isEqualTo("16108");
        assertThat(municipalities.resolve("Jalisco", "Tepatitlán de Morelos").code()).isEqualTo("14093");
        assertThat(municipalities.resolve("Jalisco", "tepatitlan de morelos").code()).isEqualTo("14093");
    }

    @Test
    void resolvesANameSharedByStatesOnlyWithinTheGivenState() {
        assertThat(municipalities.resolve("Zacatecas", "Villa Hidalgo").code()).isEqualTo("32054");
        assertThat(municipalities.resolve("Jalisco", "Villa Hidalgo").code()).isEqualTo("14116");
        Resolution unknownState = municipalities.resolve(null, "Villa Hidalgo");
        assertThat(unknownState.isResolved()).isFalse();
        assertThat(unknownState.reason()).contains("state is not resolved");
    }

    @Test
    void readsCommonAbbreviationsInFull() {
        assertThat(municipalities.resolve("Zac.", "Gral. Francisco R. Murguía").code()).isEqualTo("32014");
        assertThat(municipalities.resolve("Jalisco", "Sta. María del Oro").code()).isEqualTo("14056");
        assertThat(municipalities.resolve("Guanajuato", "Sta Cruz de Juventino Rosas").code()).isEqualTo("11035");
    }

    @Test
    void findsANameWrittenWithoutOrWithTheVillaDePrefix() {
        assertThat(municipalities.resolve("Zacatecas", "Cos")).isEqualTo(Resolution.resolved("32051", GeoRule.NAME));
        assertThat(municipalities.resolve("Zacatecas", "Villa de Jerez").code()).isEqualTo("32020");
    }

    @Test
    void resolvesMunicipalityCodesPaddedOrNot() {
        assertThat(municipalities.resolveCode("32", "20")).isEqualTo(Resolution.resolved("32020", GeoRule.CODE));
        assertThat(municipalities.resolveCode("32", "020").code()).isEqualTo("32020");
        assertThat(municipalities.resolveCode("32", "999").reason()).contains("no municipality has code 999 in Zacatecas (32)");
    }

    @Test
    void explainsAnUnknownMunicipalityAndWhereTheNameExistsElsewhere() {
        Resolution r = municipalities.resolve("Zacatecas", "Tepatitlán de Morelos");
        assertThat(r.isResolved()).isFalse();
        assertThat(r.reason()).contains("no municipality named 'Tepatitlán de Morelos' in Zacatecas (32)")
                .contains("14093");
    }

    @Test
    void resolvesUsStatesByUspsCodeOrName() {
        assertThat(usStates.resolve("ca")).isEqualTo(Resolution.resolved("CA", GeoRule.CODE));
        assertThat(usStates.resolve("Illinois")).isEqualTo(Resolution.resolved("IL", GeoRule.NAME));
        assertThat(usStates.resolve("north carolina").code()).isEqualTo("NC");
        assertThat(usStates.resolve("Carolina del Norte")).isEqualTo(Resolution.resolved("NC", GeoRule.ALIAS));
        assertThat(usStates.resolve("Springfield").isResolved()).isFalse();
    }

    @Test
    void aCanadianProvinceOrSeveralStatesNameNoPlaceWithoutBeingUnresolved() {
        assertThat(usStates.resolve("Ontario")).isEqualTo(Resolution.noPlace());
        assertThat(usStates.resolve("QC").code()).isNull();
        assertThat(states.resolve("Varios")).isEqualTo(Resolution.noPlace());
        assertThat(states.resolve("Varios").isResolved()).isTrue();
        assertThat(municipalities.resolve("Varios", "Jerez").isResolved()).isFalse();
    }

    @Test
    void anAnalystAliasFileResolvesWhatTheCatalogCannot(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("geography_aliases.csv");
        Files.writeString(file, """
                kind,state,name,code
                # Jerez is written with its old long name in the 2005 files
                MUNICIPALITY,32,Jerez de García Salinas,020
                STATE,,Zacatecaz,32
                US_STATE,,Calif,CA
                """, StandardCharsets.UTF_8);
        GeographyAliases aliases = GeographyAliases.load(CATALOG, file);
        StateResolver s = new StateResolver(CATALOG, aliases);
        MunicipalityResolver m = new MunicipalityResolver(CATALOG, aliases, s);
        assertThat(municipalities.resolve("Zacatecas", "Jerez de García Salinas").isResolved()).isFalse();
        assertThat(m.resolve("Zacatecas", "JEREZ DE GARCIA SALINAS")).isEqualTo(Resolution.resolved("32020", GeoRule.ALIAS));
        assertThat(m.resolve("Jalisco", "Jerez de García Salinas").isResolved()).isFalse();
        assertThat(s.resolve("zacatecaz")).isEqualTo(Resolution.resolved("32", GeoRule.ALIAS));
        assertThat(new UsStateResolver(CATALOG, aliases).resolve("Calif").code()).isEqualTo("CA");
        assertThat(s.resolve("Michoacán").code()).as("the shipped defaults still apply").isEqualTo("16");
    }

    @Test
    void refusesAnAliasLineWhoseCodeIsNotInTheCatalog(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("geography_aliases.csv");
        Files.writeString(file, "kind,state,name,code\nMUNICIPALITY,32,Jerez viejo,999\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GeographyAliases.load(CATALOG, file))
                .hasMessageContaining("geography_aliases.csv line 2").hasMessageContaining("999");
    }

    /**
     * A place the resolvers cannot resolve says why twice: the English sentence the analyst has always
     * read (which may quote the value), and the code of that kind of reason, which quotes nothing.
     */
    @Test
    void eachKindOfUnresolvedPlaceHasItsCodeBesideItsSentence() {
        assertCode(states.resolve("Narnia"), UnresolvedReason.NO_STATE_OF_THAT_NAME, "no INEGI state is named 'Narnia'");
        assertCode(states.resolve("40"), UnresolvedReason.NO_SUCH_STATE_CODE, "no INEGI state has code 40");
        assertCode(municipalities.resolveInState("32", "Rancho Los Laureles"),
                UnresolvedReason.NO_MUNICIPALITY_OF_THAT_NAME, "no municipality named 'Rancho Los Laureles'");
        assertCode(municipalities.resolveCode("32", "999"), UnresolvedReason.NO_SUCH_MUNICIPALITY_CODE,
                "no municipality has code 999");
        assertCode(municipalities.resolve("Narnia", "Jerez"), UnresolvedReason.STATE_NOT_RESOLVED,
                "the state is not resolved");
        assertCode(municipalities.resolveInState("20", "Mixtepec"), UnresolvedReason.SEVERAL_MUNICIPALITIES,
                "fits");
        assertCode(usStates.resolve("Atlantis"), UnresolvedReason.NO_US_STATE_OF_THAT_NAME, "'Atlantis' is neither");
        assertThat(states.resolve("Zacatecas").why()).isNull();
    }

    private static void assertCode(Resolution r, UnresolvedReason code, String sentence) {
        assertThat(r.isResolved()).isFalse();
        assertThat(r.why().code()).isEqualTo(code.name());
        assertThat(r.why().args()).isEmpty();
        assertThat(r.reason()).isEqualTo(r.why().text()).contains(sentence);
    }
}
