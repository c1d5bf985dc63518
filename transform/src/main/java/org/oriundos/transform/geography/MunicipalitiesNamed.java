package org.oriundos.transform.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The municipalities of a state whose names a free text mentions, as whole words: suggestions for
 * an analyst fixing a record whose place column did not resolve (a 3x1 project whose MUNICIPIO
 * holds a locality often names its municipality in the title: "Pavimentación de la calle principal
 * de Rancho Los Laureles, Morelia"). Names are compared folded, abbreviations read in full, with
 * or without a common prefix ({@code Villa de}, {@code Heroica}…); a name found inside a longer
 * one that is found too ({@code Hidalgo} in {@code Villa Hidalgo}) is not suggested twice. A
 * suggestion, never a decision: the text may name a street after a municipality.
 */
public final class MunicipalitiesNamed {
    private final Map<String, List<Named>> byState = new HashMap<>();

    private record Named(String key, Municipality municipality) {
    }

    public MunicipalitiesNamed(GeographyCatalog catalog) {
        for (Municipality m : catalog.municipalities()) {
            String full = MunicipalityResolver.key(m.name());
            List<Named> names = byState.computeIfAbsent(m.stateCode(), k -> new ArrayList<>());
            names.add(new Named(full, m));
            String bare = MunicipalityResolver.withoutPrefix(full);
            if (!bare.equals(full)) {
                names.add(new Named(bare, m));
            }
        }
    }

    /** The municipalities of {@code stateCode} named in {@code text}, longest name first. */
    public List<Municipality> in(String stateCode, String text) {
        if (stateCode == null || text == null || text.isBlank()) {
            return List.of();
        }
        String haystack = " " + MunicipalityResolver.key(text) + " ";
        List<Named> found = new ArrayList<>();
        for (Named n : byState.getOrDefault(stateCode, List.of())) {
            if (n.key().length() >= 3 && haystack.contains(" " + n.key() + " ")) {
                found.add(n);
            }
        }
        found.sort(Comparator.comparingInt((Named n) -> -n.key().length()).thenComparing(n -> n.municipality().key()));
        Map<String, Municipality> out = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (Named n : found) {
            boolean inside = false;
            for (String longer : taken) {
                if ((" " + longer + " ").contains(" " + n.key() + " ")) {
                    inside = true;
                    break;
                }
            }
            if (!inside || out.containsKey(n.municipality().key())) {
                out.putIfAbsent(n.municipality().key(), n.municipality());
                taken.add(n.key());
            }
        }
        return List.copyOf(out.values());
    }
}
