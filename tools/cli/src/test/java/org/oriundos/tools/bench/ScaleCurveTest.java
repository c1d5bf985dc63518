package org.oriundos.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oriundos.tools.sample.RemittanceExport;
import org.oriundos.tools.sample.SampleExtracts;

/** The scale curve's tables from given nights: sizes, nights, steps and how each step grows. */
class ScaleCurveTest {

    private static NightlyBench.Night night(String name, long wallSeconds, long cpuSeconds, long conform, long build) {
        return new NightlyBench.Night(name, Duration.ofSeconds(wallSeconds), Duration.ofSeconds(cpuSeconds),
                1_000_000_000L, 2.5, 0, List.of(new NightlyBench.StepTime("conform", Duration.ofSeconds(conform)),
                        new NightlyBench.StepTime("buildWarehouse", Duration.ofSeconds(build))));
    }

    private static ScaleCurve.Point point(double factor, long wall, long conform, long build) {
        HistoryInbox.Program p = ScaleCurve.program(factor);
        NightlyBench.History h = new NightlyBench.History(2, p.rowsPerYear() * 2, 5_000_000, night("full 2 years", wall,
                wall * 3 / 2, conform, build), night("incremental (+1 year)", wall / 2, wall, conform / 2, build / 2),
                null, null, Path.of("w.duckdb"), p);
        return new ScaleCurve.Point(factor, 2_643L * (long) factor, 2_533, h, null);
    }

    @Test
    void showsEachFactorsNightsAndHowEachStepGrowsFromOneFactorToTheNext() {
        ScaleCurve.Figures f = new ScaleCurve.Figures(2, 53, List.of(point(1, 40, 10, 20), point(10, 400, 300, 40),
                new ScaleCurve.Point(100, 264_300, 2_533, null, "nightly (full 2 years) exited with 1")), false);

        String md = ScaleCurve.markdown(f);

        assertThat(md).contains("| 1× | 1,500 | 2,643 | 2,000 | 3,000 | 5.0 | 40.0 s | 60.0 s | 1,000.0 MB | 2.5 |",
                "| 10× | 15,000 | 26,430 | 20,000 | 30,000 |", "| 100× | 150,000 | 264,300 | 200,000 |  |  | did not finish |  |  |  |  |  |  |  |\n",
                "| scale | night | conform | buildWarehouse | start/stop |", "| 1× | full 2 years | 10.0 | 20.0 | 10.0 |",
                "of every municipality (2,533 series × 53 quarters, the same at every factor)", "100× did not finish:\n\n```\nnightly (full 2 years) exited with 1\n```");
        // conform grew 30 times for 10 times the data, the build 2 times, the night 10 times
        assertThat(md).contains("| 1× → 10× | 30.0× | 2.0× | 10.0× | 10.0× |");
    }

    @Test
    void namesTheSmallerExportOfAFactorBelowOne() {
        ScaleCurve.Point small = new ScaleCurve.Point(0.02, 53, 91, null, "stopped");
        ScaleCurve.Point whole = new ScaleCurve.Point(1, 2_643, 2_533, null, "stopped");

        assertThat(ScaleCurve.markdown(new ScaleCurve.Figures(1, 52, List.of(small, whole), false)))
                .contains("export of every municipality (2,533 series × 52 quarters from 1× up); below 1× of every"
                        + " state's total and the municipalities of the program's leading states of origin",
                        "(0.02× 91 series × 52 quarters)");
        assertThat(ScaleCurve.markdown(new ScaleCurve.Figures(1, 52, List.of(small), false)))
                .contains("export of every state's total and the municipalities").doesNotContain("every municipality");
    }

    @Test
    void aProgramBelowOneDropsInTheExportOfItsLeadingStatesOfOriginAndFromOneUpThatOfEveryMunicipality() {
        SampleExtracts sample = new SampleExtracts(2019);
        RemittanceExport every = sample.everyMunicipalityExport();
        long municipalities = every.places().stream().filter(p -> p.municipalityKey() != null).count();
        Set<String> states = every.places().stream().map(RemittanceExport.Place::stateCode).collect(Collectors.toSet());

        assertThat(sample.programExport(1).series()).isEqualTo(every.series());
        assertThat(sample.programExport(10).series()).isEqualTo(every.series());
        RemittanceExport small = sample.programExport(0.02);
        // every state's total still, and the municipal series of Zacatecas, the first state of origin, all of them
        assertThat(small.places().stream().filter(p -> p.municipalityKey() == null && !p.notIdentified())
                .map(RemittanceExport.Place::stateCode)).containsExactlyInAnyOrderElementsOf(states);
        assertThat(small.places().stream().filter(p -> p.municipalityKey() != null).map(RemittanceExport.Place::stateCode)
                .distinct()).containsExactly("32");
        assertThat(small.places().stream().filter(p -> p.municipalityKey() != null).count())
                .isEqualTo(every.places().stream().filter(p -> "32".equals(p.stateCode()) && p.municipalityKey() != null)
                        .count())
                .isGreaterThanOrEqualTo((long) Math.ceil(0.02 * municipalities));
        long half = sample.programExport(0.5).places().stream().filter(p -> p.municipalityKey() != null).count();
        assertThat(half).isGreaterThanOrEqualTo((long) Math.ceil(0.5 * municipalities)).isLessThan(municipalities);
    }

    @Test
    void writesFactorsBelowOneAsDecimals() {
        assertThat(ScaleCurve.times(0.02)).isEqualTo("0.02×");
        assertThat(ScaleCurve.times(100)).isEqualTo("100×");
        assertThat(ScaleCurve.program(0.02).rowsPerYear()).isEqualTo(30);
    }
}
