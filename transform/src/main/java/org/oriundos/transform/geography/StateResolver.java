package org.oriundos.transform.geography;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.oriundos.transform.UnresolvedReason;
import org.oriundos.transform.text.Folding;

/**
 * Resolves a Mexican state as the sources write it to its INEGI code: by code ({@code "1"},
 * {@code "01"}), by official name or INEGI abbreviation in any case, with or without accents,
 * blanks and punctuation ({@code "zacatecas"}, {@code "Zac."}), or by an alias
 * ({@code "Michoacán"}, {@code "Edo. de México"}, {@code "Distrito Federal"}). Nothing else:
 * a value that matches none of these is unresolved, never guessed.
 */
public final class StateResolver {
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "EDO", "ESTADO",
            "EDOS", "ESTADOS");

    private final GeographyCatalog catalog;
    private final GeographyAliases aliases;
    private final Map<String, String> byName = new HashMap<>();

    public StateResolver(GeographyCatalog catalog, GeographyAliases aliases) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        for (MexicanState s : catalog.states()) {
            byName.put(key(s.name()), s.code());
            byName.put(key(s.abbreviation()), s.code());
        }
    }

    /** The INEGI state code of a code or name, or why there is none. */
    public Resolution resolve(String value) {
        if (value == null || value.isBlank()) {
            return Resolution.unresolved(UnresolvedReason.NO_STATE_GIVEN, "no state given");
        }
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,2}")) {
            String code = pad(trimmed, 2);
            return catalog.state(code).isPresent()
                    ? Resolution.resolved(code, GeoRule.CODE)
                    : Resolution.unresolved(UnresolvedReason.NO_SUCH_STATE_CODE,
                            "no INEGI state has code " + trimmed + " (codes are 01-32)");
        }
        String key = key(value);
        String code = byName.get(key);
        if (code != null) {
            return Resolution.resolved(code, GeoRule.NAME);
        }
        return aliases.state(key)
                .map(c -> GeographyAliases.NO_PLACE.equals(c) ? Resolution.noPlace() : Resolution.resolved(c, GeoRule.ALIAS))
                .orElseGet(() -> Resolution.unresolved(UnresolvedReason.NO_STATE_OF_THAT_NAME, "no INEGI state is named '" + value.trim()
                        + "' and no alias names it (compared as '" + key + "')"));
    }

    /** The display name of a resolved state code, for messages. */
    public String describe(String stateCode) {
        return catalog.state(stateCode).map(s -> s.name() + " (" + s.code() + ")").orElse(stateCode);
    }

    /** The comparison key of a state name: folded, with {@code Edo.} read as {@code Estado}. */
    public static String key(String name) {
        String[] words = Folding.words(name);
        for (int i = 0; i < words.length; i++) {
            words[i] = ABBREVIATIONS.getOrDefault(words[i], words[i]);
        }
        return String.join(" ", words);
    }

    /** A numeric code left-padded with zeros to {@code width}, or {@code null} if it is not a code of that width. */
    public static String pad(String code, int width) {
        if (code == null) {
            return null;
        }
        String t = code.trim();
        if (!t.matches("\\d{1," + width + "}")) {
            return null;
        }
        return "0".repeat(width - t.length()) + t;
    }
}
