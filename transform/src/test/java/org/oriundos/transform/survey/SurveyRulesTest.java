package org.oriundos.transform.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurveyRulesTest {
    @Test
    void bandsYearsInTheUs() {
        assertThat(SurveyRules.yearsInUsBand(0)).isEqualTo("0-4");
        assertThat(SurveyRules.yearsInUsBand(4)).isEqualTo("0-4");
        assertThat(SurveyRules.yearsInUsBand(5)).isEqualTo("5-9");
        assertThat(SurveyRules.yearsInUsBand(10)).isEqualTo("10-19");
        assertThat(SurveyRules.yearsInUsBand(19)).isEqualTo("10-19");
        assertThat(SurveyRules.yearsInUsBand(20)).isEqualTo("20+");
        assertThat(SurveyRules.yearsInUsBand(null)).isNull();
    }

    @Test
    void readsBornInMexicoFromTheCountryOfBirth() {
        assertThat(SurveyRules.bornInMexico("México", "Jalisco")).isTrue();
        assertThat(SurveyRules.bornInMexico("MEXICO", null)).isTrue();
        assertThat(SurveyRules.bornInMexico("El Salvador", null)).isFalse();
        assertThat(SurveyRules.bornInMexico(null, "Zacatecas")).isTrue();
        assertThat(SurveyRules.bornInMexico(null, null)).isFalse();
    }
}
