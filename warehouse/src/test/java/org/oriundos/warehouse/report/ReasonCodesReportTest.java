package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.lake.Column;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;
import org.oriundos.transform.ConformedTables;
import org.oriundos.transform.UnresolvedReason;
import org.oriundos.warehouse.WarehouseBuilder;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.WarehouseSettings;
import org.oriundos.warehouse.report.render.Language;

/**
 * The quality appendix words the reasons of rejected rows and unresolved values in the report's
 * language, by their codes: every code has its words in both languages; a Spanish report of real
 * faulty deliveries (through ingest, transform and the warehouse) gives the reasons in Spanish; and a
 * lake written before the codes still builds, its reasons shown as recorded and the note saying so.
 */
class ReasonCodesReportTest {
    @TempDir
    Path home;

    private static final String HEADER = "EJERCICIO,FOLIO,CVE_ENT,NOM_ENT,CVE_MUN,NOM_MUN,LOCALIDAD,NOMBRE_PROYECTO,"
            + "CATEGORIA,CLAVE_CLUB,NOMBRE_CLUB,FEDERACION,ESTADO_EUA,INV_FEDERAL,INV_ESTATAL,INV_MUNICIPAL,INV_MIGRANTE,"
            + "INV_OTROS,BENEFICIARIOS,ESTATUS,FECHA_APROBACION";

