package org.oriundos.tools.sample;

import java.nio.file.Path;

/**
 * Runs the generator in a JVM of its own, so a test can give it a small heap or another locale:
 * {@code <dir> <rows> <seed>} for {@link SampleExtracts#writeScaled}, {@code <dir> demo <seed>}
 * for {@link SampleExtracts#writeDemoInbox}.
 */
public final class ScaledSampleProcess {
    private ScaledSampleProcess() {
    }

    public static void main(String[] args) {
        SampleExtracts sample = new SampleExtracts(Long.parseLong(args[2]));
        if ("demo".equals(args[1])) {
            sample.writeDemoInbox(Path.of(args[0]));
        } else {
            sample.writeScaled(Path.of(args[0]), Long.parseLong(args[1]));
        }
    }
}
