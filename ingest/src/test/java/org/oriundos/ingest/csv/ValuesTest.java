package org.oriundos.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    @ParameterizedTest(name = "{0} = {1} hundredths")
    @CsvSource(delimiter = '|', value = {
        "$1,234,567.89|123456789", "1234567.89|123456789", "1,234,567|123456700", "' $ 1 234 567.5 '|123456750",
        "0|0", "$0.05|5", "250000.5|25000050", ".5|50", "9,999,999,999,999,999.99|999999999999999999"})
    void readsPesosAsWrittenInMexico(String text, long hundredths) throws BadValue {
        assertThat(Values.money(text)).isEqualTo(hundredths);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "12,34|not an amount: thousands must be grouped in threes", "1,2345|not an amount: thousands must be grouped in threes",
        "1.234,56|more than two decimals", "1.234|more than two decimals", "-100|amount is negative", "mil|not an amount",
        "$|not an amount", "12 34a|not an amount", "1$|not an amount"})
    void refusesWhatIsNotAnAmountSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> Values.money(text)).isInstanceOf(BadValue.class).hasMessage(reason);
    }

    @Test
    void padsInegiCodesAndChecksTheirRange() throws BadValue {
        assertThat(Values.code("1", 2, 32)).isEqualTo("01");
        assertThat(Values.code("7", 3, 999)).isEqualTo("007");
        assertThat(Values.code("32", 2, 32)).isEqualTo("32");
        assertThat(Values.code("0007", 3, 999)).isEqualTo("007");
        assertThatThrownBy(() -> Values.code("33", 2, 32)).hasMessage("no such code: must be between 1 and 32");
        assertThatThrownBy(() -> Values.code("0", 2, 32)).hasMessage("no such code: must be between 1 and 32");
        assertThatThrownBy(() -> Values.code("1a", 2, 32)).hasMessage("not a code of up to 2 digits");
        assertThatThrownBy(() -> Values.code("1234", 3, 999)).hasMessage("not a code of up to 3 digits");
    }

    @Test
    void readsDayMonthYearDatesAndRefusesImpossibleOnes() throws BadValue {
        assertThat(Values.date("15/03/2014")).isEqualTo(LocalDate.of(2014, 3, 15));
        assertThat(Values.date("2/5/2014")).isEqualTo(LocalDate.of(2014, 5, 2));
        assertThatThrownBy(() -> Values.date("31/02/2014")).hasMessage("no such date");
        assertThatThrownBy(() -> Values.date("2014-03-15")).hasMessage("not a date dd/mm/yyyy");
        assertThatThrownBy(() -> Values.date("15/03/14")).hasMessage("not a date dd/mm/yyyy");
        assertThat(Values.yearOrMinus("1987")).isEqualTo(1987);
        assertThat(Values.yearOrMinus("87")).isEqualTo(-1);
    }

    @Test
    void readsWholeNumbersWithThousandsCommas() throws BadValue {
        assertThat(Values.whole("12,345")).isEqualTo(12345);
        assertThat(Values.whole(" 1 000 ")).isEqualTo(1000);
        assertThat(Values.whole("12.00")).isEqualTo(12);
        assertThatThrownBy(() -> Values.whole("12.5")).hasMessage("not a whole number");
        assertThatThrownBy(() -> Values.count("-3")).hasMessage("a count cannot be negative");
    }

    @Test
    void cleansTextToNfcTrimmedAndCollapsed() {
        String nfd = "Pen\u0303o\u0301n  Blanco";
        assertThat(Text.clean(nfd)).isEqualTo("Peñón Blanco");
        assertThat(Text.clean("  Club\tUruapan \r\n de  Chicago ")).isEqualTo("Club Uruapan de Chicago");
        assertThat(Text.clean("   ")).isNull();
        assertThat(Text.clean("")).isNull();
        String tidy = "Club Jerez";
        assertThat(Text.clean(tidy)).isSameAs(tidy);
    }

    @Test
    void matchesHeadersIgnoringCaseAccentsBlanksAndUnderscores() {
        assertThat(Text.key("AÑO")).isEqualTo(Text.key(" año ")).isEqualTo(Text.key("Ano")).isEqualTo("ANO");
        assertThat(Text.key("Estado  EUA")).isEqualTo(Text.key("ESTADO_EUA"));
        assertThat(Text.key("Categori\u0301a")).isEqualTo("CATEGORIA");
    }

    @ParameterizedTest(name = "{0} is its own key: {1}")
    @CsvSource({"CONCLUIDO,true", "AGUA2,true", "EN EJECUCION,false", "EN_EJECUCION,false", "Concluido,false",
            "CANCELADÓ,false", "'',false"})
    void tellsAValueThatIsAlreadyItsOwnKey(String value, boolean own) {
        assertThat(Text.isOwnKey(value)).isEqualTo(own);
        if (own) {
            assertThat(Text.key(value)).isEqualTo(value); // so the key need not be computed
        }
    }

    @TempDir
    Path tmp;

    @Test
    void detectsUtf8WithAndWithoutBomAndWindows1252() throws Exception {
        Path bom = tmp.resolve("bom.csv");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "A\nPeñón\n".getBytes(StandardCharsets.UTF_8)));
        Path utf8 = tmp.resolve("utf8.csv");
        Files.writeString(utf8, "A\n" + "x\n".repeat(100_000) + "Peñón\n", StandardCharsets.UTF_8);
        Path cp1252 = tmp.resolve("cp1252.csv");
        Files.writeString(cp1252, "A\n" + "x\n".repeat(100_000) + "Peñón\n", Charset.forName("windows-1252"));
        Path ascii = tmp.resolve("ascii.csv");
        Files.writeString(ascii, "A\nB\n", StandardCharsets.US_ASCII);

        assertThat(EncodingDetector.detect(bom)).extracting(DetectedEncoding::name, DetectedEncoding::bomLength)
                .containsExactly("UTF-8 (BOM)", 3);
        assertThat(EncodingDetector.detect(utf8).name()).isEqualTo("UTF-8");
        assertThat(EncodingDetector.detect(cp1252).name()).isEqualTo("windows-1252");
        assertThat(EncodingDetector.detect(ascii).name()).isEqualTo("UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
