package org.oriundos.transform.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.consulate.Consulates;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MexicanState;
import org.oriundos.transform.geography.UsState;

/**
 * The names of places that club names are made of, normalised as names are
 * ({@link AssociationNames#normalize}): the US states (Census list), the US cities of the
 * consulates ({@code consulates.csv}), the Mexican states by their official and short names
 * (INEGI list, {@value #DEMONYMS_RESOURCE}) and the demonyms of the states and of the country in
 * every form ({@code MICHOACANO}, {@code MICHOACANA}, {@code MICHOACANOS}…). Words of a name that
 * make up one of these places say where a club's members come from and where they live, which the
 * origin and US comparisons weigh already; the linker does not count them as the name's distinctive
 * information when the US states disagree (docs/conform.md).
 */
public final class PlaceNames {
    public static final String DEMONYMS_RESOURCE = "reference/mexican_state_demonyms.csv";

    private PlaceNames() {
    }

    /** The shipped place names, each a normalised phrase of one or more words. */
    public static List<String> shipped() {
        return of(GeographyCatalog.shipped(), Consulates.shipped());
    }

    public static List<String> of(GeographyCatalog catalog, Consulates consulates) {
        Set<String> phrases = new TreeSet<>();
        for (UsState s : catalog.usStates()) {
            add(phrases, s.name());
        }
        for (MexicanState s : catalog.states()) {
            add(phrases, s.name());
        }
        for (String c : consulates.names()) {
            add(phrases, c);
        }
        try (InputStream in = PlaceNames.class.getClassLoader().getResourceAsStream(DEMONYMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEMONYMS_RESOURCE + " is missing from the transform module");
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : format.parse(r)) {
                    add(phrases, rec.get("short_name"));
                    for (String d : rec.get("demonyms").split("\\|")) {
                        demonymForms(d.strip()).forEach(f -> add(phrases, f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMONYMS_RESOURCE + ": " + e.getMessage(), e);
        }
        return List.copyOf(phrases);
    }

    /** A Spanish demonym's four (or two) forms from its masculine singular. */
    static List<String> demonymForms(String masculine) {
        List<String> forms = new ArrayList<>();
        forms.add(masculine);
        if (masculine.endsWith("o")) {
            String stem = masculine.substring(0, masculine.length() - 1);
            forms.addAll(List.of(stem + "a", stem + "os", stem + "as"));
        } else if (masculine.endsWith("és")) {
            String stem = masculine.substring(0, masculine.length() - 2) + "es";
            forms.addAll(List.of(stem + "a", stem + "es", stem + "as"));
        } else if (masculine.endsWith("e") || masculine.endsWith("a")) {
            forms.add(masculine + "s");
        }
        return forms;
    }

    private static void add(Set<String> phrases, String name) {
        String n = AssociationNames.normalize(name);
        if (!n.isEmpty()) {
            phrases.add(n);
        }
    }
}
