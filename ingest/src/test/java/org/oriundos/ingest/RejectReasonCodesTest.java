package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reject carries a stable code beside its English text: the fixture extracts, with the faults
 * the providers really send, loaded through ingest, leave no reject without a {@link RejectReason},
 * each with as many parameters as its messages take, and none quoting the rejected value.
 */
class RejectReasonCodesTest {
    @TempDir
    Path tmp;

    @Test
    void everyRejectOfTheFixtureExtractsHasACodeItsParametersAndItsEnglishText() throws IOException {
        TestLake lake = new TestLake(tmp);
        List<String> fixtures;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/extracts"))) {
            fixtures = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        for (String f : fixtures) {
            lake.load(f, new IngestOptions(1.0, 50_000));
        }

        List<RejectedRow> rejects = lake.rejects(null);
        assertThat(rejects).hasSizeGreaterThan(20);
        Set<String> codes = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (RejectedRow r : rejects) {
            RejectReason code = r.reasonCode() == null ? null : RejectReason.valueOf(r.reasonCode());
            if (code == null) {
                wrong.add(r + " has no code");
                continue;
            }
            codes.add(code.name());
            List<String> args = Reason.args(r.reasonArgs());
            if (args.size() != code.parameters()) {
                wrong.add(r + ": " + code + " with parameters " + args);
            }
            if (r.value() != null && !r.value().isBlank() && args.contains(r.value())) {
                wrong.add(r + ": a parameter quotes the value");
            }
            if (r.reason() == null || r.reason().isBlank()) {
                wrong.add(r + " has no English text");
            }
        }
        assertThat(wrong).isEmpty();
        // the faults of the fixtures span the kinds of reason: values, keys, whole records, refused files
        assertThat(codes).contains("MISSING_VALUE", "NOT_AN_AMOUNT", "DUPLICATE_KEY", "FILE_REFUSED");
        assertThat(codes.size()).isGreaterThan(8);
    }

    @Test
    void aCodeKeepsTheTextAsItWasAndTheParametersTheTextShows() throws IOException {
        TestLake lake = new TestLake(tmp);
        Deliveries.write(lake.inbox.resolve("consulados_actividad_2023.csv"), "CONSULADO,ANIO,MES\n"
                + "Los Angeles,2023,13\n"
                + "Chicago,2022,1\n"
                + "Dallas,2023\n");
        new FileLoader(lake.lake, new IngestOptions(1.0, 50_000))
                .load(Inbox.delivery(lake.inbox.resolve("consulados_actividad_2023.csv")));

        assertThat(lake.rejects("consulados_actividad_2023.csv"))
                .extracting(RejectedRow::line, RejectedRow::reasonCode, RejectedRow::reasonArgs, RejectedRow::reason)
                .containsExactly(
                        tuple(2L, "OUT_OF_RANGE", "1|12", "out of range: must be between 1 and 12"),
                        tuple(3L, "YEAR_NOT_THE_FILE_NAMES", "2023",
                                "ANIO 2022 differs from the year of the file name (2023)"),
                        tuple(4L, "TOO_FEW_FIELDS", "2|3",
                                "the record has 2 fields but the header has 3 (a cut-off line?)"));
    }
}
