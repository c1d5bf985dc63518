package org.oriundos.transform.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CONAPO's 2020 index of migration intensity Mexico–United States, per municipality
 * ({@code reference/conapo_iim_2020_municipio.csv}, provenance in {@code SOURCES.md}): its grade, the
 * index, the national rank and the share of households receiving remittances. The file writes the
 * 5-digit key without its leading zero ({@code 1001} is {@code 01001}); every key must be a
 * municipality of the INEGI catalog, or the shipped data is wrong and loading fails.
 */
public final class MigrationIntensity {
    public static final String RESOURCE = "reference/conapo_iim_2020_municipio.csv";

    /** The grades, from the most migration to none, as CONAPO writes them. */
    public static final List<String> GRADES = List.of("Muy alto", "Alto", "Medio", "Bajo", "Muy bajo", "Nulo");

    /**
     * One municipality's figures.
     *
     * @param municipalityKey                 INEGI's 5-digit key
     * @param grade                           one of {@link #GRADES}
     * @param index                           the index ({@code iim_dp2}); null for grade Nulo, which has none
     * @param rank                            the national rank (1 = the most intense); null for grade Nulo
     * @param householdsReceivingRemittancesPct households receiving remittances, % of all ({@code viv_rem})
     */
    public record Grade(String municipalityKey, String grade, Double index, Integer rank,
                        double householdsReceivingRemittancesPct) {
    }

    private final Map<String, Grade> byKey;

    private MigrationIntensity(Map<String, Grade> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** The shipped file, checked against the catalog. */
    public static MigrationIntensity shipped(GeographyCatalog catalog) {
        try (InputStream in = MigrationIntensity.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the transform module");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A file in CONAPO's format; throws {@link IllegalStateException} naming the line of anything it cannot take. */
    public static MigrationIntensity load(Reader csv, GeographyCatalog catalog) throws IOException {
        Map<String, Grade> byKey = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        for (CSVRecord r : format.parse(csv)) {
            String where = RESOURCE + " line " + r.getParser().getCurrentLineNumber();
            String key = pad(r.get("cve_mun"));
            if (catalog.municipality(key).isEmpty()) {
                throw new IllegalStateException(where + ": " + r.get("cve_mun") + " (" + key + ") is no municipality of "
                        + GeographyCatalog.MUNICIPALITIES_RESOURCE);
            }
            String grade = r.get("gim_dp2");
            if (!GRADES.contains(grade)) {
                throw new IllegalStateException(where + ": grade '" + grade + "' is not one of " + GRADES);
            }
            String index = r.get("iim_dp2");
            String rank = r.get("pos_nal");
            if (index.isEmpty() != rank.isEmpty() || index.isEmpty() != grade.equals("Nulo")) {
                throw new IllegalStateException(where + ": only grade Nulo has no index and no rank");
            }
            Grade g = new Grade(key, grade, index.isEmpty() ? null : Double.valueOf(index),
                    rank.isEmpty() ? null : new BigDecimal(rank).intValueExact(), Double.parseDouble(r.get("viv_rem")));
            if (byKey.put(key, g) != null) {
                throw new IllegalStateException(where + ": municipality " + key + " appears twice");
            }
        }
        return new MigrationIntensity(byKey);
    }

    private static String pad(String key) {
        String k = key.trim();
        return k.length() == 4 ? "0" + k : k;
    }

    /** The grade of a municipality, or empty when CONAPO gives none (created after 2020). */
    public Optional<Grade> of(String municipalityKey) {
        return Optional.ofNullable(byKey.get(municipalityKey));
    }

    /** Every graded municipality, in the file's order. */
    public List<Grade> grades() {
        return new ArrayList<>(byKey.values());
    }
}
