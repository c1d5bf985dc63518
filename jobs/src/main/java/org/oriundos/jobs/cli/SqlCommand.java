package org.oriundos.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.jobs.analyst.QueryInput;
import org.oriundos.jobs.home.Settings;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.WarehouseException;
import org.oriundos.warehouse.WarehouseQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oriundos sql}: one read-only query on the published warehouse. */
@Command(name = "sql", customSynopsis = "oriundos sql [--home DIR] [--csv] (\"QUERY\" | --file FILE | -)",
        header = "run a query on the published warehouse (read-only)",
        description = """
            Runs one SQL query on the published warehouse (<home>/warehouse/oriundos.duckdb) through
            a read-only connection and prints an aligned table, or CSV with --csv. The query is the
            argument, the contents of --file FILE, or standard input with - (UTF-8). Examples:
              oriundos sql "select count(*) from fact_project_funding"
              oriundos sql --csv --file top_clubs.sql > top_clubs.csv
              oriundos sql - <<'SQL'
              select * from v_club_participation order by year
              SQL
            Exit codes: 0 done, 2 bad arguments (no query, no warehouse in the home), 7 the query
            failed (DuckDB's message says why: a syntax error, an unknown table or column).""")
final class SqlCommand extends HomeCommand {
    @Option(names = "--csv", description = "print CSV instead of a table")
    private boolean csv;

    @Option(names = "--file", paramLabel = "FILE",
            description = "read the query from FILE (- as the argument reads standard input)")
    private String file;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "the query, or - to read it from standard input")
    private List<String> query = new ArrayList<>();

    SqlCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected int run(Settings s) {
        if (query.size() > 1) {
            throw new UsageException("'sql' takes one argument, got " + query.size() + " (quote the query)");
        }
        String text;
        try {
            text = QueryInput.read(query.isEmpty() ? null : query.get(0),
                    file == null ? null : io.workingDir().resolve(file), io.in());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path warehouse = s.dataHome().warehouseFile();
        if (!Files.isRegularFile(warehouse)) {
            throw new UsageException("there is no warehouse at " + warehouse + ": run the nightly load first"
                    + " (or give the --home that has one)");
        }
        QueryResult result;
        try {
            result = WarehouseQuery.run(warehouse, text);
        } catch (WarehouseException e) {
            // the query itself failed: its own exit code, not "bad arguments"
            throw new CommandFailedException(ExitCode.QUERY_FAILED, e.getMessage(), e);
        }
        io.out().print(csv ? result.toCsv() : result.toAlignedTable());
        return ExitCode.OK;
    }
}
