package org.oriundos.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The two jars as the build leaves them (failsafe, after both are packaged): the jar the nightly
 * runs carries neither JMH nor the sample generator nor any tool; the tools jar carries them, with
 * the JMH benchmark list its annotation processor wrote, so {@code bench --micro} finds them.
 */
class JarsIT {
    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertThat(path).as(property + " (set by tools/cli/pom.xml)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as(property).isRegularFile();
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void theProductionJarHasNoJmhNoGeneratorAndNoTool() throws IOException {
        Path jar = jar("oriundos.production-jar");
        List<String> entries = entries(jar);
        assertThat(entries).as("the application itself is in it").contains(
                "BOOT-INF/classes/org/oriundos/jobs/OriundosApplication.class");
        assertThat(entries).as("the ingest module is in it").anyMatch(e -> e.matches("BOOT-INF/lib/oriundos-ingest-.*\\.jar"));
        assertThat(entries).as("nothing of JMH").noneMatch(e -> e.toLowerCase(Locale.ROOT).contains("jmh"));
        assertThat(entries).as("no sample generator").noneMatch(e -> e.contains("oriundos-sample") || e.contains("/sample/"));
        assertThat(entries).as("no tool").noneMatch(e -> e.contains("org/oriundos/tools/") || e.contains("oriundos-tools"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("org.oriundos.jobs.OriundosApplication");
        }
    }

    @Test
    void theToolsJarHasTheGeneratorJmhAndItsBenchmarkList() throws IOException {
        Path jar = jar("oriundos.tools-jar");
        List<String> entries = entries(jar);
        assertThat(entries).anyMatch(e -> e.matches("BOOT-INF/lib/oriundos-sample-.*\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("BOOT-INF/lib/oriundos-jobs-.*\\.jar"));
        assertThat(entries).anyMatch(e -> e.matches("BOOT-INF/lib/jmh-core-.*\\.jar"));
        // Spring Boot's repackaging puts the application's META-INF at the jar's root, where JMH finds it
        assertThat(entries).as("the annotation processor ran").contains("META-INF/BenchmarkList");
        assertThat(entries).noneMatch(e -> e.contains("jmh-generator-annprocess"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
                    // by name: failsafe runs this against the repackaged jar, whose classes are not on its class path
                    .isEqualTo("org.oriundos.tools.OriundosTools");
            String benchmarks = new String(file.getInputStream(file.getEntry("META-INF/BenchmarkList"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(benchmarks).contains("org.oriundos.tools.bench.micro.");
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
