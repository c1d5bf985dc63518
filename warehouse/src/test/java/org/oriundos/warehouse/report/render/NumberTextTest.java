package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberTextTest {
    private static final NumberText EN = NumberText.ENGLISH;
    private static final NumberText ES = NumberText.SPANISH;
    private static final String NBSP = "\u00a0";

    @Test
    void writesCountsWithThousandsSeparators() {
        assertThat(EN.count(0)).isEqualTo("0");
        assertThat(EN.count(2643)).isEqualTo("2,643");
        assertThat(EN.count(1234567)).isEqualTo("1,234,567");
        assertThat(EN.count(-1500)).isEqualTo("\u22121,500");
    }

    @Test
    void writesSpanishNumbersWithASpaceBetweenGroupsAndADecimalComma() {
        assertThat(ES.count(1234567)).isEqualTo("1" + NBSP + "234" + NBSP + "567");
        // a number of four digits is not grouped in Spanish
        assertThat(ES.count(2643)).isEqualTo("2643");
        assertThat(ES.count(12643)).isEqualTo("12" + NBSP + "643");
        assertThat(ES.fixed(1234567.8, 1)).isEqualTo("1" + NBSP + "234" + NBSP + "567,8");
        assertThat(EN.fixed(1234567.8, 1)).isEqualTo("1,234,567.8");
        assertThat(ES.percent(0.12345)).isEqualTo("12,3" + NBSP + "%");
        assertThat(ES.change(-0.2)).isEqualTo("\u221220,0" + NBSP + "%");
        assertThat(ES.money(new BigDecimal("84447509.84"))).isEqualTo("84" + NBSP + "447" + NBSP + "510");
        assertThat(ES.decimal(2.5, 1)).isEqualTo("2,5");
    }

    @Test
    void writesAPositiveMeasureTooSmallForAWholeUnitAsLessThanOneNeverZero() {
        // 3x1 dollars per million of family remittances: $1 against $5,000 million is 0.0002 per million
        assertThat(EN.whole(0.0002)).isEqualTo("<" + NBSP + "1");
        assertThat(ES.whole(0.0002)).isEqualTo("menos de" + NBSP + "1");
        assertThat(EN.whole(0.4999)).isEqualTo("<" + NBSP + "1");
        assertThat(EN.whole(0.5)).isEqualTo("1");
        assertThat(EN.whole(0)).isEqualTo("0");
        assertThat(EN.whole(116.4)).isEqualTo("116");
        assertThat(ES.whole(12345.6)).isEqualTo("12" + NBSP + "346");
    }

    @Test
    void writesMoneyInWholeUnitsRoundedHalfUp() {
        assertThat(EN.money(new BigDecimal("1234567.50"))).isEqualTo("1,234,568");
        assertThat(EN.money(new BigDecimal("999.49"))).isEqualTo("999");
    }

    @Test
    void writesPercentagesWithOneDecimal() {
        assertThat(EN.percent(0.09)).isEqualTo("9.0%");
        assertThat(EN.percent(0.12345)).isEqualTo("12.3%");
        assertThat(EN.percent(12.5)).isEqualTo("1,250.0%");
    }

    @Test
    void signsChangesSoGrowthAndDeclineReadApart() {
        assertThat(EN.change(0.05)).isEqualTo("+5.0%");
        assertThat(EN.change(-0.2)).isEqualTo("\u221220.0%");
        assertThat(EN.change(0.00001)).isEqualTo("0.0%");
    }

    @Test
    void axisNumbersDropTrailingZeros() {
        assertThat(EN.decimal(2000, 0)).isEqualTo("2,000");
        assertThat(EN.decimal(2.50, 2)).isEqualTo("2.5");
        assertThat(EN.decimal(-0.0001, 2)).isEqualTo("0");
    }

    @Test
    void writesTheSameWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(EN.count(1234567)).isEqualTo("1,234,567");
            assertThat(EN.percent(0.5)).isEqualTo("50.0%");
            assertThat(ES.percent(0.5)).isEqualTo("50,0" + NBSP + "%");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aLanguageIsEnOrEsAndNothingElse() {
        assertThat(Language.of("ES")).isEqualTo(Language.ES);
        assertThat(Language.of(" en ")).isEqualTo(Language.EN);
        assertThatThrownBy(() -> Language.of("fr")).hasMessageContaining("must be en (English) or es (Spanish), not 'fr'");
    }
}
