package org.oriundos.jobs;

import java.nio.file.Path;
import org.oriundos.jobs.cli.Cli;
import org.oriundos.jobs.home.Settings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code oriundos} command. Only the commands that run or read jobs start Spring (see
 * {@link SpringRuntime}); {@code sql}, {@code rejects} and the like answer without it.
 */
@SpringBootApplication
public class OriundosApplication {

    /** The run's settings, from the properties the command line passed to Spring. */
    @Bean
    Settings settings(Environment environment) {
        return Settings.resolve(environment::getProperty, Path.of("").toAbsolutePath());
    }

    public static void main(String[] args) {
        int code = new Cli(System.in, System.out, System.err, Path.of("").toAbsolutePath()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
