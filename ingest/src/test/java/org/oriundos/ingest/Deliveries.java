package org.oriundos.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Deliveries made to measure for the hostile-inbox tests: 3x1 files of a chosen number of rows,
 * and registry files whose leaders' names, phones and e-mails are marker strings, so a test can
 * search everything oriundos wrote for them.
 */
public final class Deliveries {
    /** What must never appear anywhere oriundos writes (compared ignoring case). */
    public static final List<String> MARKERS = List.of("vexlast", "qzmark", "leakmark", "555-7719", "5557719");

    public static final String PROJECTS_HEADER = "EJERCICIO,FOLIO,CVE_ENT,CVE_MUN,NOMBRE_PROYECTO,CATEGORIA,NOMBRE_CLUB,"
            + "INV_FEDERAL,INV_ESTATAL,INV_MUNICIPAL,INV_MIGRANTE,ESTATUS";
    public static final String REGISTRY_HEADER = "ID_ORGANIZACION,CLAVE_TOMA_NOTA,NOMBRE,TIPO,FEDERACION,CONSULADO,CIUDAD,"
            + "ESTADO_EUA,PAIS,ENTIDAD_ORIGEN,MUNICIPIO_ORIGEN,FECHA_FUNDACION,FECHA_REGISTRO,NUM_MIEMBROS,PRESIDENTE,"
            + "TELEFONO,CORREO";

    private Deliveries() {
    }

    /** A 2013-layout 3x1 file of {@code year} with {@code rows} valid rows (folios 1..rows). */
    public static String projects(int year, int rows) {
        StringBuilder b = new StringBuilder(PROJECTS_HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            b.append(projectRow(year, i, "Club Oriundo " + i)).append('\n');
        }
        return b.toString();
    }

    public static String projectRow(int year, int i, String club) {
        return String.format(Locale.ROOT, "%d,3X1-ZAC-%d-%04d,32,17,Proyecto %d,AGUA POTABLE,%s,1000.00,1000.00,1000.00,"
                + "1000.00,CONCLUIDO", year, year, i, i, club);
    }

    /** A registry row whose leader's name, phone and e-mail are markers. */
    public static String registryRow(int i) {
        return String.format(Locale.ROOT, "IME-%05d,,Club Oriundo %d,CLUB,,Chicago,Cicero,IL,,Zacatecas,Jerez,1990,"
                + "15/01/2011,45,\"Vexlastname%d Qzmark\",(312) 555-7719,qzmark%d@leakmark.example", i, i, i, i);
    }

    /** A registry file with {@code rows} rows full of markers, with its header row. */
    public static String registry(int rows) {
        StringBuilder b = new StringBuilder(REGISTRY_HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            b.append(registryRow(i)).append('\n');
        }
        return b.toString();
    }

    /** The same without its header row: its first line is a leader's contact data. */
    public static String registryWithoutHeader(int rows) {
        return registry(rows).substring(REGISTRY_HEADER.length() + 1);
    }

    /**
     * A registry row with a missing field (FECHA_FUNDACION) and an unquoted comma in the leader's
     * name: the count of fields is right, and the surname lands in NUM_MIEMBROS.
     */
    public static String shiftedRegistryRow(int i) {
        return String.format(Locale.ROOT, "IME-%05d,,Club Oriundo %d,CLUB,,Chicago,Cicero,IL,,Zacatecas,Jerez,"
                + "15/01/2011,45,Vexlastname%d, Qzmark,(312) 555-7719,qzmark%d@leakmark.example", i, i, i, i);
    }

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a file's modification time. */
    public static Path modifiedAt(Path file, Instant when) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(when));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every marker found in a text (ignoring case). */
    public static List<String> markersIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return MARKERS.stream().filter(lower::contains).toList();
    }
}
