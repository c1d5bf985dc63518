package org.oriundos.ingest.sedesol;

import static org.oriundos.ingest.csv.Layout.none;
import static org.oriundos.ingest.csv.Layout.opt;
import static org.oriundos.ingest.csv.Layout.req;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.LayoutChoice;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.registry.RegistryParser;

/**
 * SEDESOL's 3x1 project records, {@code 3x1_proyectos_YYYY.csv}, in either layout: since 2013
 * (EJERCICIO, INEGI codes, CATEGORIA, INV_*) or 2002-2012 (AÑO, names only, TIPO_OBRA,
 * APORTACION_*). The layout is told by the header: its year column, or failing that the columns
 * only one layout has. FOLIO is the key; the year of every row must be the file name's. The title
 * (NOMBRE_PROYECTO) only describes: until 2007 the old layout has none, and TIPO_OBRA, the only
 * description of the work, serves as the title.
 */
public final class ProjectParser implements RecordParser {
    // One list of fields for both layouts; each layout declares which it has.
    private static final int YEAR = 0;
    private static final int FOLIO = 1;
    private static final int CVE_ENT = 2;
    private static final int STATE_NAME = 3;
    private static final int CVE_MUN = 4;
    private static final int MUN_NAME = 5;
    private static final int LOCALIDAD = 6;
    private static final int NOMBRE_PROYECTO = 7;
    private static final int CATEGORY_OR_WORK = 8;
    private static final int CLAVE_CLUB = 9;
    private static final int NOMBRE_CLUB = 10;
    private static final int FEDERACION = 11;
    private static final int ESTADO_EUA = 12;
    private static final int FEDERAL = 13;
    private static final int ESTATAL = 14;
    private static final int MUNICIPAL = 15;
    private static final int MIGRANTE = 16;
    private static final int OTROS = 17;
    private static final int BENEFICIARIOS = 18;
    private static final int ESTATUS = 19;
    private static final int FECHA_APROBACION = 20;

    /**
     * Needed: the period (EJERCICIO), identity (FOLIO, NOMBRE_CLUB), place (CVE_ENT, CVE_MUN), money
     * (INV_*), and what the published figures are counted by (CATEGORIA, and ESTATUS, which tells
     * cancelled projects out of the sums).
     */
    public static final Layout SINCE_2013 = new Layout("2013", List.of(
            req("EJERCICIO"), req("FOLIO"), req("CVE_ENT"), opt("NOM_ENT"), req("CVE_MUN"), opt("NOM_MUN"),
            opt("LOCALIDAD"), opt("NOMBRE_PROYECTO"), req("CATEGORIA"), opt("CLAVE_CLUB"), req("NOMBRE_CLUB"),
            opt("FEDERACION"), opt("ESTADO_EUA"), req("INV_FEDERAL"), req("INV_ESTATAL"), req("INV_MUNICIPAL"),
            req("INV_MIGRANTE"), opt("INV_OTROS"), opt("BENEFICIARIOS"), req("ESTATUS"), opt("FECHA_APROBACION")));

    /**
     * The 2002-2012 layout has no codes, CLAVE_CLUB, LOCALIDAD, INV_OTROS or BENEFICIARIOS, and until
     * 2007 no NOMBRE_PROYECTO. TIPO_OBRA is needed: it is the category's only source.
     */
    public static final Layout UNTIL_2012 = new Layout("2002", List.of(
            req("AÑO"), req("FOLIO"), none(), req("ESTADO"), none(), req("MUNICIPIO"),
            none(), opt("NOMBRE_PROYECTO"), req("TIPO_OBRA"), none(),
            req("NOMBRE_CLUB"), opt("FEDERACION"), opt("ESTADO_EUA"), req("APORTACION_FEDERAL"),
            req("APORTACION_ESTATAL"), req("APORTACION_MUNICIPAL"), req("APORTACION_MIGRANTES"),
            none(), none(), req("ESTATUS"), opt("FECHA_APROBACION")));

    /** CATEGORIA's fourteen values. */
    public static final Map<String, String> CATEGORIES = RegistryParser.canonical("AGUA POTABLE", "DRENAJE",
            "ELECTRIFICACION", "PAVIMENTACION", "CAMINOS", "URBANIZACION", "CENTRO COMUNITARIO", "EDUCACION",
            "BECAS", "SALUD", "DEPORTE", "TEMPLO", "PRODUCTIVO", "OTRO");
    public static final Map<String, String> STATUSES = RegistryParser.canonical("APROBADO", "EN EJECUCION",
            "CONCLUIDO", "CANCELADO");

    private final Layout layout;
    private final boolean since2013;
    private final int fileYear;
    private final String yearHeader;

    private ProjectParser(Layout layout, int fileYear) {
        this.layout = layout;
        this.since2013 = layout == SINCE_2013;
        this.fileYear = fileYear;
        this.yearHeader = layout.header(YEAR);
    }

    /** Columns only the 2013 layout has, and only the 2002 one (as header keys). */
    private static final List<String> ONLY_2013 = List.of("EJERCICIO", "CVE_ENT", "CVE_MUN", "NOM_ENT", "NOM_MUN",
            "CATEGORIA", "INV_FEDERAL", "INV_ESTATAL", "INV_MUNICIPAL", "INV_MIGRANTE", "INV_OTROS", "CLAVE_CLUB");
    private static final List<String> ONLY_2002 = List.of("ANO", "ESTADO", "MUNICIPIO", "TIPO_OBRA",
            "APORTACION_FEDERAL", "APORTACION_ESTATAL", "APORTACION_MUNICIPAL", "APORTACION_MIGRANTES");

