package org.oriundos.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oriundos.jobs.home.Settings;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context of the commands that use the job repository. The job repository is
 * an H2 file under {@code <home>/jobrepo} unless {@code spring.datasource.*} (or
 * {@code SPRING_DATASOURCE_URL}…) point at PostgreSQL; its schema is created when missing on
 * either (Boot continues past "already exists" errors, so re-initialising is harmless).
 * Batch metadata never goes into the DuckDB warehouse.
 */
public final class SpringRuntime {

    private SpringRuntime() {
    }

    /** The defaults every command context starts from; anything the user configures wins. */
    public static Map<String, Object> defaultProperties(Settings settings) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("spring.batch.job.enabled", "false");
        p.put("spring.batch.jdbc.initialize-schema", "always");
        // WRITE_DELAY=0: H2 otherwise writes a commit to its file up to a second later, and a kill -9 (or a
        // power cut) in between loses committed chunks, so the restart redoes them instead of resuming after them
        p.put("spring.datasource.url", "jdbc:h2:file:" + settings.dataHome().jobRepository().resolve("oriundos")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "");
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        p.put(Settings.HOME, settings.home().toString());
        if (settings.lake() != null) {
            p.put(Settings.LAKE, settings.lake());
        }
        p.put(Settings.BASE_YEAR, Integer.toString(settings.baseYear()));
        p.put(Settings.MAX_REJECT_SHARE, Double.toString(settings.maxRejectShare()));
        p.put(Settings.CHUNK_ROWS, Integer.toString(settings.chunkRows()));
        p.put(Settings.DUCKDB_THREADS, Integer.toString(settings.duckdbThreads()));
        p.put(Settings.DUCKDB_MEMORY_LIMIT, settings.duckdbMemoryLimit());
        p.put(Settings.SETTLE_SECONDS, Integer.toString(settings.settleSeconds()));
        p.put(Settings.MAX_ROW_DROP, Double.toString(settings.maxRowDrop()));
        return p;
    }

    /**
     * Starts the context. The settings resolved by the command line are passed as properties
     * that override the user's {@code oriundos.*} ones (they already include them).
     */
    public static ConfigurableApplicationContext start(Settings settings) {
        Map<String, Object> defaults = defaultProperties(settings);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            if (e.getKey().startsWith("oriundos.")) {
                resolved.put(e.getKey(), e.getValue());
            }
        }
        return new SpringApplicationBuilder(OriundosApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(defaults)
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(
                        new org.springframework.core.env.MapPropertySource("oriundos-command-line", resolved)))
                .run();
    }
}
