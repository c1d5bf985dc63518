package org.oriundos.transform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnalystTextTest {
    @Test
    void readsWhatASpreadsheetSavesUtf8WithBomOrWindows1252() {
        byte[] bom = "\uFEFFkind,state,name,code\nSTATE,,Michoacán,16\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "kind,state,name,code\nSTATE,,Michoacán,16\n".getBytes(Charset.forName("windows-1252"));
        assertThat(AnalystText.decode(bom)).startsWith("kind,").contains("Michoacán");
        assertThat(AnalystText.decode(cp1252)).contains("Michoacán");
    }

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertThat(Folding.fold("  Edo. de  México")).isEqualTo("EDO DE MEXICO");
        assertThat(Folding.fold("Pen\u0303o\u0301n")).isEqualTo("PENON");
        assertThat(Folding.fold(null)).isEmpty();
    }
}
