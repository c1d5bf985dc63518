package org.oriundos.ingest.sample;

import java.nio.file.Path;

/** Runs {@link SampleExtracts#writeScaled} in a JVM of its own, so a test can give it a small heap. */
public final class ScaledSampleProcess {
    private ScaledSampleProcess() {
    }

    public static void main(String[] args) {
        new SampleExtracts(Long.parseLong(args[2])).writeScaled(Path.of(args[0]), Long.parseLong(args[1]));
    }
}
