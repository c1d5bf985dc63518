package org.oriundos.transform.category;

/** The category of a project and the rule that chose it: {@code CATEGORIA}, {@code KEYWORD:<keyword>} or {@code UNMATCHED}. */
public record CategoryMatch(String category, String rule) {
    public static final String UNMATCHED = "UNMATCHED";

    public boolean matched() {
        return !UNMATCHED.equals(rule);
    }
}
