package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class GrowthTest {

    @Test
    void changeAndCompoundGrowthFollowTheDomainDefinitions() {
        // California: 240 consular-listed HTAs in 1998, 329 in 2003.
        assertThat(Growth.change(240, 329)).isCloseTo(329 / 240.0 - 1, offset(1e-12));
        assertThat(Growth.cagr(240, 329, 1998, 2003)).isCloseTo(Math.pow(329 / 240.0, 1 / 5.0) - 1, offset(1e-12));
        assertThat(Growth.cagr(100, 50, 2000, 2001)).isCloseTo(-0.5, offset(1e-12));
    }

    @Test
    void growthFromZeroOrOverNoYearsIsNotDefined() {
        assertThat(Growth.change(0, 6)).isNull();
        assertThat(Growth.cagr(0, 6, 1998, 2008)).isNull();
        assertThat(Growth.cagr(5, 6, 2008, 2008)).isNull();
    }
}
