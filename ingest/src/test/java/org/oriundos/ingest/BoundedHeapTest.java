package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * Memory stays flat with file size: a 3x1 file larger than the whole heap loads in a child JVM
 * started with {@code -Xmx32m}.
 */
class BoundedHeapTest {
    private static final int ROWS = 120_000;
    private static final int HEAP_MB = 32;

    @TempDir
    Path tmp;

    @Test
    void loadsAFileLargerThanTheHeapInABoundedHeap() throws Exception {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path file = inbox.resolve("3x1_proyectos_2021.csv");
        writeLargeFile(file);
        assertThat(Files.size(file)).isGreaterThan(HEAP_MB * 1024L * 1024);

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                LoadOneFile.class.getName(), tmp.resolve("lake").toString(), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("child.log"));
        assertThat(done).as("child finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();

        LedgerEntry entry = new Ledger(LakeLocation.local(tmp.resolve("lake"))).entries().get(0);
        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        // every 1000th row repeats the folio of the row before it: both rejected
        assertThat(entry.counts()).isEqualTo(new FileCounts(ROWS + 1, ROWS - 240, 240, 1));
    }

    private static void writeLargeFile(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("EJERCICIO,FOLIO,CVE_ENT,NOM_ENT,CVE_MUN,NOM_MUN,LOCALIDAD,NOMBRE_PROYECTO,CATEGORIA,CLAVE_CLUB,"
                    + "NOMBRE_CLUB,FEDERACION,ESTADO_EUA,INV_FEDERAL,INV_ESTATAL,INV_MUNICIPAL,INV_MIGRANTE,INV_OTROS,"
                    + "BENEFICIARIOS,ESTATUS,FECHA_APROBACION,PRESIDENTE,TELEFONO,CORREO\r\n");
            for (int i = 0; i < ROWS; i++) {
                int folio = i % 1000 == 999 ? i - 1 : i;
                w.write("2021,3X1-ZAC-2021-" + folio + "," + (1 + i % 32) + ",Zacatecas," + (1 + i % 58)
                        + ",Jerez de García Salinas,Ermita de Guadalupe,\"Pavimentación con concreto hidráulico, calle "
                        + i + "\",PAVIMENTACION,TN-2011-" + (i % 5000) + ",Club Jerez de Los Ángeles número " + (i % 777)
                        + ",Federación Zacatecana del Sur de California,CA,\"$1,234,567.89\",\"$ 234,567.00\",34567.5,"
                        + "\"1,000,000\",,350,CONCLUIDO,15/03/2021,Juan Pérez Gómez,555-123-4567,juan@example.com\r\n");
            }
            w.write("TOTAL,,,,,,,,,,,,,,,,,,,,,,,\r\n");
        }
    }

    /** The child JVM: loads one file into a lake. */
    public static final class LoadOneFile {
        public static void main(String[] args) {
            LakeLocation lake = LakeLocation.local(Path.of(args[0]));
            LedgerEntry e = new FileLoader(lake, new IngestOptions(0.05, 5_000)).load(Inbox.delivery(Path.of(args[1])));
            System.out.println(e);
            Runtime rt = Runtime.getRuntime();
            System.out.println("max heap " + rt.maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
