package org.oriundos.transform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the association-bearing records of one partition to association identities, all at once
 * (docs/conform.md, "One identity per association"). In order: the analyst's override; the
 * record's own remembered link (a rerun or rebuild changes nothing); the keys (a known IME or
 * historic id, a known registry key); then the Fellegi–Sunter model, scored in DuckDB
 * ({@link LinkageDb}), with the decisions made here under constraints no score overrides:
 * <ul>
 *   <li>two entries of one registry snapshot are never one association (an association takes at
 *       most one entry of a snapshot: an assignment, not independent choices);</li>
 *   <li>one IME id never belongs to two associations, and different keys of one kind never link;</li>
 *   <li>no silent tie-break: a best candidate not clearly ahead of the runner-up (by the model's
 *       margin) is not given the record (rule {@code AMBIGUOUS}).</li>
 * </ul>
 * A link needs the upper threshold; below the lower one the record is apart (a new association,
 * which records of the same partition may share); in between it is kept apart and listed for
 * review (rule {@code REVIEW}).
 */
public final class AssociationLinker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssociationLinker.class);
    /** Rules under which a record has an identity of its own (unless a placeholder's). */
    private static final Set<String> OWN_IDENTITY = Set.of(LinkRule.REVIEW.name(), LinkRule.AMBIGUOUS.name(),
            LinkRule.KEY_CONFLICT.name());
    private static final Set<String> KEY_RULES = Set.of(LinkRule.IME_ID.name(), LinkRule.HISTORIC_ID.name(),
            LinkRule.REGISTRY_KEY.name());

    /** Where a batch comes from: a raw partition, its current load, and for a snapshot the ones around it. */
    public record Batch(String sourceTable, String period, String loadId, String previousSnapshot, String nextSnapshot) {
        public Batch {
            Objects.requireNonNull(sourceTable, "sourceTable");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(loadId, "loadId");
        }
    }

    private final AssociationRegistry registry;
    private final AssociationOverrides overrides;
    private final LinkageModel model;
    private final Map<String, List<String>> hometownWords;
    private final int threads;
    private final String memoryLimit;
    private final boolean relink;
    private final Map<String, String> previousIds = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private Collection<String[]> live = List.of();
    private LinkageDb db;

    /**
     * @param hometownWords the words of every municipality's name by its INEGI key: words of the
     *                      shared hometown say nothing the municipality comparison has not said
     * @param relink        re-decide every link that is not a key's or an override's with this model
     */
    public AssociationLinker(AssociationRegistry registry, AssociationOverrides overrides, LinkageModel model,
                             Map<String, List<String>> hometownWords, int threads, String memoryLimit, boolean relink) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.model = Objects.requireNonNull(model, "model");
        this.hometownWords = Map.copyOf(hometownWords);
        this.threads = threads;
        this.memoryLimit = memoryLimit;
        this.relink = relink;
        if (relink) {
            registry.memory().forEach((key, m) -> previousIds.put(key, m.decision().associationId()));
        }
    }

    public LinkageModel model() {
        return model;
    }

    /** The current delivery of every partition ({source table, period, load id}): older deliveries' evidence is not compared. */
    public void currentPartitions(Collection<String[]> tablePeriodLoad) {
        this.live = List.copyOf(tablePeriodLoad);
        if (db != null) {
            db.replaceLive(live);
        }
    }

    /** Links every record of one partition; the decisions are in the records' order. */
    public List<LinkDecision> link(Batch batch, List<AssociationRecord> records) {
        int n = records.size();
        LinkDecision[] out = new LinkDecision[n];
        String[] problems = new String[n];
        boolean[] newIdentity = new boolean[n];
        decideByOverride(batch, records, out, problems);
        replay(records, out);
        decideByKeys(records, out, newIdentity);
        Map<Integer, Integer> followers = followers(records, out);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (out[i] == null && !followers.containsKey(i)) {
                rest.add(i);
            }
        }
        Map<Integer, List<Integer>> clusters = new HashMap<>();
        if (!rest.isEmpty()) {
            decideByModel(batch, records, rest, out, newIdentity, clusters);
        }
        assignIdentities(records, out, newIdentity, clusters, followers);
        List<LinkDecision> decisions = new ArrayList<>(n);
        List<LinkageDb.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LinkDecision d = out[i];
            AssociationRecord r = records.get(i);
            attachKeys(r, d);
            registry.remember(r, batch.loadId(), d);
            claimed.add(d.associationId());
            evidence.add(new LinkageDb.Evidence(d.associationId(), batch.loadId(), registry.isPlaceholder(d.associationId()), r));
            decisions.add(problems[i] == null ? d : d.withProblem(problems[i]));
        }
        if (db != null) {
            db.addEvidence(evidence);
        }
        return decisions;
    }

    // ---- overrides, memory, keys ----

    private void decideByOverride(Batch batch, List<AssociationRecord> records, LinkDecision[] out, String[] problems) {
        for (int i = 0; i < records.size(); i++) {
            AssociationRecord r = records.get(i);
            Optional<AssociationOverride> override = overrides.find(r.sourceTable(), r.period(), r.recordId());
            if (override.isEmpty()) {
                continue;
            }
            AssociationOverride o = override.get();
            if (o.action() == AssociationOverride.Action.APART) {
                // a record kept apart for review already has an identity of its own: settling it apart keeps it
                AssociationRegistry.Remembered was = registry.remembered(r.memoryKey());
                String own = was != null && OWN_IDENTITY.contains(was.decision().rule()) ? was.decision().associationId()
                        : null;
                String id = registry.apartIdentity(r.sourceTable() + "|" + r.recordId(), r.name(), r.normalizedName(),
                        r.originStateCode(), own);
                out[i] = LinkDecision.certain(id, LinkRule.OVERRIDE_APART.name(), 1.0);
            } else if (registry.exists(o.associationId())) {
                out[i] = LinkDecision.certain(o.associationId(), LinkRule.OVERRIDE_LINK.name(), 1.0);
            } else {
                problems[i] = o.where() + " links to " + o.associationId() + ", which is not a known association; "
                        + "linked by the rules instead";
                continue;
            }
            AssociationRegistry.Remembered before = registry.remembered(r.memoryKey());
            if (before != null && !before.decision().associationId().equals(out[i].associationId())) {
                LOG.info("{}: {} {} {} moves from {} ({}) to {} ({})", o.where(), batch.sourceTable(), batch.period(),
                        r.recordId(), before.decision().associationId(), before.decision().rule(),
                        out[i].associationId(), out[i].rule());
            }
        }
    }

    private void replay(List<AssociationRecord> records, LinkDecision[] out) {
        for (int i = 0; i < records.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            AssociationRecord r = records.get(i);
            AssociationRegistry.Remembered m = registry.remembered(r.memoryKey());
            // an override's decision is the override's, not the record's: without the override line, the rules decide
            if (m != null && !m.decision().rule().startsWith("OVERRIDE_") && registry.exists(m.decision().associationId())
                    && (!relink || LinkRule.KEPT_BY_RELINK.contains(m.decision().rule()))) {
                out[i] = m.decision();
                continue;
            }
            if (m == null && registry.hasLegacyLinks()) {
                LinkDecision legacy = registry.legacyLink(r.legacyMemoryKey());
                if (legacy != null && !legacy.rule().startsWith("OVERRIDE_") && registry.exists(legacy.associationId())
                        && (!relink || KEY_RULES.contains(legacy.rule()))) {
                    out[i] = legacy;
                }
            }
        }
    }

    private void decideByKeys(List<AssociationRecord> records, LinkDecision[] out, boolean[] newIdentity) {
        for (int i = 0; i < records.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            AssociationRecord r = records.get(i);
            String organization = r.imeId() != null ? r.imeId() : r.historicId();
            String byOrganization = registry.byOrganization(organization);
            if (byOrganization != null) {
                out[i] = LinkDecision.certain(byOrganization,
                        r.imeId() != null ? LinkRule.IME_ID.name() : LinkRule.HISTORIC_ID.name(), 1.0);
                continue;
            }
            String byKey = registry.byRegistryKey(r.registryKey());
            if (byKey == null) {
                continue;
            }
            Set<String> ime = registry.imeIdsOf(byKey);
            if (r.imeId() != null && !ime.isEmpty() && !ime.contains(r.imeId())) {
                ScoredCandidate keyOwner = new ScoredCandidate(byKey, 0, List.of(new ScoredCandidate.Part("keys",
                        "registry_key_equal_ime_id_differs", 0)));
                out[i] = new LinkDecision(null, LinkRule.KEY_CONFLICT.name(), 0, null, null, 0, byKey, null,
                        List.of(keyOwner), null);
                newIdentity[i] = true;
            } else {
                out[i] = LinkDecision.certain(byKey, LinkRule.REGISTRY_KEY.name(), 1.0);
            }
        }
    }

    /**
     * Projects and survey answers carrying the same registry key no association has yet: the key
     * says they are one club, so the first is decided and the others follow it. Not for a registry
     * snapshot, whose entries are never one association.
     */
    private static Map<Integer, Integer> followers(List<AssociationRecord> records, LinkDecision[] out) {
        Map<Integer, Integer> followers = new HashMap<>();
        Map<String, Integer> leaders = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            AssociationRecord r = records.get(i);
            if (out[i] != null || r.registryKey() == null || r.isRegistry()) {
                continue;
            }
            Integer leader = leaders.putIfAbsent(r.registryKey(), i);
            if (leader != null) {
                followers.put(i, leader);
            }
        }
        return followers;
    }

    // ---- the model ----

    LinkageDb db() {
        if (db == null) {
            db = new LinkageDb(model, threads, memoryLimit, hometownWords);
            List<LinkageDb.Evidence> evidence = new ArrayList<>();
            Set<String> withEvidence = new HashSet<>();
            for (AssociationRegistry.Remembered m : registry.memory().values()) {
                if (relink && !LinkRule.KEPT_BY_RELINK.contains(m.decision().rule())) {
                    continue; // a relink starts from what the keys and the analysts say, and re-decides the rest
                }
                String id = m.decision().associationId();
                withEvidence.add(id);
                evidence.add(new LinkageDb.Evidence(id, m.loadId(), registry.isPlaceholder(id), m.record()));
            }
            db.addEvidence(evidence);
            List<LinkageDb.KeyEvidence> keys = new ArrayList<>();
            registry.organizations().forEach((org, id) -> {
                if (registry.imeIdsOf(id).contains(org)) {
                    keys.add(new LinkageDb.KeyEvidence(id, "", null, org, null));
                }
            });
            registry.registryKeyMap().forEach((key, id) -> keys.add(new LinkageDb.KeyEvidence(id, "", null, null, key)));
            if (!relink) {
                // names an earlier release knew an association by, until its records are linked again with their evidence
                for (AssociationRegistry.LegacyName name : registry.legacyNames()) {
                    if (!withEvidence.contains(name.associationId())) {
                        keys.add(new LinkageDb.KeyEvidence(name.associationId(), name.block(), name.normalizedName(),
                                null, null));
                    }
                }
            }
            db.addKeyEvidence(keys);
            db.replaceLive(live);
        }
        return db;
    }

    private void decideByModel(Batch batch, List<AssociationRecord> records, List<Integer> rest, LinkDecision[] out,
                               boolean[] newIdentity, Map<Integer, List<Integer>> clusters) {
        boolean snapshot = AssociationRecord.REGISTRY.equals(batch.sourceTable());
        Set<String> taken = new HashSet<>();
        if (snapshot) {
            for (LinkDecision d : out) {
                if (d != null && d.associationId() != null) {
                    taken.add(d.associationId());
                }
            }
        }
        List<LinkageDb.BatchRecord> toScore = new ArrayList<>();
        for (int i : rest) {
            toScore.add(new LinkageDb.BatchRecord(i, records.get(i)));
        }
        Map<Integer, LinkageDb.Scores> scores = db().score(batch.sourceTable(), batch.period(), batch.previousSnapshot(),
                batch.nextSnapshot(), toScore, taken);
        Assignment assignment = snapshot ? assign(rest, scores) : choose(rest, scores);
        List<Integer> unlinked = new ArrayList<>();
        List<Integer> tied = new ArrayList<>();
        Map<Integer, Set<String>> against = new HashMap<>();
        for (int i : rest) {
            LinkageDb.Scores s = scores.getOrDefault(i, new LinkageDb.Scores(List.of(), 0));
            String linked = assignment.links().get(i);
            List<ScoredCandidate> available = new ArrayList<>();
            for (ScoredCandidate c : s.best()) {
                // an association another entry of the snapshot took, or that entries competed for, is not available
                if (c.associationId().equals(linked) || !assignment.gone().contains(c.associationId())) {
                    available.add(c);
                }
            }
            if (linked != null) {
                ScoredCandidate chosen = null;
                ScoredCandidate runnerUp = null;
                for (ScoredCandidate c : available) {
                    if (c.associationId().equals(linked)) {
                        chosen = c;
                    } else if (runnerUp == null) {
                        runnerUp = c;
                    }
                }
                out[i] = decision(linked, LinkRule.MATCH, chosen, runnerUp, s.considered(), List.of());
                continue;
            }
            if (assignment.contested().contains(i)) {
                // entries of one snapshot competing for one association, none clearly ahead: none gets it
                List<ScoredCandidate> competed = new ArrayList<>();
                for (ScoredCandidate c : s.best()) {
                    if (assignment.contestedFor().get(i).equals(c.associationId())) {
                        competed.add(c);
                    }
                }
                ScoredCandidate other = available.isEmpty() ? null : available.get(0);
                out[i] = decision(null, LinkRule.AMBIGUOUS, competed.get(0), other, s.considered(), competed);
                newIdentity[i] = true;
                continue;
            }
            ScoredCandidate first = available.isEmpty() ? null : available.get(0);
            ScoredCandidate second = available.size() > 1 ? available.get(1) : null;
            double w1 = first == null ? Double.NEGATIVE_INFINITY : first.weight();
            double w2 = second == null ? Double.NEGATIVE_INFINITY : second.weight();
            if (w1 >= model.upper() && w1 - w2 < model.margin()) {
                List<ScoredCandidate> close = new ArrayList<>();
                for (ScoredCandidate c : available) {
                    if (c.weight() >= w1 - model.margin() && c.weight() >= model.lower()) {
                        close.add(c);
                    }
                }
                out[i] = decision(null, LinkRule.AMBIGUOUS, first, second, s.considered(), close);
                newIdentity[i] = true;
                tied.add(i);
            } else if (w1 >= model.lower()) {
                List<ScoredCandidate> grey = new ArrayList<>();
                for (ScoredCandidate c : available) {
                    if (c.weight() >= model.lower() && grey.size() < 3) {
                        grey.add(c);
                    }
                }
                out[i] = decision(null, LinkRule.REVIEW, first, second, s.considered(), grey);
                newIdentity[i] = true;
                unlinked.add(i);
            } else {
                out[i] = decision(null, LinkRule.NEW, first, second, s.considered(), List.of());
                newIdentity[i] = true;
                unlinked.add(i);
            }
            if (!LinkRule.AMBIGUOUS.name().equals(out[i].rule())) {
                // the associations this record was scored against and found apart from: no group of its takes them
                for (ScoredCandidate c : s.best()) {
                    if (c.weight() < model.lower()) {
                        against.computeIfAbsent(i, k -> new HashSet<>()).add(c.associationId());
                    }
                }
            }
        }
        if (!snapshot) {
            cluster(records, unlinked, tied, out, clusters, against);
        }
    }

    private static LinkDecision decision(String id, LinkRule rule, ScoredCandidate first, ScoredCandidate second,
                                         int considered, List<ScoredCandidate> review) {
        Double weight = first == null ? null : round(first.weight());
        Double probability = first == null ? null : LinkageModel.probability(first.weight());
        return new LinkDecision(id, rule.name(), probability == null ? 0 : probability, weight, probability, considered,
                second == null ? null : second.associationId(), second == null ? null : round(second.weight()), review,
                null);
    }

    /**
     * Projects and answers decide independently: the best candidate is linked when it reaches the
     * upper threshold and beats the runner-up by the margin.
     */
    private Assignment choose(List<Integer> rest, Map<Integer, LinkageDb.Scores> scores) {
        Map<Integer, String> links = new HashMap<>();
        for (int i : rest) {
            LinkageDb.Scores s = scores.get(i);
            if (s == null || s.best().isEmpty()) {
                continue;
            }
            ScoredCandidate first = s.best().get(0);
            double w2 = s.best().size() > 1 ? s.best().get(1).weight() : Double.NEGATIVE_INFINITY;
            if (first.weight() >= model.upper() && first.weight() - w2 >= model.margin()) {
                links.put(i, first.associationId());
            }
        }
        return new Assignment(links, Map.of(), Set.of());
    }

    /** The links a batch's decisions settled on; entries that competed for one association, and what is no longer available. */
    private record Assignment(Map<Integer, String> links, Map<Integer, String> contestedFor, Set<String> gone) {
        Set<Integer> contested() {
            return contestedFor.keySet();
        }
    }

    /**
     * A snapshot's entries are assigned: an association takes at most one entry. Every entry wants
     * its best available candidate (at the upper threshold and clear of its own runner-up by the
     * margin); an association wanted by several entries goes to the one clearly ahead (by the
     * margin) of the others, who look again among what is left; when none is clearly ahead, none
     * gets it. Repeated until nothing changes; the result does not depend on the entries' order.
     */
    private Assignment assign(List<Integer> rest, Map<Integer, LinkageDb.Scores> scores) {
        Map<Integer, String> links = new HashMap<>();
        Set<String> gone = new HashSet<>();
        Map<Integer, String> contested = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, List<Map.Entry<Integer, Double>>> wanted = new LinkedHashMap<>();
            for (int i : rest) {
                if (links.containsKey(i) || contested.containsKey(i)) {
                    continue;
                }
                LinkageDb.Scores s = scores.get(i);
                if (s == null) {
                    continue;
                }
                ScoredCandidate first = null;
                ScoredCandidate second = null;
                for (ScoredCandidate c : s.best()) {
                    if (gone.contains(c.associationId())) {
                        continue;
                    }
                    if (first == null) {
                        first = c;
                    } else {
                        second = c;
                        break;
                    }
                }
                double w2 = second == null ? Double.NEGATIVE_INFINITY : second.weight();
                if (first != null && first.weight() >= model.upper() && first.weight() - w2 >= model.margin()) {
                    wanted.computeIfAbsent(first.associationId(), k -> new ArrayList<>()).add(Map.entry(i, first.weight()));
                }
            }
            for (Map.Entry<String, List<Map.Entry<Integer, Double>>> w : wanted.entrySet()) {
                List<Map.Entry<Integer, Double>> entries = w.getValue();
                entries.sort(Comparator.comparing((Map.Entry<Integer, Double> e) -> e.getValue()).reversed());
                if (entries.size() == 1 || entries.get(0).getValue() - entries.get(1).getValue() >= model.margin()) {
                    links.put(entries.get(0).getKey(), w.getKey());
                } else {
                    // no entry is clearly this association's: none gets it, and those that competed are ambiguous
                    entries.forEach(e -> contested.put(e.getKey(), w.getKey()));
                }
                gone.add(w.getKey());
                changed = true;
            }
        }
        return new Assignment(links, contested, gone);
    }

    /**
     * Records of one partition that no existing association takes, joined with each other, or
     * with a record of the partition that an association took, when their pair weight reaches the
     * upper threshold (strongest pairs first): projects of one club in one year are one club,
     * whichever way each was written. A group never holds two associations or two different
     * registry keys, nor an association the first pass scored one of its records against below the
     * lower threshold, unless that record's own pair with a record linked to the association
     * reaches the upper threshold (a cannot-link: evidence against is not overridden by a chain of
     * pairs through other records; a club's project filed from another US state still joins its
     * club through a project of its year written alike); a
     * group holding one association joins it, unless the group's strongest pair with a record
     * linked to another association it could take is within the margin of its strongest pair with
     * the one it holds: then it joins neither, and its records are {@code AMBIGUOUS}.
     *
     * <p>A record left {@code AMBIGUOUS} between candidates ({@code tied}) is compared with the
     * partition's linked records too, and only with them: a club files several projects a year,
     * written alike, and the one that says which of the namesake clubs it is (by its US state, its
     * key) says it of the others. It is linked to one of its tied candidates when a record of the
     * partition linked to that candidate reaches the upper threshold with it and is clear, by the
     * margin, of every record of the partition linked to another association; else it stays
     * ambiguous. It joins no group of unlinked records.
     */
    private void cluster(List<AssociationRecord> records, List<Integer> unlinked, List<Integer> tied,
                         LinkDecision[] out, Map<Integer, List<Integer>> clusters, Map<Integer, Set<String>> against) {
        if (unlinked.isEmpty() && tied.isEmpty()) {
            return;
        }
        Set<Integer> unlinkedSet = new HashSet<>(unlinked);
        Map<Integer, String> anchorOf = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            LinkDecision d = out[i];
            if (d != null && d.associationId() != null && !registry.isPlaceholder(d.associationId())
                    && !unlinkedSet.contains(i) && !LinkRule.OVERRIDE_APART.name().equals(d.rule())
                    && !LinkRule.REVIEWED.contains(d.rule())) {
                anchorOf.put(i, d.associationId());
            }
        }
        // a tied record can only be told apart by a linked record of the partition
        Set<Integer> tiedSet = anchorOf.isEmpty() ? Set.of() : new HashSet<>(tied);
        List<LinkageDb.BatchRecord> nodes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (unlinkedSet.contains(i) || anchorOf.containsKey(i) || tiedSet.contains(i)) {
                nodes.add(new LinkageDb.BatchRecord(i, records.get(i)));
            }
        }
        if (nodes.size() < 2) {
            return;
        }
        List<LinkageDb.Edge> edges = new ArrayList<>(db().scoreWithin(nodes, anchorOf.keySet()));
        edges.removeIf(e -> e.scored().weight() < model.upper()
                || (anchorOf.containsKey(e.left()) && anchorOf.containsKey(e.right())));
        settleTied(tiedSet, anchorOf, edges, out);
        edges.removeIf(e -> tiedSet.contains(e.left()) || tiedSet.contains(e.right()));
        if (unlinked.isEmpty()) {
            return;
        }
        // strongest first, then by the records' order (a comparison of primitives: the pairs are tens of thousands)
        edges.sort((x, y) -> {
            int c = Double.compare(y.scored().weight(), x.scored().weight());
            if (c == 0) {
                c = Integer.compare(x.left(), y.left());
            }
            return c != 0 ? c : Integer.compare(x.right(), y.right());
        });
        // a record's own pair with a record linked to an association says it is that association: only a
        // verdict against it that no pair of the record's own contradicts keeps the record's group away
        Map<Integer, Set<String>> heldAgainst = new HashMap<>();
        against.forEach((i, ids) -> heldAgainst.put(i, new HashSet<>(ids)));
        for (LinkageDb.Edge e : edges) {
            if (anchorOf.containsKey(e.right()) && heldAgainst.containsKey(e.left())) {
                heldAgainst.get(e.left()).remove(anchorOf.get(e.right()));
            } else if (anchorOf.containsKey(e.left()) && heldAgainst.containsKey(e.right())) {
                heldAgainst.get(e.right()).remove(anchorOf.get(e.left()));
            }
        }
        // the union-find over the records' positions: each its own group at first
        int[] parent = new int[records.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, String> keyOf = new HashMap<>();
        Map<Integer, String> associationOf = new HashMap<>();
        double[] bestEdge = new double[records.size()];
        java.util.Arrays.fill(bestEdge, Double.NaN);
        Map<Integer, Set<String>> againstOf = new HashMap<>();
        for (LinkageDb.BatchRecord n : nodes) {
            int i = n.idx();
            if (heldAgainst.containsKey(i) && unlinkedSet.contains(i) && !heldAgainst.get(i).isEmpty()) {
                againstOf.put(i, heldAgainst.get(i));
            }
            if (records.get(i).registryKey() != null) {
                keyOf.put(i, records.get(i).registryKey());
            }
            if (anchorOf.containsKey(i)) {
                associationOf.put(i, anchorOf.get(i));
            }
        }
        for (LinkageDb.Edge e : edges) {
            int a = root(parent, e.left());
            int b = root(parent, e.right());
            if (a == b || conflict(keyOf.get(a), keyOf.get(b)) || conflict(associationOf.get(a), associationOf.get(b))
                    || apart(associationOf.get(a), againstOf.get(b)) || apart(associationOf.get(b), againstOf.get(a))) {
                continue;
            }
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            parent[high] = low;
            keyOf.merge(low, keyOf.getOrDefault(high, ""), (x, y) -> x.isEmpty() ? y : x);
            keyOf.remove(low, "");
            associationOf.merge(low, associationOf.getOrDefault(high, ""), (x, y) -> x.isEmpty() ? y : x);
            associationOf.remove(low, "");
            Set<String> vetoes = againstOf.remove(high);
            if (vetoes != null) {
                againstOf.computeIfAbsent(low, k -> new HashSet<>()).addAll(vetoes);
            }
            keepStrongest(bestEdge, e.left(), e.scored().weight());
            keepStrongest(bestEdge, e.right(), e.scored().weight());
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i : unlinked) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        // every association a group could take: its strongest pair with a linked record of each
        Map<Integer, Map<String, ScoredCandidate>> reach = new HashMap<>();
        for (LinkageDb.Edge e : edges) {
            boolean leftMember = unlinkedSet.contains(e.left()) && anchorOf.containsKey(e.right());
            if (!leftMember && !(unlinkedSet.contains(e.right()) && anchorOf.containsKey(e.left()))) {
                continue;
            }
            int group = root(parent, leftMember ? e.left() : e.right());
            int anchor = leftMember ? e.right() : e.left();
            String y = anchorOf.get(anchor);
            if (apart(y, againstOf.get(group)) || conflict(keyOf.get(group), keyOf.get(root(parent, anchor)))) {
                continue;
            }
            reach.computeIfAbsent(group, k -> new HashMap<>()).merge(y,
                    new ScoredCandidate(y, e.scored().weight(), e.scored().parts()),
                    (x, z) -> x.weight() >= z.weight() ? x : z);
        }
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            members.sort(Integer::compare);
            String association = associationOf.get(g.getKey());
            List<ScoredCandidate> close = association == null ? List.of() : close(reach.get(g.getKey()));
            if (close.size() > 1) {
                // two associations can take the group, neither clearly: it goes to neither
                for (int i : members) {
                    LinkDecision d = out[i];
                    double w = close.get(0).weight();
                    out[i] = new LinkDecision(null, LinkRule.AMBIGUOUS.name(), LinkageModel.probability(w), round(w),
                            LinkageModel.probability(w), d.candidates(), close.get(1).associationId(),
                            round(close.get(1).weight()), close, null);
                }
                clusters.put(g.getKey(), members);
                continue;
            }
            for (int k = 0; k < members.size(); k++) {
                int i = members.get(k);
                LinkDecision d = out[i];
                if (association == null && k == 0) {
                    continue; // the first record of a new association keeps its rule
                }
                if (association != null || LinkRule.NEW.name().equals(d.rule())) {
                    double w = bestEdge[i];
                    // joined a record of its own partition (and with it, that record's association)
                    out[i] = new LinkDecision(association, LinkRule.MATCH.name(), LinkageModel.probability(w), round(w),
                            LinkageModel.probability(w), d.candidates(), d.runnerUpId(), d.runnerUpWeight(), List.of(),
                            null);
                }
            }
            if (association == null) {
                clusters.put(g.getKey(), members);
            }
        }
    }

    /**
     * Links each tied record whose strongest pair with a linked record of its partition points to
     * one of its tied candidates, clear by the margin of its strongest pair with a record linked to
     * any other association (see {@link #cluster}). Equal pairs to two associations link neither.
     */
    private void settleTied(Set<Integer> tied, Map<Integer, String> anchorOf, List<LinkageDb.Edge> edges,
                            LinkDecision[] out) {
        if (tied.isEmpty()) {
            return;
        }
        Map<Integer, Map<String, Double>> byAssociation = new HashMap<>();
        for (LinkageDb.Edge e : edges) {
            if (tied.contains(e.left()) && anchorOf.containsKey(e.right())) {
                byAssociation.computeIfAbsent(e.left(), k -> new HashMap<>())
                        .merge(anchorOf.get(e.right()), e.scored().weight(), Math::max);
            } else if (tied.contains(e.right()) && anchorOf.containsKey(e.left())) {
                byAssociation.computeIfAbsent(e.right(), k -> new HashMap<>())
                        .merge(anchorOf.get(e.left()), e.scored().weight(), Math::max);
            }
        }
        byAssociation.forEach((i, weights) -> {
            String best = null;
            double w1 = Double.NEGATIVE_INFINITY;
            double w2 = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                if (w.getValue() > w1) {
                    w2 = w1;
                    w1 = w.getValue();
                    best = w.getKey();
                } else if (w.getValue() > w2) {
                    w2 = w.getValue();
                }
            }
            LinkDecision d = out[i];
            boolean candidate = false;
            ScoredCandidate other = null; // the candidate it was tied with, shown as the runner-up
            for (ScoredCandidate c : d.review()) {
                if (c.associationId().equals(best)) {
                    candidate = true;
                } else if (other == null) {
                    other = c;
                }
            }
            if (candidate && w1 - w2 >= model.margin()) {
                out[i] = new LinkDecision(best, LinkRule.MATCH.name(), LinkageModel.probability(w1), round(w1),
                        LinkageModel.probability(w1), d.candidates(), other == null ? null : other.associationId(),
                        other == null ? null : round(other.weight()), List.of(), null);
            }
        });
    }

    /** The associations within the margin of the strongest, the strongest first (by id when equal). */
    private List<ScoredCandidate> close(Map<String, ScoredCandidate> reached) {
        List<ScoredCandidate> all = new ArrayList<>(reached == null ? List.of() : reached.values());
        all.sort(Comparator.comparing(ScoredCandidate::weight).reversed().thenComparing(ScoredCandidate::associationId));
        double top = all.isEmpty() ? 0 : all.get(0).weight();
        all.removeIf(c -> c.weight() <= top - model.margin());
        return all;
    }

    /** A group is never joined to an association the first pass found one of its records apart from. */
    private static boolean apart(String association, Set<String> against) {
        return association != null && against != null && against.contains(association);
    }

    private static boolean conflict(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /** A record's strongest pair so far ({@code NaN}: none yet). */
    private static void keepStrongest(double[] best, int i, double weight) {
        best[i] = Double.isNaN(best[i]) ? weight : Math.max(best[i], weight);
    }

    private static int root(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }

    // ---- identities ----

    private void assignIdentities(List<AssociationRecord> records, LinkDecision[] out, boolean[] newIdentity,
                                  Map<Integer, List<Integer>> clusters, Map<Integer, Integer> followers) {
        Map<Integer, Integer> clusterOf = new HashMap<>();
        clusters.forEach((root, members) -> members.forEach(m -> clusterOf.put(m, root)));
        Map<Integer, String> clusterId = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            AssociationRecord r = records.get(i);
            if (followers.containsKey(i)) {
                int leader = followers.get(i);
                out[i] = LinkDecision.certain(out[leader].associationId(), LinkRule.REGISTRY_KEY.name(), 1.0);
                continue;
            }
            if (!newIdentity[i] || out[i].associationId() != null) {
                continue;
            }
            String id;
            boolean ambiguous = LinkRule.AMBIGUOUS.name().equals(out[i].rule());
            if (ambiguous && !r.isRegistry() && r.registryKey() == null) {
                id = registry.signatureIdentity(r.signature(), r.name(), r.normalizedName(), r.originStateCode());
            } else if (clusterOf.containsKey(i)) {
                int root = clusterOf.get(i);
                id = clusterId.get(root);
                if (id == null) {
                    id = newIdentity(clusters.get(root), records);
                    clusterId.put(root, id);
                }
            } else {
                id = newIdentity(List.of(i), records);
            }
            out[i] = out[i].withAssociation(id);
        }
    }

    /**
     * The identity of records no existing association takes: a new number; when relinking, the
     * identity the first of them had before, if no record took it yet in this relink.
     */
    private String newIdentity(List<Integer> members, List<AssociationRecord> records) {
        if (relink) {
            for (int m : members) {
                String before = previousIds.get(records.get(m).memoryKey());
                if (before != null && !claimed.contains(before) && !registry.isPlaceholder(before)
                        && registry.exists(before)) {
                    claimed.add(before);
                    return before;
                }
            }
        }
        AssociationRecord first = records.get(members.get(0));
        String id = registry.create(first.name(), first.normalizedName(), first.originStateCode());
        claimed.add(id);
        return id;
    }

    private void attachKeys(AssociationRecord r, LinkDecision d) {
        if (registry.isPlaceholder(d.associationId())) {
            return;
        }
        String organization = r.imeId() != null ? r.imeId() : r.historicId();
        registry.attachOrganization(d.associationId(), organization, r.imeId() != null);
        registry.attachRegistryKey(d.associationId(), r.registryKey());
    }

    private static double round(double bits) {
        return LinkageDb.round(bits);
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
