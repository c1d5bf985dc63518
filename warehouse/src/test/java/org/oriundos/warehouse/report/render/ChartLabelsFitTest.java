package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No chart label is cut off: every text of a chart stays inside its SVG's viewBox (measured with
 * the font's metrics, {@link SvgTextBounds}) and none is shortened with an ellipsis, with the
 * longest names the report meets, in both languages. The page's charts are held to the same in
 * {@code AnnualReportTest} and, in a real browser, in {@code AnnualReportBrowserTest}.
 */
class ChartLabelsFitTest {
    private static final String LONG_TITLE = "Registered associations by Mexican state of origin and by US state of "
            + "residence, with the new destinations of the last decade marked apart, 1998\u20132019";
    private static final List<String> STATES = List.of("Veracruz de Ignacio de la Llave", "Michoac\u00e1n de Ocampo",
            "Coahuila de Zaragoza", "San Luis Potos\u00ed", "Baja California Sur", "Ciudad de M\u00e9xico", "Quer\u00e9taro",
            "Aguascalientes", "Tamaulipas", "Zacatecas", "Jalisco", "Nayarit", "Guanajuato", "Oaxaca", "Puebla",
            "Guerrero", "Hidalgo", "Durango", "Chihuahua", "Morelos", "M\u00e9xico", "Sinaloa", "Sonora", "Yucat\u00e1n",
            "Quintana Roo", "Tabasco", "Campeche", "Colima", "Chiapas", "Tlaxcala", "Baja California", "Nuevo Le\u00f3n");

    @Test
    void barChartsWithLongRotatedCategoriesTitlesAndLegendsKeepEveryLabelInside() {
        List<Double> values = new ArrayList<>();
        List<Double> more = new ArrayList<>();
        for (int i = 0; i < STATES.size(); i++) {
            values.add(i % 5 == 0 ? null : 1234567.0 / (i + 1));
            more.add(i % 7 == 0 ? null : 2345678.0 / (i + 2));
        }
        for (Language language : Language.values()) {
            BarChart chart = new BarChart(LONG_TITLE, "Mexican state of origin of the associations, as the registry "
                    + "gives it, with the states the registry does not name left out",
                    "Registered associations in the latest snapshot of the year (count)", STATES,
                    List.of(new Series("Registered associations in the first snapshot of the period, by state", values),
                            new Series("Registered associations in the last snapshot of the period, by state, counted "
                                    + "the same way as in the first one, whatever their federation", more)),
                    BarChart.Layout.GROUPED, ValueFormat.COUNT, "sin corte del registro");
            assertFits(chart.toSvg(language));
        }
    }

    @Test
    void horizontalBarsWrapLongNamesAndKeepTheirValuesInside() {
        List<String> labels = List.of(
                "Proyectos 3x1 \u00b7 MIGRANTE_MXN: not an amount: expected pesos with up to two decimals and no "
                        + "thousands separator other than a comma",
                "Registro consular (IME) \u00b7 FECHA_REGISTRO: no such date", "Encuestas \u00b7 WEIGHT: required value is missing",
                "Club Social, Cultural y Deportivo Hijos Ausentes de San Juan Bautista del Teul de Gonz\u00e1lez Ortega A.C.");
        for (Language language : Language.values()) {
            for (ValueFormat format : ValueFormat.values()) {
                HorizontalBarChart chart = new HorizontalBarChart(LONG_TITLE, "Rows rejected (count)",
                        "Source \u00b7 column: reason", labels,
                        new Series("Rejected rows", List.of(12345678.9, -0.0421, 0.0003, 123.0)), format);
                assertFits(chart.toSvg(language));
            }
            HorizontalBarChart withText = new HorizontalBarChart("Rows rejected per source", "Rows rejected (% of rows read)",
                    "Source", List.of("Registro consular (IME)", "Proyectos 3x1"),
                    new Series("Share", List.of(0.0015, 0.007)), ValueFormat.PERCENT,
                    List.of("0,2 % \u00b7 7 de 4506 filas", "0,7 % \u00b7 35 de 5014 filas le\u00eddas en las entregas vigentes"));
            assertFits(withText.toSvg(language));
        }
    }

    @Test
    void lineChartsWithManyYearsAndLongSeriesNamesKeepEveryLabelInside() {
        List<String> years = new ArrayList<>();
        List<Double> a = new ArrayList<>();
        for (int y = 1990; y <= 2030; y++) {
            years.add(Integer.toString(y));
            a.add(y % 4 == 0 ? null : (y - 1980) * 12345.6);
        }
        List<Series> series = new ArrayList<>();
        for (String state : STATES.subList(0, 8)) {
            series.add(new Series(state + " (registered associations)", a));
        }
        for (Language language : Language.values()) {
            assertFits(new LineChart(LONG_TITLE, "Year", "Registered associations (count)", years, series,
                    ValueFormat.DECIMAL, "no snapshot", true).toSvg(language));
        }
    }

    @Test
    void theCheckFindsATextThatLeavesTheChart() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\" aria-label=\"t\">"
                + "<text x=\"150\" y=\"50\" text-anchor=\"start\" font-size=\"12\">Veracruz de Ignacio de la Llave</text>"
                + "<text x=\"10\" y=\"50\" text-anchor=\"end\" transform=\"rotate(-45 10 50)\" font-size=\"11\">Zacatecas</text>"
                + "<text x=\"100\" y=\"90\" text-anchor=\"middle\" font-size=\"11\">Cut\u2026</text></svg>";

        assertThat(SvgTextBounds.problems(svg)).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("Veracruz").contains("leaves the chart"))
                .anySatisfy(p -> assertThat(p).contains("Zacatecas").contains("leaves the chart"))
                .anySatisfy(p -> assertThat(p).contains("was cut"));
    }

    @Test
    void widthsAreTheFontsAndWrappingLeavesNothingOut() {
        // Liberation Sans, as Helvetica: 'M' is 833/1000 em, 'i' 222, a digit 556
        assertThat(TextMetrics.width("Mi1", 10)).isEqualTo(16.11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextMetrics.width("Mi1", 10, true)).isGreaterThan(TextMetrics.width("Mi1", 10));
        String text = String.join(" ", Collections.nCopies(30, "Pavimentaci\u00f3n")) + " Supercalifragilisticoespialidoso";
        List<String> lines = Svg.wrap(text, 120, 12, false);
        assertThat(String.join(" ", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
        assertThat(lines).allSatisfy(line -> assertThat(Svg.textWidth(line, 12)).isLessThanOrEqualTo(120));
    }

    private static void assertFits(String svg) {
        assertThat(SvgTextBounds.problems(svg)).as("texts outside the chart or cut").isEmpty();
    }
}
