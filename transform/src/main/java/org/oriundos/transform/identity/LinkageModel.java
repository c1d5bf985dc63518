package org.oriundos.transform.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The parameters of the Fellegi–Sunter model that links association records
 * (docs/conform.md, "One identity per association"): for every comparison, the probability of
 * each of its levels among records of one association ({@code m}) and among records of
 * different associations ({@code u}); the prior probability that a record and a candidate are
 * one association; and the decision thresholds, in bits. A level's match weight is
 * {@code log2(m/u)}; a pair's is the prior's log-odds plus the weights of its levels (a comparison
 * with a value missing on either side weighs 0).
 *
 * <p>The shipped parameters are {@value #RESOURCE} (estimated by {@code oriundos links --estimate},
 * provenance in {@code linkage_model.md} beside it); a data home's
 * {@code conf/linkage_model.csv}, when present, replaces them.
 */
public final class LinkageModel {
    public static final String RESOURCE = "reference/linkage_model.csv";
    public static final String HEADER = "kind,comparison,level,m,u,value";

    /**
     * How much the words two names share say, in bits, at least: the bands the {@code exact},
     * {@code alike} and {@code near} levels are split by (a term-frequency adjustment in bands, as
     * Splink's): {@code exact_12} is the same words, sharing 12 to 16 bits.
     */
    public static final List<Integer> SHARED_BITS_BANDS = List.of(16, 12, 8, 4, 0);

    /** The name levels: how the words agree, and how much information the shared words carry. */
    public static final List<String> NAME_LEVELS = nameLevels();

    private static final List<String> AGREEMENT = List.of("agree", "disagree");

    /**
     * Every comparison and its levels. {@code name} applies when the two origin municipalities do
     * not agree (or one is unknown), {@code name_same_town} when they agree: the name is then
     * weighed given the shared hometown, so the hometown is not counted twice.
     */
    public static final Map<String, List<String>> COMPARISONS = orderedComparisons();

    /** A level's probabilities. */
    public record Level(double m, double u) {
        public double bits() {
            return log2(m / u);
        }
    }

    private final Map<String, Map<String, Level>> levels;
    private final double prior;
    private final double upper;
    private final double lower;
    private final double margin;
    private final byte[] bytes;

    public LinkageModel(Map<String, Map<String, Level>> levels, double prior, double upper, double lower,
                        double margin) {
        this(levels, prior, upper, lower, margin, null);
    }

