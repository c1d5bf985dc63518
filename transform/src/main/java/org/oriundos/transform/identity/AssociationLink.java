package org.oriundos.transform.identity;

/**
 * The association a record was linked to, by which rule ({@link LinkRule} name) and with what
 * score (1 for key and exact rules, the similarity for SIMILAR_NAME, 0 for NEW).
 * {@code problem} is set when an override could not be applied, for the unresolved list.
 */
public record AssociationLink(String associationId, String rule, double score, String normalizedName,
                              String problem) {
}
