package org.oriundos.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.List;

/** The test extracts of {@code src/test/resources/extracts}, copied into a data home's inbox. */
public final class Fixtures {
    /** One night's inbox: every kind of extract, each loadable. */
    public static final List<String> NIGHT = List.of("3x1_proyectos_2018.csv", "3x1_proyectos_2007.csv",
            "ime_directorio_2018-12-31.csv", "consulados_actividad_2018.csv", "survey_MMP_2018.csv");
    /** A file the pipeline must refuse whole (a required column is missing). */
    public static final String REFUSED = "refused/3x1_proyectos_2017.csv";
    /**
     * Held-out-style deliveries for the warehouse checksum (copies of the ingest module's test
     * extracts, described in its README): historic and current directories, old- and
     * current-layout 3x1 years, one refused and one held back, consular activity, a survey and two
     * Banco de México exports.
     */
    private static final List<String> CHECKSUM_NIGHT = List.of("directorio_oriundos_1998.csv",
            "directorio_oriundos_2010.csv", "ime_directorio_2003-12-31.csv", "ime_directorio_2012-06-30.csv",
            "ime_directorio_2024-06-30.csv", "3x1_proyectos_2005.csv", "3x1_proyectos_2014.csv",
            "3x1_proyectos_2017.csv", "3x1_proyectos_2020.csv", "3x1_proyectos_2021.csv",
            "consulados_actividad_2023.csv", "survey_MMP_2019.csv", "banxico_remesas_zacatecas.csv",
            "banxico_remesas_errores.csv");

    private Fixtures() {
    }

    /** The held-out-style night of {@code extracts/checksum}, as names {@link #deliver} takes. */
    public static List<String> checksumNight() {
        return CHECKSUM_NIGHT.stream().map(name -> "checksum/" + name).toList();
    }

    public static void deliver(Path home, List<String> extracts) throws IOException {
        for (String name : extracts) {
            deliver(home, name);
        }
    }

    public static Path deliver(Path home, String extract) throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path target = inbox.resolve(Path.of(extract).getFileName().toString());
        try (InputStream in = Fixtures.class.getResourceAsStream("/extracts/" + extract)) {
            if (in == null) {
                throw new IOException("no test extract " + extract);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return settled(target);
    }

    /**
     * Dates a delivered file (or every file of a folder) an hour back, as a file copied in before
     * the night: past the nightly's settle interval, so it is taken whole.
     */
    public static Path settled(Path fileOrFolder) throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> files = Files.list(fileOrFolder)) {
                for (Path f : files.toList()) {
                    Files.setLastModifiedTime(f, anHourAgo);
                }
            }
        } else {
            Files.setLastModifiedTime(fileOrFolder, anHourAgo);
        }
        return fileOrFolder;
    }
}
