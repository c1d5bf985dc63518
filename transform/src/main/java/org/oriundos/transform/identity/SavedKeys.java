package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of an association registry is already in the lake, so that a save writes only what was
 * added since. The registry only grows (keys are added, never changed or removed; an identity
 * only gains its first IME id and registry key), so "added" is "not seen at the last save". Name
 * lists only grow at their end, so names are compared by count; the other keys by a size check
 * first, so a partition that added no key of a kind costs nothing for that kind.
 */
final class SavedKeys {
    private final Map<String, Association> associations = new HashMap<>();
    private final Set<String> organizations = new HashSet<>();
    private final Set<String> registryKeys = new HashSet<>();
    private final Map<String, Integer> namesPerBlock = new HashMap<>();
    private final Set<String> links = new HashSet<>();
    private final Set<String> apart = new HashSet<>();

    /** Marks everything in the registry as saved. */
    void markAll(AssociationRegistry registry) {
        takeAdded(registry);
    }

    /**
     * The rows ({@link AssociationRegistryStore#DELTA}) of what was added since the last call, and
     * marks it saved: identities first (new or changed), then keys.
     */
    List<Object[]> takeAdded(AssociationRegistry registry) {
        List<Object[]> rows = new ArrayList<>();
        // keys only grow, so a count that differs is a key added
        if (registry.size() != associations.size() || registry.organizations().size() != organizations.size()
                || registry.registryKeyMap().size() != registryKeys.size()) {
            // an identity is new, or gained its IME id or registry key with a new key
            for (Association a : registry.associations()) {
                if (!a.equals(associations.get(a.id()))) {
                    associations.put(a.id(), a);
                    rows.add(new Object[] {a.id(), "ASSOCIATION", null, a.originStateCode(), null, null, null,
                            a.name(), a.normalizedName(), a.imeId(), a.registryKey()});
                }
            }
        }
        if (registry.organizations().size() != organizations.size()) {
            registry.organizations().forEach((organization, id) -> {
                if (organizations.add(organization)) {
                    boolean ime = registry.imeIdsOf(id).contains(organization);
                    rows.add(keyRow(id, ime ? "IME_ID" : "HISTORIC_ID", organization, null, null, null, null));
                }
            });
        }
        if (registry.registryKeyMap().size() != registryKeys.size()) {
            registry.registryKeyMap().forEach((key, id) -> {
                if (registryKeys.add(key)) {
                    rows.add(keyRow(id, "REGISTRY_KEY", key, null, null, null, null));
                }
            });
        }
        registry.names().forEach((block, entries) -> {
            int savedCount = namesPerBlock.getOrDefault(block, 0);
            for (AssociationRegistry.NameEntry n : entries.subList(savedCount, entries.size())) {
                rows.add(keyRow(n.associationId(), "NAME", n.normalizedName(), block.isEmpty() ? null : block,
                        n.federation(), null, null));
            }
            namesPerBlock.put(block, entries.size());
        });
        if (registry.rememberedLinks().size() != links.size()) {
            registry.rememberedLinks().forEach((key, link) -> {
                if (links.add(key)) {
                    rows.add(keyRow(link.associationId(), "LINK", key, null, null, link.rule(), link.score()));
                }
            });
        }
        if (registry.apartIdentities().size() != apart.size()) {
            registry.apartIdentities().forEach((key, id) -> {
                if (apart.add(key)) {
                    rows.add(keyRow(id, "APART", key, null, null, null, null));
                }
            });
        }
        return rows;
    }

    private static Object[] keyRow(String id, String type, String value, String state, String federation, String rule,
                                   Double score) {
        return new Object[] {id, type, value, state, federation, rule, score, null, null, null, null};
    }
}
