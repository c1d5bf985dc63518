package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.identity.bench.LinkageBenchmark;

/**
 * The within pass compares two records of a batch each way: a pair's weight does not depend on
 * which of them comes first in the file.
 */
class LinkageDbWithinTest {
    private static AssociationRecord project(String folio, String club) {
        return project(folio, club, "32020");
    }

    private static AssociationRecord project(String folio, String club, String municipality) {
        return new AssociationRecord("projects", "2007", folio, club, "32", municipality, "CA", null, null, null, null, null,
                null);
    }

    /**
     * The name level of the pair of {@code first} (index 0) and {@code second} (index 1), among other
     * clubs of the town, and the pair's weight when it reaches the upper threshold (else null).
     */
    private static List<Object> pair(String first, String second) throws Exception {
        List<LinkageDb.BatchRecord> records = new ArrayList<>();
        records.add(new LinkageDb.BatchRecord(0, project("P0", first)));
        records.add(new LinkageDb.BatchRecord(1, project("P1", second)));
        // the town's other clubs, many named Guadalupe, so the word is common and its typo is not
        String[] others = {"Club Guadalupe Norte", "Club Guadalupe Sur", "Club Guadalupe Unido", "Club Social Guadalupe",
            "Club Amigos de Guadalupe", "Club Guadalupe Hidalgo", "Club Los Pinos", "Club El Sauz", "Club Ojo Caliente"};
        for (int i = 0; i < others.length; i++) {
            records.add(new LinkageDb.BatchRecord(i + 2, project("Q" + i, others[i], "32020")));
        }
        // and a club of every other town of the state, so a word two names share is rare in the block
        for (Municipality m : GeographyCatalog.shipped().municipalities()) {
            if (m.stateCode().equals("32") && !m.key().equals("32020")) {
                records.add(new LinkageDb.BatchRecord(records.size(), project("M" + m.key(), "Club " + m.name(), m.key())));
            }
        }
        try (LinkageDb db = new LinkageDb(LinkageModel.shipped(), 1, "256MB", LinkageBenchmark.hometownWords())) {
            Double weight = null;
            for (LinkageDb.Edge e : db.scoreWithin(records, Set.of())) {
                if (e.left() == 0 && e.right() == 1) {
                    weight = e.scored().weight();
                }
            }
            try (Statement s = db.connection().createStatement(); ResultSet r = s.executeQuery(
                    "select lv.l_name from lp join lv on lv.rid = lp.rowid where lp.idx = 0 and lp.association_id = 'R1'")) {
                assertThat(r.next()).as("the pair is compared").isTrue();
                return java.util.Arrays.asList(r.getString(1), weight);
            }
        }
    }

    @Test
    void aPairWeighsTheSameWhicheverRecordComesFirst() throws Exception {
        // one way the typo's rare word counts in what the names share, the other way the common word written right
        List<Object> typoFirst = pair("Club Guadalupa Tepeyac", "Club Guadalupe Tepeyac");
        List<Object> typoSecond = pair("Club Guadalupe Tepeyac", "Club Guadalupa Tepeyac");
        assertThat(typoSecond).isEqualTo(typoFirst);
    }

    @Test
    void aTypoOfAWordBeyondAsciiIsReadAsOfAnAsciiWord() throws Exception {
        // words beyond ASCII are paired with every word and their distance taken in DuckDB, in bytes
        List<Object> ascii = pair("Club Tepeyac Osterlund", "Club Tepeyac Osterlnud");
        List<Object> beyond = pair("Club Tepeyac \u00d8sterlund", "Club Tepeyac \u00d8sterlnud");
        List<Object> apart = pair("Club Tepeyac \u00d8sterlund", "Club Tepeyac \u00d8vrebrand");
        assertThat(beyond.get(0)).isEqualTo(ascii.get(0)).isNotEqualTo(apart.get(0));
    }
}
