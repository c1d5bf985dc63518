package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void writesCountsWithThousandsSeparators() {
        assertThat(NumberText.count(0)).isEqualTo("0");
        assertThat(NumberText.count(2643)).isEqualTo("2,643");
        assertThat(NumberText.count(1234567)).isEqualTo("1,234,567");
        assertThat(NumberText.count(-1500)).isEqualTo("\u22121,500");
    }

    @Test
    void writesMoneyInWholeUnitsRoundedHalfUp() {
        assertThat(NumberText.money(new BigDecimal("1234567.50"))).isEqualTo("1,234,568");
        assertThat(NumberText.money(new BigDecimal("999.49"))).isEqualTo("999");
    }

    @Test
    void writesPercentagesWithOneDecimal() {
        assertThat(NumberText.percent(0.09)).isEqualTo("9.0%");
        assertThat(NumberText.percent(0.12345)).isEqualTo("12.3%");
        assertThat(NumberText.percent(12.5)).isEqualTo("1,250.0%");
    }

    @Test
    void signsChangesSoGrowthAndDeclineReadApart() {
        assertThat(NumberText.change(0.05)).isEqualTo("+5.0%");
        assertThat(NumberText.change(-0.2)).isEqualTo("\u221220.0%");
        assertThat(NumberText.change(0.00001)).isEqualTo("0.0%");
    }

    @Test
    void writesTheSameWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(NumberText.count(1234567)).isEqualTo("1,234,567");
            assertThat(NumberText.percent(0.5)).isEqualTo("50.0%");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
