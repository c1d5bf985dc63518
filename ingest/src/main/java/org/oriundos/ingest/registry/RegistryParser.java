package org.oriundos.ingest.registry;

import static org.oriundos.ingest.csv.Layout.extra;
import static org.oriundos.ingest.csv.Layout.none;
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
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.csv.BadValue;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.LayoutChoice;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.csv.Text;
import org.oriundos.ingest.csv.Values;

/**
 * The IME directory of clubs and associations, in either layout, told by the header (not by the
 * file name: the consulates re-issue the historic directories as {@code ime_directorio_...}).
 * <ul>
 * <li>current: keyed by IME's ID_ORGANIZACION, with type, consulate, registration date and the
 * rest;</li>
 * <li>historic (the consular "Directorio de Oriundos" of 1998 and 2003): name, city, US state and
 * state of origin only, keyed by an id of our own made from those four; a re-issued copy may carry
 * some of the current layout's descriptive columns, which are read when there.</li>
 * </ul>
 */
public final class RegistryParser implements RecordParser {
    // One list of fields for both layouts; each layout declares which it has.
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

    /** Identity (the id, the name), place (US state, state of origin) are needed; the rest describes. */
    public static final Layout CURRENT = new Layout("current", List.of(
            req("ID_ORGANIZACION"), opt("CLAVE_TOMA_NOTA"), req("NOMBRE"), opt("TIPO"), opt("FEDERACION"),
            opt("CONSULADO"), opt("CIUDAD"), req("ESTADO_EUA"), opt("PAIS"), req("ENTIDAD_ORIGEN"),
            opt("MUNICIPIO_ORIGEN"), opt("FECHA_FUNDACION"), opt("FECHA_REGISTRO"), opt("NUM_MIEMBROS")));

    /**
     * The four columns make the organization's identity (the {@code H-} id), so all four are
     * needed; the current layout's descriptive columns are read when a re-issued copy has them.
     */
    public static final Layout HISTORIC = new Layout("historic", List.of(
            none(), none(), req("NOMBRE"), extra("TIPO"), extra("FEDERACION"), extra("CONSULADO"), req("CIUDAD"),
            req("ESTADO_EUA"), extra("PAIS"), req("ENTIDAD_ORIGEN"), extra("MUNICIPIO_ORIGEN"), extra("FECHA_FUNDACION"),
            none(), extra("NUM_MIEMBROS")));

    /** Columns only an IME registration has: with them and no ID_ORGANIZACION, the file is a current one missing its ids. */
    private static final List<String> CURRENT_ONLY = List.of("FECHA_REGISTRO", "CLAVE_TOMA_NOTA");

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

    /**
     * The layout a registry file's header (its keys, {@code HeaderMap.keys}) says: ID_ORGANIZACION
     * means the current layout; without it, the historic one, unless the header has a column only
     * an IME registration has (FECHA_REGISTRO, CLAVE_TOMA_NOTA): then it is a current file without
     * its ids, and the header check refuses it for the missing ID_ORGANIZACION.
     */
    public static LayoutChoice forHeader(List<String> headerKeys, LocalDate snapshot) {
        if (headerKeys.contains("ID_ORGANIZACION")) {
            return new LayoutChoice(current(snapshot), "told by ID_ORGANIZACION in the header");
        }
        for (String k : CURRENT_ONLY) {
            if (headerKeys.contains(k)) {
                return new LayoutChoice(current(snapshot), "told by " + k
                        + " in the header, which only the current layout has");
            }
        }
        return new LayoutChoice(historic(snapshot), "told by the header, which has no ID_ORGANIZACION");
    }

    @Override
    public Layout layout() {
        return historic ? HISTORIC : CURRENT;
    }

    @Override
    public void parse(Fields f, Object[] row) {
        RawTables.REGISTRY_ROWS.fill(organization(f), row);
    }

    /** The record's organization; a value with a problem is {@code null}, and the problem is in {@code f}. */
    RegistryRecord organization(Fields f) {
        String name = f.requiredText(NOMBRE);
        String id;
        String registryKey = null;
        String city;
        String usState;
        String originState;
        LocalDate registered = null;
        if (historic) {
            city = f.text(CIUDAD);
            usState = f.text(ESTADO_EUA);
            originState = f.text(ENTIDAD);
            id = key(f);
        } else {
            id = f.requiredText(ID);
            registryKey = f.text(CLAVE);
            city = f.text(CIUDAD);
            usState = f.requiredText(ESTADO_EUA);
            originState = f.requiredText(ENTIDAD);
            registered = f.date(REGISTRO, f.present(REGISTRO));
        }
        // Descriptive columns: a current file must fill those it has; a historic one may leave them blank.
        boolean fill = !historic;
        String orgType = f.oneOf(TIPO, fill && f.present(TIPO), TYPES);
        String federation = f.text(FEDERACION);
        String consulate = fill && f.present(CONSULADO) ? f.requiredText(CONSULADO) : f.text(CONSULADO);
        String country = f.text(PAIS);
        String originMunicipality = f.text(MUNICIPIO);
        Integer foundedYear = null;
        LocalDate foundedDate = null;
        String founded = f.text(FUNDACION);
        if (founded != null) {
            int year = Values.yearOrMinus(founded);
            if (year > 0) {
                foundedYear = year;
            } else {
                try {
                    foundedDate = Values.date(founded);
                    foundedYear = foundedDate.getYear();
                } catch (BadValue e) {
                    f.problem(FUNDACION, RejectReason.NOT_A_DATE_OR_YEAR.because("not a date dd/mm/yyyy or a year yyyy"));
                }
            }
        }
        Integer memberCount = null;
        Long members = f.count(MIEMBROS, false);
        if (members != null) {
            if (members > Integer.MAX_VALUE) {
                f.problem(MIEMBROS, RejectReason.NUMBER_TOO_LARGE.because("number too large"));
            } else {
                memberCount = members.intValue();
            }
        }
        return new RegistryRecord(snapshot, id, historic, registryKey, name, orgType, federation, consulate, city,
                usState, country, originState, originMunicipality, foundedYear, foundedDate, registered, memberCount);
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
        String name = f.text(NOMBRE);
        if (name == null) {
            return null;
        }
        String identity = Text.key(name) + "|" + Text.key(f.raw(CIUDAD)) + "|" + Text.key(f.raw(ESTADO_EUA))
                + "|" + Text.key(f.raw(ENTIDAD));
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


    /** Why records that share the key but are not the same entry are all rejected. */
    @Override
    public Reason duplicateReason(String key) {
        return historic
                ? RejectReason.DUPLICATE_ORGANIZATION.because("the same organization (name, city, US state and state"
                        + " of origin) appears more than once in the file (id " + key + "), written differently; all its"
                        + " rows are rejected")
                : RejectReason.DUPLICATE_ORGANIZATION_ID.because("ID_ORGANIZACION " + key + " appears more than once in"
                        + " the file with different entries; all its rows are rejected: an IME id cannot name two"
                        + " organizations");
    }

    /** A snapshot lists each organization once: an entry repeated exactly is loaded once, and each repeat reported. */
    @Override
    public boolean loadsExactRepeatOnce() {
        return true;
    }

    @Override
    public Reason repeatReason(String key, long firstLine) {
        return RejectReason.REPEATED_ORGANIZATION.because("duplicate entry of line " + firstLine + ": the same "
                + (historic ? "organization (id " + key + ")" : "ID_ORGANIZACION " + key) + " with every field the"
                + " same; a snapshot lists each organization once, so it is loaded once, from line " + firstLine);
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
