package org.oriundos.warehouse.report.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds Chromium for a test: required in CI, skipped with a clear message on a workstation without it. */
public final class ChromiumForTests {
    private ChromiumForTests() {
    }

    public static Path binary() {
        Optional<Path> binary = HeadlessChromium.find();
        if (binary.isEmpty()) {
            String message = "Chromium was not found (install Debian's 'chromium' package, or set CHROMIUM_BIN "
                    + "to the browser binary)";
            if (System.getenv("CI") != null) {
                fail(message + ": the browser check of the report is required when CI is set");
            }
            Assumptions.assumeTrue(false, message + ": skipping the browser check of the report outside CI");
        }
        return binary.get();
    }
}
