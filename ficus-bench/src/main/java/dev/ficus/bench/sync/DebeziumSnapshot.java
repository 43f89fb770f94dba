package dev.ficus.bench.sync;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.sync.config.SyncConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The snapshot baseline: Debezium alone reading every row of the tables a product's event is built from, timed from
 * the engine's creation to the batch holding the last row. The sync's snapshot does this and then extracts, maps
 * and publishes each product, so this is the most it could reach with the same connector settings.
 */
final class DebeziumSnapshot {
    /** The tables the sync captures for products: the entity, its value tables, website and category links. */
    static final List<String> PRODUCT_TABLES = SyncConfig.DEFAULT_TABLES.stream()
            .filter(t -> t.startsWith("catalog_")).toList();

    /** Rows read, and the seconds to the last of them. */
    record Figures(long rows, double seconds) {
    }

    private DebeziumSnapshot() {
    }

    /** {@code config} must capture {@link #PRODUCT_TABLES} with snapshot mode initial. */
    static Figures measure(LoadedConfig config, DatabaseEndpoint magento, Duration timeout)
            throws SQLException, InterruptedException {
        long expected = rows(magento);
        AtomicLong read = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        long start = System.nanoTime();
        try (DebeziumRun run = new DebeziumRun(config, (records, nanos) -> {
            long snapshotRows = records.stream().filter(DebeziumSnapshot::isSnapshotRead).count();
            if (snapshotRows > 0) {
                read.addAndGet(snapshotRows);
                lastAt.set(nanos);
            }
        })) {
            long deadline = start + timeout.toNanos();
            while (read.get() < expected) {
                run.failure();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Debezium alone did not read the product tables within "
                            + timeout.toSeconds() + " s: " + read.get() + " of " + expected + " rows");
                }
                Thread.sleep(50);
            }
        }
        return new Figures(expected, (lastAt.get() - start) / 1e9);
    }

    private static boolean isSnapshotRead(SourceRecord r) {
        return r.value() instanceof Struct value && value.schema().field("op") != null
                && "r".equals(value.getString("op"));
    }

    private static long rows(DatabaseEndpoint magento) throws SQLException {
        String sql = "SELECT " + String.join(" + ", PRODUCT_TABLES.stream()
                .map(t -> "(SELECT count(*) FROM " + t + ")").toList());
        try (Connection c = DriverManager.getConnection(magento.mariadbJdbcUrl(), magento.user(),
                magento.password().reveal()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
