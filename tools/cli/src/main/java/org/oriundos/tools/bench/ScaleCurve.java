package org.oriundos.tools.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.oriundos.tools.sample.SampleExtracts;

/**
 * The nightly at 1×, 10×, 100×… a realistic program: for each factor, an inbox with every source
 * scaled by it (3x1 projects a year, the registry's clubs, the surveys' respondents; the remittance
 * export is Banco de México's of every municipality from 1× up, since the municipalities do not
 * multiply, and below 1× that of the program's leading states of origin,
 * {@link SampleExtracts#programExport(double)}), the first night over {@code years} fiscal years
 * and the +1 year night after it, run as the nightly part runs them ({@link NightlyBench}), measured from outside: wall time, the child's
 * CPU time, its peak resident memory, the load average, and the job's step times.
 *
 * <p>1× is the program as published (docs/performance.md, "The scale curve", gives the sources):
 * {@value #PROJECTS_PER_YEAR} 3x1 projects a year (about 1,500 in 2006, with 723 clubs), the
 * registry at its published counts (2,643 clubs in 2019), {@value #RESPONDENTS} respondents per
 * survey.
 */
final class ScaleCurve {
    static final String BEGIN = "<!-- scale:begin (written by 'oriundos bench --only scale --doc'; do not edit by hand) -->";
    static final String END = "<!-- scale:end -->";
    /** 3x1 projects of one fiscal year at 1×. */
    static final long PROJECTS_PER_YEAR = 1_500;
    /** Respondents of each survey at 1×. */
    static final long RESPONDENTS = 2_000;
    /** The registry's snapshot whose size the table shows: the latest, and the largest. */
    static final int REGISTRY_YEAR = 2019;

    /** The program at {@code factor} times the realistic size. */
    static HistoryInbox.Program program(double factor) {
        long respondents = Math.max(1, Math.round(RESPONDENTS * factor));
        return new HistoryInbox.Program(Math.max(1, Math.round(PROJECTS_PER_YEAR * factor)), factor, respondents,
                respondents, true);
    }

    /** A factor as the tables write it: {@code 10×}, {@code 0.01×}. */
    static String times(double factor) {
        return (factor == Math.rint(factor) ? String.format(Locale.ROOT, "%.0f", factor)
                : java.math.BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString()) + "×";
    }

    /**
     * One factor of the curve: its history, or why it did not finish.
     *
     * @param registryEntries  clubs of the registry's {@value #REGISTRY_YEAR} snapshot
     * @param remittanceSeries series of the factor's remittance export
     */
    record Point(double factor, long registryEntries, int remittanceSeries, NightlyBench.History history,
                 String failure) {
    }

    /**
     * The curve.
     *
     * @param years             fiscal years of history of every first night
     * @param remittanceQuarters quarters of each series of the remittance export
     * @param parallel          whether the factors ran at the same time
     */
    record Figures(int years, int remittanceQuarters, List<Point> points, boolean parallel) {
    }

    private final NightlyBench nightly;
    private final Consumer<String> progress;

    ScaleCurve(NightlyBench nightly, Consumer<String> progress) {
        this.nightly = nightly;
        this.progress = progress;
    }

    /**
     * Runs each factor in its own folder of {@code work}, one after the other or, with
     * {@code parallel}, all at once (their CPU times stand; their wall times then include each
     * other's load). A factor whose night fails (out of memory, say) is recorded with the reason,
     * and the others go on.
     */
    Figures run(List<Double> factors, int years, Path work, long seed, boolean parallel) {
        List<java.util.concurrent.Callable<Point>> runs = new ArrayList<>();
        for (double factor : factors) {
            runs.add(() -> point(factor, years, work, seed));
        }
        List<Point> points = new ArrayList<>();
        if (parallel) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs.size());
            try {
                for (java.util.concurrent.Future<Point> f : pool.invokeAll(runs)) {
                    points.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the scale curve ran", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the scale curve failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        } else {
            for (java.util.concurrent.Callable<Point> r : runs) {
                try {
                    points.add(r.call());
                } catch (Exception e) {
                    throw new IllegalStateException("the scale curve failed: " + e.getMessage(), e);
                }
            }
        }
        points.sort(java.util.Comparator.comparingDouble(Point::factor));
        return new Figures(years, SampleExtracts.everyMunicipalityQuarters(), List.copyOf(points), parallel);
    }