    @Test
    void everyReasonCodeHasItsWordsInBothLanguagesWithTheParametersItTakes() {
        List<String> wrong = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (RejectReason r : RejectReason.values()) {
            codes.add(r.name());
            check(r.name(), r.parameters(), wrong);
        }
        for (UnresolvedReason r : UnresolvedReason.values()) {
            assertThat(codes.add(r.name())).as("%s is a code of both catalogues", r).isTrue();
            check(r.name(), r.parameters(), wrong);
        }
        for (Language language : Language.values()) {
            for (String key : ReportText.keys(language)) {
                if (key.startsWith("reason.") && !codes.contains(key.substring("reason.".length()))) {
                    wrong.add(language.code() + ": " + key + " is the message of no code");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(String code, int parameters, List<String> wrong) {
        for (Language language : Language.values()) {
            String message = ReportText.message(language, "reason." + code);
            if (message == null || message.isBlank()) {
                wrong.add(language.code() + ": no message reason." + code);
                continue;
            }
            Set<String> used = new TreeSet<>();
            Matcher m = Pattern.compile("\\{(\\d+)}").matcher(message);
            while (m.find()) {
                used.add(m.group(1));
            }
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < parameters; i++) {
                expected.add(Integer.toString(i));
            }
            if (!used.equals(expected)) {
                wrong.add(language.code() + ": reason." + code + " uses " + used + ", the code takes " + parameters);
            }
        }
    }

    @Test
    void theSpanishReportGivesTheReasonsOfRealFaultyRowsInSpanish() throws IOException {
        Path warehouse = buildFromFaultyDeliveries(false);

        String rejects = csv(warehouse, "es", "quality_rejects.csv");
        assertThat(rejects).contains("no es un importe: los miles deben agruparse de tres en tres",
                "no existe esa clave: debe estar entre 1 y 32",
                "el año difiere del año del nombre del archivo (2015)",
                "falta un valor obligatorio",
                "el registro tiene 4 campos pero el encabezado tiene 21 (¿una línea cortada?)",
                "la clave aparece más de una vez en el archivo; se rechazan todas sus filas");
        // none of the English text, and none of the values: those are in audit_reject and the rejects command
        assertThat(rejects).doesNotContain("thousands must be grouped", "required value", "3X1-ZAC-2015-0009", "12,34");
        String unresolved = csv(warehouse, "es", "quality_unresolved.csv");
        assertThat(unresolved).contains("ni la clave ni el nombre del municipio nombran un municipio de su estado");
        String html = Files.readString(home.resolve("reports-es/2015/report.html"));
        assertThat(html).contains("Los motivos se dan en español a partir de su código")
                .doesNotContain("antes de que los motivos tuvieran código");

        // the English edition words the same codes in English; the warehouse keeps the text as recorded
        assertThat(csv(warehouse, "en", "quality_rejects.csv"))
                .contains("not an amount: thousands must be grouped in threes", "the year differs from the year of the file name (2015)");
        assertThat(WarehouseQuery.run(warehouse, "select reason, reason_code, reason_args from audit_reject"
                + " where reason_code = 'NO_SUCH_CODE'").rows())
                .containsExactly(List.of("no such code: must be between 1 and 32", "NO_SUCH_CODE", "32"));
    }

    @Test
    void aLakeWrittenBeforeTheCodesBuildsAndItsReasonsAreShownAsRecorded() throws IOException {
        Path warehouse = buildFromFaultyDeliveries(true);

        assertThat(WarehouseQuery.run(warehouse, "select count(*), count(reason_code) from audit_reject").rows())
                .containsExactly(List.of(7L, 0L));
        String rejects = csv(warehouse, "es", "quality_rejects.csv");
        assertThat(rejects).contains("not an amount: thousands must be grouped in threes",
                "EJERCICIO 2014 differs from the year of the file name (2015)");
        assertThat(csv(warehouse, "es", "quality_unresolved.csv")).contains("no municipality has code 999");
        String html = Files.readString(home.resolve("reports-es/2015/report.html"));
        assertThat(html).contains("Los motivos de 7 filas los registró una versión anterior de la carga")
                .contains("Los motivos de 1 filas los registró una versión anterior de la transformación");
    }

    /**
     * A 3x1 year with the faults providers send (a comma in the wrong place, a state code that does
     * not exist, another year's row, a blank club, a cut-off line, a FOLIO twice) and a municipality
     * no catalog has, loaded, conformed and built; with {@code beforeTheCodes}, the rejects and
     * unresolved files are first written again as a version before the codes wrote them.
     */
    private Path buildFromFaultyDeliveries(boolean beforeTheCodes) throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 8; i++) {
            csv.append(project(i, "32", "010", "1000")).append('\n');
        }
        csv.append(project(9, "32", "010", "\"12,34\"")).append('\n');                       // thousands not in threes
        csv.append(project(10, "40", "010", "1000")).append('\n');                       // no such state code
        csv.append(project(11, "32", "010", "1000").replaceFirst("^2015", "2014")).append('\n'); // another year
        csv.append(project(12, "32", "010", "1000").replace("Club Fresnillo", "")).append('\n'); // no club
        csv.append(project(13, "32", "999", "1000").replace("Fresnillo,", "Villa Inventada,")).append('\n'); // unresolved
        csv.append(project(14, "32", "010", "1000")).append('\n');
        csv.append(project(14, "32", "010", "2000")).append('\n');                       // the same FOLIO, twice
        csv.append("2015,3X1-ZAC-2015-0015,32,Zacatecas\n");                             // cut off
        Path file = inbox.resolve("3x1_proyectos_2015.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        LakeLocation lake = LakeLocation.local(home.resolve("lake"));
        new FileLoader(lake, new IngestOptions(1.0, 50_000)).load(Inbox.delivery(file));
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        if (beforeTheCodes) {
            writeAgainWithoutTheCodes(lake, RawTables.REJECTS, LakeLayout.Zone.REJECTS, "projects", "2015");
            writeAgainWithoutTheCodes(lake, ConformedTables.UNRESOLVED, LakeLayout.Zone.CONFORMED, "unresolved",
                    "projects-2015");
        }
        Path warehouse = home.resolve("warehouse/oriundos.duckdb");
        new WarehouseBuilder(new WarehouseSettings(lake, warehouse, 1, "512MB")).build(true);
        return warehouse;
    }

    private static String project(int n, String state, String municipality, String federal) {
        return String.join(",", "2015", String.format("3X1-ZAC-2015-%04d", n), state, "Zacatecas", municipality,
                "Fresnillo", "", "Obra " + n, "AGUA POTABLE", "", "Club Fresnillo", "", "CA", federal, "1000", "1000",
                "1000", "", "", "CONCLUIDO", "");
    }

    /** Each part file of the slot written again with the columns before the reasons' codes. */
    private static void writeAgainWithoutTheCodes(LakeLocation lake, TableSchema schema, LakeLayout.Zone zone,
                                                  String table, String period) {
        List<Column> before = schema.columns().stream()
                .filter(c -> !c.name().equals("reason_code") && !c.name().equals("reason_args")).toList();
        assertThat(before).hasSize(schema.size() - 2);
        TableSchema old = TableSchema.of(schema.name(), before);
        List<org.apache.hadoop.fs.Path> parts = new Generations(lake).files(new LakeLayout(lake).partition(zone, table, period));
        assertThat(parts).isNotEmpty();
        for (org.apache.hadoop.fs.Path part : parts) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] r : ParquetTableReader.readAll(schema, part, lake.conf())) {
                rows.add(java.util.Arrays.copyOf(r, before.size()));
            }
            try (ParquetTableWriter w = new ParquetTableWriter(old, part, lake.conf())) {
                w.writeAll(rows);
            }
        }
    }

    private String csv(Path warehouse, String language, String name) throws IOException {
        Path reports = home.resolve("reports-" + language);
        new AnnualReport().write(warehouse, 2015, null, reports, ReportOptions.of(language, null));
        return Files.readString(reports.resolve("2015").resolve(name));
    }
}
