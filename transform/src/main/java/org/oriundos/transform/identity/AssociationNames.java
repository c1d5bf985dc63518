package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oriundos.transform.text.Folding;

/**
 * The normalised name associations are compared by: accents and case folded, {@code L.A.} read as
 * {@code Los Ángeles}, the legal suffix {@code A.C.} and the noise words {@code Club},
 * {@code Asociación}, {@code Social} and short connectives dropped. {@code "Club Zacatecano de Los
 * Ángeles"}, {@code "CLUB ZACATECANO L.A."} and {@code "Club Social Zacatecano Los Angeles"} all
 * normalise to {@code ZACATECANO LOS ANGELES}.
 */
public final class AssociationNames {
    private static final Pattern LOS_ANGELES = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])L\\s*\\.\\s*A(\\s*\\.|(?![\\p{L}\\p{N}]))");
    private static final Pattern CIVIL_ASSOCIATION = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])A\\s*\\.\\s*C(\\s*\\.|(?![\\p{L}\\p{N}]))");
    private static final Set<String> NOISE = Set.of("CLUB", "CLUBES", "ASOCIACION", "ASOCIACIONES", "ASOC",
            "SOCIAL", "CIVIL", "AC", "DE", "DEL", "LA", "LAS", "EL", "Y");

    private AssociationNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String expanded = LOS_ANGELES.matcher(name).replaceAll(" Los Angeles ");
        expanded = CIVIL_ASSOCIATION.matcher(expanded).replaceAll(" ");
        String[] words = Folding.words(expanded);
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!NOISE.contains(w)) {
                kept.add(w);
            }
        }
        // a name made only of noise words ("Club Social") is compared as written
        return kept.isEmpty() ? Folding.fold(name) : String.join(" ", kept);
    }
}
