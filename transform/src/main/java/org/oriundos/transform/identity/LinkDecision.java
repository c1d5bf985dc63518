package org.oriundos.transform.identity;

import java.util.List;

/**
 * How one record was linked: the association, the rule ({@link LinkRule} name, or a rule of an
 * earlier release replayed from memory), a score (1 for key and override rules; else the match
 * probability of the best candidate, 0 when there was none), the best candidate's match weight
 * and probability (null when no model was needed), how many candidates the model considered, the
 * runner-up and its weight, and for a record listed for review the candidates it is reviewed
 * against. {@code problem} is set when an override could not be applied, for the unresolved list.
 */
public record LinkDecision(String associationId, String rule, double score, Double matchWeight,
                           Double matchProbability, int candidates, String runnerUpId, Double runnerUpWeight,
                           List<ScoredCandidate> review, String problem) {
    public LinkDecision {
        review = review == null ? List.of() : List.copyOf(review);
    }

    /** A decision that needed no model: a key, an override, a remembered rule of an earlier release. */
    static LinkDecision certain(String associationId, String rule, double score) {
        return new LinkDecision(associationId, rule, score, null, null, 0, null, null, List.of(), null);
    }

    LinkDecision withProblem(String text) {
        return new LinkDecision(associationId, rule, score, matchWeight, matchProbability, candidates, runnerUpId,
                runnerUpWeight, review, text);
    }

    LinkDecision withAssociation(String id) {
        return new LinkDecision(id, rule, score, matchWeight, matchProbability, candidates, runnerUpId, runnerUpWeight,
                review, problem);
    }

    public boolean listedForReview() {
        return LinkRule.REVIEWED.contains(rule);
    }
}
