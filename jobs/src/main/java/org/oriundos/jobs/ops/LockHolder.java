package org.oriundos.jobs.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Who holds (or last held) a data home's run lock, as recorded in {@code oriundos.lock}.
 *
 * @param command     what the holder is doing, e.g. {@code nightly} or {@code backfill --source 3x1 --year 2007}
 * @param pid         the holder's process id
 * @param host        the host it runs on
 * @param since       when it took the lock
 * @param executionId the Spring Batch job execution it runs, once known (0 when not known)
 */
public record LockHolder(String command, long pid, String host, Instant since, long executionId) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public LockHolder {
        command = oneLine(command);
        host = oneLine(host);
    }

    /** This process, starting {@code command} now. */
    public static LockHolder thisProcess(String command, Instant since) {
        return new LockHolder(command, ProcessHandle.current().pid(), hostName(), since, 0);
    }

    public LockHolder withExecutionId(long id) {
        return new LockHolder(command, pid, host, since, id);
    }

    public OptionalLong execution() {
        return executionId > 0 ? OptionalLong.of(executionId) : OptionalLong.empty();
    }

    /** For a person: {@code nightly, pid 4242 on host x, started 2026-11-23 02:30:00 UTC, execution 17}. */
    public String describe() {
        if (pid == 0) {
            return "a run that has not recorded who it is yet";
        }
        return command + ", pid " + pid + " on host " + host + ", started " + WHEN.format(since)
                + (executionId > 0 ? ", execution " + executionId : "");
    }

    /** Whether the holder is a process on this host that is still alive (false when unsure it is). */
    public boolean isAliveOnThisHost() {
        return host.equals(hostName()) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String toFileText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("command", command);
        fields.put("pid", Long.toString(pid));
        fields.put("host", host);
        fields.put("since", since.toString());
        fields.put("execution", Long.toString(executionId));
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * Reads what {@link #toFileText()} wrote; fields that are missing or unreadable (a file cut short
     * by a crash while being written) come back as "unknown", 0 or the epoch rather than failing.
     */
    static LockHolder fromFileText(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return new LockHolder(fields.getOrDefault("command", "unknown command"),
                parseLong(fields.get("pid")), fields.getOrDefault("host", "unknown"),
                parseInstant(fields.get("since")), parseLong(fields.get("execution")));
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String fromEnv = System.getenv("HOSTNAME");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            throw new UncheckedIOException("cannot tell this host's name for the run lock", e);
        }
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null ? Instant.EPOCH : Instant.parse(value);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String oneLine(String value) {
        return value == null ? "unknown" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
