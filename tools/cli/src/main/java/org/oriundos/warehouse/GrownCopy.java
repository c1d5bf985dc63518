package org.oriundos.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one thing the benchmark needs from inside the warehouse module: after it has grown a copy's
 * facts to millions of project rows (tools/cli, {@code org.oriundos.tools.bench.ViewLatency}), the
 * build's own rebuild of the aggregate tables the views read. It lives in the tools jar, in the
 * warehouse's package, so that the production jar has no public method only a tool calls.
 */
public final class GrownCopy {
    private GrownCopy() {
    }

    /** {@link WarehouseBuilder#rebuildAggregates}, on the open copy. */
    public static void rebuildAggregates(Connection copy) throws SQLException {
        WarehouseBuilder.rebuildAggregates(copy);
    }
}
