package org.oriundos.jobs.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.oriundos.jobs.home.Settings;

/**
 * What every command runs with: the process's streams, the directory relative paths are resolved
 * against, and the settings given on the command line as {@code --oriundos.<name>=VALUE}.
 */
public record CommandIo(InputStream in, PrintStream out, PrintStream err, Path workingDir,
                        Map<String, String> settingArguments) {

    public CommandIo {
        settingArguments = Map.copyOf(settingArguments);
    }

    /**
     * The settings of a command: {@code --home} and {@code --lake} win over {@code --oriundos.home=}
     * and {@code --oriundos.lake=}, which win over {@code -D} and {@code ORIUNDOS_*}.
     */
    public Settings settings(String home, String lake) {
        return Settings.resolve(name -> {
            if (name.equals(Settings.HOME) && home != null) {
                return home;
            }
            if (name.equals(Settings.LAKE) && lake != null) {
                return lake;
            }
            String value = settingArguments.get(name);
            return value != null ? value : Settings.systemProperty(name);
        }, workingDir);
    }
}
