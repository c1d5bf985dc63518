package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every association identity given so far and the keys that lead to it: IME and historic ids,
 * registry keys, normalised names per origin state, and each source record's own earlier link.
 * It only grows: an id once given is never renumbered or reused. Persisted by
 * {@link AssociationRegistryStore}; held in memory while a run links records.
 */
public final class AssociationRegistry {
    public static final String ID_PREFIX = "HTA-";

    /** A normalised name under which an association is known in one origin-state block. */
    public record NameEntry(String normalizedName, String federation, String associationId, int[] bigrams) {
    }

    /** A record's earlier link, replayed so a rerun or rebuild gives the very same row. */
    public record RememberedLink(String associationId, String rule, double score) {
    }

    private final TreeMap<String, Association> associations = new TreeMap<>();
    private final Map<String, String> byOrganization = new HashMap<>();
    private final Map<String, String> byRegistryKey = new HashMap<>();
    private final Map<String, Set<String>> imeIds = new HashMap<>();
    private final Map<String, Set<String>> registryKeys = new HashMap<>();
    private final Map<String, List<NameEntry>> namesByState = new HashMap<>();
    private final Map<String, BigramIndex> bigramsByState = new HashMap<>();
    private final Set<String> nameKeys = new LinkedHashSet<>();
    private final Map<String, List<NameEntry>> exactNames = new HashMap<>(); // block|normalized name
    private final Map<String, RememberedLink> remembered = new HashMap<>();
    private final Map<String, String> apart = new HashMap<>();
    private int lastNumber;

    public Collection<Association> associations() {
        return associations.values();
    }

    public boolean exists(String associationId) {
        return associations.containsKey(associationId);
    }

    public Association association(String associationId) {
        return associations.get(associationId);
    }

    public int size() {
        return associations.size();
    }

    /** A new identity with the next number. */
    public String create(String name, String normalizedName, String originStateCode) {
        lastNumber++;
        String id = ID_PREFIX + String.format("%06d", lastNumber);
        associations.put(id, new Association(id, name, normalizedName, originStateCode, null, null));
        return id;
    }

    /** Restores an identity read back from the store. */
    void restore(Association a) {
        associations.put(a.id(), a);
        if (a.id().startsWith(ID_PREFIX)) {
            try {
                lastNumber = Math.max(lastNumber, Integer.parseInt(a.id().substring(ID_PREFIX.length())));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("association id " + a.id() + " in the registry is not "
                        + ID_PREFIX + "<number>", e);
            }
        }
    }

    public String byOrganization(String organizationId) {
        return organizationId == null ? null : byOrganization.get(organizationId);
    }

    public String byRegistryKey(String registryKey) {
        return registryKey == null ? null : byRegistryKey.get(registryKey);
    }

    public Set<String> imeIdsOf(String associationId) {
        return imeIds.getOrDefault(associationId, Set.of());
    }

    public Set<String> registryKeysOf(String associationId) {
        return registryKeys.getOrDefault(associationId, Set.of());
    }

    /**
     * The names of an origin-state block ({@code null} state is a block of its own) that may score
     * at least {@code threshold} against a name with these bigrams ({@link NameSimilarity#bigrams}),
     * in no particular order: the same best match as scoring every name of the block, without
     * scoring those that cannot reach the threshold.
     */
    public List<NameEntry> namesPossiblySimilar(String originStateCode, int[] bigrams, double threshold) {
        BigramIndex index = bigramsByState.get(blockOf(originStateCode));
        return index == null ? List.of() : index.candidates(bigrams, threshold);
    }

    /** The entries of exactly this normalised name in an origin-state block. */
    public List<NameEntry> namesEqualTo(String originStateCode, String normalizedName) {
        return exactNames.getOrDefault(blockOf(originStateCode) + "|" + normalizedName, List.of());
    }

    public void attachOrganization(String associationId, String organizationId, boolean ime) {
        if (organizationId == null || byOrganization.containsKey(organizationId)) {
            return;
        }
        byOrganization.put(organizationId, associationId);
        if (ime) {
            imeIds.computeIfAbsent(associationId, k -> new LinkedHashSet<>()).add(organizationId);
            Association a = associations.get(associationId);
            if (a.imeId() == null) {
                associations.put(associationId, new Association(a.id(), a.name(), a.normalizedName(),
                        a.originStateCode(), organizationId, a.registryKey()));
            }
        }
    }

    public void attachRegistryKey(String associationId, String registryKey) {
        if (registryKey == null || byRegistryKey.containsKey(registryKey)) {
            return;
        }
        byRegistryKey.put(registryKey, associationId);
        registryKeys.computeIfAbsent(associationId, k -> new LinkedHashSet<>()).add(registryKey);
        Association a = associations.get(associationId);
        if (a.registryKey() == null) {
            associations.put(associationId, new Association(a.id(), a.name(), a.normalizedName(),
                    a.originStateCode(), a.imeId(), registryKey));
        }
    }

    public void attachName(String associationId, String normalizedName, String originStateCode, String federation) {
        if (normalizedName == null || normalizedName.isEmpty()) {
            return;
        }
        String key = blockOf(originStateCode) + "|" + normalizedName + "|" + (federation == null ? "" : federation)
                + "|" + associationId;
        if (nameKeys.add(key)) {
            NameEntry entry = new NameEntry(normalizedName, federation, associationId, NameSimilarity.bigrams(normalizedName));
            namesByState.computeIfAbsent(blockOf(originStateCode), k -> new ArrayList<>()).add(entry);
            bigramsByState.computeIfAbsent(blockOf(originStateCode), k -> new BigramIndex()).add(entry);
            exactNames.computeIfAbsent(blockOf(originStateCode) + "|" + normalizedName, k -> new ArrayList<>()).add(entry);
        }
    }

    public RememberedLink remembered(String recordKey) {
        return remembered.get(recordKey);
    }

    public void remember(String recordKey, String associationId, String rule, double score) {
        remembered.putIfAbsent(recordKey, new RememberedLink(associationId, rule, score));
    }

    /** The identity of a record an override keeps apart; created on first use, the same ever after. */
    public String apartIdentity(String apartKey, String name, String normalizedName, String originStateCode) {
        String id = apart.get(apartKey);
        if (id == null) {
            id = create(name, normalizedName, originStateCode);
            apart.put(apartKey, id);
        }
        return id;
    }

    void restoreApart(String apartKey, String associationId) {
        apart.put(apartKey, associationId);
    }

    void restoreOrganization(String associationId, String organizationId, boolean ime) {
        byOrganization.put(organizationId, associationId);
        if (ime) {
            imeIds.computeIfAbsent(associationId, k -> new LinkedHashSet<>()).add(organizationId);
        }
    }

    void restoreRegistryKey(String associationId, String registryKey) {
        byRegistryKey.put(registryKey, associationId);
        registryKeys.computeIfAbsent(associationId, k -> new LinkedHashSet<>()).add(registryKey);
    }

    Map<String, String> organizations() {
        return byOrganization;
    }

    Map<String, String> registryKeyMap() {
        return byRegistryKey;
    }

    Map<String, RememberedLink> rememberedLinks() {
        return remembered;
    }

    Map<String, String> apartIdentities() {
        return apart;
    }

    Map<String, List<NameEntry>> names() {
        return namesByState;
    }

    static String blockOf(String originStateCode) {
        return originStateCode == null ? "" : originStateCode;
    }
}
