package org.oriundos.jobs.nightly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.Source;
import org.oriundos.jobs.ExecutionKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Deliveries kept in execution contexts as plain strings, so the job repository (H2 or
 * PostgreSQL) stores them whatever serializer it uses, and a restart finds the same files.
 */
final class DeliveryCodec {

    private DeliveryCodec() {
    }

    static void put(ExecutionContext context, Delivery d) {
        context.putString(ExecutionKeys.FILE, d.file().toString());
        context.putString(ExecutionKeys.FILE_NAME, d.fileName());
        context.putString("source", d.source().name());
        context.putString("period", d.period());
        context.putLong("bytes", d.bytes());
        context.putString("sha256", d.sha256());
    }

    static Delivery get(ExecutionContext context) {
        return new Delivery(Path.of(context.getString(ExecutionKeys.FILE)), Source.valueOf(context.getString("source")),
                context.getString("period"), context.getLong("bytes"), context.getString("sha256"));
    }

    /** Many deliveries as one string: one line each, tab-separated fields (file names hold no tabs). */
    static String encode(List<Delivery> deliveries) {
        StringBuilder sb = new StringBuilder();
        for (Delivery d : deliveries) {
            sb.append(d.file()).append('\t').append(d.source().name()).append('\t').append(d.period())
                    .append('\t').append(d.bytes()).append('\t').append(d.sha256()).append('\n');
        }
        return sb.toString();
    }

    static List<Delivery> decode(String encoded) {
        List<Delivery> deliveries = new ArrayList<>();
        if (encoded == null) {
            return deliveries;
        }
        for (String line : encoded.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            deliveries.add(new Delivery(Path.of(f[0]), Source.valueOf(f[1]), f[2], Long.parseLong(f[3]), f[4]));
        }
        return deliveries;
    }

    /** The partition (and worker step execution) of one delivery: stable across restarts. */
    static String partitionName(Delivery d) {
        return "file-" + d.loadId();
    }
}
