package org.oriundos.transform.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
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
 * The shipped reference catalogs: INEGI states and municipalities
 * ({@code reference/inegi_municipios.csv}) and US states ({@code reference/us_states.txt}).
 * Loaded once, read-only.
 */
public final class GeographyCatalog {
    public static final String MUNICIPALITIES_RESOURCE = "reference/inegi_municipios.csv";
    public static final String US_STATES_RESOURCE = "reference/us_states.txt";

    private final Map<String, MexicanState> states;
    private final Map<String, Municipality> municipalities;
    private final Map<String, UsState> usStates;

    private GeographyCatalog(Map<String, MexicanState> states, Map<String, Municipality> municipalities,
                             Map<String, UsState> usStates) {
        this.states = Collections.unmodifiableMap(states);
        this.municipalities = Collections.unmodifiableMap(municipalities);
        this.usStates = Collections.unmodifiableMap(usStates);
    }

    /** The catalogs shipped in this module's resources. */
    public static GeographyCatalog shipped() {
        try (Reader mun = resource(MUNICIPALITIES_RESOURCE); Reader us = resource(US_STATES_RESOURCE)) {
            return load(mun, us);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped geography catalogs: " + e.getMessage(), e);
        }
    }

    /** Catalogs from readers in the shipped formats (INEGI CSV with header; Census pipe-delimited with header). */
    public static GeographyCatalog load(Reader municipalitiesCsv, Reader usStatesTxt) throws IOException {
        Map<String, MexicanState> states = new LinkedHashMap<>();
        Map<String, Municipality> municipalities = new LinkedHashMap<>();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : csv.parse(municipalitiesCsv)) {
            String stateCode = r.get("cve_entidad");
            states.putIfAbsent(stateCode, new MexicanState(stateCode, r.get("nom_entidad"), r.get("nom_abr_entidad")));
            String key = r.get("cve_completa");
            if (!key.equals(stateCode + r.get("cve_municipio"))) {
                throw new IllegalStateException(MUNICIPALITIES_RESOURCE + " line " + r.getRecordNumber()
                        + ": key " + key + " does not join state " + stateCode + " and municipality "
                        + r.get("cve_municipio"));
            }
            municipalities.put(key, new Municipality(key, stateCode, r.get("cve_municipio"), r.get("nom_municipio"),
                    Long.parseLong(r.get("poblacion_total"))));
        }
        Map<String, UsState> usStates = new LinkedHashMap<>();
        CSVFormat pipe = CSVFormat.DEFAULT.builder().setDelimiter('|').setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : pipe.parse(usStatesTxt)) {
            usStates.put(r.get("STUSAB"), new UsState(r.get("STUSAB"), r.get("STATE"), r.get("STATE_NAME")));
        }
        return new GeographyCatalog(states, municipalities, usStates);
    }

    public List<MexicanState> states() {
        return new ArrayList<>(states.values());
    }

    public Optional<MexicanState> state(String code) {
        return Optional.ofNullable(states.get(code));
    }

    public List<Municipality> municipalities() {
        return new ArrayList<>(municipalities.values());
    }

    public Optional<Municipality> municipality(String key) {
        return Optional.ofNullable(municipalities.get(key));
    }

    public List<UsState> usStates() {
        return new ArrayList<>(usStates.values());
    }

    public Optional<UsState> usState(String uspsCode) {
        return Optional.ofNullable(usStates.get(uspsCode));
    }

    static Reader resource(String name) {
        InputStream in = GeographyCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the transform module");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
