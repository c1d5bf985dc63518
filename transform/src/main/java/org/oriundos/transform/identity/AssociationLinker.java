package org.oriundos.transform.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Links each association-bearing record to one association identity, deterministically and
 * explainably. In order: the analyst's override; the record's own earlier link (a rerun changes
 * nothing); a known IME or historic id; a known registry key; within the record's origin-state
 * block, the same normalised name, else the most similar name scoring at least the threshold
 * (ties go to the lowest id); else a new association. Candidates whose IME id, registry key or
 * federation contradicts the record's are never linked by name.
 */
public final class AssociationLinker {
    /** Names at least this alike (Dice of bigrams) are the same association. */
    public static final double DEFAULT_THRESHOLD = 0.85;

    private final AssociationRegistry registry;
    private final AssociationOverrides overrides;
    private final double threshold;

    public AssociationLinker(AssociationRegistry registry, AssociationOverrides overrides, double threshold) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.threshold = threshold;
    }

    public AssociationLink link(AssociationRecord r) {
        String normalized = AssociationNames.normalize(r.name());
        String federation = r.federation() == null ? null : emptyToNull(AssociationNames.normalize(r.federation()));
        String problem = null;
        Optional<AssociationOverride> override = overrides.find(r.sourceTable(), r.period(), r.recordId());
        if (override.isPresent()) {
            AssociationOverride o = override.get();
            if (o.action() == AssociationOverride.Action.APART) {
                String id = registry.apartIdentity(r.sourceTable() + "|" + r.recordId(), r.name(), normalized,
                        r.originStateCode());
                return new AssociationLink(id, LinkRule.OVERRIDE_APART.name(), 1.0, normalized, null);
            }
            if (registry.exists(o.associationId())) {
                return new AssociationLink(o.associationId(), LinkRule.OVERRIDE_LINK.name(), 1.0, normalized, null);
            }
            problem = o.where() + " links to " + o.associationId() + ", which is not a known association; "
                    + "linked by the rules instead";
        }
        String recordKey = String.join("|", r.sourceTable(), r.period(), r.recordId(), normalized,
                nz(r.originStateCode()), nz(r.imeId()), nz(r.historicId()), nz(r.registryKey()), nz(federation));
        AssociationRegistry.RememberedLink earlier = registry.remembered(recordKey);
        if (earlier != null && registry.exists(earlier.associationId())) {
            return new AssociationLink(earlier.associationId(), earlier.rule(), earlier.score(), normalized, problem);
        }
        String id;
        LinkRule rule;
        double score = 1.0;
        String organization = r.imeId() != null ? r.imeId() : r.historicId();
        if (registry.byOrganization(organization) != null) {
            id = registry.byOrganization(organization);
            rule = r.imeId() != null ? LinkRule.IME_ID : LinkRule.HISTORIC_ID;
        } else if (registry.byRegistryKey(r.registryKey()) != null) {
            id = registry.byRegistryKey(r.registryKey());
            rule = LinkRule.REGISTRY_KEY;
        } else {
            String exact = null;
            for (AssociationRegistry.NameEntry n : registry.namesEqualTo(r.originStateCode(), normalized)) {
                if (compatible(n, r, federation)) {
                    exact = lower(exact, n.associationId());
                }
            }
            String similar = null;
            double best = -1;
            if (exact == null) {
                // only when no exact name; the index leaves out the names that cannot reach the threshold
                int[] bigrams = NameSimilarity.bigrams(normalized);
                for (AssociationRegistry.NameEntry n : registry.namesPossiblySimilar(r.originStateCode(), bigrams, threshold)) {
                    if (n.normalizedName().equals(normalized) || !compatible(n, r, federation)) {
                        continue;
                    }
                    double s = NameSimilarity.score(bigrams, n.bigrams());
                    if (s > best || (s == best && n.associationId().compareTo(similar) < 0)) {
                        best = s;
                        similar = n.associationId();
                    }
                }
            }
            if (exact != null) {
                id = exact;
                rule = LinkRule.EXACT_NAME;
            } else if (similar != null && best >= threshold) {
                id = similar;
                rule = LinkRule.SIMILAR_NAME;
                score = best;
            } else {
                id = registry.create(r.name(), normalized, r.originStateCode());
                rule = LinkRule.NEW;
                score = 0.0;
            }
        }
        registry.attachOrganization(id, organization, r.imeId() != null);
        registry.attachRegistryKey(id, r.registryKey());
        registry.attachName(id, normalized, r.originStateCode(), federation);
        registry.remember(recordKey, id, rule.name(), score);
        return new AssociationLink(id, rule.name(), score, normalized, problem);
    }

    private boolean compatible(AssociationRegistry.NameEntry n, AssociationRecord r, String federation) {
        if (r.imeId() != null) {
            var ime = registry.imeIdsOf(n.associationId());
            if (!ime.isEmpty() && !ime.contains(r.imeId())) {
                return false;
            }
        }
        if (r.registryKey() != null) {
            var keys = registry.registryKeysOf(n.associationId());
            if (!keys.isEmpty() && !keys.contains(r.registryKey())) {
                return false;
            }
        }
        return federation == null || n.federation() == null || federation.equals(n.federation());
    }

    private static String lower(String a, String b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
