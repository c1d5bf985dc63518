package org.oriundos.transform.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each way a municipality is found by a name other than the catalog's, with real names, and the
 * names that fit several municipalities (or none), which must stay unresolved.
 */
class MunicipalityNameRulesTest {
    private static final GeographyCatalog CATALOG = GeographyCatalog.shipped();
    private static final GeographyAliases DEFAULTS = GeographyAliases.load(CATALOG, null);
    private static final StateResolver STATES = new StateResolver(CATALOG, DEFAULTS);
    private static final MunicipalityHistory HISTORY = MunicipalityHistory.shipped(CATALOG);
    /** With INEGI's former names, as the conform stage resolves. */
    private final MunicipalityResolver withHistory = new MunicipalityResolver(CATALOG, DEFAULTS, STATES, HISTORY);
    /** The catalog's names only: the short-form rules on their own. */
    private final MunicipalityResolver catalogOnly = new MunicipalityResolver(CATALOG, DEFAULTS, STATES);

    @Test
    void findsAMunicipalityByTheNameInegiGaveItBeforeItsRenaming() {
        assertThat(withHistory.resolve("Guanajuato", "Silao")).isEqualTo(Resolution.resolved("11037", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Jalisco", "Tlaquepaque")).isEqualTo(Resolution.resolved("14098", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("México", "Acambay")).isEqualTo(Resolution.resolved("15001", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Chiapas", "Cintalapa")).isEqualTo(Resolution.resolved("07017", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Chihuahua", "Batopilas")).isEqualTo(Resolution.resolved("08008", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Veracruz", "Medellín")).isEqualTo(Resolution.resolved("30105", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Nuevo León", "Carmen")).isEqualTo(Resolution.resolved("19010", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("San Luis Potosí", "Ahualulco")).isEqualTo(Resolution.resolved("24001", GeoRule.FORMER_NAME));
        // renamed outright, not shortened: only the history knows these
        assertThat(withHistory.resolve("Guerrero", "José Azueta")).isEqualTo(Resolution.resolved("12038", GeoRule.FORMER_NAME));
        assertThat(withHistory.resolve("Oaxaca", "Zapotitlán del Río")).isEqualTo(Resolution.resolved("20566", GeoRule.FORMER_NAME));
        assertThat(catalogOnly.resolve("Guerrero", "José Azueta").isResolved()).isFalse();
        // the catalog's own name is still a NAME
        assertThat(withHistory.resolve("Guanajuato", "Silao de la Victoria")).isEqualTo(Resolution.resolved("11037", GeoRule.NAME));
    }

    @Test
    void findsAMunicipalityByItsNameWithoutTheLeadingSaintOrArticle() {
        assertThat(catalogOnly.resolve("Jalisco", "Tlaquepaque")).isEqualTo(Resolution.resolved("14098", GeoRule.SHORT_NAME));
        assertThat(catalogOnly.resolve("Nuevo León", "Carmen")).isEqualTo(Resolution.resolved("19010", GeoRule.SHORT_NAME));
        assertThat(withHistory.resolve("Oaxaca", "Huatulco")).isEqualTo(Resolution.resolved("20413", GeoRule.SHORT_NAME));
        assertThat(withHistory.resolve("Puebla", "Texmelucan")).isEqualTo(Resolution.resolved("21132", GeoRule.SHORT_NAME));
        // Villa de Santiago Chazumba: without the prefix, then without Santiago
        assertThat(withHistory.resolve("Oaxaca", "Chazumba")).isEqualTo(Resolution.resolved("20459", GeoRule.SHORT_NAME));
        // Carmen is Campeche's own municipality: the article rule is never needed there
        assertThat(withHistory.resolve("Campeche", "Carmen")).isEqualTo(Resolution.resolved("04003", GeoRule.NAME));
    }

    @Test
    void findsAMunicipalityByTheLeadingWordsOfItsName() {
        assertThat(catalogOnly.resolve("Guanajuato", "Silao")).isEqualTo(Resolution.resolved("11037", GeoRule.SHORT_NAME));
        assertThat(catalogOnly.resolve("San Luis Potosí", "Ahualulco")).isEqualTo(Resolution.resolved("24001", GeoRule.SHORT_NAME));
        assertThat(catalogOnly.resolve("México", "Acambay")).isEqualTo(Resolution.resolved("15001", GeoRule.SHORT_NAME));
        assertThat(withHistory.resolve("Guerrero", "Acapulco")).isEqualTo(Resolution.resolved("12001", GeoRule.SHORT_NAME));
        assertThat(withHistory.resolve("Jalisco", "Tlajomulco")).isEqualTo(Resolution.resolved("14097", GeoRule.SHORT_NAME));
        // Ahualulco is a municipality's leading word in Jalisco too: within Jalisco it fits one
        assertThat(withHistory.resolve("Jalisco", "Ahualulco")).isEqualTo(Resolution.resolved("14003", GeoRule.SHORT_NAME));
    }

    @Test
    void readsTheAbbreviationsAgenciesWrite() {
        assertThat(withHistory.resolve("Nuevo León", "Gral. Escobedo")).isEqualTo(Resolution.resolved("19021", GeoRule.NAME));
        assertThat(withHistory.resolve("Guanajuato", "Dolores Hidalgo Cuna de la Independencia Nal."))
                .isEqualTo(Resolution.resolved("11014", GeoRule.NAME));
        assertThat(withHistory.resolve("San Luis Potosí", "Cd. Valles")).isEqualTo(Resolution.resolved("24013", GeoRule.NAME));
        assertThat(withHistory.resolve("Nuevo León", "Dr. Arroyo")).isEqualTo(Resolution.resolved("19014", GeoRule.NAME));
        assertThat(withHistory.resolve("Coahuila", "Sn. Pedro")).isEqualTo(Resolution.resolved("05033", GeoRule.NAME));
        // Mexico City's boroughs as the documents of their time call them
        assertThat(withHistory.resolve("Distrito Federal", "Delegación Coyoacán"))
                .isEqualTo(Resolution.resolved("09003", GeoRule.NAME));
        assertThat(withHistory.resolveInState("09", "Alcaldía Iztapalapa")).isEqualTo(Resolution.resolved("09007", GeoRule.NAME));
    }

    @Test
    void tellsOaxacasHomonymsApartByTheDistrictWrittenAfterTheName() {
        assertThat(withHistory.resolve("Oaxaca", "San Juan Mixtepec -Dto. 08 -"))
                .isEqualTo(Resolution.resolved("20208", GeoRule.DISTRICT));
        assertThat(withHistory.resolve("Oaxaca", "San Juan Mixtepec -Dto. 26 -"))
                .isEqualTo(Resolution.resolved("20209", GeoRule.DISTRICT));
        assertThat(withHistory.resolve("Oaxaca", "San Pedro Mixtepec -Dto. 22 -"))
                .isEqualTo(Resolution.resolved("20318", GeoRule.DISTRICT));
        assertThat(withHistory.resolve("Oaxaca", "SAN PEDRO MIXTEPEC (DISTRITO 26)"))
                .isEqualTo(Resolution.resolved("20319", GeoRule.DISTRICT));
        assertThat(withHistory.resolve("Oaxaca", "San Juan Mixtepec - Distr. 8 -"))
                .isEqualTo(Resolution.resolved("20208", GeoRule.DISTRICT));
        assertThat(HISTORY.district("20208")).hasValue(8);
        assertThat(HISTORY.district("20319")).hasValue(26);
    }

    @Test
    void leavesAHomonymWithoutItsDistrictOrWithAnotherDistrictUnresolved() {
        Resolution bare = withHistory.resolve("Oaxaca", "San Juan Mixtepec");
        assertThat(bare.isResolved()).isFalse();
        assertThat(bare.reason()).isEqualTo("'San Juan Mixtepec' fits 2 municipalities in Oaxaca (20): "
                + "[San Juan Mixtepec (20208) district 08, San Juan Mixtepec (20209) district 26]; add an alias to choose one");

        Resolution wrongDistrict = withHistory.resolve("Oaxaca", "San Pedro Mixtepec -Dto. 08 -");
        assertThat(wrongDistrict.isResolved()).isFalse();
        assertThat(wrongDistrict.reason()).contains("district 8 tells none of them apart");

        // written as INEGI's 2020 list writes one of them, with a trailing dot: still the two homonyms
        Resolution dotted = withHistory.resolve("Oaxaca", "San Juan Mixtepec.");
        assertThat(dotted.isResolved()).isFalse();
        assertThat(dotted.reason()).startsWith("'San Juan Mixtepec.' fits 2 municipalities");
    }

    @Test
    void leavesANameThatFitsSeveralMunicipalitiesUnresolvedAndNamesThem() {
        Resolution mixtepec = withHistory.resolve("Oaxaca", "Mixtepec");
        assertThat(mixtepec.isResolved()).isFalse();
        assertThat(mixtepec.reason()).startsWith("'Mixtepec' fits ").contains("Magdalena Mixtepec (20048)",
                "San Juan Mixtepec (20208) district 08", "Santa Cruz Mixtepec (20378)");

        Resolution sanPedro = withHistory.resolve("Oaxaca", "San Pedro");
        assertThat(sanPedro.isResolved()).isFalse();
        assertThat(sanPedro.reason()).contains("fits ").contains("San Pedro Pochutla");

        // words that name no place on their own are never a short form
        assertThat(withHistory.resolve("Oaxaca", "Santa María").isResolved()).isFalse();
        assertThat(withHistory.resolve("Jalisco", "Villa").isResolved()).isFalse();
    }

    @Test
    void leavesANameThatFitsNoMunicipalityUnresolvedWithAHint() {
        Resolution r = withHistory.resolve("Zacatecas", "Tlaquepaque");
        assertThat(r.isResolved()).isFalse();
        assertThat(r.reason()).startsWith("no municipality named 'Tlaquepaque' in Zacatecas (32)");
    }

    @Test
    void keepsAMunicipalitySplitOffLaterOnTheOneItWasSplitFrom() {
        // Bacalar: not in INEGI's 2010 list, split from Othón P. Blanco
        assertThat(withHistory.resolveInState("23", "Bacalar", 2009)).isEqualTo(Resolution.resolved("23004", GeoRule.PARENT));
        assertThat(withHistory.resolveInState("23", "Bacalar", 2010)).isEqualTo(Resolution.resolved("23004", GeoRule.PARENT));
        // after the 2010 list the lists cannot tell the year it began: the name is taken as written
        assertThat(withHistory.resolveInState("23", "Bacalar", 2012)).isEqualTo(Resolution.resolved("23010", GeoRule.NAME));
        assertThat(withHistory.resolveInState("23", "Bacalar", null)).isEqualTo(Resolution.resolved("23010", GeoRule.NAME));
        // by code too: San Felipe (02007) is in no list up to 2020
        assertThat(withHistory.resolveCode("02", "7", 2015)).isEqualTo(Resolution.resolved("02002", GeoRule.PARENT));
        assertThat(withHistory.resolveCode("02", "7", 2022)).isEqualTo(Resolution.resolved("02007", GeoRule.CODE));
        // the parent itself, in a year before the split, is simply itself
        assertThat(withHistory.resolveInState("23", "Othón P. Blanco", 2009)).isEqualTo(Resolution.resolved("23004", GeoRule.NAME));
    }

    @Test
    void leavesAMunicipalitySplitFromSeveralOrFromAnUnknownOneUnresolvedBeforeItExisted() {
        Resolution twoParents = withHistory.resolveInState("25", "Juan José Ríos", 2019);
        assertThat(twoParents.isResolved()).isFalse();
        assertThat(twoParents.reason()).isEqualTo("'Juan José Ríos' is Juan José Ríos (25020), which did not exist yet"
                + " in 2019 (no INEGI list up to 2020 has it); it was split from 2 municipalities, [Ahome (25001),"
                + " Guasave (25011)], so the place of 2019 cannot be told; add an alias");
        Resolution unknownParent = withHistory.resolveInState("12", "Ñuu Savi", 2015);
        assertThat(unknownParent.isResolved()).isFalse();
        assertThat(unknownParent.reason()).contains("the municipality it was split from is not in reference/municipality_splits.csv");
    }

    @Test
    void everySplitAgreesWithInegisLists() {
        for (Municipality m : CATALOG.municipalities()) {
            List<String> parents = HISTORY.splitFrom(m.key());
            if (parents.isEmpty()) {
                continue;
            }
            assertThat(HISTORY.absentUntil(m.key())).as("%s is missing from an INEGI list before it exists", m).isPresent();
            int absentUntil = HISTORY.absentUntil(m.key()).getAsInt();
            for (String parent : parents) {
                assertThat(HISTORY.names(parent)).as("%s, split from %s, is in the list of %d", m, parent, absentUntil)
                        .anySatisfy(n -> assertThat(n.year()).isEqualTo(absentUntil));
            }
        }
    }
}
