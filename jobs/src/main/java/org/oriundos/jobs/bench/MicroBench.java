package org.oriundos.jobs.bench;

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
 * The JMH micro-benchmarks of {@code org.oriundos.jobs.bench.micro}, run in this JVM
 * ({@code forks(0)}): the Spring Boot jar has no plain class path that a forked JMH JVM could be
 * given, and in-process they run from {@code bin/oriundos bench --micro} with nothing else to
 * build. The price of no fork is that profile pollution between benchmarks is possible, so each
 * benchmark is also runnable alone (the JMH include pattern).
 */
final class MicroBench {
    static final String PACKAGE = "org.oriundos.jobs.bench.micro";

    private final PrintStream out;

    MicroBench(PrintStream out) {
        this.out = out;
    }

    void run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(PACKAGE.replace(".", "\\.") + "\\..*")
                .forks(0)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        out.println();
        out.println("| benchmark | operations/s (one operation = one row or name) | ± (99.9%) |");
        out.println("|---|---:|---:|");
        for (RunResult r : results) {
            var s = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            out.println(String.format(Locale.ROOT, "| `%s` | %,.0f | %,.0f |",
                    name.substring(PACKAGE.length() + 1), s.getScore(), s.getScoreError()));
        }
    }
}
