package org.oriundos.transform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.banxico.RemittanceRecord;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.geography.GeoRule;
import org.oriundos.transform.money.DollarUnits;
import org.oriundos.transform.money.MoneyConverter;
import org.oriundos.transform.text.Folding;

/**
 * Banco de México's remittance series: the place each series names, as an INEGI key (by the
 * geography rules, the state's {@code No identificado} kept apart as {@code NOT_IDENTIFIED}), the
 * value in dollars (the unit's millions or thousands made exact dollars) and in nominal and
 * constant pesos of its period's months.
 *
 * <p>A series is resolved once per export (partition), on its first row: its title and unit are
 * the same on every row, and a value no rule resolves is listed once, not once per period.
 */
final class RemittanceConformer implements RowConformer {
    private static final String NOT_IDENTIFIED = "NO IDENTIFICADO";
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    private final ReferenceData ref;
    private final Places places;
    private final MoneyConverter converter;
    /** The series resolved in the partition being conformed, by id; cleared for each partition. */
    private final Map<String, Series> series = new HashMap<>();
    private PartitionOutput partition;

    /** What a series is: its level, its place and the dollars in one unit of its values (null: no dollars). */
    private record Series(String level, String stateCode, String municipalityKey, GeoRule rule, BigDecimal dollarsPerUnit) {
    }

    RemittanceConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
        this.converter = ref.converter;
    }

    @Override
    public TableSchema target() {
        return ConformedTables.REMITTANCE;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        if (out != partition) {
            partition = out;
            series.clear();
        }
        RemittanceRecord r = RawTables.REMITTANCES_ROWS.fromRow(raw);
        Series s = series.get(r.seriesId());
        if (s == null) {
            s = resolve(r, raw, out);
            series.put(r.seriesId(), s);
        }

        LocalDate start = r.periodStart();
        boolean quarterly = "QUARTERLY".equals(r.periodicity());
        int months = quarterly ? 3 : 1;
        Integer quarter = quarterly ? Integer.valueOf((start.getMonthValue() - 1) / 3 + 1) : null;
        Integer month = quarterly ? null : Integer.valueOf(start.getMonthValue());
        String period = quarterly ? start.getYear() + "Q" + quarter : YearMonth.from(start).toString();

        Long usd = null;
        Double roundingUsd = null;
        Long mxn = null;
        Long mxnConst = null;
        if (r.value() != null && s.dollarsPerUnit() != null) {
            BigDecimal delivered = new BigDecimal(r.value());
            BigDecimal dollars = delivered.multiply(s.dollarsPerUnit());
            BigDecimal cents = dollars.setScale(2, RoundingMode.HALF_EVEN);
            usd = cents.unscaledValue().longValueExact();
            // what rounding alone can explain: half a unit of the last digit delivered, and the cent if dollars were rounded
            BigDecimal rounding = HALF.movePointLeft(Math.max(delivered.scale(), 0)).multiply(s.dollarsPerUnit());
            if (cents.compareTo(dollars) != 0) {
                rounding = rounding.add(HALF_CENT);
            }
            roundingUsd = rounding.doubleValue();
            MoneyConverter.PeriodPesos pesos = converter.periodPesos(dollars, YearMonth.from(start), months);
            mxn = pesos.nominalCents();
            mxnConst = pesos.constantCents();
        }
        out.write(ConformedTables.REMITTANCE_ROWS.toRow(new ConformedRemittance(r.consultedAt(), r.seriesId(),
                r.title(), s.level(), s.stateCode(), s.municipalityKey(), s.rule().name(), r.periodicity(), start, period,
                start.getYear(), quarter, month, r.unit(), r.value(), usd, roundingUsd, converter.baseYear(), mxn,
                mxnConst, r.sourceColumn()), raw));
    }

    /** The series of this row: its level and place (listing what cannot be resolved), and its unit. */
    private Series resolve(RemittanceRecord r, Object[] raw, PartitionOutput out) {
        String title = r.title();
        String where = r.seriesId() + " (column " + r.sourceColumn() + ")";
        String unit = r.unit();
        BigDecimal perUnit = DollarUnits.dollarsPerUnit(unit);
        if (perUnit == null) {
            out.unresolved(raw, "Unidad of " + where, unit, title, UnresolvedReason.UNIT_NOT_DOLLARS.because(
                    "not an amount of dollars (" + DollarUnits.TAKEN
                            + "): the series' values are kept as delivered, in no amount column"));
        }
        String stateName = r.stateName();
        String municipalityName = r.municipalityName();
        if (stateName == null) {
            out.unresolved(raw, "Título of " + where, title, null, UnresolvedReason.SERIES_TITLE_NOT_RECOGNIZED.because(
                    "not the title of a state's family remittances (Ingresos por Remesas Familiares, <state>) nor of"
                            + " a municipality's (Ingresos por Remesas, Distribución por Municipio, <state>,"
                            + " <municipality>): its values are counted for no place"));
            return new Series("UNRECOGNIZED", null, null, GeoRule.UNRESOLVED, perUnit);
        }
        boolean notIdentified = municipalityName != null && NOT_IDENTIFIED.equals(Folding.fold(municipalityName));
        String level = municipalityName == null ? "STATE_TOTAL" : notIdentified ? "NOT_IDENTIFIED" : "MUNICIPALITY";
        Places.Place place = places.place(raw, null, null, stateName, "Título of " + where + " (state)", null,
                notIdentified ? null : municipalityName, "Título of " + where + " (municipality)", out);
        return new Series(level, place.stateCode(), place.municipalityKey(), place.rule(), perUnit);
    }
}