    private Point point(double factor, int years, Path work, long seed) throws IOException {
        HistoryInbox.Program program = program(factor);
        long entries = SampleExtracts.registryEntries(REGISTRY_YEAR, program.clubScale());
        int series = new SampleExtracts(seed).programExport(program.clubScale()).series().size();
        progress.accept("scale " + times(factor) + ": " + program.rowsPerYear() + " 3x1 projects a year, " + entries
                + " clubs in the " + REGISTRY_YEAR + " registry, " + program.respondents2006() + " respondents a survey, "
                + years + " years");
        try {
            NightlyBench.History h = nightly.run(years, program, work.resolve("scale-" + times(factor).replace("×", "x")),
                    seed, false);
            Point p = new Point(factor, entries, series, h, null);
            progress.accept("scale " + times(factor) + ": " + row(p));
            return p;
        } catch (IllegalStateException e) {
            progress.accept("scale " + times(factor) + " did not finish: " + e.getMessage());
            return new Point(factor, entries, series, null, e.getMessage());
        }
    }

    /** The curve as Markdown: the sizes and nights, then where each night's time went. */
    static String markdown(Figures f) {
        StringBuilder md = new StringBuilder();
        md.append("History: ").append(f.years()).append(f.years() == 1 ? " fiscal year" : " fiscal years").append(" of 3x1 from ").append(HistoryInbox.FIRST_YEAR)
                .append(" in the first night, then the +1 year night adds the next year's file. Every factor's inbox also"
                        + " holds the registry's 16 files (1998, 2003, 14 snapshots 2006–2019), 10 years of consular activity,"
                        + " two surveys and one Banco de México export ").append(exports(f))
                .append(". CPU is the nightly JVM's user + sys; load is the machine's"
                        + " one-minute load average while it ran.")
                .append(f.parallel() ? " The factors ran at the same time (`--scale-parallel`): each one's wall time"
                        + " includes the others' load, its CPU time does not." : "").append("\n\n");
        md.append("| scale | 3x1 projects a year | registry clubs (").append(REGISTRY_YEAR).append(") | respondents a survey"
                + " | 3x1 rows loaded | inbox MB | first night | CPU | peak RSS | load | +1 year night | CPU | peak RSS | load |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Point p : f.points()) {
            md.append("| ").append(times(p.factor())).append(" | ").append(row(p)).append(" |\n");
        }
        List<String> steps = stepNames(f);
        if (!steps.isEmpty()) {
            md.append("\nWhere the time goes, in seconds of wall time (the job's steps as Spring Batch logged them;"
                    + " start/stop is the rest: JVM, Spring, job repository):\n\n| scale | night | ");
            md.append(String.join(" | ", steps)).append(" | start/stop |\n|---|---|");
            md.append("---:|".repeat(steps.size() + 1)).append('\n');
            for (Point p : f.points()) {
                if (p.history() == null) {
                    continue;
                }
                for (NightlyBench.Night n : List.of(p.history().full(), p.history().incremental())) {
                    md.append("| ").append(times(p.factor())).append(" | ").append(n.name()).append(" | ");
                    for (String s : steps) {
                        md.append(stepTime(n, s).map(ScaleCurve::secs).orElse("")).append(" | ");
                    }
                    md.append(secs(n.outsideSteps())).append(" |\n");
                }
            }
            growth(md, f, steps);
        }
        for (Point p : f.points()) {
            if (p.failure() != null) {
                md.append("\n").append(times(p.factor())).append(" did not finish:\n\n```\n").append(p.failure().strip())
                        .append("\n```\n");
            }
        }
        return md.toString();
    }

