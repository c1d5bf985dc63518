package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.oriundos.jobs.TestPostgres;

/**
 * The nightly load and its crash and restart (inherited) with a real PostgreSQL server as the
 * job repository, as a production install runs it ({@code SPRING_DATASOURCE_URL}…). Needs
 * {@code ORIUNDOS_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD} ({@code source .ci/postgres.sh});
 * skipped without them, except under CI, where their absence is a failure.
 */
class NightlyPostgresProcessTest extends NightlyProcessScenarios {

    private static final String URL = TestPostgres.URL;
    private static final String USER = TestPostgres.USER;

    /** One schema per test, so runs of the suite never see each other's executions. */
    private final Map<String, String> schemaByTest = new LinkedHashMap<>();

    @Override
    void requireRepository() {
        TestPostgres.require();
    }

    @Override
    Map<String, String> repository(String testName) throws Exception {
        String schema = schemaByTest.get(testName);
        if (schema == null) {
            schema = "oriundos_test_" + testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                    + Long.toHexString(System.nanoTime());
            try (Connection connection = DriverManager.getConnection(URL, USER, TestPostgres.PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("create schema " + schema);
            }
            schemaByTest.put(testName, schema);
        }
        return Map.of("SPRING_DATASOURCE_URL", TestPostgres.urlWithSchema(schema),
                "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", TestPostgres.password());
    }

    @Override
    List<String> executions(String testName, Path home) throws Exception {
        assertThat(home.resolve("jobrepo").resolve("oriundos.mv.db"))
                .as("the runs used PostgreSQL, not the embedded H2 repository").doesNotExist();
        try (Connection connection = DriverManager.getConnection(URL, USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schemaByTest.get(testName));
            return executions(connection);
        }
    }

    @AfterAll
    void dropSchemas() throws Exception {
        if (schemaByTest.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, TestPostgres.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String schema : schemaByTest.values()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
