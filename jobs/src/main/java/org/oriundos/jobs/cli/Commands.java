package org.oriundos.jobs.cli;

import java.util.List;
import org.oriundos.jobs.bench.BenchCommand;
import org.oriundos.jobs.links.LinksCommand;
import org.oriundos.jobs.cli.CommandSpec.Option;

/** The subcommands of {@code oriundos}, with their help. */
final class Commands {
    static final CommandSpec NIGHTLY = new CommandSpec("nightly", "[--home DIR] [--full-rebuild]",
            "load the new files of the inbox into the lake, the warehouse and the report",
            """
            Loads every file in <home>/inbox that has not been loaded yet: ingest (validate, reject
            what cannot be loaded, write to the lake), transform (conform), warehouse (apply, check,
            publish atomically) and the report of the latest year. A run that was killed or stopped
            is resumed from where it stopped. With nothing new it loads nothing and says so. A file
            refused once is not tried again (it is listed as still refused) until it is replaced or
            a --full-rebuild asks for it; files it does not take are listed with the reason.
            Only whole files are taken: settled for --oriundos.settle-seconds (default 60), or with
            a NAME.done marker; links, folders and unreadable files are named and left alone. A
            delivery that would replace another with far fewer rows is held back
            (--oriundos.max-row-drop, default 0.5; a backfill of its period takes it).
            Exit codes: 0 done, 3 the load failed (the published warehouse is unchanged), 4 another
            run holds the lock, 5 stopped (SIGTERM; the next run resumes), 6 done but some files
            were refused, held back or changed while loading (see 'oriundos status' and
            'oriundos rejects').
            """,
            List.of(CommandSpec.HOME, CommandSpec.LAKE,
                    new Option("full-rebuild", null, "rebuild the conformed zone and the warehouse from the whole lake,"
                            + " and try refused files again"),
                    new Option("on-failure", "CMD", "a command to run if the load fails")),
            0);

    static final CommandSpec DEMO = new CommandSpec("demo", "[--home DIR]",
            "write a sample inbox and load it: see the whole pipeline in one command",
            """
            Writes a sample inbox (every kind of extract, with the faults real deliveries have) into
            <home>/inbox, runs the nightly load on it, and tells where the warehouse, the report and
            the rejects are, with a few numbers and queries to try.
            """,
            List.of(CommandSpec.HOME, new Option("seed", "N", "the sample's random seed (default 2019)")),
            0);

    static final CommandSpec STATUS = new CommandSpec("status", "[--home DIR] [--run RUN | --json]",
            "the recent runs, or the details of one",
            """
            Lists the recent nightly runs from the job repository: when they started and ended, how
            they ended, the files and rows loaded and rejected. With --run, the steps of one run and
            each file's account. With --json, for scripts: the last run (exit code, files and rows
            per source, step durations), the last success, the warehouse's data-as-of time and who
            runs now, the facts each run also writes to <home>/metrics/oriundos.prom
            (docs/operations.md, "Monitoring").
            """,
            List.of(CommandSpec.HOME, new Option("run", "RUN", "the run to show in detail"),
                    new Option("limit", "N", "how many runs to list (default 10)"),
                    new Option("json", null, "the facts of the last run as JSON, for scripts")),
            0);

    static final CommandSpec SQL = new CommandSpec("sql", "[--home DIR] [--csv] (\"QUERY\" | --file FILE | -)",
            "run a query on the published warehouse (read-only)",
            """
            Runs one SQL query on the published warehouse (<home>/warehouse/oriundos.duckdb) through
            a read-only connection and prints an aligned table, or CSV with --csv. The query is the
            argument, the contents of --file FILE, or standard input with - (UTF-8). Examples:
              oriundos sql "select count(*) from fact_project_funding"
              oriundos sql --csv --file top_clubs.sql > top_clubs.csv
              oriundos sql - <<'SQL'
              select * from v_club_participation order by year
              SQL
            Exit codes: 0 done, 2 bad arguments (no query, no warehouse in the home), 7 the query
            failed (DuckDB's message says why: a syntax error, an unknown table or column).
            """,
            List.of(CommandSpec.HOME, new Option("csv", null, "print CSV instead of a table"),
                    new Option("file", "FILE", "read the query from FILE (- as the argument reads standard input)")),
            1);

    static final CommandSpec REJECTS = new CommandSpec("rejects", "[--home DIR] [--file NAME] [--csv]",
            "the rows that could not be loaded, and why",
            """
            Lists every rejected value: the file, line and column it came from, the value as
            delivered (masked to its shape for registry files, which carry personal data) and the
            reason. With --file, only those of one delivered file; with --csv, as CSV (text that a
            spreadsheet would run as a formula is neutralised).
            """,
            List.of(CommandSpec.HOME, CommandSpec.LAKE, new Option("file", "NAME", "only the rejects of this file"),
                    new Option("csv", null, "print CSV instead of a table")),
            0);

