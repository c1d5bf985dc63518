package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartsTest {

    private static final List<String> YEARS = List.of("2005", "2006", "2007", "2008");

    @Test
    void barChartHasTitleAxisLabelsLegendAndOneBarPerValue() throws Exception {
        BarChart chart = new BarChart("Associations registered", "Year", "Associations", YEARS,
                List.of(new Series("New", values(10.0, 20.0, null, 5.0)),
                        new Series("Deregistered", values(0.0, 3.0, null, 7.0))),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, "no snapshot");

        Document svg = parse(chart.toSvg(Language.EN));

        assertThat(texts(svg)).contains("Associations registered", "Year", "Associations", "New", "Deregistered",
                "2005", "2008", "no snapshot");
        // 6 bars for the 6 values present, plus the legend's 2 swatches and the background.
        assertThat(count(svg, "//*[local-name()='g'][@class='marks']/*[local-name()='rect']")).isEqualTo(6);
        assertThat(count(svg, "//*[local-name()='g'][@class='legend']/*[local-name()='rect']")).isEqualTo(2);
    }

    @Test
    void stackedBarsAddUpToTheTotal() throws Exception {
        BarChart chart = new BarChart("Investment by share", "Year", "Million pesos (MXN)", List.of("2006"),
                List.of(new Series("Migrant", values(25.0)), new Series("Federal", values(25.0)),
                        new Series("State", values(25.0)), new Series("Municipal", values(25.0))),
                BarChart.Layout.STACKED, ValueFormat.COUNT, null);

        Document svg = parse(chart.toSvg(Language.EN));

        NodeList bars = nodes(svg, "//*[local-name()='g'][@class='marks']/*[local-name()='rect']");
        double total = 0;
        for (int i = 0; i < bars.getLength(); i++) {
            total += Double.parseDouble(bars.item(i).getAttributes().getNamedItem("height").getNodeValue());
        }
        assertThat(bars.getLength()).isEqualTo(4);
        // The axis runs 0..100 over 240 px: the stack of 100 fills it.
        assertThat(total).isCloseTo(240.0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void lineChartBreaksAtMissingYearsInsteadOfDroppingToZero() throws Exception {
        LineChart chart = new LineChart("Registered associations", "Year", "Associations", YEARS,
                List.of(new Series("California", values(240.0, 300.0, null, 329.0))), ValueFormat.COUNT,
                "no snapshot", false);

        Document svg = parse(chart.toSvg(Language.EN));

        NodeList paths = nodes(svg, "//*[local-name()='path']");
        assertThat(paths.getLength()).isEqualTo(1);
        assertThat(paths.item(0).getAttributes().getNamedItem("d").getNodeValue()).isEqualTo("M162.5 168.0 L327.5 132.0"); // 240 and 300 on a 0..400 axis of 240 px
        assertThat(count(svg, "//*[local-name()='circle'][*[local-name()='title']]")).isEqualTo(3);
        assertThat(texts(svg)).contains("no snapshot", "California");
    }

    @Test
    void lineChartCanBridgeMissingYearsWithADashedLine() throws Exception {
        LineChart chart = new LineChart("Registered associations", "Year", "Associations", YEARS,
                List.of(new Series("California", values(240.0, 300.0, null, 329.0))), ValueFormat.COUNT,
                "no snapshot", true);

        Document svg = parse(chart.toSvg(Language.EN));

        assertThat(count(svg, "//*[local-name()='path'][not(@stroke-dasharray)]")).isEqualTo(1);
        assertThat(count(svg, "//*[local-name()='path'][@stroke-dasharray]")).isEqualTo(1);
    }

    @Test
    void percentAxisWritesPercentages() throws Exception {
        LineChart chart = new LineChart("Membership rate", "Years in the US", "Weighted rate (%)",
                List.of("0-4", "5-9"), List.of(new Series("Member", values(0.05, 0.12))), ValueFormat.PERCENT, null, false);

        assertThat(texts(parse(chart.toSvg(Language.EN)))).contains("0%", "10%");
    }

    @Test
    void horizontalBarsShowTheirValueAndEscapeNames() throws Exception {
        HorizontalBarChart chart = new HorizontalBarChart("Fastest growing <states>", "CAGR (%)", "US state",
                List.of("North Carolina", "Georgia & co"), new Series("CAGR", values(0.25, -0.05)),
                ValueFormat.PERCENT);

        String svg = chart.toSvg(Language.EN);
        Document doc = parse(svg);

        assertThat(svg).contains("Fastest growing &lt;states&gt;", "Georgia &amp; co");
        assertThat(texts(doc)).contains("25.0%", "\u22125.0%", "Fastest growing <states>");
    }

    @Test
    void aTinyPositiveBarSaysLessThanOneNotZero() throws Exception {
        HorizontalBarChart chart = new HorizontalBarChart("3x1 dollars per million", "Dollars per million", "State",
                List.of("Zacatecas", "Jalisco"), new Series("2019", values(116.4, 0.0002)), ValueFormat.WHOLE);
        assertThat(texts(parse(chart.toSvg(Language.EN)))).contains("116", "<\u00a01");
        assertThat(texts(parse(chart.toSvg(Language.ES)))).contains("menos de\u00a01");
    }

    @Test
    void refusesASeriesOfTheWrongLength() {
        assertThatThrownBy(() -> new BarChart("T", "x", "y", YEARS, List.of(new Series("S", values(1.0))),
                BarChart.Layout.GROUPED, ValueFormat.COUNT, null))
                .hasMessageContaining("series 'S' has 1 values for 4 categories");
    }

    @Test
    void axisTicksAreRoundAndCoverTheData() {
        Axis axis = Axis.covering(0, 873);
        assertThat(axis.ticks()).containsExactly(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0);
        assertThat(Axis.covering(-0.03, 0.22).ticks()).first().isEqualTo(-0.05);
    }

    static List<Double> values(Double... values) {
        return Arrays.asList(values);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList nodes(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    static int count(Document doc, String xpath) throws Exception {
        return nodes(doc, xpath).getLength();
    }

    static List<String> texts(Document doc) throws Exception {
        NodeList list = nodes(doc, "//*[local-name()='text']");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}
