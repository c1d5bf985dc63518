package org.oriundos.transform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.RowType;

/** Reads the review list of the current conformed zone (for {@code bin/oriundos links --review}). */
public final class AssociationReview {
    private final LakeLocation lake;

    public AssociationReview(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Every candidate of every record under review, by source table, period, line and rank. */
    public List<ReviewItem> list() {
        RowType<ConformedAssociationReview> rows = ConformedTables.ASSOCIATION_REVIEW_ROWS;
        List<ReviewItem> items = new ArrayList<>();
        for (Path file : new Generations(lake).partitionFiles(LakeLayout.Zone.CONFORMED, rows.schema().name())) {
            for (Object[] r : ParquetTableReader.readAll(rows.schema(), file, lake.conf())) {
                items.add(rows.fromRow(r).item());
            }
        }
        items.sort(Comparator.comparing(ReviewItem::sourceTable).thenComparing(ReviewItem::period)
                .thenComparingLong(ReviewItem::sourceLine).thenComparingInt(ReviewItem::candidateRank));
        return items;
    }
}
