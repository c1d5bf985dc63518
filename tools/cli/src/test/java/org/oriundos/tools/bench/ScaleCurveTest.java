package org.oriundos.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        return new ScaleCurve.Point(factor, 2_643L * (long) factor, h, null);
    }

    @Test
    void showsEachFactorsNightsAndHowEachStepGrowsFromOneFactorToTheNext() {
        ScaleCurve.Figures f = new ScaleCurve.Figures(2, 2_533, 53, List.of(point(1, 40, 10, 20), point(10, 400, 300, 40),
                new ScaleCurve.Point(100, 264_300, null, "nightly (full 2 years) exited with 1")), false);

        String md = ScaleCurve.markdown(f);

        assertThat(md).contains("| 1× | 1,500 | 2,643 | 2,000 | 3,000 | 5.0 | 40.0 s | 60.0 s | 1,000.0 MB | 2.5 |",
                "| 10× | 15,000 | 26,430 | 20,000 | 30,000 |", "| 100× | 150,000 | 264,300 | 200,000 |  |  | did not finish |  |  |  |  |  |  |  |\n",
                "| scale | night | conform | buildWarehouse | start/stop |", "| 1× | full 2 years | 10.0 | 20.0 | 10.0 |",
                "2,533 series × 53 quarters", "100× did not finish:\n\n```\nnightly (full 2 years) exited with 1\n```");
        // conform grew 30 times for 10 times the data, the build 2 times, the night 10 times
        assertThat(md).contains("| 1× → 10× | 30.0× | 2.0× | 10.0× | 10.0× |");
    }

    @Test
    void writesFactorsBelowOneAsDecimals() {
        assertThat(ScaleCurve.times(0.02)).isEqualTo("0.02×");
        assertThat(ScaleCurve.times(100)).isEqualTo("100×");
        assertThat(ScaleCurve.program(0.02).rowsPerYear()).isEqualTo(30);
    }
}
