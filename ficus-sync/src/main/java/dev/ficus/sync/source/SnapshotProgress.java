package dev.ficus.sync.source;

import dev.ficus.sync.metrics.SyncMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts snapshot rows and logs a progress line every {@code interval}: rows done of the estimated total, the rate,
 * the cap (if any) and the time left. The total is InnoDB's row estimate for the captured tables (exact counts would
 * scan the shop's biggest tables), so it is shown as approximate and never below what was already read.
 */
public final class SnapshotProgress {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotProgress.class);

    private final DataSource magento;
    private final String database;
    private final List<String> tables;
    private final SnapshotThrottle throttle;
    private final SyncMetrics metrics;
    private final long intervalNanos;
    private long total = -1;
    private long done;
    private long startNanos;
    private long lastLogNanos;
    private long lastLogDone;
    private boolean finished;

    public SnapshotProgress(DataSource magento, String database, List<String> tables, SnapshotThrottle throttle,
                            SyncMetrics metrics, Duration interval) {
        this.magento = magento;
        this.database = database;
        this.tables = tables;
        this.throttle = throttle;
        this.metrics = metrics;
        this.intervalNanos = interval.toNanos();
    }

    public synchronized void rows(int n) {
        if (n <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (total < 0) {
            total = estimate();
            startNanos = now;
            lastLogNanos = now;
            LOG.info("snapshot started: ~{} rows in {} tables{}", total, tables.size(), cap());
        }
        done += n;
        total = Math.max(total, done);
        metrics.snapshot(done, total);
        if (now - lastLogNanos >= intervalNanos) {
            LOG.info(line(now));
            lastLogNanos = now;
            lastLogDone = done;
        }
    }

    /** The snapshot is over (the last snapshot row, or streaming began). */
    public synchronized void finished() {
        if (finished || total < 0) {
            return;
        }
        finished = true;
        total = done;
        metrics.snapshot(done, total);
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        LOG.info(String.format(Locale.ROOT, "snapshot done: %,d rows in %.1f s (%,.0f rows/s)", done, secs, done / secs));
    }

    public synchronized long done() {
        return done;
    }

    String line(long now) {
        double secs = Math.max(1e-3, (now - lastLogNanos) / 1e9);
        double rate = (done - lastLogDone) / secs;
        double overall = done / Math.max(1e-3, (now - startNanos) / 1e9);
        long left = total - done;
        String eta = overall > 0 ? formatSeconds((long) (left / overall)) : "?";
        return String.format(Locale.ROOT, "snapshot: %,d / ~%,d rows (%d%%), %,.0f rows/s%s, ETA %s", done, total,
                total == 0 ? 100 : done * 100 / total, rate, cap(), eta);
    }

    private String cap() {
        return throttle.rowsPerSecond() > 0 ? String.format(Locale.ROOT, " (cap %,d rows/s)", throttle.rowsPerSecond())
                : "";
    }

    private long estimate() {
        String in = String.join(",", java.util.Collections.nCopies(tables.size(), "?"));
        try (Connection c = magento.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(table_rows), 0) FROM information_schema.tables "
                     + "WHERE table_schema = ? AND table_name IN (" + in + ")")) {
            ps.setString(1, database);
            for (int i = 0; i < tables.size(); i++) {
                ps.setString(i + 2, tables.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                long n = rs.next() ? rs.getLong(1) : 0;
                c.commit();
                return n;
            }
        } catch (SQLException e) {
            LOG.debug("cannot estimate snapshot size: {}", e.getMessage());
            return 0;
        }
    }

    private static String formatSeconds(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
