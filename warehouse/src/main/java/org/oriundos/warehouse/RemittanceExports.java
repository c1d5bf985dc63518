package org.oriundos.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each Banco de México export a build applied contributes, told to the operator: an export
 * consulted before one already held changes nothing that one gives, and the nightly says so
 * (from {@code audit_remittance_export}).
 */
final class RemittanceExports {
    private static final String SQL = "SELECT source_file, strftime(consulted_at, '%Y-%m-%d %H:%M:%S'), \"values\","
            + " values_current, values_superseded, superseded_by, strftime(superseded_by_consulted_at, '%Y-%m-%d %H:%M:%S'),"
            + " values_revised, superseding_exports FROM audit_remittance_export WHERE load_id = ?";

    private RemittanceExports() {
    }

    /** One sentence for each export among {@code applied}, in the order applied. */
    static List<String> notes(Connection connection, List<SourceUnit> applied) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(SQL)) {
            for (SourceUnit u : applied) {
                if (!"remittance".equals(u.table())) {
                    continue;
                }
                p.setString(1, u.loadId());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        notes.add(sentence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9)));
                    }
                }
            }
        }
        return notes;
    }

    /**
     * @param supersedingExports how many later exports give some of its values instead: when more
     *                           than one, {@code laterFile} is the latest of them, and said to be
     */
    static String sentence(String file, String consulted, long values, long current, long superseded, String laterFile,
                           String laterConsulted, long revised, long supersedingExports) {
        String export = file + " (consulted " + consulted + ")";
        String later = supersedingExports > 1
                ? String.format(Locale.ROOT, "%d of them, the latest %s, consulted %s", supersedingExports,
                        laterFile, laterConsulted)
                : laterFile + ", consulted " + laterConsulted;
        String byLater = supersedingExports > 1 ? "by later exports" : "by a later export";
        if (values > 0 && current == 0) {
            return String.format(Locale.ROOT, "%s changes nothing: each of its %,d values is given %s (%s)", export,
                    values, byLater, later);
        }
        String revising = revised == 0 ? "" : String.format(Locale.ROOT, "; it revises %,d value%s of earlier exports",
                revised, revised == 1 ? "" : "s");
        if (superseded > 0) {
            return String.format(Locale.ROOT, "%s: %,d of its %,d values are current, %,d are given %s (%s)%s", export,
                    current, values, superseded, byLater, later, revising);
        }
        return String.format(Locale.ROOT, "%s: all its %,d values are current%s", export, values, revising);
    }
}
