package org.oriundos.jobs.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oriundos.ingest.Delivery;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per file to load, named by its load id so a restart finds the same partition. */
final class DeliveryPartitioner implements Partitioner {
    private final List<Delivery> deliveries;

    DeliveryPartitioner(List<Delivery> deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            ExecutionContext context = new ExecutionContext();
            DeliveryCodec.put(context, d);
            partitions.put(DeliveryCodec.partitionName(d), context);
        }
        return partitions;
    }
}
