package org.oriundos.jobs.nightly;

import java.nio.file.Path;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.Source;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.DeliveryValue;
import org.oriundos.jobs.status.StepResults;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deliveries as the job repository keeps them ({@link DeliveryValue}), so a restart finds the same
 * files ({@link StepResults} reads them, also as versions before the typed results kept them).
 */
final class DeliveryCodec {

    private DeliveryCodec() {
    }

    static DeliveryValue toValue(Delivery d) {
        return new DeliveryValue(d.file().toString(), d.fileName(), d.source().name(), d.period(), d.bytes(), d.sha256());
    }

    static Delivery fromValue(DeliveryValue v) {
        return new Delivery(Path.of(v.file()), Source.valueOf(v.source()), v.period(), v.bytes(), v.sha256());
    }

    /** A file's worker step context: the delivery it loads. */
    static void put(ExecutionContext context, Delivery d) {
        ExecutionKeys.DELIVERY.put(context, toValue(d));
    }

    static Delivery get(ExecutionContext context) {
        return fromValue(StepResults.delivery(context));
    }

    /** The files the night's scan took, or none before the scan ran. */
    static List<Delivery> toLoad(ExecutionContext jobContext) {
        return StepResults.toLoad(jobContext).stream().map(DeliveryCodec::fromValue).toList();
    }

    /** The partition (and worker step execution) of one delivery: stable across restarts. */
    static String partitionName(Delivery d) {
        return "file-" + d.loadId();
    }
}
