package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;

/**
 * A 2010 municipal catalogue as another agency lays it out (Windows-1252, "Distrito Federal",
 * codes without their leading zeros, the names of 2010, Oaxaca's homonyms with their district
 * suffix), turned into an old-layout 3x1 file of 2010, one project per municipality, and taken
 * through the real ingest and conform stages: each project's municipality must be the one the
 * catalogue's codes say, or unresolved; never another.
 */
class HeldOutCatalogConformTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final TableSchema P = ConformedTables.PROJECT;

    @TempDir
    static Path home;
    static RawLake lake;
    static LedgerEntry ingested;
    /** FOLIO -> the municipality key the catalogue's codes give. */
    static final Map<String, String> EXPECTED = new HashMap<>();
    static final Map<String, String> NAMES = new HashMap<>();

    @BeforeAll
    static void ingestAndConformTheCatalogueAsA3x1File() throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        StringBuilder csv = new StringBuilder("AÑO,FOLIO,ESTADO,MUNICIPIO,NOMBRE_PROYECTO,TIPO_OBRA,NOMBRE_CLUB,"
                + "APORTACION_FEDERAL,APORTACION_ESTATAL,APORTACION_MUNICIPAL,APORTACION_MIGRANTES,ESTATUS\r\n");
        int n = 0;
        for (CSVRecord r : catalogue()) {
            String folio = String.format(Locale.ROOT, "3X1-%s-2010-%04d", r.get("CVE_ENT"), ++n);
            EXPECTED.put(folio, pad(r.get("CVE_ENT"), 2) + pad(r.get("CVE_MUN"), 3));
            NAMES.put(folio, r.get("NOM_ENT") + " / " + r.get("NOM_MUN"));
            csv.append("2010,").append(folio).append(',').append(quote(r.get("NOM_ENT"))).append(',')
                    .append(quote(r.get("NOM_MUN"))).append(",Ampliación de red de agua potable,")
                    .append("Ampliación de red de agua potable,Club ").append(n)
                    .append(",\"$100,000.00\",\"$100,000.00\",\"$100,000.00\",\"$100,000.00\",CONCLUIDO\r\n");
        }
        Files.write(inbox.resolve("3x1_proyectos_2010.csv"), csv.toString().getBytes(WINDOWS_1252));

        LakeLocation location = LakeLocation.local(home.resolve("lake"));
        List<Delivery> deliveries = new Inbox(inbox).scan(new Ledger(location)).toLoad();
        assertThat(deliveries).hasSize(1);
        ingested = new FileLoader(location, IngestOptions.DEFAULTS).load(deliveries.get(0));
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);
        lake = new RawLake(home.resolve("lake"));
    }

    @Test
    void resolvesAtLeast998PerThousandOfTheCatalogueAndNoneToAWrongMunicipality() {
        assertThat(ingested.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(ingested.encoding()).isEqualTo("windows-1252");
        assertThat(ingested.counts().loaded()).isEqualTo(2456);

        List<Object[]> projects = lake.conformed(P, "2010");
        assertThat(projects).hasSize(2456);
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        for (Object[] r : projects) {
            String folio = (String) r[P.indexOf("folio")];
            String got = (String) r[P.indexOf("municipality_key")];
            byRule.merge((String) r[P.indexOf("geo_rule")], 1, Integer::sum);
            if (EXPECTED.get(folio).equals(got)) {
                right++;
            } else if (got != null) {
                wrong.add(NAMES.get(folio) + " -> " + got + " instead of " + EXPECTED.get(folio));
            } else {
                unresolved.add(NAMES.get(folio));
            }
        }
        System.out.printf(Locale.ROOT, "2010 catalogue as a 3x1 file: %d of %d municipalities resolved right"
                + " (%.2f%%), %d wrong, by rule %s; unresolved: %s%n", right, projects.size(),
                100.0 * right / projects.size(), wrong.size(), byRule, unresolved);
        assertThat(wrong).isEmpty();
        assertThat((double) right / projects.size()).isGreaterThanOrEqualTo(0.998);
        // every state, "Distrito Federal" among them, is resolved
        assertThat(projects).allSatisfy(r -> assertThat(r[P.indexOf("state_code")]).isNotNull());
        // the names: former names, and Oaxaca's homonyms by their district
        assertThat(geoRuleOf("Guanajuato / Silao")).isEqualTo("FORMER_NAME");
        assertThat(geoRuleOf("Oaxaca / San Juan Mixtepec -Dto. 08 -")).isEqualTo("DISTRICT");
        assertThat(geoRuleOf("Distrito Federal / Gustavo A. Madero")).isEqualTo("ALIAS");
    }

    private static String geoRuleOf(String stateAndName) {
        String folio = NAMES.entrySet().stream().filter(e -> e.getValue().equals(stateAndName)).findFirst()
                .orElseThrow().getKey();
        return (String) lake.conformed(P, "2010").stream().filter(r -> folio.equals(r[P.indexOf("folio")]))
                .findFirst().orElseThrow()[P.indexOf("geo_rule")];
    }

    private static List<CSVRecord> catalogue() {
        InputStream in = HeldOutCatalogConformTest.class.getClassLoader()
                .getResourceAsStream("heldout/catalogo_municipios_2010.csv");
        try (Reader r = new InputStreamReader(in, WINDOWS_1252)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pad(String code, int width) {
        return "0".repeat(width - code.length()) + code;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
