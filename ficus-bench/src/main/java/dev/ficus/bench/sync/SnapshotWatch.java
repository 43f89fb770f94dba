package dev.ficus.bench.sync;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.redis.RespClient;
import dev.ficus.events.Topics;
import dev.ficus.magento.fixture.FixtureProfile;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches an initial snapshot until every entity of the shop has its event, then reads when the last ones were
 * published from the entries' ids: a Redis stream id starts with the server's clock in milliseconds at XADD, so the
 * figures do not depend on how often this watch looks.
 */
final class SnapshotWatch {
    private static final String COUNTS = "SELECT "
            + "(SELECT count(*) FROM catalog_product_entity), "
            + "(SELECT count(*) FROM customer_entity), "
            + "(SELECT count(*) FROM sales_order), "
            + "(SELECT count(DISTINCT product_id) FROM cataloginventory_stock_item)";

    private SnapshotWatch() {
    }

    /** The events each topic will hold once the snapshot is done: one per entity. */
    static Map<String, Long> expected(DatabaseEndpoint magento) throws SQLException {
        try (Connection c = DriverManager.getConnection(magento.mariadbJdbcUrl(), magento.user(),
                magento.password().reveal());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(COUNTS)) {
            rs.next();
            Map<String, Long> out = new LinkedHashMap<>();
            out.put(Topics.PRODUCT, rs.getLong(1));
            out.put(Topics.CUSTOMER, rs.getLong(2));
            out.put(Topics.ORDER, rs.getLong(3));
            out.put(Topics.STOCK, rs.getLong(4));
            return out;
        }
    }

    /**
     * Waits until each topic holds its expected events and returns the figures, timed from {@code startedAtMs}
     * (wall clock, taken just before the sync started).
     */
    static SnapshotFigures await(RedisEndpoint endpoint, FixtureProfile profile, Map<String, Long> expected,
                                 long startedAtMs, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RespClient redis = RespClient.connect(endpoint, Duration.ofSeconds(10))) {
            while (true) {
                Map<String, Long> lengths = new LinkedHashMap<>();
                boolean done = true;
                for (Map.Entry<String, Long> topic : expected.entrySet()) {
                    long length = (Long) redis.command("XLEN", topic.getKey());
                    lengths.put(topic.getKey(), length);
                    done &= length >= topic.getValue();
                }
                if (done) {
                    long firstProduct = entryMillis(firstEntryId(redis, Topics.PRODUCT));
                    long lastProduct = entryMillis(TopicTail.lastEntryId(redis, Topics.PRODUCT));
                    long lastAny = lastProduct;
                    for (String topic : expected.keySet()) {
                        lastAny = Math.max(lastAny, entryMillis(TopicTail.lastEntryId(redis, topic)));
                    }
                    long events = lengths.values().stream().mapToLong(Long::longValue).sum();
                    return new SnapshotFigures(profile, expected.get(Topics.PRODUCT),
                            (firstProduct - startedAtMs) / 1000.0, (lastProduct - startedAtMs) / 1000.0, events,
                            (lastAny - startedAtMs) / 1000.0);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the snapshot of the " + profile.cliName() + " profile did not "
                            + "finish within " + timeout.toSeconds() + " s: events so far " + lengths + ", expected "
                            + expected);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String firstEntryId(RespClient redis, String topic) throws IOException {
        Object reply = redis.command("XRANGE", topic, "-", "+", "COUNT", "1");
        if (reply instanceof List<?> entries && !entries.isEmpty()) {
            return (String) ((List<?>) entries.get(0)).get(0);
        }
        return "0-0";
    }

    private static long entryMillis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }
}
