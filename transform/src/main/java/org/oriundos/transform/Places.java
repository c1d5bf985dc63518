package org.oriundos.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oriundos.transform.geography.GeoRule;
import org.oriundos.transform.geography.Resolution;

/**
 * Resolves the places of one raw row with the geography rules, and lists what it cannot resolve
 * under the provider's column name, so the analyst knows which cell to write an alias for.
 */
final class Places {
    /** A resolved (or not) Mexican place and the row's {@code geo_rule}. */
    record Place(String stateCode, String municipalityKey, GeoRule rule) {
    }

    /** {@code 2010}, {@code 2010-06-30}, {@code LNS_2006}: the year of a partition's period. */
    private static final Pattern PERIOD_YEAR = Pattern.compile("(?:^|_)(\\d{4})(?:-\\d{2}-\\d{2})?$");

    private final ReferenceData ref;

    Places(ReferenceData ref) {
        this.ref = ref;
    }

    /** A US state by code or name; null (listed) when not resolved, null (not listed) when blank. */
    String usState(Object[] raw, String value, String column, String context, PartitionOutput out) {
        if (isBlank(value)) {
            return null;
        }
        Resolution r = ref.usStates.resolve(value);
        if (!r.isResolved()) {
            out.unresolved(raw, column, value, context, r.why());
        }
        return r.code();
    }

    /** A Mexican state by name or code, without municipality. */
    String state(Object[] raw, String value, String column, PartitionOutput out) {
        if (isBlank(value)) {
            return null;
        }
        Resolution r = ref.states.resolve(value);
        if (!r.isResolved()) {
            out.unresolved(raw, column, value, null, r.why());
        }
        return r.code();
    }

    /**
     * A Mexican state and municipality, each by code when the code is valid, else by name, as the
     * municipality was in the source's year (the year of the partition's period: a municipality
     * created later is replaced by the one it was split from). The {@code geo_rule} is UNRESOLVED
     * if a given value was not resolved, else the loosest rule used ({@link GeoRule}'s order).
     * Blank values are missing, not unresolved. A record the analyst's place correction file
     * names ({@code recordId}: the FOLIO, the organization id) is where that line says, rule
     * CORRECTION, whatever its place columns hold: one record's fix moves no other record.
     */
    Place place(Object[] raw, String recordId, String stateCode, String stateName, String stateColumn,
                String municipalityCode, String municipalityName, String municipalityColumn, PartitionOutput out) {
        var correction = ref.placeCorrections.of(out.partition().table(), out.partition().period(), recordId);
        if (correction.isPresent()) {
            return new Place(correction.get().stateCode(), correction.get().municipalityKey(), GeoRule.CORRECTION);
        }
        String stateValue = describe(stateCode, stateName);
        String municipalityValue = describe(municipalityCode, municipalityName);
        if (stateValue == null) {
            if (municipalityValue != null) {
                out.unresolved(raw, municipalityColumn, municipalityValue, null,
                        UnresolvedReason.MUNICIPALITY_WITHOUT_STATE.because(
                                "no state given, and municipality names are only resolved within their state"));
                return new Place(null, null, GeoRule.UNRESOLVED);
            }
            out.unresolved(raw, stateColumn, "", null, UnresolvedReason.NO_STATE_GIVEN.because("no state given"));
            return new Place(null, null, GeoRule.UNRESOLVED);
        }
        Resolution state = Resolution.unresolved(UnresolvedReason.NO_STATE_GIVEN, "no state given");
        if (!isBlank(stateCode)) {
            state = ref.states.resolve(stateCode);
        }
        if (!state.isResolved() && !isBlank(stateName)) {
            Resolution byName = ref.states.resolve(stateName);
            state = byName.isResolved() ? byName : isBlank(stateCode) ? byName
                    : Resolution.unresolved(UnresolvedReason.STATE_CODE_AND_NAME_UNRESOLVED,
                            state.reason() + "; by name: " + byName.reason());
        }
        if (!state.isResolved()) {
            out.unresolved(raw, stateColumn, stateValue, null, state.why());
            if (municipalityValue != null) {
                out.unresolved(raw, municipalityColumn, municipalityValue, "state " + stateValue,
                        UnresolvedReason.STATE_NOT_RESOLVED.because(
                                "the state is not resolved, so the municipality cannot be looked up"));
            }
            return new Place(null, null, GeoRule.UNRESOLVED);
        }
        if (state.code() == null) {
            // an alias says the value names no single state ("Varios")
            if (municipalityValue != null) {
                out.unresolved(raw, municipalityColumn, municipalityValue, "state " + stateValue,
                        UnresolvedReason.STATE_NOT_SINGLE.because(
                                "the state names no single state, so the municipality cannot be looked up"));
                return new Place(null, null, GeoRule.UNRESOLVED);
            }
            return new Place(null, null, state.rule());
        }
        if (municipalityValue == null) {
            return new Place(state.code(), null, state.rule());
        }
        Integer year = sourceYear(out.partition().period());
        Resolution mun = Resolution.unresolved(UnresolvedReason.NO_MUNICIPALITY_GIVEN, "no municipality given");
        if (!isBlank(municipalityCode)) {
            mun = ref.municipalities.resolveCode(state.code(), municipalityCode, year);
        }
        if (!mun.isResolved() && !isBlank(municipalityName)) {
            Resolution byName = ref.municipalities.resolveInState(state.code(), municipalityName, year);
            mun = byName.isResolved() ? byName : isBlank(municipalityCode) ? byName
                    : Resolution.unresolved(UnresolvedReason.MUNICIPALITY_CODE_AND_NAME_UNRESOLVED,
                            mun.reason() + "; by name: " + byName.reason());
        }
        if (!mun.isResolved()) {
            out.unresolved(raw, municipalityColumn, municipalityValue,
                    "state " + ref.states.describe(state.code()), mun.why());
            return new Place(state.code(), null, GeoRule.UNRESOLVED);
        }
        return new Place(state.code(), mun.code(), looser(state.rule(), mun.rule()));
    }

    /**
     * The year a partition's data is of: the fiscal year ({@code 2010}), the snapshot's year
     * ({@code 2010-06-30}), the survey's year ({@code LNS_2006}); {@code null} when it has none.
     */
    static Integer sourceYear(String period) {
        Matcher m = PERIOD_YEAR.matcher(period);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static GeoRule looser(GeoRule a, GeoRule b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String describe(String code, String name) {
        if (isBlank(code)) {
            return isBlank(name) ? null : name;
        }
        return isBlank(name) ? code : code + " " + name;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
