package org.oriundos.jobs.cli;

import picocli.CommandLine.Option;

/** {@code --lake URI}, for the commands that read or write the lake (a mixin). */
public final class LakeOption {
    @Option(names = "--lake", paramLabel = "URI", description = "where the lake lives (default <home>/lake; hdfs:// works)")
    private String uri;

    public String uri() {
        return uri;
    }
}
