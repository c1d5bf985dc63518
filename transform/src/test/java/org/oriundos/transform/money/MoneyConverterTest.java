package org.oriundos.transform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MoneyConverterTest {
    private static final MoneyReference SHIPPED = MoneyReference.shipped();

    @Test
    void convertsToConstant2018PesosWithTheAnnualMeanInpc() {
        // INPC 2018 mean 100.255333…, 2010 mean 73.406083…: 1,000,000.00 × 100.255333 / 73.406083 = 1,365,763.28
        MoneyConverter c = new MoneyConverter(SHIPPED, 2018);
        assertThat(c.constantPesos(100_000_000L, 2010)).isEqualTo(136_576_328L);
        // 2007 mean 63.667833…: 1,234,567.89 × 100.255333 / 63.667833 = 1,944,027.44
        assertThat(c.constantPesos(123_456_789L, 2007)).isEqualTo(194_402_744L);
        assertThat(c.constantPesos(123_456_789L, 2018)).isEqualTo(123_456_789L);
    }

    @Test
    void convertsToDollarsWithTheAnnualMeanFixRate() {
        // FIX 2010 mean 12.630283…: 1,000,000.00 / 12.630283 = 79,174.79
        MoneyConverter c = new MoneyConverter(SHIPPED, 2018);
        assertThat(c.dollars(100_000_000L, 2010)).isEqualTo(7_917_479L);
        // FIX 2013 mean 12.772391…: 250,000.00 / 12.772391 = 19,573.47
        assertThat(c.dollars(25_000_000L, 2013)).isEqualTo(1_957_347L);
    }

    @Test
    void theBaseYearIsConfigurable() {
        // 250,000.00 of 2013 in 2010 pesos: × 73.406083 / 82.036166 = 223,700.37
        assertThat(new MoneyConverter(SHIPPED, 2010).constantPesos(25_000_000L, 2013)).isEqualTo(22_370_037L);
    }

    @Test
    void roundsHalfToEven() throws IOException {
        StringBuilder inpc = new StringBuilder("PERIODO,GENERAL,SUBYACENTE,NO_SUBYACENTE\n");
        StringBuilder fix = new StringBuilder("PERIODO,TIPO_CAMBIO\n");
        for (int m = 1; m <= 12; m++) {
            inpc.append(String.format("2000-%02d-01,200,0,0%n2001-%02d-01,100,0,0%n", m, m));
            fix.append(String.format("2000-%02d-01,2%n", m));
        }
        MoneyReference ref = MoneyReference.load(new StringReader(inpc.toString()), "inpc", new StringReader(fix.toString()), "fix");
        MoneyConverter c = new MoneyConverter(ref, 2001);
        assertThat(c.constantPesos(1, 2000)).isEqualTo(0L);   // 0.5 -> 0
        assertThat(c.constantPesos(3, 2000)).isEqualTo(2L);   // 1.5 -> 2
        assertThat(c.constantPesos(5, 2000)).isEqualTo(2L);   // 2.5 -> 2
        assertThat(c.dollars(3, 2000)).isEqualTo(2L);         // 1.5 -> 2
        assertThat(c.dollars(5, 2000)).isEqualTo(2L);         // 2.5 -> 2
    }

    @Test
    void aYearWithoutTwelveMonthsOfDataFailsLoudlyNamingTheYearAndTheFile() {
        MoneyConverter c = new MoneyConverter(SHIPPED, 2018);
        assertThatThrownBy(() -> c.dollars(100L, 1991))
                .isInstanceOf(MissingReferenceDataException.class)
                .hasMessageContaining("1991").hasMessageContaining("banxico_fix_usdmxn_monthly.csv")
                .hasMessageContaining("2 of 12 months");
        assertThatThrownBy(() -> c.constantPesos(100L, 1975))
                .hasMessageContaining("no INPC for 1975").hasMessageContaining("inegi_inpc_monthly.csv");
        assertThatThrownBy(() -> new MoneyConverter(SHIPPED, 2026))
                .hasMessageContaining("no INPC for 2026").hasMessageContaining("6 of 12 months");
    }

    @Test
    void skipsTheFixSeriesMonthsPublishedAsZero() {
        YearReference y1991 = SHIPPED.year(1991).orElseThrow();
        assertThat(y1991.fixMonths()).isEqualTo(2);
        assertThat(y1991.fixMean()).isNull();
        assertThat(SHIPPED.year(2018).orElseThrow().fixMean()).isEqualTo(19.2421);
        assertThat(SHIPPED.year(2018).orElseThrow().inpcMonths()).isEqualTo(12);
    }
    @Test
    void aQuartersDollarsArePesosAtTheMeanFixOfItsMonthsAndConstantPesosByTheMeanInpcOfItsMonths() {
        MoneyConverter c = new MoneyConverter(SHIPPED, 2018);
        // FIX Jan-Mar 2013: 12.699, 12.7229, 12.5247 (mean 12.648866…); INPC 80.893, 81.291, 81.887;
        // 1,000,000 dollars = 12,648,866.67 pesos; × INPC 2018 mean 100.255333… / 81.357 = 15,587,058.81
        MoneyConverter.PeriodPesos q1 = c.periodPesos(new BigDecimal("1000000"), YearMonth.of(2013, 1), 3);
        assertThat(q1.nominalCents()).isEqualTo(1_264_886_667L);
        assertThat(q1.constantCents()).isEqualTo(1_558_705_881L);
        assertThat(q1.missing()).isNull();
        // a month: January 2024 alone, FIX 17.0873, INPC 133.555
        MoneyConverter.PeriodPesos jan = c.periodPesos(new BigDecimal("310000125"), YearMonth.of(2024, 1), 1);
        assertThat(jan.nominalCents()).isEqualTo(529_706_513_591L);
        assertThat(jan.constantCents()).isEqualTo(397_633_207_959L);
    }

    @Test
    void aPeriodWhoseMonthsAreNotAllPublishedHasNoPesosAndSaysWhichMonthsAreMissing() {
        MoneyConverter c = new MoneyConverter(SHIPPED, 2018);
        MoneyConverter.PeriodPesos late = c.periodPesos(new BigDecimal("1000000"), YearMonth.of(2026, 5), 3);
        assertThat(late.nominalCents()).isNull();
        assertThat(late.constantCents()).isNull();
        assertThat(late.missing()).isEqualTo("no FIX rate for 2026-07 in reference/banxico_fix_usdmxn_monthly.csv");
        // FIX is published from November 1991: a quarter with a month before has no pesos at all
        assertThat(c.periodPesos(BigDecimal.ONE, YearMonth.of(1991, 10), 3).missing())
                .isEqualTo("no FIX rate for 1991-10 in reference/banxico_fix_usdmxn_monthly.csv");
    }

    @Test
    void banxicosUnitsAreMillionsThousandsOrDollarsAndNothingElseIsAnAmount() {
        assertThat(DollarUnits.dollarsPerUnit("Millones de Dólares")).isEqualByComparingTo("1000000");
        assertThat(DollarUnits.dollarsPerUnit("miles de dolares")).isEqualByComparingTo("1000");
        assertThat(DollarUnits.dollarsPerUnit(" Dólares ")).isEqualByComparingTo("1");
        assertThat(DollarUnits.dollarsPerUnit("Número de remesas")).isNull();
        assertThat(DollarUnits.dollarsPerUnit("Porcentaje")).isNull();
    }
}
