package org.oriundos.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key table of a first reading: it tells a repeat the moment the key comes again, and keeps only repeats when sealed. */
class KeyIndexTest {

    @Test
    void tellsARepeatWhenTheKeyComesTheSecondTime() {
        KeyIndex index = new KeyIndex();

        assertThat(index.add("3X1-ZAC-2014-0099")).isFalse();
        assertThat(index.add("3X1-ZAC-2014-0001")).isFalse();
        assertThat(index.add("3X1-ZAC-2014-0099")).isTrue();
        assertThat(index.add("3X1-ZAC-2014-0099")).as("a third time is a repeat too").isTrue();
        index.seal();

        assertThat(index.hasRepeats()).isTrue();
        assertThat(index.isRepeated("3X1-ZAC-2014-0099")).isTrue();
        assertThat(index.isRepeated("3X1-ZAC-2014-0001")).isFalse();
        assertThat(index.isRepeated("never read")).isFalse();
    }

    @Test
    void keepsEveryKeyThroughTheTableGrowing() {
        KeyIndex index = new KeyIndex();
        int n = 200_000; // the table starts at 1,024 slots and doubles many times
        for (int i = 0; i < n; i++) {
            assertThat(index.add("F-" + i)).isFalse();
        }
        for (int i = 0; i < n; i += 9_999) {
            assertThat(index.add("F-" + i)).as("F-%d again", i).isTrue();
        }
        index.seal();

        for (int i = 0; i < n; i++) {
            assertThat(index.isRepeated("F-" + i)).as("F-%d", i).isEqualTo(i % 9_999 == 0);
        }
    }

    @Test
    void theHashZeroIsAKeyLikeAnyOther() {
        // 0 marks a free slot in the table, so a key hashing to 0 is kept apart
        KeyIndex index = new KeyIndex();

        assertThat(index.addHash(0L)).isFalse();
        assertThat(index.addHash(1L)).isFalse();
        assertThat(index.addHash(0L)).isTrue();
        index.seal();

        assertThat(index.hasRepeats()).isTrue();
    }

    @Test
    void aPassWithoutRepeatsHasNone() {
        KeyIndex index = new KeyIndex();
        index.add("A");
        index.add("B");

        assertThat(index.seal().hasRepeats()).isFalse();
        assertThat(KeyIndex.none().hasRepeats()).isFalse();
    }
}
