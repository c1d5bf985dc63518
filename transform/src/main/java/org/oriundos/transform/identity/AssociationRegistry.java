package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every association identity given so far, the keys that lead to one (IME and historic ids,
 * registry keys), and every record's remembered link with the evidence it carried. It only grows:
 * an id once given is never renumbered or reused. The remembered evidence is what a candidate
 * association is compared by (its profile: the names, places, federations, consulates and
 * snapshots of the records linked to it). Persisted by {@link AssociationRegistryStore}; held in
 * memory while a run links records. Whatever is added is also kept in a journal, which the store
 * saves after every partition.
 */
public final class AssociationRegistry {
    public static final String ID_PREFIX = "HTA-";

    /** A record's remembered link: its evidence, the delivery it came from, and the decision. */
    public record Remembered(AssociationRecord record, String loadId, LinkDecision decision) {
    }

    /** A normalised name an earlier release knew an association by (its {@code NAME} key rows). */
    public record LegacyName(String associationId, String block, String normalizedName, String federation) {
    }

    /** A key of one kind leading to an association ({@code IME_ID}, {@code HISTORIC_ID}, {@code REGISTRY_KEY}, {@code APART}, {@code SIGNATURE}). */
    record Key(String type, String value, String associationId) {
    }

    /** A remembered link added, under its memory key. */
    record Memory(String key, Remembered remembered) {
    }

