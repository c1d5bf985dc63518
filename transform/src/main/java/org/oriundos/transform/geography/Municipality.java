package org.oriundos.transform.geography;

/**
 * An INEGI municipality: {@code key} is the national 5-digit CVE_ENT+CVE_MUN, {@code code} the
 * 3-digit CVE_MUN within its state.
 */
public record Municipality(String key, String stateCode, String code, String name, long population2020) {
}
