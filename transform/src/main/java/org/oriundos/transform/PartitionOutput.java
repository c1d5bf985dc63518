package org.oriundos.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.identity.LinkDecision;
import org.oriundos.transform.identity.ScoredCandidate;

/**
 * What conforming one raw partition produces. A partition is read twice: the first read
 * ({@link #collecting}) only gathers its association-bearing records, so that the linker decides
 * them all at once; the second writes, as the rows stream by, the conformed rows, each record's
 * link (the decision the linker made for it), the review list, and the unresolved values.
 */
final class PartitionOutput implements AutoCloseable {
    private final RawPartition partition;
    private final int sourceFileAt; // the raw row's lineage, found once
    private final int sourceLineAt;
    private final ParquetTableWriter data;
    private final ParquetTableWriter links;
    private final ParquetTableWriter review;
    private final ParquetTableWriter unresolved;
    private final List<AssociationRecord> records;
    private final List<LinkDecision> decisions;
    private final Function<String, String> associationName;
    private final Map<String, Long> linksByRule = new TreeMap<>();
    private int next;

    private PartitionOutput(RawPartition partition, TableSchema rawSchema, ParquetTableWriter data,
                            ParquetTableWriter links, ParquetTableWriter review, ParquetTableWriter unresolved,
                            List<AssociationRecord> records, List<LinkDecision> decisions,
                            Function<String, String> associationName) {
        this.partition = partition;
        this.sourceFileAt = rawSchema.indexOf(TableSchema.SOURCE_FILE.name());
        this.sourceLineAt = rawSchema.indexOf(TableSchema.SOURCE_LINE.name());
        this.data = data;
        this.links = links;
        this.review = review;
        this.unresolved = unresolved;
        this.records = records;
        this.decisions = decisions;
        this.associationName = associationName;
    }

    /** The first read: writes nothing, gathers the association-bearing records. */
    static PartitionOutput collecting(RawPartition partition, TableSchema rawSchema) {
        return new PartitionOutput(partition, rawSchema, null, null, null, null, new ArrayList<>(), null, null);
    }

    /**
     * The second read: writes everything; the records met must be those of the first read, in
     * the same order, and take their {@code decisions}.
     */
    static PartitionOutput writing(RawPartition partition, TableSchema rawSchema, ParquetTableWriter data,
                                   ParquetTableWriter links, ParquetTableWriter review, ParquetTableWriter unresolved,
                                   List<AssociationRecord> records, List<LinkDecision> decisions,
                                   Function<String, String> associationName) {
        return new PartitionOutput(partition, rawSchema, data, links, review, unresolved, records, decisions,
                associationName);
    }

    RawPartition partition() {
        return partition;
    }

    /** The records gathered by a first read. */
    List<AssociationRecord> records() {
        return records;
    }

    String sourceFile(Object[] raw) {
        return (String) raw[sourceFileAt];
    }

    long sourceLine(Object[] raw) {
        return (Long) raw[sourceLineAt];
    }

    String where(Object[] raw) {
        return sourceFile(raw) + " line " + sourceLine(raw) + " (partition " + partition.label() + ")";
    }

    void write(Object[] row) {
        if (data != null) {
            data.write(row);
        }
    }

    void unresolved(Object[] raw, String column, String value, String context, Reason reason) {
        if (unresolved != null) {
            unresolved.write(ConformedTables.UNRESOLVED_ROWS.toRow(new UnresolvedValue(partition.table(),
                    partition.period(), sourceFile(raw), sourceLine(raw), column, value == null ? "" : value, context,
                    reason.text(), partition.loadId(), reason.code(), reason.argsText())));
        }
    }

    /**
     * The association of a record: on the first read, gathers the record (and returns null); on
     * the second, writes the link the linker decided for it, and its review rows, and returns its
     * association id.
     */
    String linkAssociation(Object[] raw, AssociationRecord record) {
        if (decisions == null) {
            records.add(record);
            return null;
        }
        if (next >= records.size() || !records.get(next).equals(record)) {
            throw new IllegalStateException("the association-bearing records of " + partition.label()
                    + " differ between the two reads, at " + where(raw) + "; was the raw partition replaced during the run?");
        }
        LinkDecision d = decisions.get(next++);
        links.write(ConformedTables.ASSOCIATION_LINK_ROWS.toRow(new ConformedAssociationLink(partition.table(),
                partition.period(), record.recordId(), sourceFile(raw), sourceLine(raw), record.name(),
                record.normalizedName(), record.originStateCode(), d.associationId(), d.rule(), d.score(),
                d.matchWeight(), d.matchProbability(), d.candidates(), d.runnerUpId(), d.runnerUpWeight(),
                partition.loadId())));
        linksByRule.merge(d.rule(), 1L, Long::sum);
        int rank = 1;
        for (ScoredCandidate c : d.review()) {
            review.write(ConformedTables.ASSOCIATION_REVIEW_ROWS.toRow(reviewRow(raw, record, d, c, rank++)));
        }
        if (d.problem() != null) {
            // the one problem a link decision carries: an override naming an association that does not exist
            unresolved(raw, "association_overrides", record.recordId(), record.name(),
                    UnresolvedReason.OVERRIDE_UNKNOWN_ASSOCIATION.because(d.problem()));
        }
        return d.associationId();
    }

    private ConformedAssociationReview reviewRow(Object[] raw, AssociationRecord record, LinkDecision d,
                                                 ScoredCandidate c, int rank) {
        String candidateName = associationName.apply(c.associationId());
        Double priorBits = null;
        String[] levels = new String[7];
        Double[] bits = new Double[7];
        for (ScoredCandidate.Part p : c.parts()) {
            if (p.comparison().equals("prior")) {
                priorBits = p.bits();
            } else if (!p.comparison().equals("keys")) {
                int i = ConformedAssociationReview.comparison(p.compared());
                levels[i] = p.shownLevel();
                bits[i] = p.bits();
            }
        }
        // a registry organization is settled for every snapshot (blank period); a project or answer for its own
        String period = record.isRegistry() ? "" : partition.period();
        String name = candidateName == null ? c.associationId() : candidateName;
        return new ConformedAssociationReview(partition.table(), partition.period(), record.recordId(),
                sourceFile(raw), sourceLine(raw), record.name(), record.originStateCode(), d.rule(),
                d.associationId(), rank, c.associationId(), candidateName, c.weight(), c.probability(), priorBits,
                levels[0], bits[0], levels[1], bits[1], levels[2], bits[2], levels[3], bits[3], levels[4], bits[4],
                levels[5], bits[5], levels[6], bits[6],
                c.parts().isEmpty() ? "" : c.explain(),
                csvLine("LINK", partition.table(), period, record.recordId(), c.associationId(),
                        "reviewed: same association as " + c.associationId() + " " + name),
                csvLine("APART", partition.table(), period, record.recordId(), "",
                        "reviewed: not " + c.associationId() + " " + name),
                partition.loadId());
    }

    /** One line of the override file, each field quoted when it needs to be. */
    static String csvLine(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            if (i > 0) {
                sb.append(',');
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("#")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    long dataRows() {
        return data.rowsWritten();
    }

    long linkRows() {
        return links.rowsWritten();
    }

    long reviewRows() {
        return review.rowsWritten();
    }

    long unresolvedRows() {
        return unresolved.rowsWritten();
    }

    Map<String, Long> linksByRule() {
        return linksByRule;
    }

    @Override
    public void close() {
        if (data == null) {
            return;
        }
        try {
            data.close();
        } finally {
            try {
                links.close();
            } finally {
                try {
                    review.close();
                } finally {
                    unresolved.close();
                }
            }
        }
    }
}
