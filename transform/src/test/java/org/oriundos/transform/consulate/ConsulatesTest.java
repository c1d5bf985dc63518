package org.oriundos.transform.consulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsulatesTest {
    private final Consulates consulates = Consulates.shipped();

    @Test
    void givesEverySpellingOfAConsulateOneIdAndName() {
        assertThat(consulates.resolve("Los Ángeles")).isEqualTo(new Consulate("LOS_ANGELES", "Los Ángeles"));
        assertThat(consulates.resolve("LOS ANGELES")).isEqualTo(new Consulate("LOS_ANGELES", "Los Ángeles"));
        assertThat(consulates.resolve("New York")).isEqualTo(new Consulate("NUEVA_YORK", "Nueva York"));
        assertThat(consulates.resolve("St. Paul").id()).isEqualTo("SAINT_PAUL");
    }

    @Test
    void keysAnUnlistedConsulateByItsFoldedName() {
        assertThat(consulates.resolve("Toronto")).isEqualTo(new Consulate("TORONTO", "Toronto"));
        assertThat(consulates.resolve(" ")).isNull();
    }
}
