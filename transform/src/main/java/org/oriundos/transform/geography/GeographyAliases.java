package org.oriundos.transform.geography;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.text.AnalystText;

/**
 * Names that are not in the catalogs but mean a known place: the shipped defaults
 * ({@code reference/geography_aliases_default.csv}) and the analyst's file
 * ({@code <home>/conf/geography_aliases.csv}), which wins over the defaults.
 *
 * <p>Format (CSV in UTF-8, with or without BOM, or Windows-1252; header {@code kind,state,name,code}, {@code #} starts a comment line):
 * <pre>
 * kind,state,name,code
 * STATE,,Edo. de México,15
 * MUNICIPALITY,32,Jerez de García Salinas,020
 * US_STATE,,Calif.,CA
 * </pre>
 * {@code MUNICIPALITY} lines name the state by its INEGI code and the municipality by its 3-digit
 * code (or the whole 5-digit key, then {@code state} may be blank); the alias applies within that
 * state only. Code {@code -} marks a value that names no single place ({@code Varios} for a
 * federation of several states, a Canadian province in a US-state column): it is conformed as
 * null and not listed as unresolved. Every other code must exist in the catalog: a bad line fails
 * the load with its file and line.
 */
public final class GeographyAliases {
    public static final String DEFAULT_RESOURCE = "reference/geography_aliases_default.csv";
    /** The code of an alias that names no single place. */
    public static final String NO_PLACE = "-";

    private final Map<String, String> states = new HashMap<>();
    private final Map<String, String> municipalities = new HashMap<>(); // stateCode + "|" + folded name -> key
    private final Map<String, String> usStates = new HashMap<>();

    private GeographyAliases() {
    }

    /** The shipped defaults overlaid with the analyst's file, if there is one. */
    public static GeographyAliases load(GeographyCatalog catalog, Path analystFile) {
        GeographyAliases aliases = new GeographyAliases();
        try (Reader r = GeographyCatalog.resource(DEFAULT_RESOURCE)) {
            aliases.read(catalog, r, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
        if (analystFile != null && Files.exists(analystFile)) {
            try (Reader r = AnalystText.open(analystFile)) {
                aliases.read(catalog, r, analystFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the geography alias file " + analystFile + ": "
                        + e.getMessage(), e);
            }
        }
        return aliases;
    }

    /** No aliases at all (for rules tested on the catalog alone). */
    public static GeographyAliases none() {
        return new GeographyAliases();
    }

    private void read(GeographyCatalog catalog, Reader in, String fileName) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = fileName + " line " + r.getParser().getCurrentLineNumber();
            if (!r.isConsistent()) {
                throw new IllegalArgumentException(where + ": expected 4 fields kind,state,name,code, found " + r.size());
            }
            String kind = r.get("kind").toUpperCase();
            String name = StateResolver.key(r.get("name"));
            String code = r.get("code");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + ": the name is blank");
            }
            switch (kind) {
                case "STATE" -> {
                    String state = NO_PLACE.equals(code) ? NO_PLACE : StateResolver.pad(code, 2);
                    if (state == null || (!NO_PLACE.equals(state) && catalog.state(state).isEmpty())) {
                        throw new IllegalArgumentException(where + ": state code '" + code + "' is not an INEGI state code (01-32)");
                    }
                    states.put(name, state);
                }
                case "MUNICIPALITY" -> {
                    String key = NO_PLACE.equals(code) && StateResolver.pad(r.get("state"), 2) != null
                            ? StateResolver.pad(r.get("state"), 2) + NO_PLACE : municipalityKey(r.get("state"), code);
                    if (key == null || (!key.endsWith(NO_PLACE) && catalog.municipality(key).isEmpty())) {
                        throw new IllegalArgumentException(where + ": state '" + r.get("state") + "' and code '" + code
                                + "' are not an INEGI municipality (give the 2-digit state and 3-digit municipality code,"
                                + " or the 5-digit key)");
                    }
                    municipalities.put(key.substring(0, 2) + "|" + MunicipalityResolver.key(r.get("name")), key);
                }
                case "US_STATE" -> {
                    String usps = code.toUpperCase();
                    if (!NO_PLACE.equals(usps) && catalog.usState(usps).isEmpty()) {
                        throw new IllegalArgumentException(where + ": '" + code + "' is not a USPS state code");
                    }
                    usStates.put(UsStateResolver.key(r.get("name")), usps);
                }
                default -> throw new IllegalArgumentException(where + ": kind '" + r.get("kind")
                        + "' is not STATE, MUNICIPALITY or US_STATE");
            }
        }
    }

    private static String municipalityKey(String state, String code) {
        String digits = code.trim();
        if (digits.matches("\\d{5}") && (state.isBlank() || digits.startsWith(StateResolver.pad(state, 2)))) {
            return digits;
        }
        String stateCode = StateResolver.pad(state, 2);
        String munCode = StateResolver.pad(digits, 3);
        return stateCode == null || munCode == null ? null : stateCode + munCode;
    }

    Optional<String> state(String nameKey) {
        return Optional.ofNullable(states.get(nameKey));
    }

    Optional<String> municipality(String stateCode, String nameKey) {
        return Optional.ofNullable(municipalities.get(stateCode + "|" + nameKey));
    }

    Optional<String> usState(String nameKey) {
        return Optional.ofNullable(usStates.get(nameKey));
    }
}
