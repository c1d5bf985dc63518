package org.oriundos.transform.geography;

/** A Mexican state (entidad federativa) as INEGI lists it: code {@code "01"}…{@code "32"}. */
public record MexicanState(String code, String name, String abbreviation) {
}
