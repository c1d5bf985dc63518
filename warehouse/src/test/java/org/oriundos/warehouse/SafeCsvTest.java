package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeCsvTest {

    @Test
    void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
        StringBuilder out = new StringBuilder();
        SafeCsv csv = new SafeCsv(out);
        for (String cell : List.of("=HYPERLINK(\"http://x.example\";\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB",
                "\rCR", "Club = Jerez", "3X1-ZAC-2014-0001")) {
            csv.text(cell);
        }
        csv.endRecord();

        assertThat(out.toString()).isEqualTo("\"'=HYPERLINK(\"\"http://x.example\"\";\"\"click\"\")\",\"'+1+1\",\"'-2+3\","
                + "\"'@SUM(A1)\",\"'\tTAB\",\"'\rCR\",Club = Jerez,3X1-ZAC-2014-0001\r\n");
    }

    @Test
    void numbersStayNumbersAndTextThatLooksLikeANumberIsText() {
        StringBuilder out = new StringBuilder();
        new SafeCsv(out).value(-5).value(new BigDecimal("-1234.50")).value(-0.25).value(null).value("-5")
                .number("-7.5000").number("-1+1").endRecord();

        assertThat(out.toString()).isEqualTo("-5,-1234.50,-0.25,,\"'-5\",-7.5000,\"'-1+1\"\r\n");
    }

    @Test
    void sqlCsvNeutralisesFormulasInTextAndHeadersButNotNegativeNumbers() {
        QueryResult result = new QueryResult(List.of("=cmd", "amount"),
                List.of(Arrays.asList("@evil", new BigDecimal("-10.00")), Arrays.asList("Club, \"A\"", null)));

        assertThat(result.toCsv()).isEqualTo("\"'=cmd\",amount\r\n\"'@evil\",-10.00\r\n\"Club, \"\"A\"\"\",\r\n");
    }
}
