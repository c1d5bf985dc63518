package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;

/**
 * The review list and the unresolved values are read back from the conformed zone's files as the
 * records they were written from: every column where the writer put it, nulls kept, and listed
 * in their order (source table, period, line, then rank or column), not in the files' order.
 */
class ConformedRowsReadBackTest {
    @TempDir
    Path home;

    @Test
    void theReviewListAndTheUnresolvedValuesReadBackAsTheRecordsWritten() {
        LakeLocation lake = LakeLocation.local(home.resolve("lake"));
        ConformedZone zone = new ConformedZone(lake);
        ConformedAssociationReview second = review("projects", "2014", 12L, 2, "A-000009", null, null);
        ConformedAssociationReview first = review("projects", "2014", 12L, 1, "A-000007", "near_8 (same hometown)", 3.25);
        ConformedAssociationReview registry = review("registry", "2010-12-31", 4L, 1, "A-000002", "exact", 9.5);
        write(zone, "projects-2014", ConformedTables.ASSOCIATION_REVIEW_ROWS.toRow(second),
                ConformedTables.ASSOCIATION_REVIEW_ROWS.toRow(first));
        write(zone, "registry-2010-12-31", ConformedTables.ASSOCIATION_REVIEW_ROWS.toRow(registry));

        UnresolvedValue town = new UnresolvedValue("projects", "2014", "3x1_proyectos_2014.csv", 31L, "MUNICIPIO",
                "Villa Nueva", "Zacatecas", "no municipality of that name in the state", "a1b2c3d4e5f60718");
        UnresolvedValue work = new UnresolvedValue("projects", "2014", "3x1_proyectos_2014.csv", 31L, "TIPO_OBRA",
                "", null, "no category", "a1b2c3d4e5f60718");
        writeUnresolved(zone, "projects-2014", ConformedTables.UNRESOLVED_ROWS.toRow(work),
                ConformedTables.UNRESOLVED_ROWS.toRow(town));

        assertThat(new AssociationReview(lake).list()).containsExactly(first.item(), second.item(), registry.item());
        ReviewItem top = new AssociationReview(lake).list().get(0);
        assertThat(top.candidateId()).isEqualTo("A-000007");
        assertThat(top.sourceLine()).isEqualTo(12L);
        assertThat(top.matchWeight()).isEqualTo(3.25 + 1.5);
        assertThat(top.overrideApart()).isEqualTo("APART,projects,2014,F-12,,reviewed: not A-000007");
        assertThat(new Unresolved(lake).list()).containsExactly(town, work);
    }

    private static ConformedAssociationReview review(String table, String period, long line, int rank,
                                                     String candidate, String nameLevel, Double nameBits) {
        double weight = (nameBits == null ? 0 : nameBits) + 1.5;
        return new ConformedAssociationReview(table, period, "F-" + line, table + "_" + period + ".csv", line,
                "Club Unión de Jerez", "32", "REVIEW", "A-000100", rank, candidate,
                rank == 1 ? "Club Jerez" : null, weight, 0.5, 1.5, nameLevel, nameBits, null, null, "exact", 0.75,
                null, null, null, null, null, null, null, null, "name " + nameLevel,
                "LINK," + table + "," + period + ",F-" + line + "," + candidate + ",reviewed: same association as "
                        + candidate,
                "APART," + table + "," + period + ",F-" + line + ",,reviewed: not " + candidate, "a1b2c3d4e5f60718");
    }

    private static void write(ConformedZone zone, String period, Object[]... rows) {
        try (ParquetTableWriter w = zone.openStaged(ConformedTables.ASSOCIATION_REVIEW, period)) {
            w.writeAll(List.of(rows));
        }
        zone.publish(ConformedTables.ASSOCIATION_REVIEW, period);
    }

    private static void writeUnresolved(ConformedZone zone, String period, Object[]... rows) {
        try (ParquetTableWriter w = zone.openStaged(ConformedTables.UNRESOLVED, period)) {
            w.writeAll(List.of(rows));
        }
        zone.publish(ConformedTables.UNRESOLVED, period);
    }
}
