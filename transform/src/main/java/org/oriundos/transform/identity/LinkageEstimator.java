package org.oriundos.transform.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimates the linkage model's parameters from records without labels, as Splink does, in SQL
 * over DuckDB:
 * <ol>
 *   <li>{@code u}, the levels' probabilities among records of different associations, from
 *       random pairs of records of one origin state (almost all such pairs are of different
 *       associations); the name's {@code u} given a shared hometown from random pairs of one
 *       municipality;</li>
 *   <li>{@code m} and the prior by expectation maximisation over the comparison vectors of the
 *       blocked pairs (the pairs the linker would compare), {@code u} held fixed.</li>
 * </ol>
 * Entries of one registry snapshot are never paired (they are never one association). The
 * thresholds are not estimated: they are chosen from the labelled benchmark and kept.
 */
public final class LinkageEstimator {
    /** Random partners drawn per record, within its origin state and within its municipality. */
    static final int RANDOM_PARTNERS = 24;
    static final int MAX_ITERATIONS = 60;
    static final double TOLERANCE = 1e-6;
    static final double FLOOR = 1e-6;
    /** Pseudo-pairs of a level's base share added to its counts among matches and among non-matches. */
    static final double SHRINKAGE = 20;

    /** One raw partition's association-bearing records, in file order. */
    public record Partition(String table, String period, List<AssociationRecord> records) {
    }

    /** The estimated model and what it was estimated from. */
    public record Estimate(LinkageModel model, long records, long blockedPairs, long randomPairs, int iterations,
                           boolean converged) {
    }

    private LinkageEstimator() {
    }

    public static Estimate estimate(List<Partition> partitions, LinkageModel start, Map<String, List<String>> hometownWords,
                                    int threads, String memoryLimit) {
        List<String> snapshots = new ArrayList<>();
        for (Partition p : partitions) {
            if (p.table().equals(AssociationRecord.REGISTRY)) {
                snapshots.add(p.period());
            }
        }
        snapshots.sort(String::compareTo);
        List<LinkageDb.BatchRecord> all = new ArrayList<>();
        for (Partition p : partitions) {
            int at = snapshots.indexOf(p.period());
            boolean snapshot = p.table().equals(AssociationRecord.REGISTRY);
            String previous = snapshot && at > 0 ? snapshots.get(at - 1) : null;
            String next = snapshot && at >= 0 && at + 1 < snapshots.size() ? snapshots.get(at + 1) : null;
            for (AssociationRecord r : p.records()) {
                all.add(new LinkageDb.BatchRecord(all.size(), r, previous, next));
            }
        }
        try (LinkageDb db = new LinkageDb(start, threads, memoryLimit, hometownWords)) {
            db.loadBatchForEstimation(all);
            db.withinProfiles(true);
            db.prepareTokens(true);
            db.blockCandidates(true, false);
            String levels = "idx, association_id, town, l_name, l_municipality, l_us_state, l_city, l_federation, l_consulate, l_time, site";
            db.execute("create table cv as select " + levels + " from (" + db.levelsQuery(true) + ")");
            // known matches (the same key) anchor the expectation maximisation
            db.execute("""
                    create table known as
                    select cv.idx, cv.association_id from cv
                    join batch a on a.idx = cv.idx join batch b on b.idx = cast(substr(cv.association_id, 2) as integer)
                    where a.ime = b.ime or a.regkey = b.regkey""");
            db.execute("alter table cv add column known boolean");
            db.execute("update cv set known = true where (idx, association_id) in (select idx, association_id from known)");
            // the keyed pairs a project or an answer is part of: how names vary where the model is needed
            db.execute("""
                    create table known_written as
                    select cv.idx, cv.association_id from cv
                    join batch a on a.idx = cv.idx join batch b on b.idx = cast(substr(cv.association_id, 2) as integer)
                    where cv.known and not (a.registry and b.registry)""");
            db.execute("alter table cv add column written boolean");
            db.execute("update cv set written = true where (idx, association_id) in (select idx, association_id from known_written)");
            // u: random pairs of one origin state known to be two associations
            db.execute(randomPairs("block", RANDOM_PARTNERS));
            db.execute(KNOWN_DISTINCT);
            db.execute("create table cu as select " + levels + " from (" + db.levelsQuery(true, false) + ")");
            // u of the name given a shared hometown: random pairs of one municipality known to be two associations
            // (two entries of one snapshot, two different IME ids or registry keys), since records of one town
            // are often records of one club
            db.execute(randomPairs("block, mun", RANDOM_PARTNERS * 4));
            db.execute(KNOWN_DISTINCT);
            db.execute("create table ct_town as select " + levels + " from (" + db.levelsQuery(true, false) + ") where town");
            long blocked = db.count("select count(*) from cv");
            long random = db.count("select count(*) from cu") + db.count("select count(*) from ct_town");
            Map<String, Map<String, Double>> base = levelShares(db);
            Map<String, Map<String, Double>> u = estimateU(db, base);
            return expectationMaximisation(db, start, u, base, all.size(), blocked, random);
        } catch (SQLException e) {
            throw LinkageDb.failure("cannot estimate the linkage model", e);
        }
    }

