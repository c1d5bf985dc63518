package org.oriundos.transform.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.oriundos.transform.text.Folding;

/**
 * Resolves a municipality to its 5-digit INEGI key, always within its state: a name shared by
 * several states ({@code Villa Hidalgo} is in Jalisco and Zacatecas) resolves only once the state
 * is known. In order: the code, the catalog name (folded, abbreviations such as {@code Gral.},
 * {@code Sta.}, {@code Cd.} read in full), an alias, and finally the name without a common prefix
 * ({@code Villa de}, {@code Heroica}…) when exactly one municipality of the state matches that way.
 */
public final class MunicipalityResolver {
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("GRAL", "GENERAL"),
            Map.entry("GRL", "GENERAL"),
            Map.entry("STA", "SANTA"),
            Map.entry("STO", "SANTO"),
            Map.entry("STGO", "SANTIAGO"),
            Map.entry("SN", "SAN"),
            Map.entry("MA", "MARIA"),
            Map.entry("CD", "CIUDAD"),
            Map.entry("DR", "DOCTOR"),
            Map.entry("PROF", "PROFESOR"),
            Map.entry("ING", "INGENIERO"),
            Map.entry("LIC", "LICENCIADO"),
            Map.entry("CNEL", "CORONEL"),
            Map.entry("FCO", "FRANCISCO"),
            Map.entry("NVO", "NUEVO"),
            Map.entry("NVA", "NUEVA"),
            Map.entry("H", "HEROICA"),
            Map.entry("MPIO", "MUNICIPIO"));

    /** Prefixes people leave out or add; longest first. */
    private static final List<String> PREFIXES = List.of(
            "MUNICIPIO DE ", "HEROICA CIUDAD DE ", "HEROICA VILLA DE ", "HEROICA VILLA ", "HEROICA ", "VILLA DE ");

    private final GeographyCatalog catalog;
    private final GeographyAliases aliases;
    private final StateResolver states;
    private final Map<String, List<Municipality>> byName = new HashMap<>();      // state|key
    private final Map<String, List<Municipality>> byBareName = new HashMap<>();  // state|key without prefix
    private final Map<String, List<Municipality>> byNameAnyState = new HashMap<>();

    public MunicipalityResolver(GeographyCatalog catalog, GeographyAliases aliases, StateResolver states) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.states = Objects.requireNonNull(states, "states");
        for (Municipality m : catalog.municipalities()) {
            String key = key(m.name());
            byName.computeIfAbsent(m.stateCode() + "|" + key, k -> new ArrayList<>()).add(m);
            byBareName.computeIfAbsent(m.stateCode() + "|" + withoutPrefix(key), k -> new ArrayList<>()).add(m);
            byNameAnyState.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
    }

    /** The municipality named {@code municipalityName} in the state named (or coded) {@code stateName}. */
    public Resolution resolve(String stateName, String municipalityName) {
        Resolution state = states.resolve(stateName);
        if (!state.isResolved()) {
            return Resolution.unresolved("the state is not resolved, so the municipality cannot be looked up ("
                    + state.reason() + ")");
        }
        if (state.code() == null) {
            return Resolution.unresolved("the state names no single state, so the municipality cannot be looked up");
        }
        return resolveInState(state.code(), municipalityName);
    }

    /** The municipality named (or coded) {@code municipalityName} within a resolved state. */
    public Resolution resolveInState(String stateCode, String municipalityName) {
        if (municipalityName == null || municipalityName.isBlank()) {
            return Resolution.unresolved("no municipality given");
        }
        if (municipalityName.trim().matches("\\d{1,3}")) {
            return resolveCode(stateCode, municipalityName);
        }
        String key = key(municipalityName);
        List<Municipality> exact = byName.getOrDefault(stateCode + "|" + key, List.of());
        if (exact.size() == 1) {
            return Resolution.resolved(exact.get(0).key(), GeoRule.NAME);
        }
        var alias = aliases.municipality(stateCode, key);
        if (alias.isPresent()) {
            return alias.get().endsWith(GeographyAliases.NO_PLACE) ? Resolution.noPlace()
                    : Resolution.resolved(alias.get(), GeoRule.ALIAS);
        }
        List<Municipality> bare = byBareName.getOrDefault(stateCode + "|" + withoutPrefix(key), List.of());
        if (bare.size() == 1) {
            return Resolution.resolved(bare.get(0).key(), GeoRule.NAME);
        }
        String in = " in " + states.describe(stateCode);
        if (bare.size() > 1) {
            return Resolution.unresolved("'" + municipalityName.trim() + "' matches " + bare.size()
                    + " municipalities" + in + ": " + keys(bare) + "; add an alias to choose one");
        }
        List<Municipality> elsewhere = byNameAnyState.getOrDefault(key, List.of());
        String hint = elsewhere.isEmpty() ? "" : "; a municipality of that name exists in other states: " + keys(elsewhere);
        return Resolution.unresolved("no municipality named '" + municipalityName.trim() + "'" + in
                + " (compared as '" + key + "')" + hint);
    }

    /** The municipality with code {@code municipalityCode} (padded or not) in the state {@code stateCode}. */
    public Resolution resolveCode(String stateCode, String municipalityCode) {
        String code = StateResolver.pad(municipalityCode, 3);
        if (code == null) {
            return Resolution.unresolved("'" + municipalityCode + "' is not a municipality code (1 to 3 digits)");
        }
        String key = stateCode + code;
        return catalog.municipality(key).isPresent()
                ? Resolution.resolved(key, GeoRule.CODE)
                : Resolution.unresolved("no municipality has code " + code + " in " + states.describe(stateCode));
    }

    /** The comparison key of a municipality name: folded, abbreviations written in full. */
    public static String key(String name) {
        String[] words = Folding.words(name);
        for (int i = 0; i < words.length; i++) {
            words[i] = ABBREVIATIONS.getOrDefault(words[i], words[i]);
        }
        return String.join(" ", words);
    }

    static String withoutPrefix(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static String keys(List<Municipality> ms) {
        return ms.stream().map(m -> m.name() + " " + m.key())
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
