package org.oriundos.transform;

/**
 * One candidate of a record kept apart for review (docs/conform.md, "The review list"): the
 * record (raw table, period, id, file and line, name as written), why it is under review
 * ({@code REVIEW}, {@code AMBIGUOUS}, {@code KEY_CONFLICT}), its identity meanwhile, the candidate
 * (rank, id, name) with its match weight and probability and the weight's parts in one line,
 * and the two lines of the override file that settle it.
 */
public record ReviewItem(String sourceTable, String period, String sourceRecordId, String sourceFile, long sourceLine,
                         String sourceName, String rule, String associationId, int candidateRank, String candidateId,
                         String candidateName, double matchWeight, double matchProbability, String explanation,
                         String overrideLink, String overrideApart) {
}
