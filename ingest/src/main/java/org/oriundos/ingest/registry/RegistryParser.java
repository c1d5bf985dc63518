package org.oriundos.ingest.registry;

import static org.oriundos.ingest.csv.Layout.opt;
import static org.oriundos.ingest.csv.Layout.req;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.csv.BadValue;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.csv.Text;
import org.oriundos.ingest.csv.Values;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The IME directory of clubs and associations: the current snapshot layout
 * ({@code ime_directorio_YYYY-MM-DD.csv}, keyed by ID_ORGANIZACION) and the historic consular
 * "Directorio de Oriundos" ({@code directorio_oriundos_YYYY.csv}: name, city, US state and state of
 * origin only, keyed by an id of our own made from those four).
 */
public final class RegistryParser implements RecordParser {
    public static final Layout CURRENT = new Layout("current", List.of(
            req("ID_ORGANIZACION"), opt("CLAVE_TOMA_NOTA"), req("NOMBRE"), req("TIPO"), opt("FEDERACION"),
            req("CONSULADO"), opt("CIUDAD"), req("ESTADO_EUA"), opt("PAIS"), req("ENTIDAD_ORIGEN"),
            opt("MUNICIPIO_ORIGEN"), opt("FECHA_FUNDACION"), req("FECHA_REGISTRO"), opt("NUM_MIEMBROS")));
    private static final int ID = 0;
    private static final int CLAVE = 1;
    private static final int NOMBRE = 2;
    private static final int TIPO = 3;
    private static final int FEDERACION = 4;
    private static final int CONSULADO = 5;
    private static final int CIUDAD = 6;
    private static final int ESTADO_EUA = 7;
    private static final int PAIS = 8;
    private static final int ENTIDAD = 9;
    private static final int MUNICIPIO = 10;
    private static final int FUNDACION = 11;
    private static final int REGISTRO = 12;
    private static final int MIEMBROS = 13;

    public static final Layout HISTORIC = new Layout("historic", List.of(
            req("NOMBRE"), req("CIUDAD"), req("ESTADO_EUA"), req("ENTIDAD_ORIGEN")));
    private static final int H_NOMBRE = 0;
    private static final int H_CIUDAD = 1;
    private static final int H_ESTADO_EUA = 2;
    private static final int H_ENTIDAD = 3;

    private static final TableSchema T = RawTables.REGISTRY;
    private static final int C_SNAPSHOT = T.indexOf("snapshot_date");
    private static final int C_ID = T.indexOf("organization_id");
    private static final int C_HISTORIC = T.indexOf("historic");
    private static final int C_KEY = T.indexOf("registry_key");
    private static final int C_NAME = T.indexOf("name");
    private static final int C_TYPE = T.indexOf("org_type");
    private static final int C_FEDERATION = T.indexOf("federation");
    private static final int C_CONSULATE = T.indexOf("consulate");
    private static final int C_CITY = T.indexOf("city");
    private static final int C_US_STATE = T.indexOf("us_state");
    private static final int C_COUNTRY = T.indexOf("country");
    private static final int C_ORIGIN_STATE = T.indexOf("origin_state");
    private static final int C_ORIGIN_MUN = T.indexOf("origin_municipality");
    private static final int C_FOUNDED_YEAR = T.indexOf("founded_year");
    private static final int C_FOUNDED_DATE = T.indexOf("founded_date");
    private static final int C_REGISTERED = T.indexOf("registered_date");
    private static final int C_MEMBERS = T.indexOf("members");

    private static final Map<String, String> TYPES = canonical("CLUB", "FEDERACION", "CONFEDERACION", "ASOCIACION");

    private final boolean historic;
    private final LocalDate snapshot;

    private RegistryParser(boolean historic, LocalDate snapshot) {
        this.historic = historic;
        this.snapshot = snapshot;
    }

    public static RegistryParser current(LocalDate snapshot) {
        return new RegistryParser(false, snapshot);
    }

    public static RegistryParser historic(LocalDate snapshot) {
        return new RegistryParser(true, snapshot);
    }

    @Override
    public Layout layout() {
        return historic ? HISTORIC : CURRENT;
    }

    @Override
    public void parse(Fields f, Object[] row) {
        row[C_SNAPSHOT] = snapshot;
        row[C_HISTORIC] = historic;
        if (historic) {
            row[C_NAME] = f.requiredText(H_NOMBRE);
            row[C_CITY] = f.text(H_CIUDAD);
            row[C_US_STATE] = f.text(H_ESTADO_EUA);
            row[C_ORIGIN_STATE] = f.text(H_ENTIDAD);
            row[C_ID] = key(f);
            return;
        }
        row[C_ID] = f.requiredText(ID);
        row[C_KEY] = f.text(CLAVE);
        row[C_NAME] = f.requiredText(NOMBRE);
        row[C_TYPE] = f.oneOf(TIPO, true, TYPES);
        row[C_FEDERATION] = f.text(FEDERACION);
        row[C_CONSULATE] = f.requiredText(CONSULADO);
        row[C_CITY] = f.text(CIUDAD);
        row[C_US_STATE] = f.requiredText(ESTADO_EUA);
        row[C_COUNTRY] = f.text(PAIS);
        row[C_ORIGIN_STATE] = f.requiredText(ENTIDAD);
        row[C_ORIGIN_MUN] = f.text(MUNICIPIO);
        String founded = f.text(FUNDACION);
        if (founded != null) {
            int year = Values.yearOrMinus(founded);
            if (year > 0) {
                row[C_FOUNDED_YEAR] = year;
            } else {
                try {
                    LocalDate d = Values.date(founded);
                    row[C_FOUNDED_DATE] = d;
                    row[C_FOUNDED_YEAR] = d.getYear();
                } catch (BadValue e) {
                    f.problem(FUNDACION, "not a date dd/mm/yyyy or a year yyyy");
                }
            }
        }
        row[C_REGISTERED] = f.date(REGISTRO, true);
        Long members = f.count(MIEMBROS, false);
        if (members != null) {
            if (members > Integer.MAX_VALUE) {
                f.problem(MIEMBROS, "number too large");
            } else {
                row[C_MEMBERS] = members.intValue();
            }
        }
    }

    /**
     * The current layout's key is IME's id. A historic row's is {@code H-} and 16 hex digits of
     * the SHA-256 of its name, city, US state and state of origin, each compared like headers
     * (case, accents and blanks do not matter), so the same club gets the same id in every delivery.
     */
    @Override
    public String key(Fields f) {
        if (!historic) {
            return f.text(ID);
        }
        String name = f.text(H_NOMBRE);
        if (name == null) {
            return null;
        }
        String identity = Text.key(name) + "|" + Text.key(f.raw(H_CIUDAD)) + "|" + Text.key(f.raw(H_ESTADO_EUA))
                + "|" + Text.key(f.raw(H_ENTIDAD));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "H-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public int keyField() {
        return historic ? -1 : ID;
    }

    @Override
    public String duplicateReason(String key) {
        return historic
                ? "the same organization (name, city, US state and state of origin) appears more than once in the"
                        + " file (id " + key + "); all its rows are rejected"
                : "ID_ORGANIZACION " + key + " appears more than once in the file; all its rows are rejected";
    }

    /** A closed list of values, keyed as headers are so case and accents do not matter. */
    public static Map<String, String> canonical(String... values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : values) {
            m.put(Text.key(v), v);
        }
        return Map.copyOf(m);
    }
}
