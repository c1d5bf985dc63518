package org.oriundos.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the job-repository tests use, as .ci/postgres.sh exports it
 * ({@code ORIUNDOS_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}). In CI it must be there; on a
 * developer's machine without it, those tests are skipped and say how to run them.
 */
public final class TestPostgres {
    public static final String URL = System.getenv("ORIUNDOS_TEST_PG_URL");
    public static final String USER = System.getenv("ORIUNDOS_TEST_PG_USER");
    public static final String PASSWORD = System.getenv("ORIUNDOS_TEST_PG_PASSWORD");

    private TestPostgres() {
    }

    /** Fails in CI without a server, skips the calling test elsewhere. */
    public static void require() {
        boolean configured = URL != null && !URL.isBlank();
        if (System.getenv("CI") != null) {
            assertThat(configured).as("CI must provide a PostgreSQL server: ORIUNDOS_TEST_PG_URL is not set"
                    + " (.ci/run sources .ci/postgres.sh)").isTrue();
        }
        Assumptions.assumeTrue(configured, "ORIUNDOS_TEST_PG_URL is not set: skipping the PostgreSQL job-repository"
                + " tests (run 'source .ci/postgres.sh' first to run them)");
    }

    /** The server's URL with {@code schema} as the current schema. */
    public static String urlWithSchema(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The password, or empty when none is set. */
    public static String password() {
        return PASSWORD == null ? "" : PASSWORD;
    }
}
