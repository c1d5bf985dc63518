package org.oriundos.jobs.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.cli.Cli;
import org.oriundos.jobs.cli.ExitCode;

/**
 * Every fault of a hostile inbox at once, on registry files whose leaders' names, phones and
 * e-mails are marker strings: a file without its header row, shifted rows, a link to a file outside
 * the inbox, a folder and a device named like files, a line break in a name, an unreadable file,
 * UTF-16 and doubled byte-order marks, malformed CSV, copies in progress, a re-delivery that loses
 * most of its rows, a club named like a spreadsheet formula. Then the whole data home (every file:
 * Parquet, DuckDB, the H2 job repository, the log, the report) and every line printed are searched
 * for the markers: none may be anywhere.
 */
class HostileInboxNightlyTest {
    static final List<String> MARKERS = List.of("vexlast", "qzmark", "leakmark", "555-7719", "5557719");
    static final String REGISTRY_HEADER = "ID_ORGANIZACION,CLAVE_TOMA_NOTA,NOMBRE,TIPO,FEDERACION,CONSULADO,CIUDAD,"
            + "ESTADO_EUA,PAIS,ENTIDAD_ORIGEN,MUNICIPIO_ORIGEN,FECHA_FUNDACION,FECHA_REGISTRO,NUM_MIEMBROS,PRESIDENTE,"
            + "TELEFONO,CORREO";
    static final String FORMULA_CLUB = "=HYPERLINK(\"http://evil.example\";\"click\")";

    @TempDir
    Path work;
    private final StringBuilder console = new StringBuilder();

    static String registryRow(int i) {
        return String.format(Locale.ROOT, "IME-%05d,,Club Oriundo %d,CLUB,,Chicago,Cicero,IL,,Zacatecas,Jerez,1990,"
                + "15/01/2011,45,\"Vexlastname%d Qzmark\",(312) 555-7719,qzmark%d@leakmark.example", i, i, i, i);
    }

    static String registry(int rows) {
        StringBuilder b = new StringBuilder(REGISTRY_HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            b.append(registryRow(i)).append('\n');
        }
        return b.toString();
    }

    static String projects(int year, int rows) {
        StringBuilder b = new StringBuilder("EJERCICIO,FOLIO,CVE_ENT,CVE_MUN,NOMBRE_PROYECTO,CATEGORIA,NOMBRE_CLUB,"
                + "INV_FEDERAL,INV_ESTATAL,INV_MUNICIPAL,INV_MIGRANTE,ESTATUS,PRESIDENTE,TELEFONO,CORREO\n");
        for (int i = 1; i <= rows; i++) {
            String club = i == 1 ? "\"" + FORMULA_CLUB.replace("\"", "\"\"") + "\"" : "Club Oriundo " + i;
            b.append(String.format(Locale.ROOT, "%d,3X1-ZAC-%d-%04d,32,17,Proyecto %d,AGUA POTABLE,%s,1000.00,1000.00,"
                    + "1000.00,%d.00,CONCLUIDO,Qzmark Vexlastname,(312) 555-7719,qzmark@leakmark.example%n", year, year, i, i,
                    club, 1000 + i));
        }
        return b.toString();
    }

    private Path deliver(Path home, String name, byte[] bytes) throws Exception {
        Path file = home.resolve("inbox").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return Fixtures.settled(file);
    }

    private Path deliver(Path home, String name, String text) throws Exception {
        return deliver(home, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), work).run(args);
        console.append("$ ").append(String.join(" ", args)).append(" -> ").append(code).append('\n')
                .append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        last = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String last = "";

