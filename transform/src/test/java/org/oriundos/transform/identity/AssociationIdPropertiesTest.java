package org.oriundos.transform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A new association's id is {@code HTA-} and its number padded to six digits: ids are published
 * and never change, so the padding written by hand must be exactly {@code %06d}'s.
 */
class AssociationIdPropertiesTest {

    @Property
    void padsAsFormatDoes(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int number) {
        assertThat(AssociationRegistry.idOf(number))
                .isEqualTo(AssociationRegistry.ID_PREFIX + String.format(Locale.ROOT, "%06d", number));
    }

    @Example
    void aRegistrysNumbersInOrder() {
        AssociationRegistry registry = new AssociationRegistry();
        assertThat(registry.create("Club Uno", "CLUB UNO", "14")).isEqualTo("HTA-000001");
        assertThat(registry.create("Club Dos", "CLUB DOS", "14")).isEqualTo("HTA-000002");
        assertThat(AssociationRegistry.idOf(999_999)).isEqualTo("HTA-999999");
        assertThat(AssociationRegistry.idOf(1_000_000)).isEqualTo("HTA-1000000");
    }
}
