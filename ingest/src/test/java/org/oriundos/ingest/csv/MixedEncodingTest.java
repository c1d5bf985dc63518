package org.oriundos.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.ingest.sedesol.ProjectParser;

/**
 * A file larger than the prefix the encoding is told from: UTF-8 by its prefix, so a later
 * record in Windows-1252 is rejected, saying why, instead of loading with its letters replaced.
 */
class MixedEncodingTest {
    private static final String HEADER = "EJERCICIO,FOLIO,CVE_ENT,NOM_ENT,CVE_MUN,NOM_MUN,LOCALIDAD,NOMBRE_PROYECTO,"
            + "CATEGORIA,CLAVE_CLUB,NOMBRE_CLUB,FEDERACION,ESTADO_EUA,INV_FEDERAL,INV_ESTATAL,INV_MUNICIPAL,"
            + "INV_MIGRANTE,INV_OTROS,BENEFICIARIOS,ESTATUS,FECHA_APROBACION\r\n";
    private static final int ROWS = 200;

    @TempDir
    Path tmp;

    @Test
    void rejectsALateRecordThatIsNotUtf8AndLoadsTheRest() throws Exception {
        Path file = tmp.resolve("3x1_proyectos_2014.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(HEADER.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < ROWS; i++) {
            bytes.write(row(i, "Club Peñón de Chicago").getBytes(StandardCharsets.UTF_8));
        }
        bytes.write(row(ROWS, "Club Peñón de Chicago").getBytes(EncodingDetector.WINDOWS_1252));
        Files.write(file, bytes.toByteArray());

        DetectedEncoding encoding = EncodingDetector.detect(file, 4096);
        assertThat(encoding.name()).isEqualTo("UTF-8");
        assertThat(encoding.toldFromPrefix()).isTrue();

        Delivery d = Inbox.delivery(file);
        CsvExtractReader.Opened opened = CsvExtractReader.open(file, encoding);
        RecordParser parser = ProjectParser.forHeader(HeaderMap.keys(opened.header()), 2014).parser();
        HeaderMap map = HeaderMap.match(d.fileName(), parser.layout(), opened.header());
        List<RowOutcome> outcomes = new ArrayList<>();
        try (CsvExtractReader reader = CsvExtractReader.over(d, encoding, parser, map, opened, 0, null)) {
            for (RowOutcome o = reader.next(); o != null; o = reader.next()) {
                outcomes.add(o);
            }
        }

        assertThat(outcomes).hasSize(ROWS + 1);
        assertThat(outcomes.subList(0, ROWS)).allSatisfy(o -> assertThat(o).isInstanceOf(RowOutcome.Loaded.class));
        Object[] loaded = ((RowOutcome.Loaded) outcomes.get(ROWS - 1)).row();
        assertThat(loaded).contains("Club Peñón de Chicago");
        RowOutcome last = outcomes.get(ROWS);
        assertThat(last).isInstanceOf(RowOutcome.Rejected.class);
        assertThat(((RowOutcome.Rejected) last).problems()).extracting(RejectedRow::line, RejectedRow::value)
                .containsExactly(org.assertj.core.api.Assertions.tuple((long) ROWS + 2, null));
        assertThat(((RowOutcome.Rejected) last).problems().get(0).reason())
                .startsWith("the record holds bytes that are not valid UTF-8, but the file's first ")
                .contains("the file mixes encodings");
    }

    @Test
    void checksTheWholeFileWhenItFitsInThePrefix() throws Exception {
        Path file = tmp.resolve("small.csv");
        Files.write(file, (HEADER + row(1, "Club Peñón de Chicago")).getBytes(EncodingDetector.WINDOWS_1252));

        DetectedEncoding encoding = EncodingDetector.detect(file);

        assertThat(encoding.name()).isEqualTo("windows-1252");
        assertThat(encoding.toldFromPrefix()).isFalse();
    }

    private static String row(int i, String club) {
        return "2014,3X1-ZAC-2014-" + i + ",32,Zacatecas,7,Jerez,,Pavimentación de calle " + i + ",PAVIMENTACION,,"
                + club + ",,CA,100,100,100,100,,,CONCLUIDO,15/03/2014\r\n";
    }
}