    /**
     * The layout of a file, by its header keys: EJERCICIO means the 2013 layout, AÑO the 2002 one;
     * with neither, the columns only one layout has tell it (and the header check then refuses
     * the file for its missing year column). {@code null} when the header does not tell one layout:
     * {@link #whyNoLayout} says why.
     */
    public static LayoutChoice forHeader(List<String> headerKeys, int fileYear) {
        boolean ejercicio = headerKeys.contains("EJERCICIO");
        boolean ano = headerKeys.contains("ANO");
        if (ejercicio != ano) {
            return ejercicio ? new LayoutChoice(new ProjectParser(SINCE_2013, fileYear), "told by EJERCICIO in the header")
                    : new LayoutChoice(new ProjectParser(UNTIL_2012, fileYear), "told by AÑO in the header");
        }
        if (ejercicio) {
            return null;
        }
        List<String> of2013 = present(headerKeys, ONLY_2013);
        List<String> of2002 = present(headerKeys, ONLY_2002);
        if (of2013.isEmpty() == of2002.isEmpty()) {
            return null;
        }
        return of2013.isEmpty()
                ? new LayoutChoice(new ProjectParser(UNTIL_2012, fileYear), "told by " + String.join(", ", of2002)
                        + " in the header, which has neither EJERCICIO nor AÑO")
                : new LayoutChoice(new ProjectParser(SINCE_2013, fileYear), "told by " + String.join(", ", of2013)
                        + " in the header, which has neither EJERCICIO nor AÑO");
    }

    /** Why {@link #forHeader} told no layout, for the refusal. */
    public static String whyNoLayout(List<String> headerKeys) {
        if (headerKeys.contains("EJERCICIO") && headerKeys.contains("ANO")) {
            return "the header has both EJERCICIO (layout 2013) and AÑO (layout 2002): the layout cannot be told";
        }
        List<String> of2013 = present(headerKeys, ONLY_2013);
        List<String> of2002 = present(headerKeys, ONLY_2002);
        if (!of2013.isEmpty() && !of2002.isEmpty()) {
            return "missing required column EJERCICIO (layout 2013) or AÑO (layout 2002), and the header has columns"
                    + " of both layouts (" + String.join(", ", of2013) + "; " + String.join(", ", of2002)
                    + "): the layout cannot be told";
        }
        return "missing required column EJERCICIO (layout 2013) or AÑO (layout 2002), and no column only one layout"
                + " has: the layout cannot be told";
    }

    private static List<String> present(List<String> headerKeys, List<String> columns) {
        return columns.stream().filter(headerKeys::contains).map(k -> k.equals("ANO") ? "AÑO" : k).toList();
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void parse(Fields f, Object[] row) {
        RawTables.PROJECTS_ROWS.fill(project(f), row);
    }

    /** The record's project; a value with a problem is {@code null}, and the problem is in {@code f}. */
    ProjectRecord project(Fields f) {
        Integer year = f.yearOfFile(YEAR, yearHeader, fileYear);
        String folio = f.requiredText(FOLIO);
        String stateName = since2013 ? f.text(STATE_NAME) : f.requiredText(STATE_NAME);
        String municipalityName = since2013 ? f.text(MUN_NAME) : f.requiredText(MUN_NAME);
        String projectName;
        String stateCode = null;
        String municipalityCode = null;
        String locality = null;
        String category = null;
        String workType = null;
        String clubKey = null;
        Long other;
        Long beneficiaries = null;
        if (since2013) {
            projectName = f.present(NOMBRE_PROYECTO) ? f.requiredText(NOMBRE_PROYECTO) : null;
            stateCode = f.code(CVE_ENT, true, 2, 32);
            municipalityCode = f.code(CVE_MUN, true, 3, 999);
            locality = f.text(LOCALIDAD);
            category = f.oneOf(CATEGORY_OR_WORK, true, CATEGORIES);
            clubKey = f.text(CLAVE_CLUB);
            Long others = f.money(OTROS, false);
            other = others == null ? Long.valueOf(0L) : others;
            beneficiaries = f.count(BENEFICIARIOS, false);
        } else {
            workType = f.requiredText(CATEGORY_OR_WORK);
            // until 2007 there is no title: the work type is the only description of the work
            projectName = f.present(NOMBRE_PROYECTO) ? f.requiredText(NOMBRE_PROYECTO) : workType;
            other = 0L;
        }
        String clubName = f.requiredText(NOMBRE_CLUB);
        String federation = f.text(FEDERACION);
        String clubUsState = f.text(ESTADO_EUA);
        Long federal = f.money(FEDERAL, true);
        Long state = f.money(ESTATAL, true);
        Long municipal = f.money(MUNICIPAL, true);
        Long migrant = f.money(MIGRANTE, true);
        String status = f.oneOf(ESTATUS, true, STATUSES);
        LocalDate approved = f.date(FECHA_APROBACION, false);
        return new ProjectRecord(year, folio, layout.name(), stateCode, stateName, municipalityCode, municipalityName,
                locality, projectName, category, workType, clubKey, clubName, federation, clubUsState, federal, state,
                municipal, migrant, other, beneficiaries, status, approved);
    }

    @Override
    public String key(Fields f) {
        return f.text(FOLIO);
    }

    @Override
    public int keyField() {
        return FOLIO;
    }

    @Override
    public Reason duplicateReason(String key) {
        return RejectReason.DUPLICATE_KEY.because("FOLIO " + key
                + " appears more than once in the file; all its rows are rejected");
    }
}
