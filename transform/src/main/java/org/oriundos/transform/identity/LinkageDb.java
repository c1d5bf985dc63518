package org.oriundos.transform.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The Fellegi–Sunter model run as SQL over an in-memory DuckDB, one instance per run: the
 * evidence of every remembered record (what candidate associations are compared by), blocking,
 * the comparison levels of every candidate pair and their match weights. It decides nothing:
 * {@link AssociationLinker} makes the decisions, in Java, over the scored pairs.
 *
 * <p>DuckDB runs with extension auto-install and auto-load off (everything used here is built in:
 * {@code damerau_levenshtein}, {@code jaro_winkler_similarity}, the list functions), with bounded
 * {@code threads} and {@code memory_limit}.
 */
final class LinkageDb implements AutoCloseable {
    /** Candidates kept per record, best first: enough for the best, the runner-up and the review. */
    static final int TOP_CANDIDATES = 12;

    /** A token this informative (bits) blocks: records and names sharing it are compared. */
    static final double BLOCKING_BITS = 4.5;
    /** A word in more names of a block than this does not block alone (it would pair too many). */
    static final int BLOCKING_MAX_NAMES = 150;
    /**
     * Pseudo-names of a word's prior share mixed into its share of all names: with few names, one
     * that a word is in says little about how common the word is.
     */
    static final double PRIOR_NAMES = 50;
    static final double PRIOR_SHARE = 0.001;
    /** Pseudo-names of the global frequency mixed into a block's: a small block says little alone. */
    static final double BLOCK_SMOOTHING = 20;
    /** A word at most this informative (bits) is in most names (Club): names differing only by such words are the same. */
    static final double TRIVIAL_BITS = 3.0;
    /** A word at most this informative (bits) may differ in a "near" agreement (generic words, dropped or added). */
    static final double NEAR_BITS = 4.5;
    /** Two cities or federations at least this alike (Jaro–Winkler) agree. */
    static final double SAME_TEXT = 0.93;

    private static final String[] COMPARISONS = {"name", "municipality", "us_state", "city", "federation", "consulate",
        "time"};

    /**
     * What is scored for each record: its position in the batch, its evidence, and for a registry
     * entry the snapshots before and after its own (a candidate listed in one of them was seen in
     * consecutive snapshots).
     */
    record BatchRecord(int idx, AssociationRecord record, String previousSnapshot, String nextSnapshot) {
        BatchRecord(int idx, AssociationRecord record) {
            this(idx, record, null, null);
        }
    }

    /** A scored pair of two records of one batch (for records that may found one new association). */
    record Edge(int left, int right, ScoredCandidate scored) {
    }

    /** The candidates of one record, best first, and how many were scored. */
    record Scores(List<ScoredCandidate> best, int considered) {
    }

    /** The place names club names are made of ({@link PlaceNames}), loaded once. */
    private static final NameLevels.Places PLACE_WORDS = new NameLevels.Places(PlaceNames.shipped());

    private final DuckDBConnection connection;
    private final LinkageModel model;
    /** The words of every municipality's name by its INEGI key. */
    private final Map<String, List<String>> hometownWords;
    /**
     * Where this in-memory database spills what passes its memory limit: a directory of its own
     * under the JVM's temporary directory ({@code java.io.tmpdir}), removed on close. DuckDB's
     * default for an in-memory database is {@code .tmp} in the process's working directory, which a
     * scheduled night may not be able to write (and where gigabytes would be left unexplained).
     */
    private final java.nio.file.Path spill;
    /** DuckDB's threads, and the Java threads comparing names. */
    private final int threads;
    private java.util.concurrent.ExecutorService workers;

