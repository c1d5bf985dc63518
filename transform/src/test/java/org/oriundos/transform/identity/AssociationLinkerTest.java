package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AssociationLinkerTest {
    private final AssociationRegistry registry = new AssociationRegistry();
    private final AssociationLinker linker = new AssociationLinker(registry, AssociationOverrides.none(),
            AssociationLinker.DEFAULT_THRESHOLD);

    private static AssociationRecord registryRow(String period, String imeId, String name, String state, String key) {
        return new AssociationRecord("registry", period, imeId, name, state, imeId, null, key, null);
    }

    private static AssociationRecord historicRow(String period, String hId, String name, String state) {
        return new AssociationRecord("registry", period, hId, name, state, null, hId, null, null);
    }

    private static AssociationRecord project(String folio, String club, String state, String key, String federation) {
        return new AssociationRecord("projects", "2013", folio, club, state, null, null, key, federation);
    }

    @Test
    void normalisesTheWaysOneClubIsWritten() {
        assertThat(AssociationNames.normalize("Club Zacatecano de Los Ángeles")).isEqualTo("ZACATECANO LOS ANGELES");
        assertThat(AssociationNames.normalize("CLUB ZACATECANO L.A.")).isEqualTo("ZACATECANO LOS ANGELES");
        assertThat(AssociationNames.normalize("Club Social Zacatecano Los Angeles")).isEqualTo("ZACATECANO LOS ANGELES");
        assertThat(AssociationNames.normalize("Asociación de Jaliscienses en Chicago, A.C.")).isEqualTo("JALISCIENSES EN CHICAGO");
        assertThat(AssociationNames.normalize("Club Social")).isEqualTo("CLUB SOCIAL");
    }

    @Test
    void scoresNamesByTheirSharedLetterPairs() {
        assertThat(NameSimilarity.score("ZACATECANO LOS ANGELES", "ZACATECANO LOS ANGELES")).isEqualTo(1.0);
        assertThat(NameSimilarity.score("ZACATECANO LOS ANGELES", "ZACATECANOS LOS ANGELES")).isEqualTo(0.9302);
        assertThat(NameSimilarity.score("JEREZ", "JEREZ UNIDO")).isEqualTo(0.5714);
    }

    @Test
    void linksEverySpellingOfOneClubInOneStateToOneAssociation() {
        AssociationLink first = linker.link(registryRow("2010-01-15", "IME-101", "Club Zacatecano de Los Ángeles", "32", null));
        AssociationLink project = linker.link(project("3X1-ZAC-2013-0001", "CLUB ZACATECANO L.A.", "32", null, null));
        AssociationLink plural = linker.link(project("3X1-ZAC-2013-0002", "Club Zacatecanos de Los Angeles", "32", null, null));
        assertThat(first.rule()).isEqualTo("NEW");
        assertThat(first.associationId()).isEqualTo("HTA-000001");
        assertThat(project).extracting(AssociationLink::associationId, AssociationLink::rule, AssociationLink::score)
                .containsExactly("HTA-000001", "EXACT_NAME", 1.0);
        assertThat(plural).extracting(AssociationLink::associationId, AssociationLink::rule, AssociationLink::score)
                .containsExactly("HTA-000001", "SIMILAR_NAME", 0.9302);
    }

    @Test
    void blocksByOriginStateSoTheSameNameFromAnotherStateIsAnotherAssociation() {
        AssociationLink zac = linker.link(project("F1", "Club Guadalupe", "32", null, null));
        AssociationLink nl = linker.link(project("F2", "Club Guadalupe", "19", null, null));
        assertThat(nl.associationId()).isNotEqualTo(zac.associationId());
        assertThat(nl.rule()).isEqualTo("NEW");
    }

    @Test
    void keepsARivalClubWithADifferentNameApart() {
        AssociationLink old = linker.link(project("F1", "Club Jerez", "32", null, null));
        AssociationLink rival = linker.link(project("F2", "Club Jerez Unido", "32", null, null));
        assertThat(rival.associationId()).isNotEqualTo(old.associationId());
    }

    @Test
    void linksAProjectByTheRegistryKeyBeforeAnyName() {
        AssociationLink reg = linker.link(registryRow("2013-06-30", "IME-200", "Club Jalisco de Chicago", "14", "TN-2011-00345"));
        AssociationLink p = linker.link(project("3X1-JAL-2013-0001", "Club Tepatitlán", "14", "TN-2011-00345", null));
        assertThat(p).extracting(AssociationLink::associationId, AssociationLink::rule)
                .containsExactly(reg.associationId(), "REGISTRY_KEY");
    }

    @Test
    void linksLaterSnapshotsOfAnOrganizationByItsImeIdEvenWhenRenamed() {
        AssociationLink a = linker.link(registryRow("2010-01-15", "IME-101", "Club Zacatecano de Los Ángeles", "32", null));
        AssociationLink b = linker.link(registryRow("2012-06-30", "IME-101", "Federación Zacatecana del Sur de California", "32", null));
        assertThat(b).extracting(AssociationLink::associationId, AssociationLink::rule).containsExactly(a.associationId(), "IME_ID");
    }

    @Test
    void neverMergesTwoImeIdsByName() {
        AssociationLink a = linker.link(registryRow("2010-01-15", "IME-101", "Club Jerez", "32", null));
        AssociationLink b = linker.link(registryRow("2010-01-15", "IME-102", "Club Jerez", "32", null));
        assertThat(b.associationId()).isNotEqualTo(a.associationId());
        assertThat(b.rule()).isEqualTo("NEW");
    }

    @Test
    void linksHistoricRowsByNameAndThenByTheirHistoricId() {
        AssociationLink h1998 = linker.link(historicRow("1998-12-31", "H-aaaa", "Club Zacatecano de Los Angeles", "32"));
        AssociationLink ime = linker.link(registryRow("2006-12-01", "IME-101", "Club Social Zacatecano Los Angeles", "32", null));
        AssociationLink again = linker.link(historicRow("2003-12-31", "H-aaaa", "Club Zacatecano de Los Angeles", "32"));
        assertThat(ime).extracting(AssociationLink::associationId, AssociationLink::rule).containsExactly(h1998.associationId(), "EXACT_NAME");
        assertThat(again.rule()).isEqualTo("HISTORIC_ID");
    }

    @Test
    void doesNotLinkByNameAcrossDifferentFederations() {
        AssociationLink a = linker.link(project("F1", "Club Jerez", "32", null, "Federación Zacatecana de Illinois"));
        AssociationLink b = linker.link(project("F2", "Club Jerez", "32", null, "Federación de Clubes Zacatecanos del Sur de California"));
        AssociationLink c = linker.link(project("F3", "Club Jerez", "32", null, null));
        assertThat(b.associationId()).isNotEqualTo(a.associationId());
        assertThat(c).extracting(AssociationLink::associationId, AssociationLink::rule).containsExactly(a.associationId(), "EXACT_NAME");
    }

    @Test
    void replaysARecordsEarlierLinkSoARerunGivesTheSameRow() {
        linker.link(project("F1", "Club Zacatecano de Los Angeles", "32", null, null));
        AssociationLink first = linker.link(project("F2", "Club Zacatecanos de Los Angeles", "32", null, null));
        linker.link(project("F3", "Club Zacatecanos de Los Angeles CA", "32", null, null));
        AssociationLink rerun = linker.link(project("F2", "Club Zacatecanos de Los Angeles", "32", null, null));
        assertThat(rerun).isEqualTo(first);
    }

    @Test
    void theOverrideFileWinsOverTheRules() throws IOException {
        AssociationLink zac = linker.link(project("F1", "Club Zacatecano de Los Angeles", "32", null, null));
        AssociationLink other = linker.link(project("F2", "Club Fresnillo", "32", null, null));
        AssociationOverrides overrides = AssociationOverrides.read(new StringReader("""
                action,source_table,period,source_record_id,association_id,reason
                LINK,projects,,F9,%s,the club signs with its president's name
                APART,projects,2013,F10,,a rival club of the same name
                LINK,projects,,F11,HTA-999999,typo in the id
                """.formatted(other.associationId())), "association_overrides.csv");
        AssociationLinker withOverrides = new AssociationLinker(registry, overrides, AssociationLinker.DEFAULT_THRESHOLD);

        AssociationLink forced = withOverrides.link(project("F9", "Club Zacatecano de Los Angeles", "32", null, null));
        AssociationLink apart = withOverrides.link(project("F10", "Club Zacatecano de Los Angeles", "32", null, null));
        AssociationLink apartAgain = withOverrides.link(project("F10", "Club Zacatecano de Los Angeles", "32", null, null));
        AssociationLink typo = withOverrides.link(project("F11", "Club Zacatecano de Los Angeles", "32", null, null));

        assertThat(forced).extracting(AssociationLink::associationId, AssociationLink::rule).containsExactly(other.associationId(), "OVERRIDE_LINK");
        assertThat(apart.rule()).isEqualTo("OVERRIDE_APART");
        assertThat(apart.associationId()).isNotIn(zac.associationId(), other.associationId());
        assertThat(apartAgain.associationId()).isEqualTo(apart.associationId());
        assertThat(typo.associationId()).isEqualTo(zac.associationId());
        assertThat(typo.problem()).contains("association_overrides.csv line 4").contains("HTA-999999");
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
}
