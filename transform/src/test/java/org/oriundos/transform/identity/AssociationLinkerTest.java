package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.identity.bench.LinkageBenchmark;

/**
 * The linker's rules and constraints, on small partitions of real place names, with the shipped
 * model. Each constraint has a case that the constraint alone decides.
 */
class AssociationLinkerTest {
    private static final Map<String, List<String>> HOMETOWNS = LinkageBenchmark.hometownWords();
    private static final LinkageModel MODEL = LinkageModel.shipped();

    private final AssociationRegistry registry = new AssociationRegistry();
    private final List<AssociationLinker> linkers = new ArrayList<>();

    @AfterEach
    void close() {
        linkers.forEach(AssociationLinker::close);
    }

    private AssociationLinker linker(AssociationOverrides overrides) {
        return linker(registry, overrides);
    }

    private AssociationLinker linker(AssociationRegistry registry, AssociationOverrides overrides) {
        AssociationLinker l = new AssociationLinker(registry, overrides, MODEL, HOMETOWNS, 1, "256MB", false);
        l.currentPartitions(List.of(new String[] {"registry", "2003-12-31", "L1"}, new String[] {"registry", "2006-12-15", "L2"},
                new String[] {"projects", "2007", "L3"}, new String[] {"projects", "2013", "L4"},
                new String[] {"survey", "LNS_2006", "L5"}));
        linkers.add(l);
        return l;
    }

    private final AssociationLinker linker = linker(AssociationOverrides.none());

    private static AssociationRecord historic(String hId, String name, String city, String usState, String state) {
        return new AssociationRecord("registry", "2003-12-31", hId, name, state, null, usState, city, null, null, null, hId,
                null);
    }

    private static AssociationRecord entry(String imeId, String name, String city, String usState, String state,
                                           String municipality, String key) {
        return new AssociationRecord("registry", "2006-12-15", imeId, name, state, municipality, usState, city, null, null,
                imeId, null, key);
    }

    private static AssociationRecord project(String folio, String club, String state, String municipality, String usState,
                                             String key) {
        return new AssociationRecord("projects", "2007", folio, club, state, municipality, usState, null, null, null, null,
                null, key);
    }

    private static List<LinkDecision> link(AssociationLinker l, String table, String period, String load,
                                           AssociationRecord... records) {
        boolean snapshot = table.equals("registry");
        return l.link(new AssociationLinker.Batch(table, period, load,
                snapshot && period.equals("2006-12-15") ? "2003-12-31" : null,
                snapshot && period.equals("2003-12-31") ? "2006-12-15" : null), List.of(records));
    }

    @Test
    void normalisesTheWayANameIsWrittenAndKeepsEveryWordForTheModelToWeigh() {
        assertThat(AssociationNames.normalize("Club Zacatecano de Los Ángeles")).isEqualTo("CLUB ZACATECANO LOS ANGELES");
        assertThat(AssociationNames.normalize("CLUB ZACATECANO L.A.")).isEqualTo("CLUB ZACATECANO LOS ANGELES");
        assertThat(AssociationNames.normalize("Asoc. Civica Sta. María, A.C.")).isEqualTo("ASOCIACION CIVICA SANTA MARIA");
        assertThat(AssociationNames.normalize("Club Unido Jerez 12")).isEqualTo("CLUB UNIDO JEREZ 12");
        assertThat(AssociationNames.legacyNormalize("Club Social Zacatecano Los Angeles")).isEqualTo("ZACATECANO LOS ANGELES");
    }

