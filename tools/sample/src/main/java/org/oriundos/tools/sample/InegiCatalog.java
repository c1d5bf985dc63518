package org.oriundos.tools.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * INEGI's municipalities as the project ships them: transform's reference catalog
 * ({@code reference/inegi_municipios.csv}, provenance in the {@code SOURCES.md} beside it), read
 * from the class path. The sample keeps no copy of its own: it chooses places from this catalog
 * ({@code sample/municipios_origen.txt} lists which, by key) and takes their names and 2020
 * populations from it, so a correction to the catalog reaches the sample too.
 */
final class InegiCatalog {
    /** The resource transform ships ({@code GeographyCatalog.MUNICIPALITIES_RESOURCE}). */
    static final String RESOURCE = "/reference/inegi_municipios.csv";

    /** One municipality of the catalog: its state, its 3-digit code and names, its 2020 population. */
    record Row(String stateCode, String stateName, String stateAbbreviation, String code, String name,
               long population) {
        String key() {
            return stateCode + code;
        }
    }

    private static volatile Map<String, Row> rows;

    private InegiCatalog() {
    }

    /** Every municipality, by its 5-digit key, in the catalog's order (by state, then code). */
    static Map<String, Row> rows() {
        Map<String, Row> r = rows;
        if (r == null) {
            r = read();
            rows = r;
        }
        return r;
    }

    /** The municipality with this 5-digit key, or an error naming the key and the catalog. */
    static Row row(String key) {
        Row row = rows().get(key);
        if (row == null) {
            throw new IllegalStateException("the INEGI catalog " + RESOURCE + " has no municipality " + key);
        }
        return row;
    }

    private static Map<String, Row> read() {
        InputStream in = InegiCatalog.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the sample extracts take their places from transform's INEGI catalog "
                    + RESOURCE + ", which is not on the class path (put oriundos-transform beside oriundos-sample)");
        }
        Map<String, Row> byKey = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(reader)) {
                Row row = new Row(r.get("cve_entidad"), r.get("nom_entidad"), r.get("nom_abr_entidad"),
                        r.get("cve_municipio"), r.get("nom_municipio"), Long.parseLong(r.get("poblacion_total")));
                byKey.put(row.key(), row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(byKey);
    }
}