    LinkageDb(LinkageModel model, int threads, String memoryLimit, Map<String, List<String>> hometownWords) {
        this.model = model;
        this.hometownWords = Map.copyOf(hometownWords);
        this.threads = Math.max(1, threads);
        try {
            Properties p = new Properties();
            p.setProperty("autoinstall_known_extensions", "false");
            p.setProperty("autoload_known_extensions", "false");
            p.setProperty("threads", Integer.toString(this.threads));
            p.setProperty("memory_limit", memoryLimit);
            spill = spillDirectory();
            p.setProperty("temp_directory", spill.toString());
            connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", p);
            exec("""
                    create table ev (association_id varchar, source_table varchar, period varchar, load_id varchar,
                        block varchar, name varchar, mun varchar, us varchar, city varchar, fed varchar, cons varchar,
                        ime varchar, regkey varchar, snapshot varchar, placeholder boolean)""");
            exec("create table live (source_table varchar, period varchar, load_id varchar)");
            exec("create table munw (mun varchar, words varchar[])");
            exec("create table taken (association_id varchar)");
            // the records of a within pass that an association already took: no pair of two of them is scored
            exec("create table linked (idx integer, association_id varchar)");
            exec("""
                    create macro typo_of(x, y) as case
                        when x.n or y.n or length(x.t) < 5 or length(y.t) < 5 or abs(length(x.t) - length(y.t)) > 2
                            or (left(x.t, 2) <> left(y.t, 2) and right(x.t, 2) <> right(y.t, 2)) then false
                        else damerau_levenshtein(x.t, y.t) <= case when least(length(x.t), length(y.t)) >= 9 then 2 else 1 end
                        end""");
            exec("""
                    create macro hometown_word(words, w) as list_contains(words, w)
                        or len(list_filter(words, h -> case when length(h) < 5 or length(w) < 5
                            or abs(length(h) - length(w)) > 1 or (left(h, 2) <> left(w, 2) and right(h, 2) <> right(w, 2))
                            then false else damerau_levenshtein(h, w) <= 1 end)) > 0""");
            try (DuckDBAppender a = connection.createAppender("main", "munw")) {
                for (Map.Entry<String, List<String>> e : hometownWords.entrySet()) {
                    a.beginRow();
                    a.append(e.getKey());
                    a.append(e.getValue());
                    a.endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the in-memory DuckDB of the association linker: "
                    + e.getMessage(), e);
        }
    }

    /** One remembered record as evidence of its association; {@code placeholder} for an ambiguous signature's identity. */
    record Evidence(String associationId, String loadId, boolean placeholder, AssociationRecord record) {
    }

    /** Evidence of legacy key files: a name or a key of an association, always current. */
    record KeyEvidence(String associationId, String block, String name, String imeId, String registryKey) {
    }

    void addEvidence(Collection<Evidence> rows) {
        try (DuckDBAppender a = connection.createAppender("main", "ev")) {
            for (Evidence e : rows) {
                AssociationRecord r = e.record();
                a.beginRow();
                a.append(e.associationId());
                a.append(r.sourceTable());
                a.append(r.period());
                a.append(e.loadId());
                a.append(AssociationRegistry.blockOf(r.originStateCode()));
                a.append(r.normalizedName());
                a.append(r.municipalityKey());
                a.append(r.usStateCode());
                a.append(r.foldedCity());
                a.append(r.normalizedFederation());
                a.append(r.consulateId());
                a.append(r.imeId());
                a.append(r.registryKey());
                a.append(r.isRegistry() ? r.period() : null);
                a.append(e.placeholder());
                a.endRow();
            }
        } catch (SQLException e) {
            throw failure("cannot load the associations' evidence", e);
        }
    }

    void addKeyEvidence(Collection<KeyEvidence> rows) {
        try (DuckDBAppender a = connection.createAppender("main", "ev")) {
            for (KeyEvidence e : rows) {
                a.beginRow();
                a.append(e.associationId());
                a.append((String) null);
                a.append((String) null);
                a.append((String) null);
                a.append(e.block());
                a.append(e.name());
                for (int i = 0; i < 5; i++) {
                    a.append((String) null);
                }
                a.append(e.imeId());
                a.append(e.registryKey());
                a.append((String) null);
                a.append(false);
                a.endRow();
            }
        } catch (SQLException e) {
            throw failure("cannot load the associations' keys", e);
        }
    }

    /** The current delivery of every partition: evidence of older deliveries is not compared. */
    void replaceLive(Collection<String[]> tablePeriodLoad) {
        try {
            exec("delete from live");
            try (DuckDBAppender a = connection.createAppender("main", "live")) {
                for (String[] t : tablePeriodLoad) {
                    a.beginRow();
                    a.append(t[0]);
                    a.append(t[1]);
                    a.append(t[2]);
                    a.endRow();
                }
            }
        } catch (SQLException e) {
            throw failure("cannot load the current partitions", e);
        }
    }

    /** Loads records to compare with each other (every partition at once), for estimating the model. */
    void loadBatchForEstimation(List<BatchRecord> records) throws SQLException {
        loadBatch(records);
    }

    private void loadBatch(List<BatchRecord> records) throws SQLException {
        loadBatch(records, Map.of());
    }

    /**
     * Loads the records to score; {@code highest}: a record standing for a group of records with
     * the same evidence, the highest index of the group ({@code hi}: the group as a candidate).
     */
    private void loadBatch(List<BatchRecord> records, Map<Integer, Integer> highest) throws SQLException {
        exec("""
                create or replace table batch (idx integer, hi integer, block varchar, name varchar, mun varchar, us varchar,
                    city varchar, fed varchar, cons varchar, ime varchar, hist varchar, regkey varchar, registry boolean,
                    period varchar, prev_snap varchar, next_snap varchar, tbl varchar)""");
        try (DuckDBAppender a = connection.createAppender("main", "batch")) {
            for (BatchRecord b : records) {
                AssociationRecord r = b.record();
                a.beginRow();
                a.append(b.idx());
                a.append(highest.getOrDefault(b.idx(), b.idx()));
                a.append(AssociationRegistry.blockOf(r.originStateCode()));
                a.append(r.normalizedName());
                a.append(r.municipalityKey());
                a.append(r.usStateCode());
                a.append(r.foldedCity());
                a.append(r.normalizedFederation());
                a.append(r.consulateId());
                a.append(r.imeId());
                a.append(r.historicId());
                a.append(r.registryKey());
                a.append(r.isRegistry());
                a.append(r.period());
                a.append(b.previousSnapshot());
                a.append(b.nextSnapshot());
                a.append(r.sourceTable());
                a.endRow();
            }
        }
    }

    /**
     * Scores every record of a batch against the candidate associations: those with current
     * evidence outside the batch's own partition, not placeholders, not {@code taken} (already
     * holding an entry of this registry snapshot), and whose keys do not contradict the record's.
     * Returns each record's best candidates (at most {@link #TOP_CANDIDATES}) and how many it had.
     *
     * <p>Records with the same evidence ({@link #evidenceOf}) are scored once, by the first of
     * them, and its scores given to the others: a record's blocking, levels, weights and ranks
     * depend on nothing but its own evidence and the candidates, and how informative a word is
     * counts distinct names, not records.
     */
    Map<Integer, Scores> score(String sourceTable, String period, String previousSnapshot, String nextSnapshot,
                               List<BatchRecord> records, Set<String> taken) {
        if (records.isEmpty()) {
            return Map.of();
        }
        try {
            // records with the same evidence (a club's projects of one year, mostly) are scored once
            Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
            List<BatchRecord> representatives = new ArrayList<>();
            for (BatchRecord b : records) {
                BatchRecord r = new BatchRecord(b.idx(), b.record(), previousSnapshot, nextSnapshot);
                List<Integer> members = groups.computeIfAbsent(evidenceOf(r, false), k -> new ArrayList<>());
                if (members.isEmpty()) {
                    representatives.add(r);
                }
                members.add(b.idx());
            }
            loadBatch(representatives);
            exec("delete from taken");
            try (DuckDBAppender a = connection.createAppender("main", "taken")) {
                for (String id : taken) {
                    a.beginRow();
                    a.append(id);
                    a.endRow();
                }
            }
            try (PreparedStatement p = connection.prepareStatement("""
                    create or replace table evc as
                    select ev.* from ev
                    left join live on live.source_table = ev.source_table and live.period = ev.period
                        and live.load_id = ev.load_id
                    where (ev.source_table is null or live.source_table is not null)
                        and not (ev.source_table is not distinct from ? and ev.period is not distinct from ?)""")) {
                p.setString(1, sourceTable);
                p.setString(2, period);
                p.execute();
            }
            exec("""
                    create or replace table prof as
                    select association_id,
                        coalesce(list(distinct mun) filter (where mun is not null), []) as muns,
                        -- the US state most of its records give: one record filed from elsewhere does not make a second
                        case when count(us) = 0 then [] else [mode(us)] end as uss,
                        coalesce(list(distinct city) filter (where city is not null), []) as cities,
                        coalesce(list(distinct fed) filter (where fed is not null), []) as feds,
                        coalesce(list(distinct cons) filter (where cons is not null), []) as conss,
                        coalesce(list(distinct ime) filter (where ime is not null), []) as imes,
                        coalesce(list(distinct regkey) filter (where regkey is not null), []) as regkeys,
                        -- when it was seen: every partition of its evidence (table, period, whether a snapshot)
                        coalesce(list(distinct {'t': source_table, 'p': period, 'r': snapshot is not null})
                            filter (where source_table is not null), []) as seen
                    from evc
                    group by association_id
                    having not bool_or(coalesce(placeholder, false))
                        and association_id not in (select association_id from taken)""");
            exec("""
                    create or replace table nm as
                    select distinct evc.association_id, evc.block, evc.name from evc
                    semi join prof on prof.association_id = evc.association_id
                    where evc.name is not null and evc.name <> ''""");
            exec("""
                    create or replace table pmun as
                    select distinct evc.association_id, evc.mun from evc
                    semi join prof on prof.association_id = evc.association_id
                    where evc.mun is not null""");
            exec("""
                    create or replace table pus as
                    select distinct evc.association_id, evc.us from evc
                    semi join prof on prof.association_id = evc.association_id
                    where evc.us is not null""");
            prepareTokens();
            blockCandidates(false);
            // the best three (the choice, the runner-up, the margin), and any other worth a review
                        Map<Integer, Scores> scored = readScores("select " + FETCHED + " from (" + levelsQuery(false)
                    + " qualify rank <= 3 or (rank <= " + TOP_CANDIDATES + " and weight >= "
                    + num(model.lower() - model.margin()) + ")) order by idx, rank");
            Map<Integer, Scores> out = new HashMap<>();
            for (List<Integer> members : groups.values()) {
                Scores s = scored.get(members.get(0));
                if (s != null) {
                    members.forEach(i -> out.put(i, s));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot score the records of " + sourceTable + "/" + period, e);
        }
    }

    /**
     * Scores the records of a batch against each other (pairs {@code left < right}), for the
     * records that no existing association takes: projects of one new club in one year become
     * one new association. Pairs whose registry keys contradict each other are not scored, nor
     * pairs of two {@code linked} records (already taken by an association: no such pair can join
     * anything), which are left out of the blocking, before any name is compared. The linked
     * records stay in the batch: their names count in how informative a word is.
     *
     * <p>Records with the same evidence (the projects of one club in one year mostly are) are
     * scored once, as a group, and the result fanned out to every pair of their members: a pair's
     * levels and weight depend on nothing but the two records' evidence, and how informative a
     * word is counts distinct names, not records. A pair is scored with its lower index as the
     * record and the higher as the candidate (the blocking is not symmetric; the name level is
     * compared each way and the stronger kept, {@link #nameLevels}, so a pair weighs the same
     * whichever record comes first), so a group is scored as a record with its lowest index, as a candidate with its highest: two
     * groups are compared in each direction some pair of their members needs, a group with itself
     * when it has two members.
     */
    List<Edge> scoreWithin(List<BatchRecord> records, Set<Integer> linked) {
        if (records.size() < 2) {
            return List.of();
        }
        try {
            Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
            Map<Integer, BatchRecord> byIdx = new HashMap<>();
            for (BatchRecord b : records) {
                byIdx.put(b.idx(), b);
                groups.computeIfAbsent(evidenceOf(b, linked.contains(b.idx())), k -> new ArrayList<>()).add(b.idx());
            }
            List<BatchRecord> representatives = new ArrayList<>();
            Map<Integer, Integer> highest = new HashMap<>();
            Map<Integer, List<Integer>> membersByLowest = new HashMap<>();
            Map<Integer, List<Integer>> membersByHighest = new HashMap<>();
            Set<Integer> linkedGroups = new HashSet<>();
            for (List<Integer> members : groups.values()) {
                members.sort(Integer::compare);
                int low = members.get(0);
                int high = members.get(members.size() - 1);
                representatives.add(byIdx.get(low));
                highest.put(low, high);
                membersByLowest.put(low, members);
                membersByHighest.put(high, members);
                if (linked.contains(low)) {
                    linkedGroups.add(low);
                }
            }
            loadBatch(representatives, highest);
            exec("delete from linked");
            try (DuckDBAppender a = connection.createAppender("main", "linked")) {
                for (int idx : linkedGroups) {
                    a.beginRow();
                    a.append(idx);
                    a.append("R" + highest.get(idx));
                    a.endRow();
                }
            }
            withinProfiles();
            prepareTokens(true);
            blockCandidates(true);
            List<Edge> edges = new ArrayList<>();
                        // only the pairs strong enough to join two records matter
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select " + FETCHED.replace("considered", "0 as considered") + " from (" + levelsQuery(true)
                         + ") where weight >= "
                         + num(model.upper()))) {
                while (rs.next()) {
                    List<Integer> left = membersByLowest.get(rs.getInt(1));
                    List<Integer> right = membersByHighest.get(Integer.parseInt(rs.getString(2).substring(1)));
                    ScoredCandidate scored = scored(rs);
                    for (int i : left) {
                        for (int j : right) {
                            if (i < j) {
                                edges.add(new Edge(i, j, new ScoredCandidate("R" + j, scored.weight(), scored.parts())));
                            }
                        }
                    }
                }
            }
            return edges;
        } catch (SQLException e) {
            throw failure("cannot score the records of one batch against each other", e);
        }
    }

    /** Everything of a record a within pair's blocking, levels and weight are computed from. */
    private static List<Object> evidenceOf(BatchRecord b, boolean linked) {
        AssociationRecord r = b.record();
        return Arrays.asList(AssociationRegistry.blockOf(r.originStateCode()), r.normalizedName(), r.municipalityKey(),
                r.usStateCode(), r.foldedCity(), r.normalizedFederation(), r.consulateId(), r.imeId(), r.historicId(),
                r.registryKey(), r.isRegistry(), r.period(), b.previousSnapshot(), b.nextSnapshot(), r.sourceTable(),
                linked);
    }

    /** The batch's records as candidates of each other: one profile per record, {@code R<idx>}. */
    void withinProfiles() throws SQLException {
        withinProfiles(false);
    }

    /**
     * The batch's records as candidates of each other. With {@code keySnapshots} (estimating the
     * model over records), a record's snapshots are those of every record sharing a key with it
     * (IME, historic id, registry key), as an association's profile lists every snapshot it was in.
     */
    void withinProfiles(boolean keySnapshots) throws SQLException {
        String seen = "{'t': %1$s.tbl, 'p': %1$s.period, 'r': %1$s.registry}";
        if (keySnapshots) {
            exec(("""
                    create or replace table ksnap as
                    select b.idx, list(distinct %s) as seen
                    from batch b left join batch o on o.ime = b.ime or o.hist = b.hist or o.regkey = b.regkey or o.idx = b.idx
                    group by b.idx""").formatted(seen.formatted("o")));
        } else {
            exec("create or replace table ksnap as select idx, [%s] as seen from batch".formatted(seen.formatted("batch")));
        }
        exec("""
                    create or replace table prof as
                    select 'R' || hi as association_id,
                        case when mun is null then [] else [mun] end as muns,
                        case when us is null then [] else [us] end as uss,
                        case when city is null then [] else [city] end as cities,
                        case when fed is null then [] else [fed] end as feds,
                        case when cons is null then [] else [cons] end as conss,
                        case when ime is null then [] else [ime] end as imes,
                        case when regkey is null then [] else [regkey] end as regkeys,
                        ksnap.seen, registry, period
                    from batch join ksnap using (idx)""");
        exec("create or replace table nm as select 'R' || hi as association_id, block, name from batch where name <> ''");
        exec("create or replace table pmun as select 'R' || hi as association_id, mun from batch where mun is not null");
        exec("create or replace table pus as select 'R' || hi as association_id, us from batch where us is not null");
    }

    /** Token information: how rare a word is among the names of its block (smoothed toward all names). */
    void prepareTokens() throws SQLException {
        prepareTokens(false);
    }

    /**
     * How informative each word is: how many of a block's names carry it, a name being an
     * association (all the ways it was written count once) or a way of writing the batch's records
     * no association has; {@code within}, a distinct way of writing.
     */
    void prepareTokens(boolean within) throws SQLException {
        correctGenericTypos(within);
        exec(("""
                create or replace table ns as
                select distinct block, %s as unit, name from nm where name <> ''
                union all
                select distinct b.block, 'N' || b.name, b.name from batch b
                anti join nm on nm.block = b.block and nm.name = b.name
                where b.name <> ''""").formatted(within ? "'N' || name" : "'A' || association_id"));
        exec("create or replace table nst as select distinct block, unit, token from (select block, unit, unnest(string_split(name, ' ')) as token from ns)");
        exec(("""
                create or replace table tf as
                with g as (select token, count(*) as df from nst group by token),
                     b as (select block, token, count(*) as df from nst group by block, token),
                     nb as (select block, count(distinct unit) as n from ns group by block),
                     n as (select count(*) as n from (select distinct block, unit from ns))
                select b.block, b.token, b.df,
                    -log2((b.df + %1$s * ((g.df + %2$s * %3$s) / (n.n + %2$s))) / (nb.n + %1$s)) as info,
                    -log2((g.df + %2$s * %3$s) / (n.n + %2$s)) as ginfo,
                    -log2((greatest(b.df - 1, 0) + %1$s * ((greatest(g.df - 1, 0) + %2$s * %3$s) / (n.n + %2$s))) / (nb.n + %1$s)) as linfo
                from b join g using (token) join nb using (block) cross join n""").formatted(num(BLOCK_SMOOTHING),
                num(PRIOR_NAMES), num(PRIOR_SHARE)));
        exec("create or replace table bt as select idx, block, unnest(string_split(name, ' ')) as token from batch where name <> ''");
    }

    /**
     * A typo in a word most names have ({@code SOCIL}, {@code ASOCICAION}, {@code UIDOS}) is read as
     * that word, in the batch's names and the candidates': such a word says little, written right or
     * not, and misread as a rare word it would keep two ways of writing one name apart. A word is
     * read so when it is in a twentieth or less of the names the common word is in, is not a number,
     * and is one typo away (as
     * {@code typo_of}) from a word in more than {@code 2^-}{@link #NEAR_BITS} of all names; the
     * closest such word wins, then the more common, then the first by the alphabet.
     */
    private void correctGenericTypos(boolean within) throws SQLException {
        exec(("""
                create or replace table tok0 as
                with u as (
                    select distinct %s as unit, name from nm where name <> ''
                    union select distinct 'N' || name, name from batch where name <> ''
                ), t as (select distinct unit, unnest(string_split(name, ' ')) as token from u)
                select token, count(*) as df, (select count(distinct unit) from u) as n from t group by token""")
                .formatted(within ? "'N' || name" : "'A' || association_id"));
        exec(("""
                create or replace table corr as
                with common as (
                    select token, df from tok0
                    where -log2((df + %2$s * %3$s) / (n + %2$s)) < %1$s and length(token) >= 5
                        and not regexp_full_match(token, '[0-9]+')
                )
                ,
                -- words sharing their first or their last two letters with a common word: two equi-joins
                near as (
                    select t.token, t.df, c.token as common, c.df as cdf from tok0 t join common c on left(t.token, 2) = left(c.token, 2)
                    union all
                    select t.token, t.df, c.token, c.df from tok0 t join common c on right(t.token, 2) = right(c.token, 2)
                )
                select near.token as wrong,
                    -- the closest, then the most common, then the first by the alphabet (not the first met)
                    arg_min(near.common, {'d': damerau_levenshtein(near.token, near.common) * 1000000 - near.cdf,
                        't': near.common}) as fixed
                from near
                where near.df * 20 <= near.cdf and length(near.token) >= 4 and abs(length(near.token) - length(near.common)) <= 2
                    and not regexp_full_match(near.token, '[0-9]+')
                    and near.token not in (select token from common)
                    and damerau_levenshtein(near.token, near.common)
                        <= case when least(length(near.token), length(near.common)) >= 9 then 2 else 1 end
                group by near.token""").formatted(num(NEAR_BITS), num(PRIOR_NAMES), num(PRIOR_SHARE)));
        if (count("select count(*) from corr") == 0) {
            return;
        }
        // every name holding a misread word, read right: words looked up by a join, once per distinct name
        exec("""
                create or replace table fixn as
                with u as (
                    select name, unnest(string_split(name, ' ')) as w, generate_subscripts(string_split(name, ' '), 1) as pos
                    from (select name from batch where name <> '' union select name from nm)
                ),
                -- only the names holding a misread word are rewritten
                hit as (select distinct u.name from u semi join corr on corr.wrong = u.w)
                select u.name, array_to_string(list(coalesce(corr.fixed, u.w) order by u.pos), ' ') as fixed
                from u semi join hit on hit.name = u.name
                left join corr on corr.wrong = u.w
                group by u.name""");
        exec("update batch set name = fixn.fixed from fixn where batch.name = fixn.name");
        exec("""
                create or replace table nm as
                select distinct nm.association_id, nm.block, coalesce(fixn.fixed, nm.name) as name
                from nm left join fixn on fixn.name = nm.name""");
    }

    /**
     * Blocking: the pairs of a batch record and a candidate name variant ({@code cand}) worth
     * comparing, each rule an equi-join, so the pairs grow with what records share, not with the
     * square of a block:
     * <ul>
     *   <li>the same normalised name;</li>
     *   <li>a shared informative word (at least {@link #BLOCKING_BITS} bits, in at most
     *       {@link #BLOCKING_MAX_NAMES} names of the block), or one alike at its start or end (a typo);</li>
     *   <li>the same hometown and the same informative words once the hometown's words are left
     *       out ({@code Club Jerez}, {@code Club Social Jerez} and {@code Jerez} of Jerez, say).</li>
     * </ul>
     * {@code within}: candidates are the batch's own records, each pair once, and a shared word
     * only pairs records of one hometown (records of one new club name its town).
     */
    void blockCandidates(boolean within) throws SQLException {
        blockCandidates(within, within);
    }

    void blockCandidates(boolean within, boolean sameTown) throws SQLException {
        exec("create or replace table nmt as select association_id, block, name, unnest(string_split(name, ' ')) as token from nm");
        // whether a word is one of a hometown's (or a typo of one), once per town and word, not per name holding it;
        // within, the candidates' words are the records' own
        exec(("""
                create or replace table hw as
                select d.mun, d.token, hometown_word(coalesce(munw.words, []), d.token) as home
                from (select distinct batch.mun, bt.token from bt join batch using (idx) where batch.mun is not null
                      %s) d
                left join munw on munw.mun = d.mun""").formatted(within ? "" : """
                      union
                      select distinct pmun.mun, nmt.token from nmt join pmun using (association_id)
                      where pmun.mun in (select mun from batch)"""));
        // the informative words of a name once the words of a hometown are left out: its skeleton in that town
        exec(("""
                create or replace table skel_b as
                select bt.idx, array_to_string(list_sort(list_distinct(list(left(bt.token, 2))
                    filter (where tf.info >= %1$s and not hw.home))), ' ') as skeleton
                from bt join batch on batch.idx = bt.idx left join tf on tf.block = bt.block and tf.token = bt.token
                left join hw on hw.mun = batch.mun and hw.token = bt.token
                where batch.mun is not null group by bt.idx""").formatted(num(TRIVIAL_BITS)));
        if (within) {
            // the candidates are the batch's records, R<hi> each (withinProfiles): their skeletons are the records'
            exec("""
                    create or replace table skel_n as
                    select 'R' || batch.hi as association_id, batch.block, batch.name, batch.mun, skel_b.skeleton
                    from batch join skel_b using (idx)""");
        } else {
            exec(("""
                    create or replace table skel_n as
                    select nmt.association_id, nmt.block, nmt.name, pmun.mun,
                        array_to_string(list_sort(list_distinct(list(left(nmt.token, 2))
                            filter (where tf.info >= %1$s and not hw.home))), ' ') as skeleton
                    from nmt join pmun using (association_id) left join tf on tf.block = nmt.block and tf.token = nmt.token
                    left join hw on hw.mun = pmun.mun and hw.token = nmt.token
                    where pmun.mun in (select mun from batch)
                    group by nmt.association_id, nmt.block, nmt.name, pmun.mun""").formatted(num(TRIVIAL_BITS)));
        }
        // within: each pair once, and never a pair of two linked records (the table is empty when estimating)
        String pairFilter = within ? " and %1$s.idx < cast(substr(%2$s.association_id, 2) as integer)"
                + " and not (%1$s.idx in (select idx from linked) and %2$s.association_id in (select association_id from linked))"
                : "";
        // a candidate word with the hometown it is known in, when a shared word only pairs records of one town
        exec(sameTown
                ? "create or replace table nmtm as select nmt.*, pmun.mun from nmt join pmun using (association_id)"
                : "create or replace table nmtm as select nmt.*, null::varchar as mun from nmt");
        exec(("""
                create or replace table sel as
                select bt.idx, bt.block, bt.token, %3$s as mun,
                    case when length(bt.token) >= 5 then left(bt.token, 4) end as p4,
                    case when length(bt.token) >= 5 then right(bt.token, 4) end as s4
                from bt join tf on tf.block = bt.block and tf.token = bt.token join batch on batch.idx = bt.idx
                left join munw on munw.mun = batch.mun
                where tf.info >= %1$s and tf.df <= %2$d
                    -- the hometown's own words pair by the hometown rule below, not by themselves
                    and not list_contains(coalesce(munw.words, []), bt.token)""").formatted(num(BLOCKING_BITS), BLOCKING_MAX_NAMES,
                sameTown ? "batch.mun" : "null::varchar"));
        exec(("""
                create or replace table wide as
                select bt.idx, bt.block, bt.token, batch.us
                from bt join batch on batch.idx = bt.idx join tf on tf.block = bt.block and tf.token = bt.token
                where batch.mun is null and batch.us is not null and tf.info >= %1$s and tf.df <= %2$d""")
                .formatted(num(NEAR_BITS / 2), BLOCKING_MAX_NAMES * 10));
        // a typo is looked for between informative words only, on both sides
        exec(("""
                create or replace table nmtk as
                select nmtm.*, case when length(nmtm.token) >= 5 and tf.info >= %1$s and tf.df <= %2$d then left(nmtm.token, 4) end as p4,
                    case when length(nmtm.token) >= 5 and tf.info >= %1$s and tf.df <= %2$d then right(nmtm.token, 4) end as s4
                from nmtm left join tf on tf.block = nmtm.block and tf.token = nmtm.token""").formatted(num(BLOCKING_BITS),
                BLOCKING_MAX_NAMES));
        // the words alike at their start or end (the same first or last four letters, at most two edits apart),
        // once per two words rather than per two records carrying them
        exec("""
                create or replace table alike as
                with a as (select distinct block, mun, token, p4, s4 from sel where p4 is not null),
                     b as (select distinct block, mun, token, p4, s4 from nmtk where p4 is not null)
                select a.block, a.mun, a.token as a, b.token as b from a
                join b on b.block = a.block and b.mun is not distinct from a.mun and b.p4 = a.p4
                where b.token <> a.token and abs(length(b.token) - length(a.token)) <= 2
                    and damerau_levenshtein(b.token, a.token) <= 2
                union
                select a.block, a.mun, a.token, b.token from a
                join b on b.block = a.block and b.mun is not distinct from a.mun and b.s4 = a.s4
                where b.token <> a.token and abs(length(b.token) - length(a.token)) <= 2
                    and damerau_levenshtein(b.token, a.token) <= 2""");
        exec(("""
                create or replace table cand as
                select distinct sel.idx, nmtk.association_id, nmtk.name from sel
                join nmtk on nmtk.block = sel.block and nmtk.token = sel.token
                    and nmtk.mun is not distinct from sel.mun
                where true %1$s
                union
                select distinct sel.idx, nmtk.association_id, nmtk.name from sel
                join alike on alike.block = sel.block and alike.mun is not distinct from sel.mun and alike.a = sel.token
                join nmtk on nmtk.block = sel.block and nmtk.token = alike.b and nmtk.p4 is not null
                    and nmtk.mun is not distinct from sel.mun
                where true %1$s
                union
                select distinct batch.idx, skel_n.association_id, skel_n.name from batch
                join skel_b using (idx)
                join skel_n on skel_n.block = batch.block and skel_n.mun = batch.mun
                    and skel_n.skeleton is not distinct from skel_b.skeleton
                where true %2$s
                union
                select distinct batch.idx, nm.association_id, nm.name from batch
                join nm on nm.block = batch.block and nm.name = batch.name
                where true %3$s
                union
                -- a candidate known without a hometown (from historic directories or answers): any word it shares
                select distinct bt.idx, nmt.association_id, nmt.name from bt
                join tf on tf.block = bt.block and tf.token = bt.token and tf.info >= %5$s and tf.df <= %6$d
                join nmt on nmt.block = bt.block and nmt.token = bt.token
                anti join pmun on pmun.association_id = nmt.association_id
                where true %7$s
                union
                -- a record without a hometown (a historic directory, a survey answer): a word its name shares
                -- with a candidate of the same US state, however common the word is in the block
                select distinct wide.idx, nmt.association_id, nmt.name from wide
                join pus on pus.us = wide.us
                join nmt on nmt.association_id = pus.association_id and nmt.block = wide.block and nmt.token = wide.token
                where true %4$s""").formatted(pairFilter.formatted("sel", "nmtk"),
                pairFilter.formatted("batch", "skel_n"), pairFilter.formatted("batch", "nm"),
                pairFilter.formatted("wide", "nmt"), num(NEAR_BITS / 2), BLOCKING_MAX_NAMES * 10,
                pairFilter.formatted("bt", "nmt")));
    }

    /**
     * The query comparing every pair of {@code cand}: name levels from the words' information
     * (computed in Java before the query is returned, {@link #nameLevels}, into {@code lv}), the
     * other comparisons from the candidate's profile, the weights of the model, the total;
     * with each record's candidates ranked. Registry entries of one snapshot are never compared
     * ({@code within}: the batch's own records).
     */
    String levelsQuery(boolean within) throws SQLException {
        return levelsQuery(within, true);
    }

    /** With {@code constraints} false, pairs the constraints exclude are compared too (for sampling non-matches). */
    String levelsQuery(boolean within, boolean constraints) throws SQLException {
        Map<String, String[]> typos = typoNeighbours();
        // a candidate known without a hometown, one of whose names carries every word of the record's hometown:
        // once per pair, not as a window over the pairs' rows (which would carry their word lists along)
        exec("""
                create or replace table ntw as
                select cand.idx, cand.association_id,
                    bool_or(list_has_all(string_split(cand.name, ' '), munw.words)) as every
                from cand join batch using (idx) join munw on munw.mun = batch.mun join prof using (association_id)
                where len(prof.muns) = 0 and len(munw.words) > 0
                group by cand.idx, cand.association_id""");
        String conflict = """
                (batch.ime is not null and len(prof.imes) > 0 and not list_contains(prof.imes, batch.ime))
                or (batch.regkey is not null and len(prof.regkeys) > 0 and not list_contains(prof.regkeys, batch.regkey))""";
        // every pair to compare with its context: whether the hometown is shared, whether the US location
        // disagrees, the US cities either name holds; the names' level is computed from them in Java (lv)
        exec(("""
                create or replace table lp as
                select cand.idx, cand.association_id, cand.name,
                    (batch.mun is not null and list_contains(prof.muns, batch.mun)) or coalesce(ntw.every, false) as town,
                    -- a candidate known without a hometown whose name carries every word of the record's: the
                    -- name says where it is from, which is the municipality's evidence, not which club it is
                    coalesce(ntw.every, false) as ntown,
                    -- the US location disagrees (the state, or the city): the words of the names naming places are
                    -- about where the clubs are, which the location weighs, not evidence that they are one club
                    (batch.us is not null and len(prof.uss) > 0 and not list_contains(prof.uss, batch.us))
                        or (batch.city is not null and len(prof.cities) > 0
                            and len(list_filter(prof.cities, c -> jaro_winkler_similarity(c, batch.city) >= %2$s)) = 0) as usdis,
                    -- the US cities of the pair written in either name are place words too
                    array_to_string(flatten(list_transform(list_filter(list_append(prof.cities, batch.city), c -> c is not null
                        and (contains(' ' || batch.name || ' ', ' ' || c || ' ') or contains(' ' || cand.name || ' ', ' ' || c || ' '))),
                        c -> string_split(c, ' '))), ' ') as cw
                from cand
                join batch using (idx)
                join prof using (association_id)
                left join ntw on ntw.idx = cand.idx and ntw.association_id = cand.association_id
                where batch.name <> '' and %1$s %3$s""").formatted(constraints ? "not (" + conflict + ")" : "true",
                num(SAME_TEXT), within && constraints ? """
                    and not (batch.registry and prof.registry and batch.period = prof.period)""" : ""));
        nameLevels(within, typos);
        String nameBits = "case when town then " + caseOf("name_same_town", "l_name") + " else " + caseOf("name", "l_name")
                + " end";
        return ("""
                with
                named as (
                    select lp.idx, lp.association_id, lp.town, lp.ntown, lv.l_name, %1$s as w_name
                    from lp join lv on lv.rid = lp.rowid
                ),
                best_name as (
                    select idx, association_id, arg_max(l_name, w_name) as l_name, max(w_name) as w_name,
                        any_value(town) as town, any_value(ntown) as ntown
                    from named group by idx, association_id
                    -- numbers must agree: Club Unido Jerez 12 is never Club Unido Jerez 30, whatever else agrees
                    having arg_max(l_name, w_name) is distinct from 'numbers_differ'
                ),
                compared as (
                    select best_name.*,
                        case when best_name.ntown then 'agree' when batch.mun is null or len(prof.muns) = 0 then null
                            when list_contains(prof.muns, batch.mun) then 'agree' else 'disagree' end as l_municipality,
                        -- a project's municipality is the site of the work: the club's hometown, but not always
                        batch.tbl = '%11$s' as site,
                        case when batch.us is null or len(prof.uss) = 0 then null
                            when list_contains(prof.uss, batch.us) then 'agree' else 'disagree' end as l_us_state,
                        case when batch.city is null or len(prof.cities) = 0 then null
                            when len(list_filter(prof.cities, c -> jaro_winkler_similarity(c, batch.city) >= %2$s)) > 0
                            then 'agree' else 'disagree' end as l_city,
                        case when batch.fed is null or len(prof.feds) = 0 then null
                            when len(list_filter(prof.feds, f -> jaro_winkler_similarity(f, batch.fed) >= %2$s)) > 0
                            then 'agree' else 'disagree' end as l_federation,
                        case when batch.cons is null or len(prof.conss) = 0 then null
                            when list_contains(prof.conss, batch.cons) then 'agree' else 'disagree' end as l_consulate,
                        -- a registry entry: was the association listed in the snapshot before or after this one (the
                        -- snapshots it was seen in, this partition's aside)
                        -- (written out in each branch, not as a lateral subquery: DuckDB would join every pair back
                        -- to its own list; only a registry entry's pairs compute it)
                        case when not batch.registry then null
                            when list_contains(%12$s, batch.prev_snap) or list_contains(%12$s, batch.next_snap) then 'adjacent'
                            when len(%12$s) > 0 then 'gap' else 'never' end as l_time
                    from best_name join batch using (idx) join prof using (association_id)
                ),
                weighed as (
                    select *,
                        %3$s as w_municipality, %4$s as w_us_state, %5$s as w_city, %6$s as w_federation,
                        %7$s as w_consulate, %8$s as w_time
                    from compared
                ),
                totals as (
                    select *, %9$s + coalesce(w_name, 0) + w_municipality + w_us_state + w_city + w_federation
                        + w_consulate + w_time as weight
                    from weighed
                )
                %10$s""").formatted(nameBits, num(SAME_TEXT),
                "case when site then " + caseOf("project_site", "l_municipality") + " else " + caseOf("municipality", "l_municipality") + " end",
                caseOf("us_state", "l_us_state"), caseOf("city", "l_city"),
                caseOf("federation", "l_federation"), caseOf("consulate", "l_consulate"), caseOf("time", "l_time"),
                num(model.priorBits()),
                within ? "select * from totals" : """
                select *,
                    row_number() over (partition by idx order by weight desc, association_id) as rank,
                    count(*) over (partition by idx) as considered
                from totals""", AssociationRecord.PROJECTS,
                "list_transform(list_filter(prof.seen, x -> x.r and not (x.t = batch.tbl and x.p = batch.period)), x -> x.p)");
    }

    /**
     * The name level of every pair of {@code lp} ({@link NameLevels}), into {@code lv} by the pair's
     * row: each name's words are read once (their information in the record's block, whether
     * numbers or place words, their {@code typos}, {@link #typoNeighbours}), the names numbered in
     * DuckDB ({@code lpn}) so a pair is read as two numbers, and the pairs compared in Java in
     * slices on the linker's threads ({@link #inSlices}). {@code within}:
     * two records of the batch are compared each way (the level counts the words of the name it
     * compares from) and the pair takes the stronger level, so it does not depend on which record
     * comes first in the file; numbers that differ either way keep them apart.
     */
    private void nameLevels(boolean within, Map<String, String[]> typos) throws SQLException {
        // how informative each word of the pairs' names is in the records' blocks
        Map<String, Map<String, double[]>> info = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select tf.block, tf.token, tf.linfo, tf.ginfo from tf
                semi join (select distinct block from batch where idx in (select idx from lp)) b on b.block = tf.block""")) {
            while (rs.next()) {
                info.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        new double[] {rs.getDouble(3), rs.getDouble(4)});
            }
        }
        // the pairs' names, numbered: each (block, name) is read and built once, a pair is read as two numbers
        exec("""
                create or replace table lpn as
                select block, name, (row_number() over () - 1)::integer as nid from (
                    select distinct b.block, b.name from lp join batch b using (idx)
                    union
                    select distinct b.block, lp.name from lp join batch b using (idx))""");
        NameLevels.Name[] names = new NameLevels.Name[(int) count("select count(*) from lpn")];
        String[] nameBlock = new String[names.length];
        String[] nameText = new String[names.length];
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select nid, block, name from lpn")) {
            while (rs.next()) {
                nameBlock[rs.getInt(1)] = rs.getString(2);
                nameText[rs.getInt(1)] = rs.getString(3);
            }
        }
        int most = (int) count("select count(*) from lp");
        long[] rid = new long[most];
        int[] left = new int[most];
        int[] right = new int[most];
        String[] mun = new String[most];
        boolean[] town = new boolean[most];
        boolean[] usDisagrees = new boolean[most];
        String[] cw = new String[most];
        int pairs = 0; // a pair without a name on either side has no name level (none of lp's)
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select lp.rowid, x.nid, y.nid, b.mun, lp.town, lp.usdis, lp.cw
                from lp join batch b using (idx)
                join lpn x on x.block = b.block and x.name = b.name
                join lpn y on y.block = b.block and y.name = lp.name""")) {
            for (int k = 0; rs.next(); k++, pairs++) {
                rid[k] = rs.getLong(1);
                left[k] = rs.getInt(2);
                right[k] = rs.getInt(3);
                mun[k] = rs.getString(4);
                town[k] = rs.getBoolean(5);
                usDisagrees[k] = rs.getBoolean(6);
                cw[k] = rs.getString(7);
            }
        }
        Map<String, String[]> homes = new HashMap<>();
        for (int k = 0; k < pairs; k++) {
            if (mun[k] != null && !homes.containsKey(mun[k])) {
                homes.put(mun[k], hometownWords.getOrDefault(mun[k], List.of()).toArray(new String[0]));
            }
        }
        // the names, then the pairs, in slices over the linker's threads (each slice its own comparer)
        inSlices(names.length, (from, to) -> {
            for (int k = from; k < to; k++) {
                String[] words = NameLevels.words(nameText[k]);
                Map<String, double[]> blockInfo = info.getOrDefault(nameBlock[k], Map.of());
                names[k] = NameLevels.name(words, w -> blockInfo.getOrDefault(w, NO_INFO), PLACE_WORDS.wordsOf(words),
                        w -> typos.getOrDefault(w, NO_WORDS));
            }
        });
        String[] levels = new String[pairs];
        inSlices(pairs, (from, to) -> {
            NameLevels.Comparer comparer = new NameLevels.Comparer();
            for (int k = from; k < to; k++) {
                NameLevels.Name a = names[left[k]];
                NameLevels.Name b = names[right[k]];
                boolean same = left[k] == right[k];
                String[] home = mun[k] == null ? NO_WORDS : homes.get(mun[k]);
                String[] cityWords = cw[k] == null || cw[k].isEmpty() ? NO_WORDS : NameLevels.words(cw[k]);
                String level = comparer.level(a, b, same, town[k], home, cityWords, usDisagrees[k]);
                if (within && !same) {
                    level = stronger(level, comparer.level(b, a, same, town[k], home, cityWords, usDisagrees[k]), town[k]);
                }
                levels[k] = level;
            }
        });
        exec("create or replace table lv (rid bigint, l_name varchar)");
        try (DuckDBAppender out = connection.createAppender("main", "lv")) {
            for (int k = 0; k < pairs; k++) {
                out.beginRow();
                out.append(rid[k]);
                out.append(levels[k]);
                out.endRow();
            }
        }
    }

