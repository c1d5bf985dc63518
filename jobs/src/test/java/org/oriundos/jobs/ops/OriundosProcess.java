package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.WarehouseQuery;

/**
 * The real {@code oriundos} command in a child JVM (the application's main class on this test's
 * class path), as cron or systemd would start it: its own process, its own exit code, real signals.
 */
final class OriundosProcess {

    /** Records per chunk: small, so a load has many commits to be killed between. */
    static final int CHUNK_ROWS = 200;
    static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private OriundosProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code oriundos nightly --home HOME} (plus {@code args}) with {@code env} added to the
     * environment; the job repository is PostgreSQL when {@code env} has {@code SPRING_DATASOURCE_URL},
     * else the embedded H2 under the home.
     */
    static OriundosProcess start(Path home, Map<String, String> env, String... args) {
        List<String> command = ChildJvm.command("768m", "org.oriundos.jobs.OriundosApplication");
        command.addAll(List.of(args));
        command.add("--home");
        command.add(home.toString());
        command.add("--oriundos.chunk-rows=" + CHUNK_ROWS);
        try {
            Path outputs = Files.createDirectories(home.resolveSibling(home.getFileName() + "-console"));
            int n = 1;
            while (Files.exists(outputs.resolve("run" + n + ".out"))) {
                n++;
            }
            Path out = outputs.resolve("run" + n + ".out");
            Path err = outputs.resolve("run" + n + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_")
                    || name.startsWith("ORIUNDOS_") && !name.startsWith("ORIUNDOS_TEST_"));
            builder.environment().putAll(env);
            return new OriundosProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code nightly} to its end and returns its exit code. */
    static OriundosProcess runToEnd(Path home, Map<String, String> env, String... args) throws InterruptedException {
        OriundosProcess run = start(home, env, args);
        run.awaitExit();
        return run;
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("oriundos did not end within " + RUN_LIMIT + "\n" + console());
        }
        return process.exitValue();
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    String out() {
        return read(stdout);
    }

    String err() {
        return read(stderr);
    }

    String console() {
        return "--- stdout:\n" + out() + "--- stderr:\n" + err();
    }

    /** Kills the process if a test left it running. */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until some file's first chunk is committed: its second data part is staged (the chunk
     * step writes a chunk's parts, commits, and only then reads and writes the next chunk; each
     * chunk stages a data part and a rejects part, so a count of parts alone can be one chunk
     * of each of two files, none committed yet).
     */
    void awaitCommittedChunk(Path home) throws InterruptedException {
        Path staging = home.resolve("lake").resolve("staging");
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("oriundos ended (exit " + process.exitValue() + ") before committing a"
                        + " chunk: make the test inbox bigger\n" + console());
            }
            if (countFiles(staging, "data" + java.io.File.separator + "part-00001.parquet") > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no chunk committed within " + RUN_LIMIT + "\n" + console());
    }

    /** Waits until the process has taken the data home's lock and recorded itself in it. */
    void awaitLockHeld(Path home) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("oriundos ended (exit " + process.exitValue() + ") before it held the lock\n"
                        + console());
            }
            if (RunLock.holder(home).filter(holder -> holder.pid() == process.pid()).isPresent()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("oriundos did not take the lock within " + RUN_LIMIT + "\n" + console());
    }

    static long countFiles(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix) && Files.isRegularFile(f)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a file moved while we looked: count again next time
        }
    }

    /**
     * Every table and view of the published warehouse, all rows in a stable order, as CSV. Left out
     * are only what differs between any two runs of the same inbox: {@code loaded_at} (when a file
     * was loaded) and the hashes of Parquet bytes in {@code meta_partition} (the bytes carry
     * write-time metadata; the rows they hold are compared table by table).
     */
    static Map<String, String> warehouseContents(Path home) {
        Path warehouse = home.resolve("warehouse").resolve("oriundos.duckdb");
        assertThat(warehouse).exists();
        QueryResult tables = WarehouseQuery.run(warehouse,
                "select table_name from information_schema.tables where table_schema = 'main' order by table_name");
        Map<String, String> contents = new LinkedHashMap<>();
        for (List<Object> table : tables.rows()) {
            String name = (String) table.get(0);
            String select;
            if (name.equals("meta_partition")) {
                // a whole table's load id is its fingerprint: a hash of Parquet bytes that carry write-time metadata
                select = "select table_name, period, case when load_id = fingerprint then '(hash of bytes)' else load_id end"
                        + " as load_id, \"rows\" from meta_partition order by all";
            } else {
                boolean hasLoadedAt = ((Number) WarehouseQuery.run(warehouse, "select count(*) from information_schema.columns"
                        + " where table_schema = 'main' and table_name = '" + name + "' and column_name = 'loaded_at'")
                        .rows().get(0).get(0)).longValue() > 0;
                select = "select * " + (hasLoadedAt ? "exclude (loaded_at) " : "") + "from \"" + name + "\" order by all";
            }
            contents.put(name, WarehouseQuery.run(warehouse, select).toCsv());
        }
        return contents;
    }

    /**
     * Asserts two warehouses hold the same tables with the same rows; on a difference, says which
     * tables differ and shows the rows missing from and extra in {@code actual} (a few of each).
     */
    static void assertSameWarehouse(Map<String, String> actual, Map<String, String> expected) {
        assertThat(actual.keySet()).as("the warehouse's tables and views").isEqualTo(expected.keySet());
        StringBuilder differences = new StringBuilder();
        for (String table : expected.keySet()) {
            if (expected.get(table).equals(actual.get(table))) {
                continue;
            }
            Map<String, Integer> balance = new LinkedHashMap<>(); // > 0: missing from actual, < 0: extra in it
            expected.get(table).lines().forEach(row -> balance.merge(row, 1, Integer::sum));
            actual.get(table).lines().forEach(row -> balance.merge(row, -1, Integer::sum));
            List<String> missing = balance.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            List<String> extra = balance.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
            differences.append(table).append(": ").append(expected.get(table).lines().count() - 1).append(" rows expected, ")
                    .append(actual.get(table).lines().count() - 1).append(" found\n  missing: ")
                    .append(missing.subList(0, Math.min(5, missing.size()))).append("\n  extra:   ")
                    .append(extra.subList(0, Math.min(5, extra.size()))).append('\n');
        }
        assertThat(differences.toString()).as("differences from the uninterrupted run's warehouse").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