    static final CommandSpec UNRESOLVED = new CommandSpec("unresolved", "[--home DIR]",
            "the values transform could not resolve (places, associations), with their records",
            """
            Lists the values the transform stage could not resolve (a state or municipality name it
            does not know, an association it could not identify), each with the file and line it
            came from, its record (a project's folio, title and club; a registry organization and
            its name), the reason, and the municipalities the record's title names. Fix a name
            everywhere in <home>/conf/geography_aliases.csv, one record in place_corrections.csv (by
            its folio: a locality's name then moves no other project), an association in
            association_overrides.csv; then run 'oriundos nightly' (it notices the edited files and
            conforms again).
            """,
            List.of(CommandSpec.HOME, CommandSpec.LAKE),
            0);

    static final CommandSpec REPORT = new CommandSpec("report", "--year Y [--from Y0] [--lang es|en] [--home DIR]",
            "write the annual report of a year",
            """
            Writes <home>/reports/<year>/report.html and one CSV per table of it, from the published
            warehouse. --from sets the first year of the trend charts. --lang writes it in Spanish (es)
            or English (en): every label, caption, note and number format follows the language
            (1 234 567,8 or 1,234,567.8); the default is the setting oriundos.report.lang (en). The
            title block names the institution of the setting oriundos.report.institution, if set.
            """,
            List.of(CommandSpec.HOME, new Option("year", "Y", "the report's year"),
                    new Option("from", "Y0", "the first year of the trends"),
                    new Option("lang", "es|en", "the report's language (default: the setting oriundos.report.lang, en)")),
            0);

    static final CommandSpec GENERATE = new CommandSpec("generate", "--rows N --out DIR [--seed S]",
            "write synthetic extracts of a given size (for load tests)",
            """
            Writes synthetic extracts with about N rows in all, in the providers' layouts and with
            their faults, into DIR (for example an inbox to load, or a benchmark).
            """,
            List.of(new Option("rows", "N", "how many rows in all"), new Option("out", "DIR", "where to write the files"),
                    new Option("seed", "S", "the random seed (default 2019)")),
            0);

    static final CommandSpec BACKFILL = new CommandSpec("backfill", "--source SRC --year Y [--home DIR]",
            "reload one source's period and republish",
            """
            Reloads one period of one source: from a re-delivered file in the inbox if there is one,
            otherwise by conforming it again from the lake; then rebuilds and republishes the
            warehouse. SRC is 3x1 (projects), registry, consular, survey or remittances (Banco de México's
            exports, whose period is their consultation time: Y takes the exports consulted in that year).
            """,
            List.of(CommandSpec.HOME, CommandSpec.LAKE, new Option("source", "SRC",
                            "3x1, registry, consular, survey or remittances"),
                    new Option("year", "Y", "the period's year"),
                    new Option("on-failure", "CMD", "a command to run if the load fails")),
            0);

    static final CommandSpec SCHEDULE = new CommandSpec("schedule", "--cron \"0 30 2 * * *\" [--zone Z] [--on-failure CMD] [--home DIR]",
            "run the nightly load on a schedule (stays in the foreground)",
            """
            Runs 'nightly' at the times of a cron expression (seconds minutes hours day month
            weekday), in the zone given (default the system's), until stopped. After a failed run,
            runs CMD with the run's details in its environment.
            """,
            List.of(CommandSpec.HOME, CommandSpec.LAKE, new Option("cron", "EXPR", "when to run, e.g. \"0 30 2 * * *\""),
                    new Option("zone", "ZONE", "the time zone of the expression, e.g. America/Mexico_City"),
                    new Option("on-failure", "CMD", "a command to run when a run fails")),
            0);

    static final List<CommandSpec> ALL = List.of(NIGHTLY, DEMO, STATUS, SQL, REJECTS, UNRESOLVED, REPORT, GENERATE,
            BACKFILL, SCHEDULE, BenchCommand.SPEC, LinksCommand.SPEC);

    private Commands() {
    }

    static CommandSpec find(String name) {
        for (CommandSpec spec : ALL) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: oriundos COMMAND [OPTIONS]   (oriundos COMMAND --help for its options)\n\n");
        sb.append("A nightly batch data warehouse for research on Mexican hometown associations.\n\ncommands:\n");
        int width = ALL.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (CommandSpec spec : ALL) {
            sb.append("  ").append(String.format("%-" + width + "s", spec.name())).append("  ").append(spec.summary())
                    .append('\n');
        }
        sb.append("\nThe data home defaults to ./var (--home DIR). Docs: docs/*.md\n");
        return sb.toString();
    }
}
