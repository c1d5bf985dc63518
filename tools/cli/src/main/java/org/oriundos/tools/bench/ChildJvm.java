package org.oriundos.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Runs a main class of this application in a child JVM, the way an operator would run it, and
 * measures it from outside: wall time, peak resident memory ({@code VmHWM} of
 * {@code /proc/<pid>/status}, read until the process ends), its CPU time (user + sys, read with
 * it) and the machine's load average while it ran. Works both from the Spring Boot
 * jar ({@code bin/oriundos}) and from a plain class path (Maven, the IDE).
 */
final class ChildJvm {
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final long POLL_MILLIS = 100;

    private final String javaExecutable;
    private final String classPath;
    private final boolean bootJar;

    ChildJvm(String javaExecutable, String classPath) {
        this.javaExecutable = javaExecutable;
        this.classPath = classPath;
        this.bootJar = isBootJar(classPath);
    }

    /** A child like this JVM: the same java, the same class path. */
    static ChildJvm likeThisOne() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ChildJvm(java, absolute(System.getProperty("java.class.path")));
    }

    /** The class path with every entry absolute: the child runs in another folder. */
    static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String e : classPath.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * What one child did.
     *
     * @param exitCode     its exit code
     * @param wall         from start to exit
     * @param peakRssBytes the most resident memory it held, or -1 where {@code /proc} cannot tell
     * @param cpu          its CPU time (user + sys of all its threads) at the last reading before it
     *                     ended (read every {@value #POLL_MILLIS} ms), or {@code null} where the OS cannot tell
     * @param meanLoad     the one-minute load average of the machine, averaged over the readings, or -1
     * @param output       its standard output and error, merged
     */
    record Run(int exitCode, Duration wall, long peakRssBytes, Duration cpu, double meanLoad, String output) {
    }

    /** The command line that runs {@code mainClass} with {@code jvmOptions} and {@code args}. */
    List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        if (bootJar) {
            // classes sit in BOOT-INF/ of the Spring Boot jar: its launcher finds them for any main class
            cmd.add("-Dloader.main=" + mainClass);
            cmd.add(BOOT_LAUNCHER);
        } else {
            cmd.add(mainClass);
        }
        cmd.addAll(args);
        return cmd;
    }

    Run run(String mainClass, List<String> jvmOptions, List<String> args, Path workingDir, Path logFile) {
        List<String> cmd = command(mainClass, jvmOptions, args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        }
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = -1;
        Duration cpu = null;
        double loadSum = 0;
        int loads = 0;
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ProcessHandle handle = p.toHandle();
        try {
            while (p.isAlive()) {
                peak = Math.max(peak, peakRss(status).orElse(-1L));
                // user + sys of the child's threads; its last reading is at most one poll before it ends
                cpu = handle.info().totalCpuDuration().orElse(cpu);
                double load = os.getSystemLoadAverage();
                if (load >= 0) {
                    loadSum += load;
                    loads++;
                }
                if (p.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + mainClass, e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        String output;
        try {
            output = Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
        return new Run(p.exitValue(), wall, peak, cpu, loads == 0 ? -1 : loadSum / loads, output);
    }

    /** {@code VmHWM} in bytes: the peak resident set size so far. */
    static Optional<Long> peakRss(Path procStatus) {
        try {
            for (String line : Files.readAllLines(procStatus, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended between the check and the read, or no /proc
        }
        return Optional.empty();
    }

    private static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (ZipFile jar = new ZipFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
