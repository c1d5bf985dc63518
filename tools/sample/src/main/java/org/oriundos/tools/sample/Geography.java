package org.oriundos.tools.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Mexican places the sample clubs come from: real INEGI states and municipalities
 * chosen from transform's INEGI catalog ({@code sample/municipios_origen.txt} lists them by key;
 * {@link InegiCatalog}), with how much each state sends, and the ways people write their names.
 */
final class Geography {
    /** Which municipalities of transform's INEGI catalog, by key, biggest senders of each state first. */
    private static final String RESOURCE = "/sample/municipios_origen.txt";

    /** A Mexican state, with its INEGI code and official name. */
    record State(String code, String name, String abbreviation, String demonymPlural, double weight,
                 List<Municipality> municipalities, double[] municipalityWeights) {
    }

    /** A municipality: INEGI state code, 3-digit municipality code, official name. */
    record Municipality(String stateCode, String code, String name, String town) {
    }

    /** How much a state of origin sends, and what its people are called. */
    private record Origin(String code, double weight, String demonymPlural) {
    }

    // Share of the clubs by state of origin: Zacatecas, Jalisco, Michoacán and Guanajuato lead.
    private static final List<Origin> ORIGINS = List.of(
            new Origin("32", 0.24, "Zacatecanos"),
            new Origin("14", 0.20, "Jaliscienses"),
            new Origin("16", 0.15, "Michoacanos"),
            new Origin("11", 0.11, "Guanajuatenses"),
            new Origin("20", 0.05, "Oaxaqueños"),
            new Origin("21", 0.04, "Poblanos"),
            new Origin("12", 0.03, "Guerrerenses"),
            new Origin("10", 0.03, "Duranguenses"),
            new Origin("24", 0.03, "Potosinos"),
            new Origin("15", 0.025, "Mexiquenses"),
            new Origin("13", 0.02, "Hidalguenses"),
            new Origin("18", 0.02, "Nayaritas"),
            new Origin("09", 0.015, "Capitalinos"),
            new Origin("08", 0.015, "Chihuahuenses"),
            new Origin("01", 0.01, "Hidrocálidos"),
            new Origin("30", 0.01, "Veracruzanos"),
            new Origin("05", 0.005, "Coahuilenses"),
            new Origin("17", 0.005, "Morelenses"));

    private final List<State> states;
    private final double[] stateWeights;
    private final Map<String, State> byCode = new LinkedHashMap<>();

    Geography() {
        Map<String, List<Municipality>> munis = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (String key : originKeys()) {
            InegiCatalog.Row row = InegiCatalog.row(key);
            names.putIfAbsent(row.stateCode(), new String[] {row.stateName(), row.stateAbbreviation()});
            munis.computeIfAbsent(row.stateCode(), k -> new ArrayList<>())
                    .add(new Municipality(row.stateCode(), row.code(), row.name(), townName(row.name())));
        }
        List<State> list = new ArrayList<>();
        for (Origin origin : ORIGINS) {
            String code = origin.code();
            List<Municipality> m = munis.get(code);
            if (m == null) {
                throw new IllegalStateException(RESOURCE + " lists no municipality of the state " + code);
            }
            m = List.copyOf(m);
            // the resource lists each state's biggest senders first: they get the most clubs
            double[] w = new double[m.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1.0 / Math.sqrt(i + 1.0);
            }
            State s = new State(code, names.get(code)[0], names.get(code)[1], origin.demonymPlural(), origin.weight(), m, w);
            list.add(s);
            byCode.put(code, s);
        }
        this.states = List.copyOf(list);
        this.stateWeights = states.stream().mapToDouble(State::weight).toArray();
    }

