package org.oriundos.tools.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH micro-benchmarks of {@code org.oriundos.tools.bench.micro}, run in this JVM
 * ({@code forks(0)}): the Spring Boot jar has no plain class path that a forked JMH JVM could be
 * given, and in-process they run from {@code bin/oriundos bench --micro} with nothing else to
 * build. The price of no fork is that profile pollution between benchmarks is possible, so each
 * benchmark is also runnable alone (the JMH include pattern).
 */
final class MicroBench {
    static final String PACKAGE = "org.oriundos.tools.bench.micro";
    static final String BEGIN = "<!-- micro:begin (written by 'oriundos bench --micro --doc'; do not edit by hand) -->";
    static final String END = "<!-- micro:end -->";

    private final PrintStream out;

    MicroBench(PrintStream out) {
        this.out = out;
    }

    /** Runs them all; returns their figures as a Markdown table. */
    String run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(PACKAGE.replace(".", "\\.") + "\\..*")
                .forks(0)
                .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder md = new StringBuilder();
        md.append("JMH ").append(org.openjdk.jmh.util.Version.getPlainVersion()).append(", in-process (forks 0), ")
                .append("5 × 2 s warm-up, 5 × 2 s measured, ").append(Runtime.getRuntime().availableProcessors())
                .append(" processors, Java ").append(System.getProperty("java.version")).append(".\n\n");
        md.append("| benchmark | parameters | operations/s (one operation = one row or one name) | ± (99.9%) |\n");
        md.append("|---|---|---:|---:|\n");
        for (RunResult r : results) {
            var s = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                params.append(params.length() == 0 ? "" : ", ").append(key).append('=').append(r.getParams().getParam(key));
            }
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %,.0f | %,.0f |%n",
                    name.substring(PACKAGE.length() + 1), params, s.getScore(), s.getScoreError()));
        }
        out.println();
        out.print(md);
        return md.toString();
    }
}