    @Test
    void everyFaultOnRegistryFilesLeavesNoPersonalDataAnywhereInTheDataHome() throws Exception {
        Path home = work.resolve("home");
        String h = home.toString();
        Fixtures.deliver(home, Fixtures.NIGHT);
        deliver(home, "3x1_proyectos_2019.csv", projects(2019, 12));
        deliver(home, "ime_directorio_2024-06-30.csv", registry(20)
                + "IME-00021,,Club Oriundo 21,CLUB,,Chicago,Cicero,IL,,Zacatecas,Jerez,15/01/2011,45,Vexlastname21, Qzmark,"
                + "(312) 555-7719,qzmark21@leakmark.example\n");
        // 3. no header row: the first row is a leader's contact data
        deliver(home, "ime_directorio_2024-01-31.csv", registry(5).substring(REGISTRY_HEADER.length() + 1));
        // 4. personal columns mid-header, a comma in the name and a missing city: the e-mail lands in CIUDAD
        deliver(home, "ime_directorio_2024-02-29.csv", "ID_ORGANIZACION,NOMBRE,TIPO,CONSULADO,PRESIDENTE,TELEFONO,"
                + "CORREO,CIUDAD,ESTADO_EUA,ENTIDAD_ORIGEN,FECHA_REGISTRO\n"
                + "IME-00001,Club Uno,CLUB,Chicago,Vexlastname, Qzmark,(312) 555-7719,qzmark@leakmark.example,IL,Zacatecas,"
                + "15/01/2011\n");
        // 5. a link to a file outside the inbox (and outside the home)
        Path outside = Files.writeString(work.resolve("passwd"), "root:x:0:0:Qzmark Vexlastname:/root:/bin/bash\n");
        Files.createSymbolicLink(home.resolve("inbox/ime_directorio_2024-03-31.csv"), outside);
        // a folder named like a file, with a registry file inside; a line break in a name
        deliver(home, "ime_directorio_2024-04-30.csv/ime_directorio_2024-04-30.csv", registry(3));
        deliver(home, "ime_directorio_2024-05-31.csv\nnot taken 3x1_proyectos_2099.csv: forged", registry(3));
        // 7. unreadable (to the service user; root reads it and it loads without its personal columns)
        Path locked = deliver(home, "ime_directorio_2024-07-31.csv", registry(4));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // encodings: UTF-16 with and without a byte-order mark, two UTF-8 byte-order marks
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(0xFF);
        utf16.write(0xFE);
        utf16.writeBytes(registry(3).getBytes(StandardCharsets.UTF_16LE));
        deliver(home, "ime_directorio_2024-08-31.csv", utf16.toByteArray());
        deliver(home, "ime_directorio_2024-09-30.csv", registry(3).getBytes(StandardCharsets.UTF_16BE));
        ByteArrayOutputStream twoBoms = new ByteArrayOutputStream();
        twoBoms.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        twoBoms.writeBytes(registry(3).getBytes(StandardCharsets.UTF_8));
        deliver(home, "ime_directorio_2024-10-31.csv", twoBoms.toByteArray());
        // malformed CSV: a quote closed mid-field on a row of contact data
        deliver(home, "ime_directorio_2024-11-30.csv", registry(3) + "IME-00009,,\"Club\"Qzmark Vexlastname,CLUB,,"
                + "Chicago,Cicero,IL,,Zacatecas,Jerez,1990,15/01/2011,45,Qzmark,(312) 555-7719,q@leakmark.example\n"
                + registryRow(10) + "\n");
        // 1, 2. copies in progress: a .part name, and a file still being written
        deliver(home, "ime_directorio_2024-12-31.csv.part", registry(3));
        Path writing = deliver(home, "ime_directorio_2025-01-31.csv", registry(2));
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now()));

        try {
            int first = run("nightly", "--home", h);
            assertThat(first).as(console::toString).isEqualTo(ExitCode.FILES_REFUSED);
            assertThat(last).contains("not taken ime_directorio_2024-03-31.csv: a symbolic link: links are never followed")
                    .contains("not taken ime_directorio_2024-04-30.csv: a folder, not a file")
                    .contains("not taken ime_directorio_2024-05-31.csv\\nnot taken 3x1_proyectos_2099.csv: forged: ")
                    .contains("not taken yet ime_directorio_2024-12-31.csv.part: a copy in progress (.part)")
                    .contains("not taken yet ime_directorio_2025-01-31.csv: still being written")
                    .contains("refused ime_directorio_2024-01-31.csv: missing required columns")
                    .contains("refused ime_directorio_2024-08-31.csv: the file is UTF-16LE text")
                    .contains("refused ime_directorio_2024-09-30.csv: the file holds NUL bytes")
                    .contains("refused ime_directorio_2024-11-30.csv: malformed CSV in the record starting on line 5");
            assertThat(last.lines()).noneMatch(l -> l.startsWith("not taken 3x1_proyectos_2099.csv"));

            // 1. the 2024-06-30 registry is delivered again cut to a few rows: held back, loudly
            Files.writeString(home.resolve("inbox/ime_directorio_2024-06-30.csv"), registry(4));
            Fixtures.settled(home.resolve("inbox/ime_directorio_2024-06-30.csv"));
            assertThat(run("nightly", "--home", h)).as(console::toString).isEqualTo(ExitCode.FILES_REFUSED);
            assertThat(last).contains("refused ime_directorio_2024-06-30.csv: held back: 4 rows loaded against 20 of the"
                    + " delivery it would replace").contains("run 2: loaded 0 files: 4 rows read, 0 loaded, 4 rejected");
            assertThat(run("report", "--home", h, "--year", "2019")).as(console::toString).isZero();

            assertThat(run("rejects", "--home", h)).isZero();
            assertThat(run("rejects", "--home", h, "--csv")).isZero();
            assertThat(run("sql", "--home", h, "--csv", "select * from audit_file_load")).isZero();
            assertThat(run("sql", "--home", h, "--csv", "select * from audit_reject")).isZero();
            assertThat(run("status", "--home", h)).isZero();
            assertThat(run("status", "--home", h, "--run", "1")).isZero();
            assertThat(run("unresolved", "--home", h)).isZero();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
        }

        // 6. the formula is text in the report's CSV and in sql --csv
        Path clubs = home.resolve("reports/2019/program_clubs.csv");
        assertThat(clubs).as(console::toString).exists();
        assertThat(Files.readString(clubs)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"click\"\")\"");
        assertThat(Files.readString(clubs).lines()).noneMatch(l -> l.startsWith("=") || l.contains(",="));
        assertThat(run("sql", "--home", h, "--csv", "select club_name from stg_project where club_name like '=%'"))
                .isZero();
        assertThat(last).contains("\"'=HYPERLINK(");

        // the data home's own files: the inbox is the operator's, the rest is ours
        Path inbox = home.resolve("inbox");
        Files.move(inbox, work.resolve("inbox-aside"));
        DataHomeScan scan = new DataHomeScan(MARKERS);
        List<String> found = scan.scan(home);
        scan.check("console", console.toString());
        assertThat(scan.filesScanned(home)).isGreaterThan(20);
        assertThat(scan.parquetFiles).isGreaterThan(20);
        assertThat(scan.duckDbTables).isGreaterThan(10);
        assertThat(scan.h2Tables).isGreaterThanOrEqualTo(6);
        assertThat(found).as("markers in the data home or on the console:\n" + console).isEmpty();
        // the search does find them where they are: in the operator's inbox
        assertThat(new DataHomeScan(MARKERS).scan(work.resolve("inbox-aside"))).isNotEmpty();
    }
}
