package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One candidate association of a record, scored: the total match weight (bits) and its parts,
 * the prior first, then one part per comparison with the level it reached. The parts add up to
 * the weight, so every score is explained.
 */
public record ScoredCandidate(String associationId, double weight, List<Part> parts) {
    /** A comparison's level and its weight; {@code level} null when a value was missing (weight 0). */
    public record Part(String comparison, String level, double bits) {
        /** The comparison this part is a variant of: {@code name_same_town} is the name, {@code project_site} the municipality. */
        public String compared() {
            return switch (comparison) {
                case "name_same_town" -> "name";
                case "project_site" -> "municipality";
                default -> comparison;
            };
        }

        /** The level as shown to an analyst, the variant in brackets; null when a value was missing. */
        public String shownLevel() {
            return level == null ? null : level + switch (comparison) {
                case "name_same_town" -> " (same hometown)";
                case "project_site" -> " (project site)";
                default -> "";
            };
        }
    }

    public ScoredCandidate {
        parts = List.copyOf(parts);
    }

    public double probability() {
        return LinkageModel.probability(weight);
    }

    public Part part(String comparison) {
        for (Part p : parts) {
            if (p.comparison().equals(comparison)
                    || (comparison.equals("name") && p.comparison().equals("name_same_town"))
                    || (comparison.equals("municipality") && p.comparison().equals("project_site"))) {
                return p;
            }
        }
        return null;
    }

    /** {@code prior -6.2, name near_8 (same hometown) +8.2, municipality agree (project site) +3.5, …} */
    public String explain() {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            String level = p.level() == null ? "missing" : p.shownLevel();
            out.add(String.format(Locale.ROOT, "%s %s %+.2f", p.compared(), level, p.bits()));
        }
        return String.join(", ", out);
    }

    /** The candidate as one line of the registry's memory: {@code id;weight;comparison=level=bits,…}. */
    String encode() {
        StringBuilder sb = new StringBuilder(associationId).append(';').append(num(weight)).append(';');
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            sb.append(i == 0 ? "" : ",").append(p.comparison()).append('=').append(p.level() == null ? "" : p.level())
                    .append('=').append(num(p.bits()));
        }
        return sb.toString();
    }

    static ScoredCandidate decode(String text) {
        String[] f = text.split(";", -1);
        List<Part> parts = new ArrayList<>();
        if (!f[2].isEmpty()) {
            for (String p : f[2].split(",")) {
                String[] x = p.split("=", -1);
                parts.add(new Part(x[0], x[1].isEmpty() ? null : x[1], Double.parseDouble(x[2])));
            }
        }
        return new ScoredCandidate(f[0], Double.parseDouble(f[1]), parts);
    }

    static String encodeAll(List<ScoredCandidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        candidates.forEach(c -> out.add(c.encode()));
        return String.join("|", out);
    }

    static List<ScoredCandidate> decodeAll(String text) {
        List<ScoredCandidate> out = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String c : text.split("\\|")) {
                out.add(decode(c));
            }
        }
        return out;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