    /** Below this many names or pairs, one thread compares them all (a slice's start costs more than it saves). */
    static final int SLICE = 1024;

    /** Work over {@code 0..n} in contiguous slices, one per thread of the linker, done when every slice is. */
    private void inSlices(int n, java.util.function.BiConsumer<Integer, Integer> slice) {
        int slices = n < SLICE ? 1 : threads;
        if (slices == 1) {
            slice.accept(0, n);
            return;
        }
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < slices; t++) {
            int from = (int) ((long) n * t / slices);
            int to = (int) ((long) n * (t + 1) / slices);
            done.add(workers().submit(() -> slice.accept(from, to)));
        }
        for (java.util.concurrent.Future<?> f : done) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while comparing names", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** The threads comparing names, as many as DuckDB's, started on first use and stopped on close. */
    private java.util.concurrent.ExecutorService workers() {
        if (workers == null) {
            java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
            workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "oriundos-linkage-" + number.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return workers;
    }

    /**
     * Of a pair's two name levels (one each way), the one the model weighs more ({@code town}: given
     * the shared hometown); when they weigh the same, the first by name. Numbers that differ either
     * way are {@code numbers_differ}.
     */
    private String stronger(String forward, String backward, boolean town) {
        if (forward == null || backward == null || forward.equals(backward)) {
            return forward;
        }
        if (NameLevels.NUMBERS_DIFFER.equals(forward) || NameLevels.NUMBERS_DIFFER.equals(backward)) {
            return NameLevels.NUMBERS_DIFFER;
        }
        String comparison = town ? "name_same_town" : "name";
        double f = model.bits(comparison, forward);
        double b = model.bits(comparison, backward);
        return f > b || (f == b && forward.compareTo(backward) < 0) ? forward : backward;
    }

    private static final String[] NO_WORDS = new String[0];
    private static final double[] NO_INFO = {0.0, 0.0};

    /**
     * The words of the names a levels query compares, each with the words it is a typo of
     * ({@code typo_of}, symmetric), found in Java ({@link NameLevels#typos}) so a pair's levels
     * need no edit distance per pair of records. A word beyond ASCII is paired with every word and
     * {@code typo_of} decides in DuckDB, whose distance counts bytes.
     */
    private Map<String, String[]> typoNeighbours() throws SQLException {
        List<String> words = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select distinct token from (select token from bt
                    union all select unnest(string_split(name, ' ')) as token from (select distinct name from cand))
                where length(token) >= 5 and not regexp_full_match(token, '[0-9]+')
                order by token""")) {
            while (rs.next()) {
                words.add(rs.getString(1));
            }
        }
        List<String> ascii = new ArrayList<>();
        List<Integer> wide = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).chars().allMatch(c -> c < 128)) {
                ascii.add(words.get(i));
            } else {
                wide.add(i); // beyond ASCII, no shortcut is assumed: compared with every word
            }
        }
        Map<String, List<String>> neighbours = NameLevels.typos(ascii);
        if (!wide.isEmpty()) {
            wideTypos(words, wide, neighbours);
        }
        Map<String, String[]> out = new HashMap<>();
        neighbours.forEach((w, n) -> out.put(w, n.toArray(new String[0])));
        return out;
    }

    /** The typos of the words beyond ASCII ({@code wide}), decided by {@code typo_of} in DuckDB. */
    private void wideTypos(List<String> words, List<Integer> wide, Map<String, List<String>> neighbours) throws SQLException {
        Set<Long> pairs = new HashSet<>();
        for (int i : wide) {
            for (int j = 0; j < words.size(); j++) {
                if (j != i) {
                    pairs.add((long) Math.min(i, j) << 32 | Math.max(i, j));
                }
            }
        }
        exec("create or replace table typair (a varchar, b varchar)");
        try (DuckDBAppender a = connection.createAppender("main", "typair")) {
            for (long pair : pairs) {
                a.beginRow();
                a.append(words.get((int) (pair >>> 32)));
                a.append(words.get((int) pair));
                a.endRow();
            }
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select a, b from typair where typo_of({'t': a, 'n': false}, {'t': b, 'n': false})""")) {
            while (rs.next()) {
                neighbours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                neighbours.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
            }
        }
    }

    private Map<Integer, Scores> readScores(String query) throws SQLException {
        Map<Integer, List<ScoredCandidate>> best = new HashMap<>();
        Map<Integer, Integer> considered = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                int idx = rs.getInt("idx");
                best.computeIfAbsent(idx, k -> new ArrayList<>()).add(scored(rs));
                considered.put(idx, rs.getInt(5));
            }
        }
        Map<Integer, Scores> out = new HashMap<>();
        best.forEach((idx, list) -> out.put(idx, new Scores(list, considered.get(idx))));
        return out;
    }

    /** What is fetched of a scored pair: the levels; their weights are the model's, looked up here. */
    private static final String FETCHED = "idx, association_id, town, weight, considered, l_name, l_municipality,"
            + " l_us_state, l_city, l_federation, l_consulate, l_time, site, w_name";

    /** A scored pair; weights rounded to 1/10,000 of a bit, so what is remembered is what was written. */
    private ScoredCandidate scored(ResultSet rs) throws SQLException {
        List<ScoredCandidate.Part> parts = new ArrayList<>(COMPARISONS.length + 1);
        parts.add(new ScoredCandidate.Part("prior", null, round(model.priorBits())));
        boolean town = rs.getBoolean(3); // the name was weighed given the shared hometown
        for (int k = 0; k < COMPARISONS.length; k++) {
            String level = rs.getString(6 + k);
            String comparison = k == 0 && town ? "name_same_town"
                    : k == 1 && rs.getBoolean("site") ? "project_site" : COMPARISONS[k];
            // the name's bits are its levels' over the ways the association is written, weighed by use
            double bits = level == null ? 0 : k == 0 ? rs.getDouble("w_name") : model.bits(comparison, level);
            parts.add(new ScoredCandidate.Part(comparison, level, round(bits)));
        }
        return new ScoredCandidate(rs.getString(2), round(rs.getDouble(4)), parts);
    }

    static double round(double bits) {
        return Math.round(bits * 10_000) / 10_000.0;
    }

    /** A SQL CASE naming the band of shared information ({@link LinkageModel#SHARED_BITS_BANDS}) of a column. */
    private static String band(String column) {
        StringBuilder sb = new StringBuilder("case");
        for (int b : LinkageModel.SHARED_BITS_BANDS) {
            sb.append(" when ").append(column).append(" >= ").append(b).append(" then '").append(b).append("'");
        }
        return sb.append(" else '0' end").toString();
    }

    /** A SQL CASE giving the weight (bits) of each level of a comparison; 0 for a missing value. */
    private String caseOf(String comparison, String column) {
        StringBuilder sb = new StringBuilder("case ").append(column);
        for (Map.Entry<String, LinkageModel.Level> l : model.levels().get(comparison).entrySet()) {
            sb.append(" when '").append(l.getKey()).append("' then ").append(num(l.getValue().bits()));
        }
        return sb.append(" else 0.0 end").toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }

    Connection connection() {
        return connection;
    }

    void execute(String sql) throws SQLException {
        exec(sql);
    }

    long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    static IllegalStateException failure(String what, SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int real = m.indexOf("\nError: ");
        return new IllegalStateException(what + ": " + (real >= 0 ? m.substring(real + 8).strip() : m.strip()), e);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("cannot close the linker's DuckDB", e);
        } finally {
            removeSpill();
        }
    }

    /** Where this database spills past its memory limit. */
    java.nio.file.Path spill() {
        return spill;
    }

    private static java.nio.file.Path spillDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("oriundos-linkage-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the linker's spill directory under "
                    + System.getProperty("java.io.tmpdir") + " (java.io.tmpdir): " + e.getMessage(), e);
        }
    }

    private void removeSpill() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(spill)) {
            for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // DuckDB removes its own files on close; a leftover in the temporary directory harms nothing
        }
    }
}
