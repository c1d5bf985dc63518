package org.oriundos.transform.identity;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the registry's key file ({@link AssociationRegistryStore#KEYS}), transform's memory
 * of what leads to an identity. Its components are the file's columns, in order. {@code keyType}
 * says which of them a row uses: {@code IME_ID}, {@code HISTORIC_ID}, {@code REGISTRY_KEY},
 * {@code APART}, {@code SIGNATURE} use the key value alone; {@code LINK} (a record's remembered
 * link) its evidence, delivery and decision; {@code ASSOCIATION} (in a delta: an identity created
 * or changed) the identity's own columns; {@code NAME} (files of earlier releases) the block and
 * federation.
 */
public record AssociationKeyRow(
        @Required String associationId,
        @Required String keyType,
        String keyValue,
        String originStateCode,
        String federation,
        String rule,
        Double score,
        String name,
        String normalizedName,
        String imeId,
        String registryKey,
        String sourceTable,
        String period,
        String recordId,
        String loadId,
        String municipalityKey,
        String usStateCode,
        String city,
        String consulateId,
        String historicId,
        Double matchWeight,
        Double matchProbability,
        Integer candidates,
        String runnerUpId,
        Double runnerUpWeight,
        String review) {

    /** A key that leads to {@code associationId}: an id, a registry key, an apart or signature key. */
    static AssociationKeyRow key(String associationId, String type, String value) {
        return new AssociationKeyRow(associationId, type, value, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** An identity created or changed, in a delta of the journal. */
    static AssociationKeyRow association(Association a) {
        return new AssociationKeyRow(a.id(), "ASSOCIATION", null, a.originStateCode(), null, null, null, a.name(),
                a.normalizedName(), a.imeId(), a.registryKey(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** A record's remembered link: its evidence, the delivery it came in and the decision. */
    static AssociationKeyRow link(String key, AssociationRegistry.Remembered m) {
        LinkDecision d = m.decision();
        AssociationRecord rec = m.record();
        return new AssociationKeyRow(d.associationId(), "LINK", key, rec.originStateCode(), rec.federation(),
                d.rule(), d.score(), rec.name(), null, rec.imeId(), rec.registryKey(), rec.sourceTable(), rec.period(),
                rec.recordId(), m.loadId(), rec.municipalityKey(), rec.usStateCode(), rec.city(), rec.consulateId(),
                rec.historicId(), d.matchWeight(), d.matchProbability(), d.candidates(), d.runnerUpId(),
                d.runnerUpWeight(), ScoredCandidate.encodeAll(d.review()));
    }

    /** A link of a release before the Fellegi–Sunter model: a rule and a score, no evidence. */
    static AssociationKeyRow legacyLink(String key, LinkDecision d) {
        return new AssociationKeyRow(d.associationId(), "LINK", key, null, null, d.rule(), d.score(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A name key of a release before the Fellegi–Sunter model. */
    static AssociationKeyRow legacyName(AssociationRegistry.LegacyName n) {
        return new AssociationKeyRow(n.associationId(), "NAME", n.normalizedName(),
                n.block().isEmpty() ? null : n.block(), n.federation(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
