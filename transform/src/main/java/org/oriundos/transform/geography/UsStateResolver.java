package org.oriundos.transform.geography;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.oriundos.transform.UnresolvedReason;
import org.oriundos.transform.text.Folding;

/**
 * Resolves a US state as the sources write it to its USPS code: by USPS code ({@code "ca"}),
 * by its Census name in any case and accents ({@code "California"}), or by an alias
 * ({@code "Calif."}, {@code "Carolina del Norte"}).
 */
public final class UsStateResolver {
    private final GeographyCatalog catalog;
    private final GeographyAliases aliases;
    private final Map<String, String> byName = new HashMap<>();

    public UsStateResolver(GeographyCatalog catalog, GeographyAliases aliases) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        for (UsState s : catalog.usStates()) {
            byName.put(key(s.name()), s.uspsCode());
        }
    }

    public Resolution resolve(String value) {
        if (value == null || value.isBlank()) {
            return Resolution.unresolved(UnresolvedReason.NO_US_STATE_GIVEN, "no US state given");
        }
        String key = key(value);
        if (key.length() == 2 && catalog.usState(key).isPresent()) {
            return Resolution.resolved(key, GeoRule.CODE);
        }
        String code = byName.get(key);
        if (code != null) {
            return Resolution.resolved(code, GeoRule.NAME);
        }
        return aliases.usState(key)
                .map(c -> GeographyAliases.NO_PLACE.equals(c) ? Resolution.noPlace() : Resolution.resolved(c, GeoRule.ALIAS))
                .orElseGet(() -> Resolution.unresolved(UnresolvedReason.NO_US_STATE_OF_THAT_NAME, "'" + value.trim()
                        + "' is neither a USPS code nor the name of a US state, and no alias names it"));
    }

    /** The comparison key of a US state name or code. */
    public static String key(String name) {
        return Folding.fold(name);
    }
}
