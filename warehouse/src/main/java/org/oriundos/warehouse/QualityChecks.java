package org.oriundos.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the quality checks: each is a query that returns the offending rows, and passes when it
 * returns none. Checks sit beside the model they guard ({@code <model>.checks.sql}), each block
 * introduced by a {@code -- check: <name>} line (a failure stops the publish) or a
 * {@code -- warn: <name>} line (its rows are reported, the build goes on).
 */
final class QualityChecks {
    private static final System.Logger LOG = System.getLogger(QualityChecks.class.getName());
    /** Offending rows quoted in a failure message; the rest are counted. */
    private static final int ROWS_SHOWN = 20;

    record Check(String name, String sql, boolean warning) {
    }

    /** What the checks found: the names of those that passed, and the warnings raised. */
    record Outcome(List<String> passed, List<BuildResult.Warning> warnings) {
    }

    private final Connection connection;

    QualityChecks(Connection connection) {
        this.connection = connection;
    }

    /** Every check, staging first, then the models' in build order. */
    static List<Check> all() {
        List<Check> checks = new ArrayList<>(parse(Models.STAGING_CHECKS, Models.resource(Models.STAGING_CHECKS)));
        for (Model m : Models.all()) {
            String text = Models.resource(m.checksResource());
            if (text != null) {
                checks.addAll(parse(m.checksResource(), text));
            }
        }
        return checks;
    }

    static List<Check> parse(String resource, String text) {
        List<Check> checks = new ArrayList<>();
        String name = null;
        boolean warning = false;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            boolean check = trimmed.startsWith("-- check:");
            if (check || trimmed.startsWith("-- warn:")) {
                if (name != null) {
                    checks.add(new Check(name, sql.toString().strip(), warning));
                }
                name = trimmed.substring(check ? "-- check:".length() : "-- warn:".length()).strip();
                warning = !check;
                sql.setLength(0);
            } else if (name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            checks.add(new Check(name, sql.toString().strip(), warning));
        }
        if (checks.isEmpty()) {
            throw new IllegalStateException(resource + " holds no '-- check: <name>' block");
        }
        return checks;
    }

    /**
     * Runs every check; returns the names of those that passed and the warnings raised, or throws
     * naming the first check that failed with its offending rows (and the names of any others that
     * failed). A warning never fails the build.
     */
    Outcome runAll(BuildTimings timings) {
        List<String> passed = new ArrayList<>();
        List<BuildResult.Warning> warnings = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (Check check : all()) {
            QueryResult offending;
            try {
                offending = WarehouseQuery.query(connection, check.sql());
                LOG.log(System.Logger.Level.DEBUG, "check {0} ran in {1} of wall time/process CPU", check.name(),
                        timings.lap("checks"));
            } catch (SQLException e) {
                throw new WarehouseException("the quality check " + check.name() + " could not run: " + e.getMessage(), e);
            }
            if (offending.rows().isEmpty()) {
                passed.add(check.name());
                continue;
            }
            if (check.warning()) {
                List<List<Object>> shown = offending.rows().subList(0, Math.min(ROWS_SHOWN, offending.rows().size()));
                String table = new QueryResult(offending.columns(), shown).toAlignedTable();
                warnings.add(new BuildResult.Warning(check.name(), offending.rows().size(), table));
                LOG.log(System.Logger.Level.WARNING, "quality warning {0}: {1} row(s){2}:\n{3}", check.name(),
                        offending.rows().size(), offending.rows().size() > ROWS_SHOWN ? ", the first " + ROWS_SHOWN : "",
                        table);
                continue;
            }
            failed.add(check.name());
            if (message.length() == 0) {
                List<List<Object>> shown = offending.rows().subList(0, Math.min(ROWS_SHOWN, offending.rows().size()));
                message.append("quality check ").append(check.name()).append(" failed: ")
                        .append(offending.rows().size()).append(" offending row(s)")
                        .append(offending.rows().size() > ROWS_SHOWN ? ", the first " + ROWS_SHOWN : "")
                        .append(":\n").append(new QueryResult(offending.columns(), shown).toAlignedTable());
            }
        }
        if (!failed.isEmpty()) {
            if (failed.size() > 1) {
                message.append("also failed: ").append(String.join(", ", failed.subList(1, failed.size()))).append('\n');
            }
            message.append("the published warehouse was left as it was");
            throw new QualityCheckFailedException(failed.get(0), failed, message.toString());
        }
        return new Outcome(passed, warnings);
    }
}