    private final TreeMap<String, Association> associations = new TreeMap<>();
    private final Map<String, String> byOrganization = new HashMap<>();
    private final Map<String, String> byRegistryKey = new HashMap<>();
    private final Map<String, Set<String>> imeIds = new HashMap<>();
    private final Map<String, Set<String>> registryKeys = new HashMap<>();
    private final Map<String, Remembered> memory = new HashMap<>();
    private final Map<String, LinkDecision> legacyLinks = new HashMap<>();
    private final List<LegacyName> legacyNames = new ArrayList<>();
    private final Map<String, String> apart = new HashMap<>();
    private final Map<String, String> signatures = new HashMap<>();
    private final Set<String> placeholders = new HashSet<>();
    private final List<Object> journal = new ArrayList<>();
    private boolean journaling = true;
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
        String id = idOf(lastNumber);
        Association a = new Association(id, name, normalizedName, originStateCode, null, null);
        associations.put(id, a);
        log(a);
        return id;
    }

    /**
     * {@code HTA-} and the number, zero-padded to six digits as {@code %06d} pads it: written by hand,
     * since {@code String.format} parses its pattern for each of a year's tens of thousands of new clubs.
     */
    static String idOf(int number) {
        String digits = Integer.toString(number);
        StringBuilder id = new StringBuilder(ID_PREFIX.length() + Math.max(6, digits.length())).append(ID_PREFIX);
        for (int k = digits.length(); k < 6; k++) {
            id.append('0');
        }
        return id.append(digits).toString();
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
     * Attaches an IME or historic id to an association. An id already attached stays where it
     * is: one IME id never belongs to two associations.
     */
    public void attachOrganization(String associationId, String organizationId, boolean ime) {
        if (organizationId == null || byOrganization.containsKey(organizationId)) {
            return;
        }
        restoreOrganization(associationId, organizationId, ime);
        log(new Key(ime ? "IME_ID" : "HISTORIC_ID", organizationId, associationId));
        if (ime) {
            Association a = associations.get(associationId);
            if (a.imeId() == null) {
                Association changed = new Association(a.id(), a.name(), a.normalizedName(), a.originStateCode(),
                        organizationId, a.registryKey());
                associations.put(associationId, changed);
                log(changed);
            }
        }
    }

    public void attachRegistryKey(String associationId, String registryKey) {
        if (registryKey == null || byRegistryKey.containsKey(registryKey)) {
            return;
        }
        restoreRegistryKey(associationId, registryKey);
        log(new Key("REGISTRY_KEY", registryKey, associationId));
        Association a = associations.get(associationId);
        if (a.registryKey() == null) {
            Association changed = new Association(a.id(), a.name(), a.normalizedName(), a.originStateCode(),
                    a.imeId(), registryKey);
            associations.put(associationId, changed);
            log(changed);
        }
    }

    /** A record's remembered link, by its {@link AssociationRecord#memoryKey()}. */
    public Remembered remembered(String memoryKey) {
        return memory.get(memoryKey);
    }

    /** Remembers (or, when relinking, re-remembers) a record's link with its evidence. */
    public void remember(AssociationRecord record, String loadId, LinkDecision decision) {
        String key = record.memoryKey();
        Remembered r = new Remembered(record, loadId, decision.withProblem(null));
        Remembered before = memory.put(key, r);
        if (!r.equals(before)) {
            log(new Memory(key, r));
        }
    }

    /** The link a release before the Fellegi–Sunter model remembered, by {@link AssociationRecord#legacyMemoryKey()}. */
    public LinkDecision legacyLink(String legacyKey) {
        return legacyLinks.get(legacyKey);
    }

    /** Whether a release before the Fellegi–Sunter model left remembered links to replay. */
    public boolean hasLegacyLinks() {
        return !legacyLinks.isEmpty();
    }

    /** The identity of a record an override keeps apart; created on first use, the same ever after. */
    public String apartIdentity(String apartKey, String name, String normalizedName, String originStateCode) {
        return apartIdentity(apartKey, name, normalizedName, originStateCode, null);
    }

    /**
     * The identity of a record an override keeps apart: the first time, {@code ownIdentity} when
     * the record already has one of its own (it was kept apart for review), else a new one.
     */
    public String apartIdentity(String apartKey, String name, String normalizedName, String originStateCode,
                                String ownIdentity) {
        String id = apart.get(apartKey);
        if (id == null) {
            id = ownIdentity != null && exists(ownIdentity) && !isPlaceholder(ownIdentity) ? ownIdentity
                    : create(name, normalizedName, originStateCode);
            apart.put(apartKey, id);
            log(new Key("APART", apartKey, id));
        }
        return id;
    }

    /**
     * The identity shared by ambiguous records of one evidence signature; created on first use,
     * the same ever after. It is a placeholder: never a candidate the model links a record to.
     */
    public String signatureIdentity(String signature, String name, String normalizedName, String originStateCode) {
        String id = signatures.get(signature);
        if (id == null) {
            id = create(name, normalizedName, originStateCode);
            signatures.put(signature, id);
            placeholders.add(id);
            log(new Key("SIGNATURE", signature, id));
        }
        return id;
    }

    public boolean isPlaceholder(String associationId) {
        return placeholders.contains(associationId);
    }

    /** Every remembered link, by memory key. */
    public Map<String, Remembered> memory() {
        return memory;
    }

    List<LegacyName> legacyNames() {
        return legacyNames;
    }

    Map<String, LinkDecision> legacyLinks() {
        return legacyLinks;
    }

    // ---- restoring from the store (not journaled) ----

    void restoreApart(String apartKey, String associationId) {
        apart.put(apartKey, associationId);
    }

    void restoreSignature(String signature, String associationId) {
        signatures.put(signature, associationId);
        placeholders.add(associationId);
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

    void restoreMemory(String key, Remembered r) {
        memory.put(key, r);
    }

    void restoreLegacyLink(String legacyKey, LinkDecision d) {
        legacyLinks.putIfAbsent(legacyKey, d);
    }

    void restoreLegacyName(LegacyName n) {
        legacyNames.add(n);
    }

    Map<String, String> organizations() {
        return byOrganization;
    }

    Map<String, String> registryKeyMap() {
        return byRegistryKey;
    }

    Map<String, String> apartIdentities() {
        return apart;
    }

    Map<String, String> signatureIdentities() {
        return signatures;
    }

    // ---- the journal of what was added since the last save ----

    private void log(Object added) {
        if (journaling) {
            journal.add(added);
        }
    }

    /** What was added since the last call (or since loading), oldest first; clears the journal. */
    List<Object> takeJournal() {
        List<Object> taken = new ArrayList<>(journal);
        journal.clear();
        return taken;
    }

    /** Restoring from the store is not news: nothing restored goes into the journal. */
    void journaling(boolean on) {
        journaling = on;
    }

    static String blockOf(String originStateCode) {
        return originStateCode == null ? "" : originStateCode;
    }

    /** The ids in number order, for deterministic output. */
    static Map<String, String> sorted(Map<String, String> m) {
        return new LinkedHashMap<>(new TreeMap<>(m));
    }
}