    @Test
    void linksAnotherSnapshotOfAClubByItsEvidenceAndExplainsTheWeight() {
        String id = link(linker, "registry", "2003-12-31", "L1",
                historic("H-1", "Club Tepetongo de Jerez", "Los Angeles", "CA", "32")).get(0).associationId();
        LinkDecision d = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "CLUB TEPETONGO DE JEREZ A.C.", "Los Angeles", "CA", "32", "32020", "TN-1")).get(0);

        assertThat(d.associationId()).isEqualTo(id);
        assertThat(d.rule()).isEqualTo("MATCH");
        assertThat(d.matchWeight()).isGreaterThanOrEqualTo(MODEL.upper());
        assertThat(d.candidates()).isEqualTo(1);
        AssociationRegistry.Remembered remembered = registry.remembered(
                entry("IME-1", "CLUB TEPETONGO DE JEREZ A.C.", "Los Angeles", "CA", "32", "32020", "TN-1").memoryKey());
        assertThat(remembered.decision()).isEqualTo(d);
    }

    @Test
    void twoEntriesOfOneSnapshotAreNeverOneAssociationEvenWhenBothFitIt() {
        String sainAlto = link(linker, "registry", "2003-12-31", "L1",
                historic("H-1", "Club Sain Alto", "Los Angeles", "CA", "32")).get(0).associationId();
        // both fit the 2003 entry alike: neither takes it (no tie-break), and they are two associations
        List<LinkDecision> d = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Sain Alto", "Los Angeles", "CA", "32", "32041", null),
                entry("IME-2", "Club Sain Alto A.C.", "Los Angeles", "CA", "32", "32041", null));

        assertThat(d.get(0).associationId()).isNotEqualTo(d.get(1).associationId());
        assertThat(d).extracting(LinkDecision::rule).containsExactly("AMBIGUOUS", "AMBIGUOUS");
        assertThat(d).extracting(LinkDecision::associationId).doesNotContain(sainAlto);
        assertThat(d.get(0).review()).extracting(ScoredCandidate::associationId).containsExactly(sainAlto);
    }

    @Test
    void anEntryClearlyAheadTakesTheAssociationAndTheOtherEntryOfItsSnapshotDoesNot() {
        String social = link(linker, "registry", "2003-12-31", "L1",
                historic("H-1", "Club Social Sain Alto", "Los Angeles", "CA", "32")).get(0).associationId();
        List<LinkDecision> d = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Social Sain Alto", "Los Angeles", "CA", "32", "32041", null),
                entry("IME-2", "Club Sain Alto", "Chicago", "IL", "32", "32041", null),
                entry("IME-3", "Asociación Sain Alto", "Los Angeles", "CA", "32", "32041", null));

        assertThat(d.get(0)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(social, "MATCH");
        assertThat(new HashSet<>(d.stream().map(LinkDecision::associationId).toList())).hasSize(3);
    }

    @Test
    void oneImeIdNeverBelongsToTwoAssociationsAndTwoImeIdsAreTwoAssociations() {
        LinkDecision first = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", null)).get(0);
        LinkDecision other = link(linker, "registry", "2006-12-15", "L2b",
                entry("IME-2", "Club Jerez", "Los Angeles", "CA", "32", "32020", null)).get(0);
        assertThat(other.associationId()).isNotEqualTo(first.associationId());
        assertThat(other.candidates()).as("an association with another IME id is no candidate").isZero();
        assertThat(registry.byOrganization("IME-1")).isEqualTo(first.associationId());
        assertThat(registry.byOrganization("IME-2")).isEqualTo(other.associationId());
    }

    @Test
    void differentRegistryKeysNeverLinkAndAnEqualKeyIsDecisive() {
        String club = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Hijos de Tepetongo", "Chicago", "IL", "32", "32020", "TN-2006-00001")).get(0).associationId();
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "Club Hijos de Tepetongo", "32", "32020", "IL", "TN-2006-00002"),
                project("P2", "Club Atotonilco", "32", "32020", "IL", "TN-2006-00001"),
                project("P3", "Club Hijos de Tepetongo", "32", "32020", "IL", "TN-2006-00003"));

        assertThat(d.get(0).associationId()).isNotEqualTo(club);
        assertThat(d.get(1)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(club, "REGISTRY_KEY");
        assertThat(d.get(2).associationId()).as("two keys, two clubs").isNotEqualTo(d.get(0).associationId()).isNotEqualTo(club);
    }

    @Test
    void projectsThatFitSeveralClubsEquallyWellShareOneUnresolvedIdentityNotTheLowestId() {
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", null),
                entry("IME-2", "Club Jerez", "Chicago", "IL", "32", "32020", null));
        List<AssociationRecord> projects = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            projects.add(project("P" + i, i % 2 == 0 ? "CLUB JEREZ" : "Club Jerez", "32", "32020", null, null));
        }
        List<LinkDecision> d = linker.link(new AssociationLinker.Batch("projects", "2007", "L3", null, null), projects);

        assertThat(d).extracting(LinkDecision::rule).containsOnly("AMBIGUOUS");
        assertThat(d).extracting(LinkDecision::associationId).containsOnly(d.get(0).associationId());
        assertThat(d.get(0).associationId()).isNotIn(clubs.get(0).associationId(), clubs.get(1).associationId());
        assertThat(d.get(0).review()).extracting(ScoredCandidate::associationId)
                .containsExactlyInAnyOrder(clubs.get(0).associationId(), clubs.get(1).associationId());
        assertThat(registry.isPlaceholder(d.get(0).associationId())).isTrue();
        assertThat(d).as("the link table records how many candidates there were").extracting(LinkDecision::candidates)
                .containsOnly(2);

        // a project saying which one it is (its US state) is linked to it
        LinkDecision withState = link(linker, "projects", "2013", "L4",
                project("P9", "Club Jerez", "32", "32020", "IL", null)).get(0);
        assertThat(withState).extracting(LinkDecision::associationId, LinkDecision::rule)
                .containsExactly(clubs.get(1).associationId(), "MATCH");
    }

    @Test
    void aBestCandidateAheadByLessThanTheMarginIsNotGivenTheRecord() {
        // two clubs Club Jerez; the project names the federation one of them is known in: a little
        // evidence (a fraction of a bit), not enough to tell them apart
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                new AssociationRecord("registry", "2006-12-15", "IME-1", "Club Jerez", "32", "32020", "CA", "Los Angeles",
                        null, "Federación Zacatecana del Sur de California", "IME-1", null, null),
                entry("IME-2", "Club Jerez", "Chicago", "IL", "32", "32020", null));
        LinkDecision d = link(linker, "projects", "2007", "L3", new AssociationRecord("projects", "2007", "P1", "Club Jerez",
                "32", "32020", null, null, null, "Federación Zacatecana del Sur de California", null, null, null)).get(0);

        assertThat(d.matchWeight()).as("a best candidate, ahead").isGreaterThan(d.runnerUpWeight());
        assertThat(d.matchWeight() - d.runnerUpWeight()).isLessThan(MODEL.margin());
        assertThat(d.rule()).isEqualTo("AMBIGUOUS");
        assertThat(d.associationId()).isNotIn(clubs.get(0).associationId(), clubs.get(1).associationId());
        assertThat(d.candidates()).isEqualTo(2);
        assertThat(d.runnerUpId()).isIn(clubs.get(0).associationId(), clubs.get(1).associationId());
    }

    @Test
    void aProjectTiedBetweenNamesakeClubsJoinsTheOneAnotherProjectOfItsYearSaysItIs() {
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", null),
                entry("IME-2", "Club Jerez", "Chicago", "IL", "32", "32020", null));
        // the club's project written with its US state is linked; the one without it fits both clubs equally well
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "CLUB JEREZ", "32", "32020", null, null),
                project("P2", "Club Jerez", "32", "32020", "IL", null));

        assertThat(d.get(1)).extracting(LinkDecision::associationId, LinkDecision::rule)
                .containsExactly(clubs.get(1).associationId(), "MATCH");
        assertThat(d.get(0)).extracting(LinkDecision::associationId, LinkDecision::rule)
                .containsExactly(clubs.get(1).associationId(), "MATCH");
        assertThat(d.get(0).matchWeight()).isGreaterThanOrEqualTo(MODEL.upper());
        assertThat(d.get(0).runnerUpId()).as("the club it was tied with").isEqualTo(clubs.get(0).associationId());
        assertThat(d.get(0).listedForReview()).isFalse();
    }

    @Test
    void aProjectTiedBetweenNamesakeClubsBothFilingThatYearStaysAmbiguousWhateverTheOrder() {
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", null),
                entry("IME-2", "Club Jerez", "Chicago", "IL", "32", "32020", null));
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "Club Jerez", "32", "32020", "CA", null),
                project("P2", "Club Jerez", "32", "32020", null, null),
                project("P3", "Club Jerez", "32", "32020", "IL", null));

        assertThat(d.get(0).associationId()).isEqualTo(clubs.get(0).associationId());
        assertThat(d.get(2).associationId()).isEqualTo(clubs.get(1).associationId());
        assertThat(d.get(1).rule()).as("equal pairs with both clubs' projects are no evidence").isEqualTo("AMBIGUOUS");
        assertThat(d.get(1).associationId()).isNotIn(clubs.get(0).associationId(), clubs.get(1).associationId());
        assertThat(d.get(1).listedForReview()).isTrue();
    }

    /**
     * Marquelia (Guerrero, 12077) and its two registered clubs, among three clubs of every other
     * town of the state (so that the town's name is an informative word of the block, Amigos and
     * Social generic ones), each with a project that year. A linker of its own for each case.
     */
    private List<String> marquelia(AssociationLinker l) {
        return marquelia(l, "");
    }

    /** The two registered clubs of Marquelia (Illinois, Arizona), their names ending in {@code word}, among the state's. */
    private List<String> marquelia(AssociationLinker l, String word) {
        List<AssociationRecord> directory = new ArrayList<>();
        directory.add(entry("IME-1", "Asociación Marquelia" + word, "Chicago", "IL", "12", "12077", "TN-1"));
        directory.add(entry("IME-2", "Club Amigos de Marquelia" + word, "Phoenix", "AZ", "12", "12077", "TN-2"));
        directory.addAll(otherGuerreroClubs());
        List<LinkDecision> d = link(l, "registry", "2006-12-15", "L2", directory.toArray(AssociationRecord[]::new));
        return List.of(d.get(0).associationId(), d.get(1).associationId());
    }

    private static List<AssociationRecord> otherGuerreroClubs() {
        List<AssociationRecord> out = new ArrayList<>();
        String[] generic = {"Club Amigos de", "Asociación", "Club Social"};
        String[] usStates = {"CA", "TX", "IL", "NV", "GA"};
        for (Municipality m : GeographyCatalog.shipped().municipalities()) {
            if (m.stateCode().equals("12") && !m.key().equals("12077")) {
                for (String g : generic) {
                    int n = out.size();
                    out.add(entry("IME-F" + n, g + " " + m.name(), "Dallas", usStates[n % usStates.length], "12", m.key(),
                            null));
                }
            }
        }
        return out;
    }

    /** A project of every other Guerrero club that year. */
    private static List<AssociationRecord> fillerProjects() {
        List<AssociationRecord> out = new ArrayList<>();
        for (AssociationRecord e : otherGuerreroClubs()) {
            out.add(project("F" + e.recordId(), e.name(), "12", e.municipalityKey(), e.usStateCode(), null));
        }
        return out;
    }

    @Test
    void aGroupOfTheYearNeverJoinsAnAssociationItsOwnRecordsWereFoundApartFrom() {
        // an unregistered Club Marquelia of California; its project written Marqielia is a typo of the town's
        // name, alike to both registered clubs' names but for generic words. Each registered club files a project
        // without a US state, and the group of the Californian projects reaches it: whichever it is, the first
        // pass found the group's own projects apart from both clubs (the US states disagree), so it takes neither
        for (String stateless : List.of("IL", "AZ")) {
            AssociationLinker l = linker(new AssociationRegistry(), AssociationOverrides.none());
            List<String> clubs = marquelia(l);
            List<AssociationRecord> year = fillerProjects();
            int first = year.size();
            year.add(project("P1", "Club Marquelia", "12", "12077", "CA", null));
            year.add(project("P2", "CLUB MARQUELIA", "12", "12077", "CA", null));
            year.add(project("P3", "Club Marqielia", "12", "12077", "CA", null));
            year.add(project("P4", "Club Marquelia A.C.", "12", "12077", "CA", null));
            year.add(project("P5", "Asociación Marquelia", "12", "12077", "IL", null));
            year.add(project("P6", "Club Amigos de Marquelia", "12", "12077", "AZ", null));
            year.add(stateless.equals("IL") ? project("P7", "Asociación Marquelia", "12", "12077", null, null)
                    : project("P7", "Club Amigos de Marquelia", "12", "12077", null, null));
            List<LinkDecision> d = link(l, "projects", "2007", "L3", year.toArray(AssociationRecord[]::new));

            assertThat(d.get(first + 2).runnerUpWeight()).as("the typo's projects, scored against a registered club")
                    .isLessThan(MODEL.lower());
            assertThat(d.get(first + 4).associationId()).isEqualTo(clubs.get(0));
            assertThat(d.get(first + 5).associationId()).isEqualTo(clubs.get(1));
            assertThat(d.get(first + 6).associationId()).isEqualTo(stateless.equals("IL") ? clubs.get(0) : clubs.get(1));
            for (int i = first; i < first + 4; i++) {
                assertThat(d.get(i).associationId()).as("%s, with a stateless project of the %s club", year.get(i).name(),
                        stateless).isNotIn(clubs.get(0), clubs.get(1)).isEqualTo(d.get(first).associationId());
            }
        }
    }

    @Test
    void aProjectOfTheYearThatTwoAssociationsCanTakeEquallyGoesToNeitherWhateverTheOrder() {
        // a project without a US state, in the grey zone against both Marquelia clubs, and as close to a project of
        // each of them that year (each written with a typo of the town's name): not the first one's in the file.
        // The typos of the town's name are read as the town's (nothing shared but the hometown): the project stays
        // in the grey zone of both clubs; were its pairs with their projects strong, equal ones would leave it
        // ambiguous. Either way it goes to neither, and to the review list with both
        neitherTakes("", "Asociación Marquslia", "Club Amigos de Marqielia", "Club Marquelia", "AMBIGUOUS", "REVIEW");
    }

    @Test
    void aGroupOfTheYearThatTwoAssociationsReachAlikeJoinsNeitherWhateverTheOrder() {
        // two registered clubs of Marquelia share a rare word; each files a project that year written with a typo of
        // it. A project without a US state naming the word right is as close to both clubs, and to the project of
        // each: neither takes it, whichever is first in the file
        neitherTakes(" Tlacoachistlahuaca", "Asociación Marquelia Tlacoachistlahuca",
                "Club Amigos de Marquelia Tlacochistlahuaca", "Club Marquelia Tlacoachistlahuaca", "AMBIGUOUS");
    }

    /**
     * The Marquelia clubs (their names ending in {@code word}) registered; that year a project of the
     * Illinois club and one of the Arizona club, in either order, and a project without a US state:
     * each club takes its own project, neither the third, which ends with one of {@code rules} and
     * in the review list with both clubs.
     */
    private void neitherTakes(String word, String ilProject, String azProject, String stateless, String... rules) {
        for (boolean swapped : new boolean[] {false, true}) {
            AssociationLinker l = linker(new AssociationRegistry(), AssociationOverrides.none());
            List<String> clubs = marquelia(l, word);
            List<AssociationRecord> year = fillerProjects();
            int first = year.size();
            AssociationRecord il = project("P1", ilProject, "12", "12077", "IL", null);
            AssociationRecord az = project("P2", azProject, "12", "12077", "AZ", null);
            year.add(swapped ? az : il);
            year.add(swapped ? il : az);
            year.add(project("P3", stateless, "12", "12077", null, null));
            List<LinkDecision> d = link(l, "projects", "2007", "L3", year.toArray(AssociationRecord[]::new));

            assertThat(d.get(swapped ? first + 1 : first).associationId()).isEqualTo(clubs.get(0));
            assertThat(d.get(swapped ? first : first + 1).associationId()).isEqualTo(clubs.get(1));
            LinkDecision p3 = d.get(first + 2);
            assertThat(p3.rule()).as("swapped: %s", swapped).isIn((Object[]) rules);
            assertThat(p3.associationId()).isNotIn(clubs.get(0), clubs.get(1));
            assertThat(p3.listedForReview()).isTrue();
            assertThat(p3.review()).extracting(ScoredCandidate::associationId).containsExactlyInAnyOrderElementsOf(clubs);
        }
    }

    @Test
    void aClubKnownWithoutItsHometownIsComparedAsOfTheHometownItsNameCarries() {
        // a historic directory (no municipality) of Durango: Club Social Nazas, among clubs of other towns
        List<AssociationRecord> directory = new ArrayList<>();
        directory.add(historic("H-1", "Club Social Nazas", "Phoenix", "AZ", "10"));
        String[] others = {"Alamos", "Lomas", "Pinos", "Encinos", "Sauces", "Nogales", "Mezquites", "Huizaches",
            "Cedros", "Palmas", "Robles", "Fresnos", "Olivos", "Laureles", "Magueyes", "Nopales", "Girasoles", "Jazmines",
            "Azucenas", "Violetas"};
        for (int i = 0; i < others.length; i++) {
            // Social is in most names, as it is in most directories: a generic word, dropped or added as people write
            directory.add(historic("H-" + (i + 2), "Club Social " + others[i], "Dallas", "TX", "10"));
        }
        String social = link(linker, "registry", "2003-12-31", "L1", directory.toArray(AssociationRecord[]::new))
                .get(0).associationId();
        // Club Nazas, of Nazas (10015), registered later: another club of the same hometown
        String nazas = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Nazas", "Chicago", "IL", "10", "10015", null)).get(0).associationId();
        assertThat(nazas).isNotEqualTo(social);

        // projects of Nazas without a US state: the name written exactly is the club's; Club Social Nazas says
        // it is of Nazas (what the municipality says), not that it is this club
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "Club Nazas", "10", "10015", null, null),
                project("P2", "Club Social Nazas", "10", "10015", null, null));

        assertThat(d.get(0)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(nazas, "MATCH");
        assertThat(d.get(1)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(social, "MATCH");
    }

    @Test
    void namesThatDifferInANumberAreTwoClubs() {
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Unido Jerez 12", "Los Angeles", "CA", "32", "32020", null),
                entry("IME-2", "Club Unido Jerez 30", "Los Angeles", "CA", "32", "32020", null));
        LinkDecision d = link(linker, "projects", "2007", "L3", project("P1", "CLUB UNIDO JEREZ 30", "32", "32020", "CA", null)).get(0);

        assertThat(clubs.get(0).associationId()).isNotEqualTo(clubs.get(1).associationId());
        assertThat(d).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(clubs.get(1).associationId(), "MATCH");
    }

    @Test
    void projectsOfOneNewClubInOneYearAreOneNewAssociation() {
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "Club Ermita de Guadalupe", "32", "32020", "CA", null),
                project("P2", "Club Atotonilco de Tepetongo", "32", "32020", "CA", null),
                project("P3", "CLUB ERMITA DE GUADALUPE", "32", "32020", null, null),
                project("P4", "Club Ermita Guadalupe A.C.", "32", "32020", "CA", null));

        assertThat(d.get(2).associationId()).isEqualTo(d.get(0).associationId());
        assertThat(d.get(3).associationId()).isEqualTo(d.get(0).associationId());
        assertThat(d.get(1).associationId()).isNotEqualTo(d.get(0).associationId());
        assertThat(d).extracting(LinkDecision::rule).containsExactly("NEW", "NEW", "MATCH", "MATCH");
    }

    @Test
    void projectsWrittenAlikeAreScoredOnceAndEveryPairOfThemJoinsWhateverTheirOrder() {
        // identical records of two new clubs, interleaved: each pair is scored through its group (lowest index as
        // the record, highest as the candidate), so groups meet in both directions and a group meets itself
        List<LinkDecision> d = link(linker, "projects", "2007", "L3",
                project("P1", "Club Ermita de Guadalupe", "32", "32020", "CA", null),
                project("P2", "Club Atotonilco de Tepetongo", "32", "32020", "CA", null),
                project("P3", "Club Ermita de Guadalupe", "32", "32020", null, null),
                project("P4", "Club Atotonilco de Tepetongo", "32", "32020", "CA", null),
                project("P5", "Club Ermita de Guadalupe", "32", "32020", "CA", null),
                project("P6", "Club Atotonilco de Tepetongo", "32", "32020", "CA", null));

        assertThat(d).extracting(LinkDecision::associationId).containsExactly(d.get(0).associationId(),
                d.get(1).associationId(), d.get(0).associationId(), d.get(1).associationId(), d.get(0).associationId(),
                d.get(1).associationId());
        assertThat(d.get(1).associationId()).isNotEqualTo(d.get(0).associationId());
        assertThat(d).extracting(LinkDecision::rule).containsExactly("NEW", "NEW", "MATCH", "MATCH", "MATCH", "MATCH");
        // a record joined by identical records weighs what the pair weighs, whichever member it was scored through
        assertThat(d.get(3).matchWeight()).isEqualTo(d.get(5).matchWeight());
        assertThat(d.get(4).matchWeight()).isGreaterThanOrEqualTo(d.get(2).matchWeight());
    }

    @Test
    void aRegistryKeyOfAnAssociationWithAnotherImeIdIsAKeyConflictListedForReview() {
        String club = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", "TN-1")).get(0).associationId();
        LinkDecision d = link(linker, "registry", "2006-12-15", "L2b",
                entry("IME-2", "Club Tepetongo", "Dallas", "TX", "32", "32020", "TN-1")).get(0);

        assertThat(d.rule()).isEqualTo("KEY_CONFLICT");
        assertThat(d.associationId()).isNotEqualTo(club);
        assertThat(d.review()).extracting(ScoredCandidate::associationId).containsExactly(club);
        assertThat(registry.byRegistryKey("TN-1")).isEqualTo(club);
    }

    @Test
    void replaysARecordsRememberedLinkSoARerunGivesTheSameDecision() {
        AssociationRecord p = project("P1", "Club Ermita de Guadalupe", "32", "32020", "CA", null);
        LinkDecision first = link(linker, "projects", "2007", "L3", p).get(0);
        link(linker, "projects", "2013", "L4", project("P2", "Club Ermita de Guadalupe", "32", "32020", "CA", null));
        LinkDecision rerun = link(linker, "projects", "2007", "L3", p).get(0);
        assertThat(rerun).isEqualTo(first);
    }

    @Test
    void theOverrideFileWinsOverTheModelAndAnApartRecordUnderReviewKeepsItsOwnIdentity() throws IOException {
        String jerez = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jerez", "Los Angeles", "CA", "32", "32020", null)).get(0).associationId();
        String other = link(linker, "registry", "2006-12-15", "L2b",
                entry("IME-2", "Club Fresnillo", "Chicago", "IL", "32", "32010", null)).get(0).associationId();
        AssociationOverrides overrides = AssociationOverrides.read(new StringReader("""
                action,source_table,period,source_record_id,association_id,reason
                LINK,projects,,P9,%s,the club signs with its president's name
                APART,projects,2007,P10,,a rival club of the same name
                LINK,projects,,P11,HTA-999999,typo in the id
                """.formatted(other)), "association_overrides.csv");
        AssociationLinker withOverrides = linker(overrides);

        List<LinkDecision> d = link(withOverrides, "projects", "2007", "L3",
                project("P9", "Club Jerez", "32", "32020", "CA", null),
                project("P10", "Club Jerez", "32", "32020", "CA", null),
                project("P11", "Club Jerez", "32", "32020", "CA", null));

        assertThat(d.get(0)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(other, "OVERRIDE_LINK");
        assertThat(d.get(1).rule()).isEqualTo("OVERRIDE_APART");
        assertThat(d.get(1).associationId()).isNotIn(jerez, other);
        assertThat(d.get(2).associationId()).isEqualTo(jerez);
        assertThat(d.get(2).problem()).contains("association_overrides.csv line 4").contains("HTA-999999");
        assertThat(link(withOverrides, "projects", "2007", "L3", project("P10", "Club Jerez", "32", "32020", "CA", null))
                .get(0).associationId()).isEqualTo(d.get(1).associationId());
    }

    @Test
    void refusesAnOverrideLineThatCannotBeApplied() {
        assertThatThrownBy(() -> AssociationOverrides.read(new StringReader(
                "action,source_table,period,source_record_id,association_id,reason\nMERGE,projects,,F1,HTA-000001,x\n"),
                "association_overrides.csv"))
                .hasMessageContaining("association_overrides.csv line 2").hasMessageContaining("MERGE");
        assertThatThrownBy(() -> AssociationOverrides.read(new StringReader(
                "action,source_table,period,source_record_id,association_id,reason\nLINK,projects,,F1,,x\n"),
                "association_overrides.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("needs the association_id");
    }

    @Test
    void everyWeightIsThePriorAndItsComparisonsAddedUp() {
        link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Tepetongo", "Los Angeles", "CA", "32", "32020", null),
                entry("IME-2", "Club Tepetongo", "Chicago", "IL", "32", "32020", null));
        LinkDecision d = link(linker, "projects", "2007", "L3", project("P1", "Club Tepetongo", "32", "32020", null, null)).get(0);

        assertThat(d.rule()).isIn("AMBIGUOUS", "REVIEW");
        assertThat(d.review()).isNotEmpty();
        for (ScoredCandidate c : d.review()) {
            assertThat(c.parts()).extracting(ScoredCandidate.Part::comparison).startsWith("prior");
            assertThat(c.parts().stream().mapToDouble(ScoredCandidate.Part::bits).sum()).isCloseTo(c.weight(),
                    org.assertj.core.data.Offset.offset(0.001));
            assertThat(c.explain()).contains("name").contains("municipality agree");
        }
        assertThat(d.matchWeight()).isEqualTo(d.review().get(0).weight());
    }

    private static AssociationRecord answer(String id, String club, String state, String usState, String city) {
        return new AssociationRecord("survey", "LNS_2006", id, club, state, null, usState, city, null, null, null, null,
                null);
    }

    @Test
    void aNameMadeOfPlacesDoesNotLinkAcrossUsStatesButStillLinksWithinOne() {
        List<LinkDecision> clubs = link(linker, "registry", "2006-12-15", "L2",
                entry("IME-1", "Club Jalisciense de Houston", "Houston", "TX", "14", "14039", null),
                // Waukegan is in no list of places: the club's own city tells it is one
                entry("IME-2", "Club Potosinos de Waukegan", "Waukegan", "IL", "24", "24028", null),
                entry("IME-3", "Club Los Arcos de Teocaltiche", "Houston", "TX", "14", "14091", null));
        String houston = clubs.get(0).associationId();
        String waukegan = clubs.get(1).associationId();
        String arcos = clubs.get(2).associationId();

        List<LinkDecision> d = link(linker, "survey", "LNS_2006", "L5",
                // answers from other US states naming a club by its state of origin and its US city
                answer("r1", "club jalisciense houston", "14", "CA", "Fresno"),
                answer("r2", "CLUB POTOSINO WAUKEGAN", "24", "GA", "Atlanta"),
                // the same names answered from the club's own state link
                answer("r3", "Club Jalisciense de Houston", "14", "TX", "Houston"),
                answer("r4", "club potosinos waukegan", "24", "IL", null),
                // a distinctive name still links across US states (the club moved or the answer is wrong)
                answer("r5", "club los arcos teocaltiche", "14", "CA", null));

        assertThat(d.get(0).associationId()).isNotEqualTo(houston);
        assertThat(d.get(0).rule()).isNotEqualTo("MATCH");
        assertThat(d.get(1).associationId()).isNotEqualTo(waukegan);
        assertThat(d.get(1).rule()).isNotEqualTo("MATCH");
        assertThat(d.get(2)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(houston, "MATCH");
        assertThat(d.get(3)).extracting(LinkDecision::associationId, LinkDecision::rule).containsExactly(waukegan, "MATCH");
        assertThat(d.get(4).associationId()).isEqualTo(arcos);
    }

    @Test
    void placeNamesIncludeUsStatesConsulateCitiesMexicanStatesAndEveryFormOfTheirDemonyms() {
        List<String> places = PlaceNames.shipped();
        assertThat(places).contains("TEXAS", "NEW YORK", "DALLAS", "LOS ANGELES", "MICHOACAN", "MICHOACAN OCAMPO",
                "MICHOACANO", "MICHOACANAS", "JALISCIENSES", "NUEVOLEONESES", "TLAXCALTECAS", "MEXICANOS");
        assertThat(places).doesNotContain("CLUB", "JEREZ", "");
    }
}
