package org.oriundos.ingest.consular;

import static org.oriundos.ingest.csv.Layout.opt;
import static org.oriundos.ingest.csv.Layout.req;

import java.util.List;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.csv.Text;

/**
 * {@code consulados_actividad_YYYY.csv}: one row per consulate and month. The key is
 * (consulate, year, month); the year must be the file name's.
 */
public final class ActivityParser implements RecordParser {
    public static final Layout LAYOUT = new Layout("activity", List.of(
            req("CONSULADO"), opt("ESTADO_EUA"), req("ANIO"), req("MES"), opt("MATRICULAS_EXPEDIDAS"),
            opt("VDS_ATENCIONES"), opt("VDS_REFERENCIAS"), opt("VDS_PRUEBAS"), opt("PLAZAS_ACTIVAS"),
            opt("PLAZAS_ALUMNOS")));
    private static final int CONSULADO = 0;
    private static final int ESTADO_EUA = 1;
    private static final int ANIO = 2;
    private static final int MES = 3;
    private static final int FIRST_COUNT = 4;

    private final int fileYear;

    public ActivityParser(int fileYear) {
        this.fileYear = fileYear;
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public void parse(Fields f, Object[] row) {
        RawTables.CONSULAR_ACTIVITY_ROWS.fill(month(f), row);
    }

    /** The record's month of one consulate; a value with a problem is {@code null}, and the problem is in {@code f}. */
    ActivityRecord month(Fields f) {
        String consulate = f.requiredText(CONSULADO);
        String usState = f.text(ESTADO_EUA);
        Integer year = f.yearOfFile(ANIO, "ANIO", fileYear);
        Integer month = f.intBetween(MES, true, 1, 12);
        return new ActivityRecord(consulate, usState, year, month, f.count(FIRST_COUNT, false),
                f.count(FIRST_COUNT + 1, false), f.count(FIRST_COUNT + 2, false), f.count(FIRST_COUNT + 3, false),
                f.count(FIRST_COUNT + 4, false), f.count(FIRST_COUNT + 5, false));
    }

    @Override
    public String key(Fields f) {
        String consulate = f.text(CONSULADO);
        String month = f.text(MES);
        if (consulate == null || month == null) {
            return null;
        }
        int digits = 0;
        while (digits < month.length() - 1 && month.charAt(digits) == '0') {
            digits++; // "03" and "3" are one month
        }
        return Text.key(consulate) + "|" + month.substring(digits);
    }

    @Override
    public int keyField() {
        return -1;
    }

    @Override
    public Reason duplicateReason(String key) {
        return RejectReason.DUPLICATE_CONSULATE_MONTH.because("the same consulate and month ("
                + key.replace("|", ", month ") + ") appears more than once in the file; all its rows are rejected");
    }
}
