package org.oriundos.jobs.status;

import java.nio.file.Path;
import java.util.Map;

/** The step results through the default job repository: an H2 file under the data home, opened again. */
class StepResultsH2Test extends StepResultsScenarios {

    @Override
    Map<String, Object> repository(String testName, Path home) {
        return Map.of();
    }
}
