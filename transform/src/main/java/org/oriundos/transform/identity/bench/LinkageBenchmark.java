package org.oriundos.transform.identity.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.identity.AssociationLinker;
import org.oriundos.transform.identity.AssociationNames;
import org.oriundos.transform.identity.AssociationOverrides;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.identity.AssociationRegistry;
import org.oriundos.transform.identity.LinkDecision;
import org.oriundos.transform.identity.LinkRule;
import org.oriundos.transform.identity.LinkageEstimator;
import org.oriundos.transform.identity.LinkageModel;
import org.oriundos.transform.identity.ScoredCandidate;

/**
 * The labelled linkage benchmark: links a {@link SyntheticClubs} population partition by
 * partition, in the order transform conforms them, with the linker transform uses, and measures
 * the result against the true clubs: pairwise precision, recall and F1 (over every pair of
 * records: predicted one association, truly one club), cluster-level B-cubed, the review queue,
 * merges of entries co-listed in one snapshot (must be 0), and whether every snapshot's
 * registered count equals its entries.
 */
public final class LinkageBenchmark {
    /** Pair counts: predicted together, truly together, both. */
    public record Pairs(long predicted, long truth, long both) {
        public double precision() {
            return predicted == 0 ? 1 : (double) both / predicted;
        }

        public double recall() {
            return truth == 0 ? 1 : (double) both / truth;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** What one run measured. */
    public record Result(int clubs, long seed, int records, int partitions, Pairs pairs, Map<String, Pairs> byKind,
                         double b3Precision, double b3Recall, Map<String, Long> byRule, long reviewQueue,
                         long coListedMerges, int snapshotsWithWrongCount, double seconds, LinkageModel model) {
        public double b3F1() {
            return b3Precision + b3Recall == 0 ? 0 : 2 * b3Precision * b3Recall / (b3Precision + b3Recall);
        }

        /** Whether the goals hold: precision at least 99.5%, recall at least 97%, no co-listed merge. */
        public boolean meetsGoals() {
            return pairs.precision() >= 0.995 && pairs.recall() >= 0.97 && coListedMerges == 0
                    && snapshotsWithWrongCount == 0;
        }

        /** The figures as Markdown, for docs/conform.md. */
        public String markdown(String command) {
            StringBuilder sb = new StringBuilder();
            sb.append("```sh\n").append(command).append("\n```\n\n");
            sb.append(String.format(Locale.ROOT, "%,d clubs (seed %d): %,d records in %d partitions, linked in %.1f s. "
                            + "Thresholds: link at %.1f bits, apart below %.1f, margin %.1f.%n%n", clubs, seed, records,
                    partitions, seconds, model.upper(), model.lower(), model.margin()));
            sb.append("| measure | value |\n|---|---:|\n");
            sb.append(row("pairwise precision", pct(pairs.precision())));
            sb.append(row("pairwise recall", pct(pairs.recall())));
            sb.append(row("pairwise F1", pct(pairs.f1())));
            sb.append(row("B-cubed precision", pct(b3Precision)));
            sb.append(row("B-cubed recall", pct(b3Recall)));
            sb.append(row("B-cubed F1", pct(b3F1())));
            sb.append(row("records in the review queue (REVIEW, AMBIGUOUS, KEY_CONFLICT)",
                    String.format(Locale.ROOT, "%,d (%.2f%%)", reviewQueue, 100.0 * reviewQueue / records)));
            sb.append(row("merges of entries co-listed in one snapshot", Long.toString(coListedMerges)));
            sb.append(row("snapshots whose registered count is not their entries", Integer.toString(snapshotsWithWrongCount)));
            sb.append("\nBy kind of pair:\n\n| records | true pairs | predicted pairs | precision | recall |\n|---|---:|---:|---:|---:|\n");
            byKind.forEach((kind, p) -> sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s |%n", kind,
                    p.truth(), p.predicted(), pct(p.precision()), pct(p.recall()))));
            sb.append("\nRecords by rule: ");
            List<String> rules = new ArrayList<>();
            byRule.forEach((rule, n) -> rules.add(String.format(Locale.ROOT, "%s %,d", rule, n)));
            sb.append(String.join(", ", rules)).append(".\n");
            return sb.toString();
        }

