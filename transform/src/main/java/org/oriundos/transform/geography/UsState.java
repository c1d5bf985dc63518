package org.oriundos.transform.geography;

/** A US state, DC or territory: USPS code, FIPS code and name (Census Bureau state.txt). */
public record UsState(String uspsCode, String fipsCode, String name) {
}
