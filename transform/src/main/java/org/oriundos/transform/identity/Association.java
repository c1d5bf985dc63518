package org.oriundos.transform.identity;

/**
 * One association identity: its stable id ({@code HTA-000001}), the name it was first seen
 * with, that name normalised, its origin state, and the first IME id and registry key attached.
 */
public record Association(String id, String name, String normalizedName, String originStateCode, String imeId,
                          String registryKey) {
}