        private static String row(String name, String value) {
            return "| " + name + " | " + value + " |\n";
        }

        static String pct(double share) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * share);
        }
    }

    private LinkageBenchmark() {
    }

    /** The hometown words the linker needs, from the shipped catalog. */
    public static Map<String, List<String>> hometownWords() {
        Map<String, List<String>> words = new HashMap<>();
        for (Municipality m : GeographyCatalog.shipped().municipalities()) {
            words.put(m.key(), AssociationNames.words(m.name()));
        }
        return words;
    }

    /**
     * How long one partition of new names took to link, and how right it was: the pairs of the
     * year's records (the snapshot's and the projects') against the clubs the generator made them from.
     */
    public record Speed(int clubs, long seed, int registryEntries, int records, double seconds,
                        Map<String, Long> byRule, Pairs pairs) {
        public String markdown(String command) {
            List<String> rules = new ArrayList<>();
            byRule.forEach((rule, n) -> rules.add(String.format(Locale.ROOT, "%s %,d", rule, n)));
            return String.format(Locale.ROOT, "```sh%n%s%n```%n%nA 3x1 year of %,d projects, four in five from clubs never"
                    + " seen before, against a registry of %,d entries (%,d clubs, seed %d): linked in **%.1f s** (%,.0f"
                    + " records/s). Records by rule: %s. Against the generator's true clubs: pairwise precision %s,"
                    + " recall %s, F1 %s.%n", command, records, registryEntries, clubs, seed, seconds,
                    records / seconds, String.join(", ", rules), Result.pct(pairs.precision()), Result.pct(pairs.recall()),
                    Result.pct(pairs.f1()));
        }
    }

    /**
     * Times the linking of one 3x1 year of {@code records} projects made mostly of new names,
     * after the registry snapshot of a {@code clubs}-club population.
     */
    public static Speed speed(int records, int clubs, long seed, LinkageModel model, int threads, String memoryLimit) {
        return speed(records, clubs, seed, model, threads, memoryLimit, line -> { });
    }

    /** {@link #speed}, with every record's decision given to {@code dump} ({@link #decisionLine}). */
    public static Speed speed(int records, int clubs, long seed, LinkageModel model, int threads, String memoryLimit,
                              Consumer<String> dump) {
        List<SyntheticClubs.Partition> partitions = new SyntheticClubs(clubs, seed).speedYear(records);
        List<String[]> live = new ArrayList<>();
        partitions.forEach(p -> live.add(new String[] {p.table(), p.period(), "speed"}));
        Map<String, Long> byRule = new TreeMap<>();
        double seconds = 0;
        Map<String, Map<Integer, Integer>> cells = new HashMap<>();
        try (AssociationLinker linker = new AssociationLinker(new AssociationRegistry(), AssociationOverrides.none(),
                model, hometownWords(), threads, memoryLimit, false)) {
            linker.currentPartitions(live);
            for (SyntheticClubs.Partition p : partitions) {
                List<AssociationRecord> batch = new ArrayList<>();
                p.records().forEach(l -> batch.add(l.record()));
                long started = System.nanoTime();
                List<LinkDecision> decisions = linker.link(new AssociationLinker.Batch(p.table(), p.period(), "speed",
                        null, null), batch);
                if (p.table().equals("projects")) {
                    seconds = (System.nanoTime() - started) / 1e9;
                }
                for (int i = 0; i < batch.size(); i++) {
                    dump.accept(decisionLine(batch.get(i), decisions.get(i)));
                }
                if (p.table().equals("projects")) {
                    decisions.forEach(d -> byRule.merge(d.rule(), 1L, Long::sum));
                }
                for (int i = 0; i < decisions.size(); i++) {
                    cells.computeIfAbsent(decisions.get(i).associationId(), k -> new HashMap<>())
                            .merge(p.records().get(i).club(), 1, Integer::sum);
                }
            }
        }
        return new Speed(clubs, seed, partitions.get(0).records().size(), records, seconds, byRule, pairs(cells));
    }

    /** A population's records without their labels, partition by partition: data to estimate a model from. */
    public static List<LinkageEstimator.Partition> unlabelled(int clubs, long seed) {
        List<LinkageEstimator.Partition> out = new ArrayList<>();
        for (SyntheticClubs.Partition p : new SyntheticClubs(clubs, seed).partitions()) {
            List<AssociationRecord> records = new ArrayList<>();
            p.records().forEach(l -> records.add(l.record()));
            out.add(new LinkageEstimator.Partition(p.table(), p.period(), records));
        }
        return out;
    }

    /** Generates {@code clubs} clubs with {@code seed}, links all their records with {@code model}, and measures. */
    public static Result run(int clubs, long seed, LinkageModel model, int threads, String memoryLimit) {
        return run(clubs, seed, model, threads, memoryLimit, line -> { });
    }

    /** {@link #run}, with every record's decision given to {@code dump} ({@link #decisionLine}). */
    public static Result run(int clubs, long seed, LinkageModel model, int threads, String memoryLimit,
                             Consumer<String> dump) {
        SyntheticClubs population = new SyntheticClubs(clubs, seed);
        List<SyntheticClubs.Partition> partitions = population.partitions();
        List<String[]> live = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        for (SyntheticClubs.Partition p : partitions) {
            live.add(new String[] {p.table(), p.period(), "bench"});
            if (p.table().equals(AssociationRecord.REGISTRY)) {
                snapshots.add(p.period());
            }
        }
        List<String> predicted = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<String> table = new ArrayList<>();
        List<String> partitionOf = new ArrayList<>();
        Map<String, Long> byRule = new TreeMap<>();
        long review = 0;
        int wrongCounts = 0;
        long started = System.nanoTime();
        try (AssociationLinker linker = new AssociationLinker(new AssociationRegistry(), AssociationOverrides.none(),
                model, hometownWords(), threads, memoryLimit, false)) {
            linker.currentPartitions(live);
            for (SyntheticClubs.Partition p : partitions) {
                List<AssociationRecord> records = new ArrayList<>();
                p.records().forEach(l -> records.add(l.record()));
                int at = snapshots.indexOf(p.period());
                boolean snapshot = p.table().equals(AssociationRecord.REGISTRY);
                List<LinkDecision> decisions = linker.link(new AssociationLinker.Batch(p.table(), p.period(), "bench",
                        snapshot && at > 0 ? snapshots.get(at - 1) : null,
                        snapshot && at + 1 < snapshots.size() ? snapshots.get(at + 1) : null), records);
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < records.size(); i++) {
                    LinkDecision d = decisions.get(i);
                    dump.accept(decisionLine(records.get(i), d));
                    predicted.add(d.associationId());
                    truth.add(p.records().get(i).club());
                    table.add(p.table());
                    partitionOf.add(p.table() + "/" + p.period());
                    byRule.merge(d.rule(), 1L, Long::sum);
                    if (LinkRule.REVIEWED.contains(d.rule())) {
                        review++;
                    }
                    ids.add(d.associationId());
                }
                if (snapshot && ids.size() != records.size()) {
                    wrongCounts++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return measure(clubs, seed, partitions.size(), predicted, truth, table, partitionOf, byRule, review, wrongCounts,
                seconds, model);
    }

    /**
     * One record's decision as a line, to compare two linkers' decisions byte for byte: the
     * record's partition and id, the rule, the association, the score, the best weight and
     * probability, the candidates considered, the runner-up and its weight, and each reviewed
     * candidate with its weight's parts. No name or other evidence of the record is written.
     */
    public static String decisionLine(AssociationRecord r, LinkDecision d) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.sourceTable()).append('\t').append(r.period()).append('\t').append(r.recordId()).append('\t')
                .append(d.rule()).append('\t').append(d.associationId()).append('\t').append(d.score()).append('\t')
                .append(d.matchWeight()).append('\t').append(d.matchProbability()).append('\t').append(d.candidates())
                .append('\t').append(d.runnerUpId()).append('\t').append(d.runnerUpWeight()).append('\t')
                .append(d.problem() != null);
        for (ScoredCandidate c : d.review()) {
            sb.append('\t').append(c.associationId()).append(' ').append(c.weight()).append(' ').append(c.explain());
        }
        return sb.toString();
    }

    private static Result measure(int clubs, long seed, int partitions, List<String> predicted, List<Integer> truth,
                                  List<String> table, List<String> partitionOf, Map<String, Long> byRule, long review,
                                  int wrongCounts, double seconds, LinkageModel model) {
        int n = predicted.size();
        Map<String, Map<Integer, int[]>> cells = new HashMap<>(); // predicted id -> true club -> counts per table
        Map<String, int[]> predictedSize = new HashMap<>();
        Map<Integer, int[]> trueSize = new HashMap<>();
        Map<String, Long> coListed = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int t = kindIndex(table.get(i));
            cells.computeIfAbsent(predicted.get(i), k -> new HashMap<>()).computeIfAbsent(truth.get(i), k -> new int[3])[t]++;
            predictedSize.computeIfAbsent(predicted.get(i), k -> new int[3])[t]++;
            trueSize.computeIfAbsent(truth.get(i), k -> new int[3])[t]++;
            if (table.get(i).equals(AssociationRecord.REGISTRY)) {
                coListed.merge(partitionOf.get(i) + "|" + predicted.get(i), 1L, Long::sum);
            }
        }
        String[] kinds = {"registry–registry", "projects–registry", "projects–projects", "survey–registry",
            "survey–projects", "survey–survey"};
        long[] both = new long[6];
        long[] pred = new long[6];
        long[] tru = new long[6];
        cells.values().forEach(m -> m.values().forEach(c -> addPairs(c, both)));
        predictedSize.values().forEach(c -> addPairs(c, pred));
        trueSize.values().forEach(c -> addPairs(c, tru));
        Map<String, Pairs> byKind = new LinkedHashMap<>();
        long b = 0;
        long p = 0;
        long t = 0;
        for (int k = 0; k < 6; k++) {
            byKind.put(kinds[k], new Pairs(pred[k], tru[k], both[k]));
            b += both[k];
            p += pred[k];
            t += tru[k];
        }
        double b3p = 0;
        double b3r = 0;
        for (int i = 0; i < n; i++) {
            int[] cell = cells.get(predicted.get(i)).get(truth.get(i));
            double together = cell[0] + cell[1] + cell[2];
            b3p += together / sum(predictedSize.get(predicted.get(i)));
            b3r += together / sum(trueSize.get(truth.get(i)));
        }
        long merges = 0;
        for (long c : coListed.values()) {
            merges += c * (c - 1) / 2;
        }
        return new Result(clubs, seed, n, partitions, new Pairs(p, t, b), byKind, b3p / n, b3r / n, byRule, review,
                merges, wrongCounts, seconds, model);
    }

    /** The pairwise counts of a linking: predicted association, then true club, then how many records. */
    static Pairs pairs(Map<String, Map<Integer, Integer>> cells) {
        long predicted = 0;
        long both = 0;
        Map<Integer, Long> truth = new HashMap<>();
        for (Map<Integer, Integer> byClub : cells.values()) {
            long size = 0;
            for (Map.Entry<Integer, Integer> e : byClub.entrySet()) {
                long n = e.getValue();
                size += n;
                both += n * (n - 1) / 2;
                truth.merge(e.getKey(), n, Long::sum);
            }
            predicted += size * (size - 1) / 2;
        }
        long t = 0;
        for (long n : truth.values()) {
            t += n * (n - 1) / 2;
        }
        return new Pairs(predicted, t, both);
    }

    private static int sum(int[] c) {
        return c[0] + c[1] + c[2];
    }

    private static int kindIndex(String table) {
        return switch (table) {
            case "registry" -> 0;
            case "projects" -> 1;
            default -> 2;
        };
    }

    /** Adds the pairs within one group, by kind (registry, projects, survey counts in {@code c}). */
    private static void addPairs(int[] c, long[] out) {
        long r = c[0];
        long pr = c[1];
        long s = c[2];
        out[0] += r * (r - 1) / 2;
        out[1] += pr * r;
        out[2] += pr * (pr - 1) / 2;
        out[3] += s * r;
        out[4] += s * pr;
        out[5] += s * (s - 1) / 2;
    }
}
