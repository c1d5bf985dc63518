package org.oriundos.jobs.monitor;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.oriundos.jobs.ops.LockHolder;

/**
 * The {@link RunFacts} as JSON, for {@code status --json} (the shape is documented in
 * docs/operations.md, "Status for scripts"). Times are ISO-8601 UTC strings, absent facts
 * {@code null}; the keys are always there.
 */
public final class RunFactsJson {

    private RunFactsJson() {
    }

    /** The facts, with who holds the lock now ({@code null}: nobody). */
    public static String render(RunFacts facts, LockHolder runningNow) {
        Json j = new Json();
        j.open('{');
        j.key("running_now");
        if (runningNow == null) {
            j.raw("null");
        } else {
            j.open('{');
            j.key("command").string(runningNow.command());
            j.key("pid").number(runningNow.pid());
            j.key("host").string(runningNow.host());
            j.key("since").time(runningNow.since());
            j.key("execution");
            if (runningNow.executionId() > 0) {
                j.number(runningNow.executionId());
            } else {
                j.raw("null");
            }
            j.close('}');
        }
        j.key("last_success_at").time(facts.lastSuccessAt());
        RunFacts.LastRun run = facts.lastRun();
        j.key("last_run");
        if (run == null) {
            j.raw("null");
        } else {
            j.open('{');
            j.key("run").number(run.run());
            j.key("execution").number(run.execution());
            j.key("kind").string(run.kind());
            j.key("status").string(run.status());
            j.key("outcome").string(run.outcome());
            j.key("exit_code").number(run.exitCode());
            j.key("succeeded").raw(Boolean.toString(run.succeeded()));
            j.key("started_at").time(run.startedAt());
            j.key("ended_at").time(run.endedAt());
            j.key("duration_seconds").decimal(
                    (run.endedAt().toEpochMilli() - run.startedAt().toEpochMilli()) / 1000.0);
            j.key("files_refused").number(run.filesRefused());
            j.key("files_still_refused").number(run.filesStillRefused());
            j.key("files_not_taken").number(run.filesNotTaken());
            j.key("sources").open('{');
            for (Map.Entry<String, RunFacts.SourceFigures> e : run.sources().entrySet()) {
                RunFacts.SourceFigures f = e.getValue();
                j.key(e.getKey()).open('{');
                j.key("files_loaded").number(f.filesLoaded());
                j.key("files_refused").number(f.filesRefused());
                j.key("rows_read").number(f.rowsRead());
                j.key("rows_loaded").number(f.rowsLoaded());
                j.key("rows_rejected").number(f.rowsRejected());
                j.key("rows_skipped").number(f.rowsSkipped());
                j.close('}');
            }
            j.close('}');
            j.key("steps").open('[');
            for (RunFacts.StepTime s : run.steps()) {
                j.item();
                j.open('{');
                j.key("step").string(s.step());
                j.key("status").string(s.status());
                j.key("seconds").decimal(s.seconds());
                j.close('}');
            }
            j.close(']');
            j.close('}');
        }
        RunFacts.Warehouse w = facts.warehouse();
        j.key("warehouse").open('{');
        j.key("file").string(w == null ? null : w.file().toString());
        j.key("data_as_of").time(w == null ? null : w.dataAsOf());
        j.key("published_at").time(w == null ? null : w.publishedAt());
        j.close('}');
        j.close('}');
        return j.toString() + "\n";
    }

    /** A small JSON writer: objects, arrays, strings, numbers; commas and indentation kept right. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private int depth;
        private boolean first = true;

        void open(char bracket) {
            out.append(bracket);
            depth++;
            first = true;
        }

        void close(char bracket) {
            depth--;
            if (!first) {
                newline();
            }
            out.append(bracket);
            first = false;
        }

        Json key(String name) {
            item();
            quote(name);
            out.append(": ");
            return this;
        }

        /** Starts an element of the object (through {@link #key}) or array being written. */
        void item() {
            if (!first) {
                out.append(',');
            }
            newline();
            first = false;
        }

        void raw(String literal) {
            out.append(literal);
        }

        void string(String s) {
            if (s == null) {
                out.append("null");
            } else {
                quote(s);
            }
        }

        void number(long n) {
            out.append(n);
        }

        void decimal(double d) {
            out.append(String.format(Locale.ROOT, "%.3f", d));
        }

        void time(Instant t) {
            string(t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t));
        }

        private void newline() {
            out.append('\n').append("  ".repeat(depth));
        }

        private void quote(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
