package org.oriundos.jobs.links;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.DocFigures;
import org.oriundos.jobs.cli.HomeCommand;
import org.oriundos.jobs.cli.LakeOption;
import org.oriundos.jobs.cli.UsageException;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.nightly.NightlyStages;
import org.oriundos.jobs.ops.RunLock;
import org.oriundos.transform.AssociationReview;
import org.oriundos.transform.ConformStage;
import org.oriundos.transform.RelinkSummary;
import org.oriundos.transform.ReviewItem;
import org.oriundos.transform.identity.LinkageEstimator;
import org.oriundos.transform.identity.LinkageModel;
import org.oriundos.transform.identity.bench.LinkageBenchmark;
import org.oriundos.warehouse.BuildResult;
import org.oriundos.warehouse.SafeCsv;
import org.oriundos.warehouse.WarehouseBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oriundos links}: the association links' review list, the linkage model's estimation,
 * the relink of a data home with the current model, and the labelled linkage benchmark
 * (docs/conform.md, "One identity per association").
 */
@Command(name = "links", customSynopsis = "oriundos links [--review [--csv]] | --estimate [--from-bench] [--out FILE]"
        + " | --relink | --bench [--clubs N] [--seed S] [--records N] [--doc FILE] [--dump FILE]",
        header = "the association links: the review list, the model's estimation, relinking, the benchmark",
        description = """
            --review (the default): every record the linker kept apart for review (a grey-zone weight,
            candidates too close to call, contradicting keys), with each candidate's weight broken down
            by comparison and the two lines of <home>/conf/association_overrides.csv that settle it
            (LINK to the candidate, or APART); add one and run 'oriundos nightly'.
            --estimate: estimates the linkage model's parameters from the records of the lake (or, with
            --from-bench, of a generated population) and writes them, with their provenance, to
            <home>/conf/linkage_model.csv (or --out FILE); the next nightly uses them for new records.
            --relink: re-decides every link that is not a key's or an override's with the current
            model, in every partition, republishes the warehouse and says how many records changed
            association. Nightly runs never relink: existing ids change only here or by an override.
            --bench: generates a labelled population (--clubs, --seed) and measures the linker against
            the truth: precision, recall, B-cubed, review queue, co-listed merges; with --records N, times
            one 3x1 year of N projects of mostly new names instead. --doc FILE writes the figures there;
            --dump FILE writes every record's decision (rule, association, weights, runner-up, no name).""")
