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
import org.oriundos.ingest.lake.TableSchema;

/** Reads the review list of the current conformed zone (for {@code bin/oriundos links --review}). */
public final class AssociationReview {
    private final LakeLocation lake;

    public AssociationReview(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** Every candidate of every record under review, by source table, period, line and rank. */
    public List<ReviewItem> list() {
        TableSchema s = ConformedTables.ASSOCIATION_REVIEW;
        List<ReviewItem> items = new ArrayList<>();
        for (Path file : new Generations(lake).partitionFiles(LakeLayout.Zone.CONFORMED, s.name())) {
            for (Object[] r : ParquetTableReader.readAll(s, file, lake.conf())) {
                items.add(new ReviewItem(text(s, r, "source_table"), text(s, r, "period"),
                        text(s, r, "source_record_id"), text(s, r, "source_file"),
                        (Long) r[s.indexOf("source_line")], text(s, r, "source_name"), text(s, r, "rule"),
                        text(s, r, "association_id"), (Integer) r[s.indexOf("candidate_rank")],
                        text(s, r, "candidate_id"), text(s, r, "candidate_name"),
                        (Double) r[s.indexOf("match_weight")], (Double) r[s.indexOf("match_probability")],
                        text(s, r, "explanation"), text(s, r, "override_link"), text(s, r, "override_apart")));
            }
        }
        items.sort(Comparator.comparing(ReviewItem::sourceTable).thenComparing(ReviewItem::period)
                .thenComparingLong(ReviewItem::sourceLine).thenComparingInt(ReviewItem::candidateRank));
        return items;
    }

    private static String text(TableSchema s, Object[] r, String column) {
        return (String) r[s.indexOf(column)];
    }
}