    private LinkageModel(Map<String, Map<String, Level>> levels, double prior, double upper, double lower,
                         double margin, byte[] bytes) {
        for (Map.Entry<String, List<String>> c : COMPARISONS.entrySet()) {
            Map<String, Level> given = levels.get(c.getKey());
            if (given == null || !given.keySet().containsAll(c.getValue()) || given.size() != c.getValue().size()) {
                throw new IllegalArgumentException("the linkage model needs the levels " + c.getValue() + " of "
                        + c.getKey() + ", it has " + (given == null ? "none" : given.keySet()));
            }
        }
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("the prior must be between 0 and 1, got " + prior);
        }
        if (!(lower <= upper) || margin < 0) {
            throw new IllegalArgumentException("the thresholds need lower <= upper and margin >= 0, got lower "
                    + lower + ", upper " + upper + ", margin " + margin);
        }
        Map<String, Map<String, Level>> copy = new LinkedHashMap<>();
        for (String c : COMPARISONS.keySet()) {
            Map<String, Level> l = new LinkedHashMap<>();
            for (String level : COMPARISONS.get(c)) {
                l.put(level, levels.get(c).get(level));
            }
            copy.put(c, l);
        }
        this.levels = copy;
        this.prior = prior;
        this.upper = upper;
        this.lower = lower;
        this.margin = margin;
        this.bytes = bytes != null ? bytes : format(null).getBytes(StandardCharsets.UTF_8);
    }

    /** The shipped model ({@value #RESOURCE}). */
    public static LinkageModel shipped() {
        try (InputStream in = LinkageModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the transform module");
            }
            return parse(in.readAllBytes(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The model of a file, or the shipped one when the path is null or the file does not exist. */
    public static LinkageModel load(Path file) {
        if (file == null || !Files.exists(file)) {
            return shipped();
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the linkage model " + file + ": " + e.getMessage(), e);
        }
    }

    public static LinkageModel parse(byte[] content, String fileName) {
        Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
        Double prior = null;
        Map<String, Double> thresholds = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader r = new StringReader(new String(content, StandardCharsets.UTF_8))) {
            for (CSVRecord rec : format.parse(r)) {
                String where = fileName + " line " + rec.getParser().getCurrentLineNumber();
                String kind = rec.get("kind");
                switch (kind) {
                    case "prior" -> prior = number(rec, "value", where);
                    case "threshold" -> thresholds.put(rec.get("level"), number(rec, "value", where));
                    case "level" -> {
                        String comparison = rec.get("comparison");
                        if (!COMPARISONS.containsKey(comparison)
                                || !COMPARISONS.get(comparison).contains(rec.get("level"))) {
                            throw new IllegalArgumentException(where + ": no level '" + rec.get("level")
                                    + "' of comparison '" + comparison + "' in the model");
                        }
                        double m = number(rec, "m", where);
                        double u = number(rec, "u", where);
                        if (!(m > 0 && m <= 1 && u > 0 && u <= 1)) {
                            throw new IllegalArgumentException(where + ": m and u must be in (0, 1], got " + m + ", " + u);
                        }
                        levels.computeIfAbsent(comparison, k -> new LinkedHashMap<>()).put(rec.get("level"),
                                new Level(m, u));
                    }
                    default -> throw new IllegalArgumentException(where + ": kind '" + kind
                            + "' is not prior, threshold or level");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(fileName) ? e
                    : new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
        }
        for (String t : List.of("upper", "lower", "margin")) {
            if (!thresholds.containsKey(t)) {
                throw new IllegalArgumentException(fileName + ": no threshold '" + t + "'");
            }
        }
        if (prior == null) {
            throw new IllegalArgumentException(fileName + ": no prior");
        }
        try {
            return new LinkageModel(levels, prior, thresholds.get("upper"), thresholds.get("lower"),
                    thresholds.get("margin"), content);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static double number(CSVRecord rec, String column, String where) {
        try {
            return Double.parseDouble(rec.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " '" + rec.get(column) + "' is not a number", e);
        }
    }

    /** The same model with other thresholds (the benchmark tries them). */
    public LinkageModel withThresholds(double newUpper, double newLower, double newMargin) {
        return new LinkageModel(levels, prior, newUpper, newLower, newMargin);
    }

    /** The same model with other levels and prior, this model's thresholds (what EM estimates). */
    public LinkageModel withParameters(Map<String, Map<String, Level>> newLevels, double newPrior) {
        return new LinkageModel(newLevels, newPrior, upper, lower, margin);
    }

    public Map<String, Map<String, Level>> levels() {
        return levels;
    }

    public Level level(String comparison, String level) {
        return levels.get(comparison).get(level);
    }

    /** The weight of a level in bits; 0 for a missing value (level null). */
    public double bits(String comparison, String level) {
        if (level == null) {
            return 0;
        }
        Level l = levels.get(comparison).get(level);
        if (l == null) {
            throw new IllegalArgumentException("no level " + level + " of " + comparison);
        }
        return l.bits();
    }

    /** The prior probability that a record and one candidate are one association. */
    public double prior() {
        return prior;
    }

    /** The prior as a match weight: its log-odds in bits. */
    public double priorBits() {
        return log2(prior / (1 - prior));
    }

    /** A link needs at least this weight (bits). */
    public double upper() {
        return upper;
    }

    /** Below this weight (bits) a candidate is not the record's association; between the two, review. */
    public double lower() {
        return lower;
    }

    /** The best candidate must beat the runner-up by at least this (bits), or the record is ambiguous. */
    public double margin() {
        return margin;
    }

    /** The match probability of a weight. */
    public static double probability(double weight) {
        return 1.0 / (1.0 + Math.pow(2, -weight));
    }

    /** The file's bytes, for the reference-data fingerprint. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The model as its CSV file, with comment lines first. */
    public String format(List<String> comments) {
        StringBuilder sb = new StringBuilder();
        if (comments != null) {
            for (String c : comments) {
                sb.append("# ").append(c).append('\n');
            }
        }
        sb.append(HEADER).append('\n');
        sb.append("prior,,,,,").append(num(prior)).append('\n');
        sb.append("threshold,,upper,,,").append(num(upper)).append('\n');
        sb.append("threshold,,lower,,,").append(num(lower)).append('\n');
        sb.append("threshold,,margin,,,").append(num(margin)).append('\n');
        for (Map.Entry<String, Map<String, Level>> c : levels.entrySet()) {
            for (Map.Entry<String, Level> l : c.getValue().entrySet()) {
                sb.append("level,").append(c.getKey()).append(',').append(l.getKey()).append(',')
                        .append(num(l.getValue().m())).append(',').append(num(l.getValue().u())).append(",\n");
            }
        }
        return sb.toString();
    }

    /** One line per level: comparison, level, m, u and weight, for people. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "prior %.6f (%+.2f bits); link at >= %.1f bits, apart below %.1f, margin %.1f",
                prior, priorBits(), upper, lower, margin));
        for (Map.Entry<String, Map<String, Level>> c : levels.entrySet()) {
            for (Map.Entry<String, Level> l : c.getValue().entrySet()) {
                lines.add(String.format(Locale.ROOT, "%-15s %-16s m %.5f  u %.6f  %+6.2f bits", c.getKey(), l.getKey(),
                        l.getValue().m(), l.getValue().u(), l.getValue().bits()));
            }
        }
        return lines;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static List<String> nameLevels() {
        List<String> levels = new ArrayList<>();
        for (String kind : List.of("exact", "alike", "near")) {
            for (int band : SHARED_BITS_BANDS) {
                levels.add(kind + "_" + band);
            }
        }
        levels.addAll(List.of("extra_word", "different_words", "numbers_differ"));
        return List.copyOf(levels);
    }

    private static Map<String, List<String>> orderedComparisons() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("name", NAME_LEVELS);
        m.put("name_same_town", NAME_LEVELS);
        m.put("municipality", AGREEMENT);
        m.put("project_site", AGREEMENT);
        m.put("us_state", AGREEMENT);
        m.put("city", AGREEMENT);
        m.put("federation", AGREEMENT);
        m.put("consulate", AGREEMENT);
        m.put("time", List.of("adjacent", "gap", "never"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
