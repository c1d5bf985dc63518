package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.oriundos.transform.text.Folding;

/**
 * The normalised name associations are compared by, and its words. Normalising only folds the
 * way a name is written, it weighs nothing: accents, case and punctuation folded, {@code L.A.}
 * read as {@code Los Ángeles}, abbreviations read in full ({@code Asoc.} Asociación,
 * {@code Sta.} Santa…), the legal suffix {@code A.C.} and the connectives {@code de}, {@code del},
 * {@code la}, {@code las}, {@code el}, {@code y} dropped. Every other word stays: how much a word
 * such as {@code Club} or {@code Social} says is decided by the linkage model from how often it
 * occurs in the data, not here. {@code "Club Zacatecano de Los Ángeles"} and
 * {@code "CLUB ZACATECANO L.A."} both normalise to {@code CLUB ZACATECANO LOS ANGELES}.
 */
public final class AssociationNames {
    private static final Pattern LOS_ANGELES = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])L\\s*\\.\\s*A(\\s*\\.|(?![\\p{L}\\p{N}]))");
    private static final Pattern CIVIL_ASSOCIATION = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])A\\s*\\.\\s*C(\\s*\\.|(?![\\p{L}\\p{N}]))");
    private static final Set<String> CONNECTIVES = Set.of("DE", "DEL", "LA", "LAS", "EL", "Y");
    /** The legal suffix written without dots, at the end of a name ({@code Club Jerez AC}). */
    private static final String LEGAL_SUFFIX = "AC";
    /** Abbreviations of the words club names are made of, read in full. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ASOC", "ASOCIACION"), Map.entry("ASOCS", "ASOCIACIONES"), Map.entry("SOC", "SOCIAL"),
            Map.entry("DEP", "DEPORTIVO"), Map.entry("DEPTVO", "DEPORTIVO"), Map.entry("FED", "FEDERACION"),
            Map.entry("CULT", "CULTURAL"), Map.entry("COM", "COMITE"), Map.entry("STA", "SANTA"),
            Map.entry("STO", "SANTO"), Map.entry("SN", "SAN"), Map.entry("STGO", "SANTIAGO"),
            Map.entry("GRAL", "GENERAL"), Map.entry("CD", "CIUDAD"), Map.entry("FCO", "FRANCISCO"),
            Map.entry("NVO", "NUEVO"), Map.entry("NVA", "NUEVA"), Map.entry("HNOS", "HERMANOS"));

    /** What the linker of releases before the Fellegi–Sunter model dropped as noise; only to find its remembered links. */
    private static final Set<String> LEGACY_NOISE = Set.of("CLUB", "CLUBES", "ASOCIACION", "ASOCIACIONES", "ASOC",
            "SOCIAL", "CIVIL", "AC", "DE", "DEL", "LA", "LAS", "EL", "Y");

    private AssociationNames() {
    }

    /** The normalised name: its words ({@link #words}) joined by one space; {@code ""} for a blank name. */
    public static String normalize(String name) {
        return String.join(" ", words(name));
    }

    /** The words of a normalised name, in order. */
    public static List<String> words(String name) {
        List<String> kept = new ArrayList<>();
        if (name == null) {
            return kept;
        }
        String expanded = LOS_ANGELES.matcher(name).replaceAll(" Los Angeles ");
        expanded = CIVIL_ASSOCIATION.matcher(expanded).replaceAll(" ");
        for (String w : Folding.words(expanded)) {
            if (!CONNECTIVES.contains(w)) {
                kept.add(ABBREVIATIONS.getOrDefault(w, w));
            }
        }
        if (kept.size() > 1 && kept.get(kept.size() - 1).equals(LEGAL_SUFFIX)) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    /** Whether a word is a number ({@code 12}, {@code 2000}): numbers must agree for two names to be one. */
    public static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return !word.isEmpty();
    }

    /**
     * The normalised name of releases before the Fellegi–Sunter model (noise words such as
     * {@code Club} and {@code Social} dropped), kept only to find the links those releases
     * remembered, so a data home they built keeps its ids until the operator relinks it.
     */
    public static String legacyNormalize(String name) {
        if (name == null) {
            return "";
        }
        String expanded = LOS_ANGELES.matcher(name).replaceAll(" Los Angeles ");
        expanded = CIVIL_ASSOCIATION.matcher(expanded).replaceAll(" ");
        List<String> kept = new ArrayList<>();
        for (String w : Folding.words(expanded)) {
            if (!LEGACY_NOISE.contains(w)) {
                kept.add(w);
            }
        }
        return kept.isEmpty() ? Folding.fold(name) : String.join(" ", kept);
    }
}
