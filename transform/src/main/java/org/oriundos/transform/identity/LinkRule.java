package org.oriundos.transform.identity;

import java.util.Set;

/** Why a source record was linked to its association; the {@code rule} of the link table. */
public enum LinkRule {
    /** The analyst's override file links the record to a named association. */
    OVERRIDE_LINK,
    /** The analyst's override file keeps the record apart: it has an association of its own. */
    OVERRIDE_APART,
    /** The IME id was linked before (another snapshot of the same organization). */
    IME_ID,
    /** The pipeline's historic id (same name, city, US state and origin state) was linked before. */
    HISTORIC_ID,
    /** The registry key (CLAVE_TOMA_NOTA = CLAVE_CLUB) belongs to a known association. */
    REGISTRY_KEY,
    /**
     * The registry key belongs to an association whose IME id is another: the keys contradict
     * each other, so the record has an identity of its own and is listed for review.
     */
    KEY_CONFLICT,
    /** The model's match weight reaches the upper threshold and clearly beats the runner-up. */
    MATCH,
    /** The best candidate is in the grey zone between the thresholds: kept apart, listed for review. */
    REVIEW,
    /**
     * Two or more candidates are too close to call: kept apart (a registry entry: its own identity;
     * a project or survey answer: the identity shared by every ambiguous record of the same
     * evidence), listed for review.
     */
    AMBIGUOUS,
    /** No candidate reaches the lower threshold: a new association. */
    NEW;

    /** Rules a relink leaves as they are: the keys' and the analyst's. */
    public static final Set<String> KEPT_BY_RELINK = Set.of(OVERRIDE_LINK.name(), OVERRIDE_APART.name(),
            IME_ID.name(), HISTORIC_ID.name(), REGISTRY_KEY.name(), KEY_CONFLICT.name());

    /** Rules whose records are listed for review. */
    public static final Set<String> REVIEWED = Set.of(REVIEW.name(), AMBIGUOUS.name(), KEY_CONFLICT.name());
}
