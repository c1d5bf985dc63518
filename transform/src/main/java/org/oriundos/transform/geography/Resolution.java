package org.oriundos.transform.geography;

/**
 * The outcome of resolving one place value: the code it resolved to and by which rule, or
 * {@code null} with the reason it could not be resolved (shown to the analyst as is).
 */
public record Resolution(String code, GeoRule rule, String reason) {

    public static Resolution resolved(String code, GeoRule rule) {
        return new Resolution(code, rule, null);
    }

    public static Resolution unresolved(String reason) {
        return new Resolution(null, GeoRule.UNRESOLVED, reason);
    }

    public boolean isResolved() {
        return code != null;
    }
}