public final class LinksCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    @Option(names = "--review", description = "list the records under review (the default)")
    private boolean review;

    @Option(names = "--csv", description = "print the review list as CSV")
    private boolean csv;

    @Option(names = "--estimate", description = "estimate the linkage model's parameters")
    private boolean estimate;

    @Option(names = "--from-bench", description = "estimate from a generated population, not the lake")
    private boolean fromBench;

    @Option(names = "--out", paramLabel = "FILE",
            description = "where --estimate writes the model (default <home>/conf/linkage_model.csv)")
    private String outFile;

    @Option(names = "--relink", description = "re-decide the model's links of every partition and republish")
    private boolean relink;

    @Option(names = "--bench", description = "run the labelled linkage benchmark")
    private boolean bench;

    @Option(names = "--clubs", paramLabel = "N",
            description = "clubs of the generated population (default 2000; 1500 for --estimate)")
    private Long clubs;

    @Option(names = "--seed", paramLabel = "S", description = "the population's seed (default 11 for --bench, 7 for --estimate)")
    private Long seed;

    @Option(names = "--records", paramLabel = "N", description = "with --bench: time one 3x1 year of N projects instead")
    private Long records;

    @Option(names = "--doc", paramLabel = "FILE", description = "with --bench: write the figures into this Markdown file")
    private String doc;

    @Option(names = "--dump", paramLabel = "FILE", description = "with --bench: write every record's decision, sorted,"
            + " to this file (to show two versions of the linker decide alike)")
    private String dump;

    static final String BENCH_BEGIN = "<!-- linkage-bench:begin (written by 'oriundos links --bench --doc'; do not edit by hand) -->";
    static final String BENCH_END = "<!-- linkage-bench:end -->";
    static final String SPEED_BEGIN = "<!-- linkage-speed:begin (written by 'oriundos links --bench --records N --doc'; do not edit by hand) -->";
    static final String SPEED_END = "<!-- linkage-speed:end -->";

    private final PrintStream out;
    private final Path workingDir;

    public LinksCommand(CommandIo io) {
        super(io);
        this.out = io.out();
        this.workingDir = io.workingDir();
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    /** Runs what the options ask for; returns the exit code. */
    @Override
    protected int run(Settings s) throws IOException {
        int actions = (estimate ? 1 : 0) + (relink ? 1 : 0) + (bench ? 1 : 0) + (review ? 1 : 0);
        if (actions > 1) {
            throw new UsageException("give one of --review, --estimate, --relink, --bench");
        }
        NightlyStages stages = new NightlyStages(s);
        if (estimate) {
            return estimate(stages);
        }
        if (relink) {
            return relink(stages);
        }
        if (bench) {
            return bench(stages);
        }
        return review(stages.home());
    }

    // ---- the review list ----

    private int review(DataHome home) {
        List<ReviewItem> items = new AssociationReview(home.lake()).list();
        if (csv) {
            out.println("source_table,period,source_record_id,source_file,source_line,source_name,rule,association_id,"
                    + "candidate_rank,candidate_id,candidate_name,match_weight,match_probability,explanation,override_link,"
                    + "override_apart");
            for (ReviewItem i : items) {
                out.println(String.join(",", csv(i.sourceTable()), csv(i.period()), csv(i.sourceRecordId()),
                        csv(i.sourceFile()), Long.toString(i.sourceLine()), csv(i.sourceName()), csv(i.rule()),
                        csv(i.associationId()), Integer.toString(i.candidateRank()), csv(i.candidateId()),
                        csv(i.candidateName()), String.format(Locale.ROOT, "%.4f", i.matchWeight()),
                        String.format(Locale.ROOT, "%.6f", i.matchProbability()), csv(i.explanation()),
                        csv(i.overrideLink()), csv(i.overrideApart())));
            }
            return 0;
        }
        if (items.isEmpty()) {
            out.println("the review list is empty: every association link was decided by a key, an override or a clear"
                    + " match weight");
            return 0;
        }
        Map<String, List<ReviewItem>> byRecord = new LinkedHashMap<>();
        for (ReviewItem i : items) {
            byRecord.computeIfAbsent(i.sourceTable() + "|" + i.period() + "|" + i.sourceRecordId(), k -> new ArrayList<>())
                    .add(i);
        }
        for (List<ReviewItem> candidates : byRecord.values()) {
            ReviewItem r = candidates.get(0);
            out.printf(Locale.ROOT, "%s %s %s ('%s', %s line %d): %s, kept as %s%n", r.sourceTable(), r.period(),
                    r.sourceRecordId(), r.sourceName(), r.sourceFile(), r.sourceLine(), why(r.rule()), r.associationId());
            for (ReviewItem c : candidates) {
                out.printf(Locale.ROOT, "  %d. %s '%s': %.2f bits (p = %.4f)%n", c.candidateRank(), c.candidateId(),
                        c.candidateName() == null ? "" : c.candidateName(), c.matchWeight(), c.matchProbability());
                if (!c.explanation().isEmpty()) {
                    out.println("     " + c.explanation());
                }
                out.println("     same association:  " + c.overrideLink());
            }
            out.println("     none of them:      " + r.overrideApart());
            out.println();
        }
        out.printf(Locale.ROOT, "(%d record%s under review; add a line to %s and run 'oriundos nightly')%n",
                byRecord.size(), byRecord.size() == 1 ? "" : "s", "conf/association_overrides.csv");
        return 0;
    }

    private static String why(String rule) {
        return switch (rule) {
            case "REVIEW" -> "REVIEW (the best candidate is between the thresholds)";
            case "AMBIGUOUS" -> "AMBIGUOUS (candidates too close to call)";
            case "KEY_CONFLICT" -> "KEY_CONFLICT (its registry key belongs to an association with another IME id)";
            default -> rule;
        };
    }

    /** A cell through the project's one CSV rule: quoted when it must be, a formula neutralised. */
    private static String csv(String value) {
        return value == null ? "" : SafeCsv.textField(value);
    }

    // ---- estimation ----

    private int estimate(NightlyStages stages) throws IOException {
        DataHome home = stages.home();
        Path target = outFile == null ? home.linkageModel() : workingDir.resolve(outFile);
        LinkageModel start = LinkageModel.load(Files.isRegularFile(home.linkageModel()) ? home.linkageModel() : null);
        List<LinkageEstimator.Partition> data;
        String source;
        if (fromBench) {
            int clubs = clubs(1500);
            long seed = seed(7);
            data = LinkageBenchmark.unlabelled(clubs, seed);
            source = "a generated population of " + clubs + " clubs, seed " + seed
                    + " (LinkageBenchmark, labels not used; the benchmark measures with another seed)";
        } else {
            data = new ConformStage(home.lake(), stages.conformOptions()).associationRecords();
            source = "the raw partitions of the data home's lake";
        }
        long recordCount = data.stream().mapToLong(p -> p.records().size()).sum();
        if (recordCount == 0) {
            throw new UsageException("there are no association-bearing records to estimate from (load an inbox first,"
                    + " or use --from-bench)");
        }
        out.printf(Locale.ROOT, "estimating from %,d records in %d partitions of %s …%n", recordCount, data.size(), source);
        LinkageEstimator.Estimate e = LinkageEstimator.estimate(data, start, LinkageBenchmark.hometownWords(),
                stages.settings().duckdbThreads(), stages.settings().duckdbMemoryLimit());
        String command = commandLine();
        String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<String> header = List.of(
                "The association linkage model (docs/conform.md, \"One identity per association\").",
                "Estimated by: " + command,
                "From " + source + ": " + e.records() + " records, " + e.blockedPairs() + " blocked pairs, "
                        + e.randomPairs() + " random pairs; " + e.iterations() + " EM iterations"
                        + (e.converged() ? "" : " (not converged)") + "; " + when + ".",
                "Thresholds kept from the model it started from; provenance: " + target.getFileName()
                        .toString().replaceFirst("\\.csv$", "") + ".md beside this file.");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, e.model().format(header), StandardCharsets.UTF_8);
        Path provenance = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.csv$", "") + ".md");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(target.getFileName()).append(": where its parameters come from\n\n");
        md.append("Produced by `").append(command).append("` on ").append(when).append(", from ").append(source)
                .append(": ").append(String.format(Locale.ROOT, "%,d", e.records())).append(" association-bearing records; ")
                .append(String.format(Locale.ROOT, "%,d", e.blockedPairs())).append(" blocked pairs (the pairs the linker")
                .append(" compares), ").append(String.format(Locale.ROOT, "%,d", e.randomPairs()))
                .append(" random pairs; the prior by expectation maximisation in ").append(e.iterations())
                .append(" iterations").append(e.converged() ? "" : " (not converged)").append(".\n\n")
                .append("How each parameter is estimated: docs/conform.md, \"How the parameters were estimated\".")
                .append(" The thresholds are not estimated: they are kept from the model the estimate started from,")
                .append(" chosen with the labelled benchmark (`bin/oriundos links --bench`).\n\n```\n");
        e.model().describe().forEach(line -> md.append(line).append('\n'));
        md.append("```\n");
        Files.writeString(provenance, md.toString(), StandardCharsets.UTF_8);
        e.model().describe().forEach(out::println);
        out.println("wrote " + target + " and its provenance " + provenance);
        if (target.toAbsolutePath().normalize().equals(home.linkageModel().toAbsolutePath().normalize())) {
            out.println("the next 'oriundos nightly' links new records with it (remembered links stay as they are;"
                    + " 'oriundos links --relink' re-decides them)");
        }
        return 0;
    }

    // ---- relink ----

    private int relink(NightlyStages stages) {
        DataHome home = stages.home();
        try (RunLock lock = RunLock.acquire(home.root(), "links --relink")) {
            out.println("relinking every partition of " + home.lakeDescription() + " with the current model …");
            RelinkSummary summary = new ConformStage(home.lake(), stages.conformOptions()).relink();
            BuildResult built = new WarehouseBuilder(stages.warehouseSettings()).build(true);
            String report = stages.writeLatestReport();
            List<String> rules = new ArrayList<>();
            summary.changedByRule().forEach((rule, n) -> rules.add(rule + " " + n));
            out.printf(Locale.ROOT, "relinked %,d records of %d partitions: %,d changed association%s%n",
                    summary.records(), summary.conform().partitionsConformed().size(), summary.changed(),
                    rules.isEmpty() ? "" : " (now " + String.join(", ", rules) + ")");
            out.println("warehouse: published " + built.published() + "; report: " + report);
            out.println("see what changed: oriundos sql \"select * from audit_association_link where rule not in"
                    + " ('IME_ID', 'HISTORIC_ID', 'REGISTRY_KEY')\"; the review list: oriundos links --review");
        }
        return 0;
    }

    // ---- the benchmark ----

    private int bench(NightlyStages stages) throws IOException {
        int threads = stages.settings().duckdbThreads();
        String memory = stages.settings().duckdbMemoryLimit();
        long seed = seed(11);
        LinkageModel model = LinkageModel.load(Files.isRegularFile(stages.home().linkageModel())
                ? stages.home().linkageModel() : null);
        Path docFile = doc == null ? null : workingDir.resolve(doc);
        String command = commandLine();
        Path dumpFile = dump == null ? null : workingDir.resolve(dump);
        List<String> lines = new ArrayList<>();
        if (records != null) {
            int projects = (int) within("--records", records, 1, 10_000_000);
            int clubs = clubs(3000);
            out.printf(Locale.ROOT, "linking one 3x1 year of %,d projects after a registry of %,d clubs …%n", projects, clubs);
            LinkageBenchmark.Speed speed = LinkageBenchmark.speed(projects, clubs, seed, model, threads, memory,
                    dumpFile == null ? line -> { } : lines::add);
            String figures = speed.markdown(command);
            out.print(figures);
            writeDump(dumpFile, lines);
            if (docFile != null) {
                DocFigures.writeBlock(docFile, SPEED_BEGIN, SPEED_END, command, figures.substring(figures.indexOf("A 3x1")));
                out.println("wrote the figures into " + docFile);
            }
            return 0;
        }
        int clubs = clubs(2000);
        out.printf(Locale.ROOT, "linking a generated population of %,d clubs (seed %d) and measuring …%n", clubs, seed);
        LinkageBenchmark.Result result = LinkageBenchmark.run(clubs, seed, model, threads, memory,
                dumpFile == null ? line -> { } : lines::add);
        String figures = result.markdown(command);
        out.print(figures);
        writeDump(dumpFile, lines);
        out.println(result.meetsGoals() ? "goals met: precision >= 99.5%, recall >= 97%, no co-listed merge"
                : "goals NOT met: precision >= 99.5%, recall >= 97%, no co-listed merge");
        if (docFile != null) {
            DocFigures.writeBlock(docFile, BENCH_BEGIN, BENCH_END, command, figures.substring(figures.indexOf("```\n\n") + 5));
            out.println("wrote the figures into " + docFile);
        }
        return 0;
    }

    /** The benchmark's decisions, one line a record, sorted: the same file from two linkers means the same decisions. */
    private void writeDump(Path file, List<String> lines) throws IOException {
        if (file == null) {
            return;
        }
        lines.sort(null);
        Files.write(file, lines, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "wrote %,d decisions into %s%n", lines.size(), file);
    }

    private int clubs(int byDefault) {
        return clubs == null ? byDefault : (int) within("--clubs", clubs, 10, 1_000_000);
    }

    private long seed(long byDefault) {
        return seed == null ? byDefault : within("--seed", seed, 0, Long.MAX_VALUE);
    }
}
