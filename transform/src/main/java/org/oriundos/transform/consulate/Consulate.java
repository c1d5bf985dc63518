package org.oriundos.transform.consulate;

/** A consulate as the warehouse keys it: {@code LOS_ANGELES}, shown as {@code Los Ángeles}. */
public record Consulate(String id, String name) {
}