    /**
     * The remittance exports of the factors: of every municipality from 1× up, the same at every
     * such factor; below 1×, of the program's leading states of origin (every state's total too).
     */
    private static String exports(Figures f) {
        String quarters = " × " + f.remittanceQuarters() + " quarters";
        List<String> whole = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        int wholeSeries = 0;
        for (Point p : f.points()) {
            if (p.factor() >= 1) {
                whole.add(times(p.factor()));
                wholeSeries = p.remittanceSeries();
            } else {
                origins.add(times(p.factor()) + " " + count(p.remittanceSeries()) + " series" + quarters);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!whole.isEmpty()) {
            sb.append("of every municipality (").append(count(wholeSeries)).append(" series").append(quarters)
                    .append(whole.size() > 1 ? ", the same at every factor" : "")
                    .append(origins.isEmpty() ? ")" : " from 1× up)");
        }
        if (!origins.isEmpty()) {
            sb.append(whole.isEmpty() ? "" : "; below 1× ").append("of every state's total and the municipalities of"
                    + " the program's leading states of origin, as many as the factor's share of them (")
                    .append(String.join(", ", origins)).append(')');
        }
        return sb.toString();
    }

    /** Each step's time at one factor over its time at the one before: how it grows with the program. */
    private static void growth(StringBuilder md, Figures f, List<String> steps) {
        List<Point> done = f.points().stream().filter(p -> p.history() != null).toList();
        if (done.size() < 2) {
            return;
        }
        md.append("\nGrowth of the first night's steps from one factor to the next (time at the larger over time at"
                + " the smaller; a step that grows as the data grows shows the ratio of the factors):\n\n| from → to | ");
        md.append(String.join(" | ", steps)).append(" | whole night | CPU |\n|---|");
        md.append("---:|".repeat(steps.size() + 2)).append('\n');
        for (int i = 1; i < done.size(); i++) {
            NightlyBench.Night a = done.get(i - 1).history().full();
            NightlyBench.Night b = done.get(i).history().full();
            md.append("| ").append(times(done.get(i - 1).factor())).append(" → ").append(times(done.get(i).factor()))
                    .append(" | ");
            for (String s : steps) {
                var ta = stepTime(a, s);
                var tb = stepTime(b, s);
                md.append(ta.isPresent() && tb.isPresent() && !ta.get().isZero() ? ratio(tb.get(), ta.get()) : "")
                        .append(" | ");
            }
            md.append(ratio(b.wall(), a.wall())).append(" | ")
                    .append(a.cpu() == null || b.cpu() == null ? "n/a" : ratio(b.cpu(), a.cpu())).append(" |\n");
        }
    }

    private static String row(Point p) {
        HistoryInbox.Program program = program(p.factor());
        StringBuilder sb = new StringBuilder().append(count(program.rowsPerYear())).append(" | ")
                .append(count(p.registryEntries())).append(" | ").append(count(program.respondents2006())).append(" | ");
        NightlyBench.History h = p.history();
        if (h == null) { // rows loaded, inbox, then the two nights' four cells each
            return sb.append(String.join(" | ", "", "", "did not finish", "", "", "", "", "", "", "")).toString();
        }
        return sb.append(count(h.projectRows())).append(" | ").append(mb(h.inboxBytes())).append(" | ")
                .append(night(h.full())).append(" | ").append(night(h.incremental())).toString();
    }

    private static String night(NightlyBench.Night n) {
        return secs(n.wall()) + " s | " + (n.cpu() == null ? "n/a" : secs(n.cpu()) + " s") + " | "
                + mb(n.peakRssBytes()) + " MB | " + (n.meanLoad() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", n.meanLoad()));
    }

    private static List<String> stepNames(Figures f) {
        Set<String> names = new LinkedHashSet<>();
        for (Point p : f.points()) {
            if (p.history() != null) {
                p.history().full().steps().forEach(s -> names.add(s.step()));
                p.history().incremental().steps().forEach(s -> names.add(s.step()));
            }
        }
        return List.copyOf(names);
    }

    private static java.util.Optional<Duration> stepTime(NightlyBench.Night n, String step) {
        Duration total = null;
        for (NightlyBench.StepTime s : n.steps()) {
            if (s.step().equals(step)) {
                total = total == null ? s.time() : total.plus(s.time());
            }
        }
        return java.util.Optional.ofNullable(total);
    }

    private static String ratio(Duration larger, Duration smaller) {
        return smaller.isZero() ? "" : String.format(Locale.ROOT, "%.1f×", (double) larger.toNanos() / smaller.toNanos());
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%,.1f", d.toNanos() / 1e9);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
    }
}
