package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code association_review} table ({@link
 * ConformedTables#ASSOCIATION_REVIEW}): one candidate of a record kept apart for review, with the
 * match weight broken down by comparison (level and bits) and the two lines of the override file
 * that settle it. Its components are the table's columns, in order.
 */
public record ConformedAssociationReview(
        @Required String sourceTable,
        @Required String period,
        @Required String sourceRecordId,
        @Required String sourceFile,
        long sourceLine,
        @Required String sourceName,
        String originStateCode,
        @Required String rule,
        @Required String associationId,    // the record's own identity while it is under review
        int candidateRank,
        @Required String candidateId,
        String candidateName,
        double matchWeight,
        double matchProbability,
        Double priorBits,
        String nameLevel,                  // e.g. near_8, or near_8 (same hometown)
        Double nameBits,
        String municipalityLevel,
        Double municipalityBits,
        String usStateLevel,
        Double usStateBits,
        String cityLevel,
        Double cityBits,
        String federationLevel,
        Double federationBits,
        String consulateLevel,
        Double consulateBits,
        String timeLevel,
        Double timeBits,
        @Required String explanation,      // the weight's parts in one line
        @Required String overrideLink,     // the override line that links the record to the candidate
        @Required String overrideApart,    // the override line that keeps it apart
        @Required String loadId) {

    /**
     * Which of the comparisons the row breaks the weight into {@code compared} is, as the order of
     * its {@code <compared>_level} and {@code <compared>_bits} columns: name 0 … time 6.
     */
    static int comparison(String compared) {
        return switch (compared) {
            case "name" -> 0;
            case "municipality" -> 1;
            case "us_state" -> 2;
            case "city" -> 3;
            case "federation" -> 4;
            case "consulate" -> 5;
            case "time" -> 6;
            default -> throw new IllegalArgumentException("table association_review has no column " + compared + "_level");
        };
    }

    /** The item {@code bin/oriundos links --review} shows. */
    ReviewItem item() {
        return new ReviewItem(sourceTable, period, sourceRecordId, sourceFile, sourceLine, sourceName, rule,
                associationId, candidateRank, candidateId, candidateName, matchWeight, matchProbability, explanation,
                overrideLink, overrideApart);
    }
}