    /** The keys {@link #RESOURCE} lists, in its order. */
    static List<String> originKeys() {
        List<String> keys = new ArrayList<>();
        try (InputStream in = Geography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String key = line.strip();
                if (key.isEmpty() || key.startsWith("#")) {
                    continue;
                }
                if (!key.matches("[0-9]{5}")) {
                    throw new IllegalStateException(RESOURCE + ": '" + key + "' is not a 5-digit INEGI municipality key");
                }
                keys.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return keys;
    }

    List<State> states() {
        return states;
    }

    State state(String code) {
        return byCode.get(code);
    }

    State pickState(Rng rng) {
        return states.get(rng.weighted(stateWeights));
    }

    Municipality pickMunicipality(Rng rng, State state) {
        return state.municipalities().get(rng.weighted(state.municipalityWeights()));
    }

    /** The state's name as someone wrote it: mostly as it is commonly known, sometimes otherwise. */
    String spellState(Rng rng, State state, boolean allowUpper) {
        double x = rng.nextDouble();
        String common = commonStateName(state);
        switch (state.code()) {
            case "09":
                return x < 0.35 ? "Distrito Federal" : x < 0.65 ? "Ciudad de México" : x < 0.85 ? "CDMX" : "D.F.";
            case "15":
                return x < 0.45 ? "Edo. de México" : x < 0.8 ? "Estado de México" : "México";
            case "16":
                return x < 0.55 ? "Michoacán" : x < 0.8 ? "Michoacan" : x < 0.9 ? "Michoacán de Ocampo" : upperOr(allowUpper, "MICHOACAN", "Michoacán");
            default:
                if (x < 0.75) {
                    return common;
                }
                if (x < 0.9) {
                    return stripAccents(common);
                }
                return x < 0.95 || !allowUpper ? state.name() : stripAccents(common).toUpperCase(Locale.ROOT);
        }
    }

    private static String upperOr(boolean allowUpper, String upper, String otherwise) {
        return allowUpper ? upper : otherwise;
    }

    /** The name everybody uses: Coahuila, Veracruz, Michoacán, Ciudad de México. */
    static String commonStateName(State state) {
        switch (state.code()) {
            case "05":
                return "Coahuila";
            case "16":
                return "Michoacán";
            case "30":
                return "Veracruz";
            case "15":
                return "Estado de México";
            default:
                return state.name();
        }
    }

    /**
     * The municipality's name as someone wrote it: mostly the official name, sometimes without
     * accents, in capitals, or with "Gral." for "General".
     */
    String spellMunicipality(Rng rng, Municipality m, boolean allowUpper) {
        String name = m.name();
        double x = rng.nextDouble();
        if (name.startsWith("General ") && x < 0.5) {
            return "Gral. " + name.substring("General ".length());
        }
        if (x < 0.72) {
            return name;
        }
        if (x < 0.9) {
            return stripAccents(name);
        }
        return allowUpper ? stripAccents(name).toUpperCase(Locale.ROOT) : name;
    }

    /**
     * The short name people use for a town in a club's name ("Club Tlaltenango", not "Club
     * Tlaltenango de Sánchez Román").
     */
    static String townName(String name) {
        switch (name) {
            case "Heroica Ciudad de Huajuapan de León":
                return "Huajuapan";
            case "Dolores Hidalgo Cuna de la Independencia Nacional":
                return "Dolores Hidalgo";
            case "General Francisco R. Murguía":
                return "Nieves";
            case "San Pedro Tlaquepaque":
                return "Tlaquepaque";
            case "Zapotlán el Grande":
                return "Ciudad Guzmán";
            default:
                break;
        }
        String[] keepWhole = {"San ", "Santa ", "Santiago ", "Villa ", "Valle ", "Cañadas ", "Unión ", "Jaral ",
            "Lagos ", "Encarnación ", "Ciudad ", "Trinidad ", "Mezquital ", "Monte ", "Río ", "Atotonilco ",
            "Apaseo ", "Ixtlán ", "Gustavo ", "Juan ", "Luis ", "Manuel ", "Hidalgo ", "Los ", "La "};
        for (String prefix : keepWhole) {
            if (name.startsWith(prefix)) {
                return name;
            }
        }
        int de = name.indexOf(" de ");
        return de > 0 ? name.substring(0, de) : name;
    }

    static String stripAccents(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c);
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    static boolean hasAccent(String s) {
        return !stripAccents(s).equals(s);
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }
}
