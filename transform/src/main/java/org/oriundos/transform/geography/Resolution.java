package org.oriundos.transform.geography;

/**
 * The outcome of resolving one place value: the code it resolved to and by which rule, or
 * {@code null} with the reason it could not be resolved (shown to the analyst as is). An alias
 * with code {@code -} resolves a value to no place (rule ALIAS, code null).
 */
public record Resolution(String code, GeoRule rule, String reason) {

    public static Resolution resolved(String code, GeoRule rule) {
        return new Resolution(code, rule, null);
    }

    public static Resolution unresolved(String reason) {
        return new Resolution(null, GeoRule.UNRESOLVED, reason);
    }

    /** A value an alias marks as naming no single place (code {@code -}): null, but not unresolved. */
    public static Resolution noPlace() {
        return new Resolution(null, GeoRule.ALIAS, null);
    }

    /** Whether a rule decided the value: a code, or by alias no place at all. */
    public boolean isResolved() {
        return rule != GeoRule.UNRESOLVED;
    }
}
