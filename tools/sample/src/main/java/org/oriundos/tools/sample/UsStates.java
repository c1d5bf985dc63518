package org.oriundos.tools.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The US states' names, by USPS code, from the reference file transform ships
 * ({@code reference/us_states.txt}, the Census Bureau's, provenance in its {@code SOURCES.md}),
 * read from the class path like {@link InegiCatalog}: the sample keeps no list of its own.
 */
final class UsStates {
    /** The resource transform ships ({@code GeographyCatalog.US_STATES_RESOURCE}). */
    static final String RESOURCE = "/reference/us_states.txt";

    private static volatile Map<String, String> names;

    private UsStates() {
    }

    /** The state's name ({@code California} for {@code CA}), or an error naming the code. */
    static String name(String usps) {
        Map<String, String> n = names;
        if (n == null) {
            n = read();
            names = n;
        }
        String name = n.get(usps);
        if (name == null) {
            throw new IllegalStateException(RESOURCE + " has no US state " + usps);
        }
        return name;
    }

    private static Map<String, String> read() {
        InputStream in = UsStates.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the sample extracts take the US states' names from transform's "
                    + RESOURCE + ", which is not on the class path (put oriundos-transform beside oriundos-sample)");
        }
        Map<String, String> byCode = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // STATE|STUSAB|STATE_NAME|STATENS
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\\|", -1);
                if (f.length >= 3) {
                    byCode.put(f[1], f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return Map.copyOf(byCode);
    }
}
