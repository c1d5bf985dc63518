package org.oriundos.warehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of oriundos that writes the report, as the build stamped it ({@code version.properties}). */
final class ReportVersion {
    private static final String RESOURCE = "version.properties";

    private ReportVersion() {
    }

    /** {@code 0.1.0-SNAPSHOT}, or null when the build did not stamp it (the report then says so, never a made-up number). */
    static String current() {
        try (InputStream in = ReportVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }
}