    /**
     * Keeps the random pairs known to be two associations: two entries of one registry snapshot,
     * two different IME ids, two different registry keys. Random pairs of unlabelled records are
     * not all non-matches (a club with many records is often paired with itself), and the few that
     * are matches would swamp the rare levels' {@code u} (an exact rare name).
     */
    private static final String KNOWN_DISTINCT = """
            delete from cand where (idx, association_id) not in (
                select cand.idx, cand.association_id from cand
                join batch a on a.idx = cand.idx join batch b on b.idx = cast(substr(cand.association_id, 2) as integer)
                where (a.registry and b.registry and a.period = b.period) or a.ime <> b.ime or a.regkey <> b.regkey)""";

    /** Random pairs of records of one group ({@code columns}), about {@code partners} per record, as {@code cand}. */
    private static String randomPairs(String columns, int partners) {
        return ("""
                create or replace table cand as
                with r as (
                    select idx, name, block, mun,
                        row_number() over (partition by %1$s order by hash(idx * 7919 + 17)) as rn,
                        count(*) over (partition by %1$s) as n
                    from batch where name <> '' and (%2$s)
                )
                select distinct a.idx, 'R' || b.idx as association_id, b.name
                from r a cross join range(1, %3$d) k(k)
                join r b on %4$s and a.n > 1 and b.rn = ((a.rn - 1 + k) %% a.n) + 1
                join batch x on x.idx = a.idx join batch y on y.idx = b.idx
                where b.idx <> a.idx and (x.ime is null or y.ime is null or x.ime <> y.ime)
                    and (x.regkey is null or y.regkey is null or x.regkey <> y.regkey)
                """).formatted(columns, columns.contains("mun") ? "mun is not null" : "true", partners + 1,
                columns.contains("mun") ? "b.block = a.block and b.mun = a.mun" : "b.block = a.block");
    }

    /** Which comparison a municipality level belongs to: a project's site, or a declared origin. */
    private static final String SITE_OR_MUNICIPALITY = "case when site then 'project_site' else 'municipality' end";

    /** The long form of a comparison-vector table: one row per pair and non-missing comparison. */
    private static String longForm(String table, String extra) {
        StringBuilder sb = new StringBuilder();
        sb.append("select ").append(extra).append("case when town then 'name_same_town' else 'name' end as comparison, l_name as level from ")
                .append(table).append(" where l_name is not null");
        for (String c : List.of("municipality", "us_state", "city", "federation", "consulate", "time")) {
            String comparison = c.equals("municipality") ? SITE_OR_MUNICIPALITY : "'" + c + "'";
            sb.append(" union all select ").append(extra).append(comparison).append(", l_").append(c)
                    .append(" from ").append(table).append(" where l_").append(c).append(" is not null");
        }
        return sb.toString();
    }

