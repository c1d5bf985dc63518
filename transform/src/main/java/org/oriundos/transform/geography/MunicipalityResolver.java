package org.oriundos.transform.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.oriundos.transform.UnresolvedReason;
import org.oriundos.transform.text.Folding;

/**
 * Resolves a municipality to its 5-digit INEGI key, always within its state: a name shared by
 * several states ({@code Villa Hidalgo} is in Jalisco and Zacatecas) resolves only once the state
 * is known. A name resolves only when exactly one municipality of the state fits it; a name that
 * fits none or several stays unresolved, with the candidates named. In order:
 * <ol>
 * <li>the code ({@link GeoRule#CODE});</li>
 * <li>the catalog name, or a name INEGI gave the municipality before ({@code Silao} for
 * {@code Silao de la Victoria}, from {@link MunicipalityHistory}), folded, abbreviations such as
 * {@code Gral.}, {@code Nal.}, {@code Cd.} read in full, with or without a common prefix
 * ({@code Villa de}, {@code Heroica}…) ({@link GeoRule#NAME}, {@link GeoRule#FORMER_NAME});</li>
 * <li>an alias ({@link GeoRule#ALIAS});</li>
 * <li>a short form: the name without its leading saint or article ({@code Tlaquepaque} for
 * {@code San Pedro Tlaquepaque}, {@code Carmen} for {@code El Carmen}), without its connectives
 * ({@code San Martín de Hidalgo} for {@code San Martín Hidalgo}), or the leading words of the
 * name ({@code Ahualulco} for {@code Ahualulco del Sonido 13}) ({@link GeoRule#SHORT_NAME}).</li>
 * </ol>
 * A district written after the name ({@code San Juan Mixtepec -Dto. 08 -}) tells Oaxaca's homonyms
 * apart ({@link GeoRule#DISTRICT}) and must agree with the district INEGI gives. Given the source's
 * year, a municipality that did not exist yet that year is replaced by the one it was split from
 * ({@link GeoRule#PARENT}), or left unresolved when there is not exactly one.
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
            Map.entry("MPIO", "MUNICIPIO"),
            Map.entry("NAL", "NACIONAL"),
            Map.entry("GPE", "GUADALUPE"),
            Map.entry("PTO", "PUERTO"));

    /** Prefixes people leave out or add; longest first. */
    private static final List<String> PREFIXES = List.of("MUNICIPIO DE ", "DELEGACION ", "ALCALDIA ",
            "HEROICA CIUDAD DE ", "HEROICA VILLA DE ", "HEROICA VILLA ", "HEROICA ", "HEROICO ", "VILLA DE ");
    /** A saint's title, followed by the saint's name: left out by people ({@code Tlaquepaque}). */
    private static final Set<String> SAINTS = Set.of("SAN", "SANTA", "SANTO", "SANTOS");
    /** A saint or feast named in one word, left out the same way ({@code Asunción Nochixtlán}). */
    private static final Set<String> ONE_WORD_SAINTS = Set.of("SANTIAGO", "MAGDALENA", "ASUNCION", "CONCEPCION");
    private static final Set<String> ARTICLES = Set.of("EL", "LA", "LOS", "LAS");
    /** Words people put in or leave out of a name ({@code San Martín de Hidalgo}, {@code San Martín Hidalgo}). */
    private static final Set<String> CONNECTIVES = Set.of("DE", "DEL", "LA", "LAS", "LOS", "EL", "Y");
    /** Words that name no place on their own: a value made of them only is never a short form. */
    private static final Set<String> GENERIC = Set.of("SAN", "SANTA", "SANTO", "SANTOS", "SANTIAGO", "EL", "LA", "LOS",
            "LAS", "DE", "DEL", "Y", "VILLA", "CIUDAD", "HEROICA", "HEROICO", "GENERAL", "NUEVO", "NUEVA", "MUNICIPIO",
            "MAGDALENA", "ASUNCION", "CONCEPCION", "SANTISIMA", "TRINIDAD");

    private final GeographyCatalog catalog;
    private final GeographyAliases aliases;
    private final StateResolver states;
    private final MunicipalityHistory history;
    private final Map<String, Set<String>> byCurrentName = new HashMap<>();  // state|key -> municipality keys
    private final Map<String, Set<String>> byFormerName = new HashMap<>();   // state|key -> municipality keys
    private final Map<String, Set<String>> byShortName = new HashMap<>();    // state|key -> municipality keys
    private final Map<String, Set<String>> byWithoutConnectives = new HashMap<>(); // state|key -> municipality keys
    private final Map<String, Set<String>> byLeadingWords = new HashMap<>(); // state|words -> municipality keys
    private final Map<String, List<Municipality>> byNameAnyState = new HashMap<>();

    /** A resolver of the catalog's names only (no former names, no dates). */
    public MunicipalityResolver(GeographyCatalog catalog, GeographyAliases aliases, StateResolver states) {
        this(catalog, aliases, states, MunicipalityHistory.none());
    }

    public MunicipalityResolver(GeographyCatalog catalog, GeographyAliases aliases, StateResolver states,
                                MunicipalityHistory history) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.states = Objects.requireNonNull(states, "states");
        this.history = Objects.requireNonNull(history, "history");
        for (Municipality m : catalog.municipalities()) {
            String state = m.stateCode();
            Set<String> current = new LinkedHashSet<>();
            current.add(key(m.name()));
            Set<String> former = new LinkedHashSet<>();
            for (MunicipalityHistory.Name n : history.names(m.key())) {
                String k = withoutDistrict(key(n.name()));
                if (!current.contains(k)) {
                    former.add(k);
                }
            }
            for (String k : current) {
                index(byCurrentName, state, k, m);
                index(byCurrentName, state, withoutPrefix(k), m);
            }
            for (String k : former) {
                index(byFormerName, state, k, m);
                index(byFormerName, state, withoutPrefix(k), m);
            }
            Set<String> forms = new LinkedHashSet<>();
            for (String k : concat(current, former)) {
                String bare = withoutPrefix(k);
                forms.add(bare);
                String shorter = withoutSaintOrArticle(bare);
                if (shorter != null) {
                    forms.add(shorter);
                    index(byShortName, state, shorter, m);
                }
            }
            for (String form : forms) {
                index(byWithoutConnectives, state, withoutConnectives(form), m);
                String[] words = form.split(" ");
                StringBuilder lead = new StringBuilder();
                for (int i = 0; i < words.length - 1; i++) {
                    lead.append(i == 0 ? "" : " ").append(words[i]);
                    index(byLeadingWords, state, lead.toString(), m);
                }
            }
            byNameAnyState.computeIfAbsent(key(m.name()), k -> new ArrayList<>()).add(m);
        }
    }

    /** The municipality named {@code municipalityName} in the state named (or coded) {@code stateName}. */
    public Resolution resolve(String stateName, String municipalityName) {
        Resolution state = states.resolve(stateName);
        if (!state.isResolved()) {
            return Resolution.unresolved(UnresolvedReason.STATE_NOT_RESOLVED,
                    "the state is not resolved, so the municipality cannot be looked up ("
                    + state.reason() + ")");
        }
        if (state.code() == null) {
            return Resolution.unresolved(UnresolvedReason.STATE_NOT_SINGLE,
                    "the state names no single state, so the municipality cannot be looked up");
        }
        return resolveInState(state.code(), municipalityName);
    }

    /** The municipality named (or coded) {@code municipalityName} within a resolved state, whatever the year. */
    public Resolution resolveInState(String stateCode, String municipalityName) {
        return resolveInState(stateCode, municipalityName, null);
    }

    /**
     * The municipality named (or coded) {@code municipalityName} within a resolved state, as it
     * was in {@code sourceYear} (the year of the source that names it; {@code null}: unknown).
     */
    public Resolution resolveInState(String stateCode, String municipalityName, Integer sourceYear) {
        if (municipalityName == null || municipalityName.isBlank()) {
            return Resolution.unresolved(UnresolvedReason.NO_MUNICIPALITY_GIVEN, "no municipality given");
        }
        if (municipalityName.trim().matches("\\d{1,3}")) {
            return resolveCode(stateCode, municipalityName, sourceYear);
        }
        String written = municipalityName.trim();
        String key = key(municipalityName);
        var alias = aliases.municipality(stateCode, key);
        Integer district = null;
        String name = key;
        Matcher d = MunicipalityHistory.DISTRICT_SUFFIX.matcher(key);
        if (d.matches()) {
            name = d.group(1);
            district = Integer.parseInt(d.group(2));
        }
        String in = " in " + states.describe(stateCode);

        // the catalog's name or a former one, with or without a common prefix
        Set<String> current = union(lookup(byCurrentName, stateCode, name), lookup(byCurrentName, stateCode,
                withoutPrefix(name)));
        Set<String> former = union(lookup(byFormerName, stateCode, name), lookup(byFormerName, stateCode,
                withoutPrefix(name)));
        Set<String> exact = union(current, former);
        if (exact.size() == 1 && (current.size() == 1 || alias.isEmpty())) {
            // the catalog's own name wins over an alias; a former name does not
            String k = exact.iterator().next();
            return checked(k, current.contains(k) ? GeoRule.NAME : GeoRule.FORMER_NAME, district, written, in, sourceYear);
        }
        if (alias.isPresent()) {
            return alias.get().endsWith(GeographyAliases.NO_PLACE) ? Resolution.noPlace()
                    : Resolution.resolved(alias.get(), GeoRule.ALIAS);
        }
        if (!exact.isEmpty()) {
            return choose(exact, district, written, in, sourceYear, current.containsAll(exact) ? GeoRule.NAME
                    : GeoRule.FORMER_NAME);
        }

        // a short form: without the leading saint or article, or only the leading words
        String bare = withoutPrefix(name);
        Set<String> shortened = union(lookup(byShortName, stateCode, name), lookup(byShortName, stateCode, bare));
        if (!shortened.isEmpty()) {
            return choose(shortened, district, written, in, sourceYear, GeoRule.SHORT_NAME);
        }
        Set<String> loose = lookup(byWithoutConnectives, stateCode, withoutConnectives(bare));
        if (!loose.isEmpty()) {
            return choose(loose, district, written, in, sourceYear, GeoRule.SHORT_NAME);
        }
        if (!isGeneric(bare)) {
            Set<String> leading = lookup(byLeadingWords, stateCode, bare);
            if (!leading.isEmpty()) {
                return choose(leading, district, written, in, sourceYear, GeoRule.SHORT_NAME);
            }
        }
        List<Municipality> elsewhere = byNameAnyState.getOrDefault(key, List.of());
        String hint = elsewhere.isEmpty() ? "" : "; a municipality of that name exists in other states: " + keys(elsewhere);
        return Resolution.unresolved(UnresolvedReason.NO_MUNICIPALITY_OF_THAT_NAME,
                "no municipality named '" + written + "'" + in + " (compared as '" + key
                + "', also as the catalog's and INEGI's former names and their short forms)" + hint);
    }

    /** The municipality with code {@code municipalityCode} (padded or not) in the state {@code stateCode}. */
    public Resolution resolveCode(String stateCode, String municipalityCode) {
        return resolveCode(stateCode, municipalityCode, null);
    }

    /** As {@link #resolveCode(String, String)}, as the municipality was in {@code sourceYear} ({@code null}: unknown). */
    public Resolution resolveCode(String stateCode, String municipalityCode, Integer sourceYear) {
        String code = StateResolver.pad(municipalityCode, 3);
        if (code == null) {
            return Resolution.unresolved(UnresolvedReason.NOT_A_MUNICIPALITY_CODE,
                    "'" + municipalityCode + "' is not a municipality code (1 to 3 digits)");
        }
        String key = stateCode + code;
        return catalog.municipality(key).isPresent()
                ? inItsYear(key, GeoRule.CODE, "code " + code, sourceYear)
                : Resolution.unresolved(UnresolvedReason.NO_SUCH_MUNICIPALITY_CODE,
                        "no municipality has code " + code + " in " + states.describe(stateCode));
    }

    /** One candidate: resolved if its district, when written and known, agrees. */
    private Resolution checked(String key, GeoRule rule, Integer district, String written, String in,
                               Integer sourceYear) {
        OptionalInt known = history.district(key);
        if (district != null && known.isPresent() && known.getAsInt() != district) {
            return Resolution.unresolved(UnresolvedReason.DISTRICT_DISAGREES, "'" + written + "' names district " + district + ", but "
                    + describe(key) + in + " is in district " + two(known.getAsInt()));
        }
        return inItsYear(key, rule, "'" + written + "'", sourceYear);
    }

    /** Several candidates (or one): only a written district may choose among them. */
    private Resolution choose(Set<String> candidates, Integer district, String written, String in, Integer sourceYear,
                              GeoRule rule) {
        if (candidates.size() == 1) {
            return checked(candidates.iterator().next(), rule, district, written, in, sourceYear);
        }
        if (district != null) {
            List<String> inDistrict = candidates.stream()
                    .filter(k -> history.district(k).isPresent() && history.district(k).getAsInt() == district)
                    .toList();
            if (inDistrict.size() == 1) {
                return inItsYear(inDistrict.get(0), GeoRule.DISTRICT, "'" + written + "'", sourceYear);
            }
            return Resolution.unresolved(UnresolvedReason.SEVERAL_MUNICIPALITIES_IN_DISTRICT, "'" + written + "' fits "
                    + candidates.size() + " municipalities" + in + ": " + describeAll(candidates) + ", and district " + district + " tells "
                    + (inDistrict.isEmpty() ? "none of them" : inDistrict.size() + " of them") + " apart");
        }
        return Resolution.unresolved(UnresolvedReason.SEVERAL_MUNICIPALITIES, "'" + written + "' fits "
                + candidates.size() + " municipalities" + in + ": " + describeAll(candidates) + "; add an alias to choose one");
    }

    /**
     * A municipality found for a source of {@code sourceYear}: when INEGI's lists show it did not
     * exist yet that year, the source named a place of the municipality it was split from, which
     * keeps the record (rule PARENT) when there is exactly one.
     */
    private Resolution inItsYear(String key, GeoRule rule, String written, Integer sourceYear) {
        OptionalInt absentUntil = history.absentUntil(key);
        if (sourceYear == null || absentUntil.isEmpty() || sourceYear > absentUntil.getAsInt()) {
            return Resolution.resolved(key, rule);
        }
        String notYet = written + " is " + describe(key) + ", which did not exist yet in " + sourceYear
                + (history.firstListed(key).isPresent() ? " (INEGI's lists first have it in "
                + history.firstListed(key).getAsInt() + ")" : " (no INEGI list up to "
                + absentUntil.getAsInt() + " has it)");
        List<String> parents = history.splitFrom(key);
        if (parents.size() == 1) {
            return Resolution.resolved(parents.get(0), GeoRule.PARENT);
        }
        return Resolution.unresolved(UnresolvedReason.MUNICIPALITY_NOT_YET_CREATED, notYet + (parents.isEmpty()
                ? "; the municipality it was split from is not in " + MunicipalityHistory.SPLITS_RESOURCE
                + ", so the place of " + sourceYear + " cannot be told; add an alias"
                : "; it was split from " + parents.size() + " municipalities, " + describeAll(parents)
                + ", so the place of " + sourceYear + " cannot be told; add an alias"));
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

    /** The name without its district suffix, if it has one. */
    static String withoutDistrict(String key) {
        Matcher m = MunicipalityHistory.DISTRICT_SUFFIX.matcher(key);
        return m.matches() ? m.group(1) : key;
    }

    /**
     * The name without its leading article ({@code EL CARMEN} → {@code CARMEN}), saint
     * ({@code SAN PEDRO TLAQUEPAQUE} → {@code TLAQUEPAQUE}) or one-word saint ({@code SANTIAGO},
     * {@code MAGDALENA}, {@code ASUNCION}, {@code CONCEPCION}); {@code null} when it has none or
     * nothing but generic words would be left.
     */
    static String withoutSaintOrArticle(String key) {
        String[] w = key.split(" ");
        int drop = 0;
        if (w.length > 1 && (ARTICLES.contains(w[0]) || ONE_WORD_SAINTS.contains(w[0]))) {
            drop = 1;
        } else if (w.length > 2 && SAINTS.contains(w[0])) {
            drop = 2;
        }
        if (drop == 0 || isGeneric(String.join(" ", java.util.Arrays.copyOfRange(w, drop, w.length)))) {
            return null;
        }
        return String.join(" ", java.util.Arrays.copyOfRange(w, drop, w.length));
    }

    /** The name without its connectives ({@code SAN MARTIN DE HIDALGO} → {@code SAN MARTIN HIDALGO}). */
    static String withoutConnectives(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (String w : key.split(" ")) {
            if (!CONNECTIVES.contains(w)) {
                b.append(b.length() == 0 ? "" : " ").append(w);
            }
        }
        return b.length() == 0 ? key : b.toString();
    }

    private static boolean isGeneric(String key) {
        for (String w : key.split(" ")) {
            if (!GENERIC.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static void index(Map<String, Set<String>> index, String state, String key, Municipality m) {
        index.computeIfAbsent(state + "|" + key, k -> new LinkedHashSet<>()).add(m.key());
    }

    private static Set<String> lookup(Map<String, Set<String>> index, String state, String key) {
        return index.getOrDefault(state + "|" + key, Set.of());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private String describe(String key) {
        String name = catalog.municipality(key).map(Municipality::name).orElse("?");
        return name + " (" + key + ")";
    }

    /** The candidates by name and key, with their district when known, in key order. */
    private String describeAll(java.util.Collection<String> keys) {
        return new TreeSet<>(keys).stream().map(k -> describe(k)
                        + (history.district(k).isPresent() ? " district " + two(history.district(k).getAsInt()) : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String two(int district) {
        return (district < 10 ? "0" : "") + district;
    }

    private static String keys(List<Municipality> ms) {
        return ms.stream().map(m -> m.name() + " " + m.key())
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
