package org.oriundos.transform.identity;

/** Why a source record was linked to its association; the {@code rule} of the link table. */
public enum LinkRule {
    /** The analyst's override file links the record to a named association. */
    OVERRIDE_LINK,
    /** The analyst's override file keeps the record apart: it has an association of its own. */
    OVERRIDE_APART,
    /** The IME id was linked before (another snapshot of the same organization). */
    IME_ID,
    /** The pipeline's historic id was linked before. */
    HISTORIC_ID,
    /** The registry key (CLAVE_TOMA_NOTA = CLAVE_CLUB) belongs to a known association. */
    REGISTRY_KEY,
    /** Same normalised name, same origin state, no conflicting key or federation. */
    EXACT_NAME,
    /** Normalised names alike at or above the threshold, same origin state, no conflicting key or federation. */
    SIMILAR_NAME,
    /** Nothing matched: a new association. */
    NEW
}
