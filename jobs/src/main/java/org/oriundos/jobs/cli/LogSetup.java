package org.oriundos.jobs.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.StatusListener;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Points the log at {@code <home>/logs/oriundos.log} and keeps logback's own status messages off the
 * console. Logback reports a log file it cannot write (a full disk) as status messages, and Spring
 * Boot's logging system prints those on the console, hundreds of lines deep; so the log is
 * configured here, once per command, and Spring Boot is told to leave logging alone. A log that
 * cannot be written is then silent, and the command's own one-line message is what the user sees.
 */
final class LogSetup {
    /** Spring Boot's switch for its logging system ({@code LoggingSystem.SYSTEM_PROPERTY}). */
    static final String SPRING_LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private LogSetup() {
    }

    static void configure(Path logFile, boolean verbose) {
        System.setProperty("oriundos.log.file", logFile.toString());
        System.setProperty("oriundos.console.level", verbose ? "INFO" : "OFF");
        System.setProperty(SPRING_LOGGING_SYSTEM, "none");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return; // another SLF4J binding (a test's): nothing of ours to configure
        }
        LoggerContext context = (LoggerContext) factory;
        URL config = LogSetup.class.getResource("/logback.xml");
        context.reset();
        if (config != null) {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(config);
            } catch (JoranException e) {
                // the log stays unconfigured (silent); the command itself still reports on the console
            }
        }
        // java.util.logging and System.Logger (DuckDB's side of the warehouse) into the same log, not onto stderr
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        for (StatusListener listener : context.getStatusManager().getCopyOfStatusListenerList()) {
            if (listener instanceof OnConsoleStatusListener) {
                context.getStatusManager().remove(listener);
            }
        }
    }
}
