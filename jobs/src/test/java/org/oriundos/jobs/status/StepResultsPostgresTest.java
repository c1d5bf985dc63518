package org.oriundos.jobs.status;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.oriundos.jobs.TestPostgres;

/**
 * The step results through a real PostgreSQL job repository, as a production install keeps them.
 * Needs {@code ORIUNDOS_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD} ({@code source .ci/postgres.sh});
 * skipped without them, except under CI, where their absence is a failure.
 */
class StepResultsPostgresTest extends StepResultsScenarios {
    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;

    /** One schema per test, so runs of the suite never see each other's executions. */
    private final List<String> schemas = new ArrayList<>();

    @Override
    void requireRepository() {
        TestPostgres.require();
    }

    @Override
    Map<String, Object> repository(String testName, Path home) throws Exception {
        String schema = "oriundos_results_" + testName.toLowerCase(Locale.ROOT) + "_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(URL, USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        schemas.add(schema);
        return Map.of("spring.datasource.url", TestPostgres.urlWithSchema(schema),
                "spring.datasource.username", USER, "spring.datasource.password", TestPostgres.password());
    }

    @AfterAll
    void dropSchemas() throws Exception {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
