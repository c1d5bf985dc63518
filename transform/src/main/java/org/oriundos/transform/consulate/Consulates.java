package org.oriundos.transform.consulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.text.Folding;

/**
 * Gives each consulate as written ({@code "Los Angeles"}, {@code "LOS ÁNGELES"}, {@code "L.A."})
 * one id and display name, from {@code reference/consulates.csv}. A consulate not in the list keeps
 * its own name, and its id is that name folded with {@code _} for blanks, so it is still stable.
 */
public final class Consulates {
    public static final String RESOURCE = "reference/consulates.csv";

    private final Map<String, Consulate> byKey = new HashMap<>();
    private final java.util.List<String> spellings = new java.util.ArrayList<>();

    private Consulates() {
    }

    public static Consulates shipped() {
        InputStream in = Consulates.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the transform module");
        }
        Consulates consulates = new Consulates();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
            for (CSVRecord rec : format.parse(r)) {
                Consulate c = new Consulate(rec.get("consulate_id"), rec.get("name"));
                consulates.byKey.put(Folding.fold(c.name()), c);
                consulates.byKey.put(Folding.fold(c.id()), c);
                for (String other : rec.get("other_names").split("\\|")) {
                    if (!other.isBlank()) {
                        consulates.byKey.put(Folding.fold(other), c);
                        consulates.spellings.add(other.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return consulates;
    }

    /** Every spelling of the listed consulates' cities (names and other names), as written in the list. */
    public java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        byKey.forEach((key, c) -> names.add(c.name()));
        names.addAll(spellings);
        return names;
    }

    /** The consulate of a name as written, or {@code null} for a blank name. */
    public Consulate resolve(String name) {
        String key = Folding.fold(name);
        if (key.isEmpty()) {
            return null;
        }
        Consulate known = byKey.get(key);
        return known != null ? known : new Consulate(key.replace(' ', '_'), name.trim());
    }
}
