package org.oriundos.transform;

import java.util.Map;
import java.util.TreeMap;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.AssociationLink;
import org.oriundos.transform.identity.AssociationLinker;
import org.oriundos.transform.identity.AssociationRecord;

/**
 * The three outputs of conforming one raw partition, written as the rows stream by: the
 * conformed rows, the association links, and the unresolved values.
 */
final class PartitionOutput implements AutoCloseable {
    private final RawPartition partition;
    private final TableSchema rawSchema;
    private final ParquetTableWriter data;
    private final ParquetTableWriter links;
    private final ParquetTableWriter unresolved;
    private final Map<String, Long> linksByRule = new TreeMap<>();

    PartitionOutput(RawPartition partition, TableSchema rawSchema, ParquetTableWriter data, ParquetTableWriter links,
                    ParquetTableWriter unresolved) {
        this.partition = partition;
        this.rawSchema = rawSchema;
        this.data = data;
        this.links = links;
        this.unresolved = unresolved;
    }

    RawPartition partition() {
        return partition;
    }

    String sourceFile(Object[] raw) {
        return (String) raw[rawSchema.indexOf(TableSchema.SOURCE_FILE.name())];
    }

    long sourceLine(Object[] raw) {
        return (Long) raw[rawSchema.indexOf(TableSchema.SOURCE_LINE.name())];
    }

    String where(Object[] raw) {
        return sourceFile(raw) + " line " + sourceLine(raw) + " (partition " + partition.label() + ")";
    }

    void write(Object[] row) {
        data.write(row);
    }

    void unresolved(Object[] raw, String column, String value, String context, String reason) {
        unresolved.write(new Object[] {partition.table(), partition.period(), sourceFile(raw), sourceLine(raw),
                column, value == null ? "" : value, context, reason, partition.loadId()});
    }

    /** Links the record to its association, records that link, and returns the association id for the row. */
    String linkAssociation(AssociationLinker linker, Object[] raw, AssociationRecord record) {
        AssociationLink link = linker.link(record);
        link(raw, record.recordId(), record.name(), record.originStateCode(), link);
        return link.associationId();
    }

    private void link(Object[] raw, String recordId, String sourceName, String originStateCode, AssociationLink link) {
        links.write(new Object[] {partition.table(), partition.period(), recordId, sourceFile(raw), sourceLine(raw),
                sourceName, link.normalizedName(), originStateCode, link.associationId(), link.rule(), link.score(),
                partition.loadId()});
        linksByRule.merge(link.rule(), 1L, Long::sum);
        if (link.problem() != null) {
            unresolved(raw, "association_overrides", recordId, sourceName, link.problem());
        }
    }

    long dataRows() {
        return data.rowsWritten();
    }

    long linkRows() {
        return links.rowsWritten();
    }

    long unresolvedRows() {
        return unresolved.rowsWritten();
    }

    Map<String, Long> linksByRule() {
        return linksByRule;
    }

    @Override
    public void close() {
        try {
            data.close();
        } finally {
            try {
                links.close();
            } finally {
                unresolved.close();
            }
        }
    }
}
