package dev.ficus.bench.sync;

import dev.ficus.bench.load.RateSchedule;

import dev.ficus.bench.report.Latencies;
import dev.ficus.core.config.DatabaseEndpoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load: single-row autocommit updates of products' store-level price (catalog_product_entity_decimal, as an
 * attribute-only save in Magento writes it), each with a unique value, the marker {@link #MARKER_BASE} + n. The rows
 * are taken in turn, so a row is written again only after every other one was; writer threads, one connection each,
 * keep an open-loop schedule (a slow commit does not slow down the schedule).
 */
final class PriceChanges implements AutoCloseable {
    /** Prices at or above this are markers: the fixtures' prices stay far below. */
    static final long MARKER_BASE = 100_000_000L;
    /** Enough rows that one row is rarely written twice while the sync is still busy with the first write. */
    private static final int MAX_ROWS = 2_000;

    private final List<Connection> connections = new ArrayList<>();
    private final long[] valueIds;
    private final ExecutorService writers;
    private final AtomicLong nextMarker = new AtomicLong();

    PriceChanges(DatabaseEndpoint magento, int writerCount) throws SQLException {
        if (writerCount < 1) {
            throw new IllegalArgumentException("at least one writer is needed, was " + writerCount);
        }
        try {
            for (int i = 0; i < writerCount; i++) {
                connections.add(DriverManager.getConnection(magento.mariadbJdbcUrl(), magento.user(),
                        magento.password().reveal()));
            }
            valueIds = priceRows(connections.get(0));
        } catch (SQLException | RuntimeException e) {
            closeConnections();
            throw e;
        }
        writers = Executors.newFixedThreadPool(writerCount, r -> {
            Thread t = new Thread(r, "bench-sync-writer");
            t.setDaemon(true);
            return t;
        });
    }

    private static long[] priceRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.value_id FROM catalog_product_entity_decimal v "
                + "JOIN eav_attribute a ON a.attribute_id = v.attribute_id "
                + "JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id "
                + "WHERE t.entity_type_code = 'catalog_product' AND a.attribute_code = 'price' AND v.store_id = 0 "
                + "ORDER BY v.entity_id LIMIT " + MAX_ROWS); ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("the shop has no product with a price to change: was it seeded?");
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Markers {@code m} and {@code m - period()} write the same row. */
    int period() {
        return valueIds.length;
    }

    /** Reserves {@code count} consecutive markers and returns the first. */
    long reserve(long count) {
        return nextMarker.getAndAdd(count);
    }

    /** Writes one marker now (a probe), outside any schedule. */
    void writeNow(long marker) throws SQLException {
        synchronized (connections.get(0)) {
            write(connections.get(0), marker);
        }
    }

    /**
     * Writes the schedule's first {@code count} changes, markers {@code firstMarker ..}, telling {@code matcher} when each commit returned
     * and recording due time → commit returned in {@code commits}. Returns the nanoTime of the last commit.
     */
    long run(RateSchedule schedule, long count, long firstMarker, MarkerMatcher matcher, Latencies commits)
            throws SQLException {
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong(start);
        List<Future<?>> running = new ArrayList<>();
        for (Connection c : connections) {
            running.add(writers.submit(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long due = start + schedule.offsetNanos(i);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    write(c, firstMarker + i);
                    long now = System.nanoTime();
                    matcher.committed(firstMarker + i, now);
                    commits.recordNanos(now - due);
                    lastCommit.accumulateAndGet(now, Math::max);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while writing changes", e);
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("a writer failed: " + e.getCause(), e.getCause());
        }
        return lastCommit.get();
    }

    private void write(Connection c, long marker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE catalog_product_entity_decimal SET value = ? WHERE value_id = ?")) {
            ps.setBigDecimal(1, BigDecimal.valueOf(MARKER_BASE + marker));
            ps.setLong(2, valueIds[(int) (marker % valueIds.length)]);
            ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        writers.shutdownNow();
        closeConnections();
    }

    private void closeConnections() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing after the bench: nothing left to protect
            }
        }
    }
}
