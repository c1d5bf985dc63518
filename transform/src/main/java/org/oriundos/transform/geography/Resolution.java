package org.oriundos.transform.geography;

import org.oriundos.ingest.Reason;
import org.oriundos.transform.UnresolvedReason;

/**
 * The outcome of resolving one place value: the code it resolved to and by which rule, or
 * {@code null} with why it could not be resolved ({@code why}: its {@link UnresolvedReason} code and
 * the English text shown to the analyst as is). An alias with code {@code -} resolves a value to no
 * place (rule ALIAS, code null).
 */
public record Resolution(String code, GeoRule rule, Reason why) {

    public static Resolution resolved(String code, GeoRule rule) {
        return new Resolution(code, rule, null);
    }

    public static Resolution unresolved(UnresolvedReason code, String reason) {
        return new Resolution(null, GeoRule.UNRESOLVED, code.because(reason));
    }

    /** Why the value was not resolved, in English; {@code null} when it was. */
    public String reason() {
        return why == null ? null : why.text();
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
