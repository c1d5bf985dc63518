package org.oriundos.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * The step results through a real PostgreSQL job repository, as a production install keeps them.
 * Needs {@code ORIUNDOS_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD} ({@code source .ci/postgres.sh});
 * skipped without them, except under CI, where their absence is a failure.
 */
class StepResultsPostgresTest extends StepResultsScenarios {
    private static final String URL = System.getenv("ORIUNDOS_TEST_PG_URL");
    private static final String USER = System.getenv("ORIUNDOS_TEST_PG_USER");
    private static final String PASSWORD = System.getenv("ORIUNDOS_TEST_PG_PASSWORD");

    /** One schema per test, so runs of the suite never see each other's executions. */
    private final List<String> schemas = new ArrayList<>();

    @Override
    void requireRepository() {
        boolean configured = URL != null && !URL.isBlank();
        if (System.getenv("CI") != null) {
            assertThat(configured).as("CI must provide a PostgreSQL server: ORIUNDOS_TEST_PG_URL is not set"
                    + " (.ci/run sources .ci/postgres.sh)").isTrue();
        }
        Assumptions.assumeTrue(configured, "ORIUNDOS_TEST_PG_URL is not set: skipping the PostgreSQL job-repository"
                + " tests (run 'source .ci/postgres.sh' first to run them)");
    }

    @Override
    Map<String, Object> repository(String testName, Path home) throws Exception {
        String schema = "oriundos_results_" + testName.toLowerCase(Locale.ROOT) + "_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        }
        schemas.add(schema);
        return Map.of("spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username", USER, "spring.datasource.password", PASSWORD == null ? "" : PASSWORD);
    }

    @AfterAll
    void dropSchemas() throws Exception {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