    /**
     * How often each level occurs among all blocked pairs: the common base both m and u are
     * shrunk toward, so that a level seldom seen among matches and among non-matches alike
     * weighs little rather than whatever two small counts happen to say.
     */
    private static Map<String, Map<String, Double>> levelShares(LinkageDb db) throws SQLException {
        Map<String, Map<String, Long>> counts = counts(db, "select comparison, level, count(*) from (" + longForm("cv", "")
                + ") group by all");
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : LinkageModel.COMPARISONS.entrySet()) {
            Map<String, Long> n = counts.getOrDefault(c.getKey(), Map.of());
            long total = n.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> levels = new LinkedHashMap<>();
            for (String level : c.getValue()) {
                levels.put(level, (n.getOrDefault(level, 0L) + 1.0) / (total + c.getValue().size()));
            }
            shares.put(c.getKey(), levels);
        }
        return shares;
    }

    private static Map<String, Map<String, Long>> counts(LinkageDb db, String sql) throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return counts;
    }

    /** A probability of a level from its count, shrunk toward the level's base share by {@link #SHRINKAGE} pseudo-pairs. */
    private static double shrunk(long count, long total, double base) {
        return Math.max(FLOOR, (count + SHRINKAGE * base) / (total + SHRINKAGE));
    }

    private static Map<String, Map<String, Double>> estimateU(LinkageDb db, Map<String, Map<String, Double>> base)
            throws SQLException {
        Map<String, Map<String, Double>> u = new LinkedHashMap<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("select comparison, level, count(*) from (" + longForm("cu", "")
                     + ") where comparison <> 'name_same_town' group by all union all select comparison, level, count(*) from ("
                     + longForm("ct_town", "") + ") where comparison = 'name_same_town' group by all")) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        for (Map.Entry<String, List<String>> c : LinkageModel.COMPARISONS.entrySet()) {
            Map<String, Long> n = counts.getOrDefault(c.getKey(), Map.of());
            long total = n.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> levels = new LinkedHashMap<>();
            for (String level : c.getValue()) {
                levels.put(level, shrunk(n.getOrDefault(level, 0L), total, base.get(c.getKey()).get(level)));
            }
            u.put(c.getKey(), levels);
        }
        return u;
    }

    /**
     * {@code m} of every level from the blocked pairs the keys prove to be one association (an
     * equal IME id, registry key or historic id: Splink's "m from a label column", the label
     * being a key of the data itself; the name's from those a project or a survey answer is part
     * of, since two registry entries of one IME id are written alike far more often than the
     * records the model has to link); then the prior by expectation maximisation over every
     * blocked pair's comparison vector, {@code m} and {@code u} held. Letting EM move {@code m}
     * too converged to a degenerate model on this data (the "match" class swallowed the pairs of
     * one hometown), so it does not.
     */
    private static Estimate expectationMaximisation(LinkageDb db, LinkageModel start, Map<String, Map<String, Double>> u,
                                                    Map<String, Map<String, Double>> base, long records, long blocked,
                                                    long random) throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("select comparison, level, count(*) from (" + longForm("cv where known", "")
                     .replace(" where l_", " and l_") + ") where comparison not like 'name%' group by all"
                     + " union all select comparison, level, count(*) from (" + longForm("cv where written", "")
                     .replace(" where l_", " and l_") + ") where comparison like 'name%' group by all")) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        db.execute("create table par (comparison varchar, level varchar, m double, u double)");
        Map<String, Map<String, LinkageModel.Level>> levels = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : LinkageModel.COMPARISONS.entrySet()) {
            Map<String, Long> n = counts.getOrDefault(c.getKey(), Map.of());
            long total = n.values().stream().mapToLong(Long::longValue).sum();
            Map<String, LinkageModel.Level> l = new LinkedHashMap<>();
            for (String level : c.getValue()) {
                double m = shrunk(n.getOrDefault(level, 0L), total, base.get(c.getKey()).get(level));
                double uu = u.get(c.getKey()).get(level);
                l.put(level, new LinkageModel.Level(m, uu));
                db.execute(String.format(Locale.ROOT, "insert into par values ('%s', '%s', %.12f, %.12f)", c.getKey(), level,
                        m, uu));
            }
            levels.put(c.getKey(), l);
        }
        db.execute("create table pat as select town, site, l_name, l_municipality, l_us_state, l_city, l_federation, l_consulate,"
                + " l_time, coalesce(known, false) as known, count(*) as n from cv group by all");
        String join = """
                left join par pn on pn.comparison = case when pat.town then 'name_same_town' else 'name' end and pn.level = pat.l_name
                left join par pm on pm.comparison = case when pat.site then 'project_site' else 'municipality' end
                    and pm.level = pat.l_municipality
                left join par pu on pu.comparison = 'us_state' and pu.level = pat.l_us_state
                left join par pc on pc.comparison = 'city' and pc.level = pat.l_city
                left join par pf on pf.comparison = 'federation' and pf.level = pat.l_federation
                left join par po on po.comparison = 'consulate' and po.level = pat.l_consulate
                left join par pt on pt.comparison = 'time' and pt.level = pat.l_time""";
        String mProduct = "coalesce(pn.m, 1) * coalesce(pm.m, 1) * coalesce(pu.m, 1) * coalesce(pc.m, 1) * coalesce(pf.m, 1)"
                + " * coalesce(po.m, 1) * coalesce(pt.m, 1)";
        String uProduct = mProduct.replace(".m,", ".u,");
        db.execute("create table ratio as select pat.n, pat.known, " + mProduct + " / " + uProduct + " as bayes from pat "
                + join);
        double prior = start.prior();
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            double next;
            try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(String.format(Locale.ROOT,
                    "select sum(n * case when known then 1.0 else %1$.15f * bayes / (%1$.15f * bayes + 1 - %1$.15f) end)"
                            + " / sum(n) from ratio", prior))) {
                rs.next();
                next = Math.min(Math.max(rs.getDouble(1), FLOOR), 1 - FLOOR);
            }
            converged = Math.abs(next - prior) < TOLERANCE;
            prior = next;
        }
        return new Estimate(start.withParameters(levels, prior), records, blocked, random, iteration, converged);
    }
}
