package org.oriundos.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Point;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.DeliveryValue;
import org.oriundos.jobs.status.ScanResult;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * Spring Batch 6 reads an execution context back through an input filter that admits only the
 * JDK's and its own classes; the job repository's serializer admits the step results' records too,
 * and still nothing else.
 */
class ExecutionContextSerializerTest {
    private final ScanResult scan = new ScanResult("/data/inbox", "/data/conf",
            List.of(new DeliveryValue("/data/inbox/3x1_proyectos_2018.csv", "3x1_proyectos_2018.csv", "PROJECTS", "2018",
                    1234L, "ab".repeat(32))), 3, List.of(new ScanResult.NotTaken("notes.txt", "not an extract", false)),
            List.of(new ScanResult.StillRefused("3x1_proyectos_2017.csv", "missing required column INV_MIGRANTE",
                    LocalDate.of(2019, 12, 20))), ScanResult.Night.GOES_ON);

    @Test
    void theStepResultsComeBackAsTheSameValues() throws IOException {
        Map<String, Object> read = roundTrip(NightlyJobConfiguration.executionContextSerializer(),
                Map.of(ExecutionKeys.SCAN.name(), scan, "a.number", 7L));

        assertThat(read).containsEntry(ExecutionKeys.SCAN.name(), scan).containsEntry("a.number", 7L);
    }

    @Test
    void springBatchsOwnDefaultRefusesToReadThem() {
        assertThatThrownBy(() -> roundTrip(new DefaultExecutionContextSerializer(), Map.of(ExecutionKeys.SCAN.name(), scan)))
                .hasStackTraceContaining("REJECTED");
    }

    @Test
    void aClassOutsideTheTrustedOnesIsStillRefused() {
        assertThatThrownBy(() -> roundTrip(NightlyJobConfiguration.executionContextSerializer(),
                Map.of("point", new Point(1, 2)))).hasStackTraceContaining("REJECTED");
    }

    private static Map<String, Object> roundTrip(ExecutionContextSerializer serializer, Map<String, Object> context)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.serialize(new HashMap<>(context), out);
        return serializer.deserialize(new ByteArrayInputStream(out.toByteArray()));
    }
}
