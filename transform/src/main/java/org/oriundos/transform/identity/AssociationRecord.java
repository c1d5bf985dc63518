package org.oriundos.transform.identity;

/**
 * One association-bearing source record, as the linker sees it: where it comes from, the name as
 * written, the origin state it is blocked by (INEGI code or null), and whichever keys it carries:
 * the IME id (current registry rows), the pipeline's historic id ({@code H-…}), the registry key
 * (CLAVE_TOMA_NOTA / CLAVE_CLUB) and the federation.
 */
public record AssociationRecord(String sourceTable, String period, String recordId, String name,
                                String originStateCode, String imeId, String historicId, String registryKey,
                                String federation) {
}
