package dev.ficus.services.catalog;

import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.failure.Backoff;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link AnswerCache} which stored answers changed, from PostgreSQL's {@code LISTEN}: every transaction
 * that replaces a product's answers notifies {@link #CHANNEL} once for each {@code sku_key} it touched (the old and
 * the new SKU), and PostgreSQL delivers that to every listening instance when, and only when, it commits.
 *
 * <p>One thread with a connection of its own, beside the pool. The cache is on only while that connection listens: when
 * it fails, the cache is switched off (and emptied) until a new connection listens again, since notifications sent
 * in between are lost to this instance.
 */
final class AnswerListener implements AutoCloseable {
    static final String CHANNEL = "ficus_product_answers";
    private static final Logger LOG = LoggerFactory.getLogger(AnswerListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final AnswerCache cache;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    private final Thread thread;
    private volatile boolean running = true;

    AnswerListener(DataSource dataSource, AnswerCache cache, String name) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Backoff.Streak failures = backoff.streak();
        while (running) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                // listening from here: what changes after this point is heard, so entries added from now on are safe
                cache.on();
                failures.reset();
                while (running) {
                    PGNotification[] news = pg.getNotifications(WAIT_MILLIS);
                    if (news != null) {
                        for (PGNotification n : news) {
                            cache.changed(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.off();
                if (running) {
                    Duration wait = failures.next();
                    LOG.warn("catalog: not listening for answer changes ({}); answering from the table, "
                            + "trying again in {} ms", e.getMessage(), wait.toMillis());
                    sleep(wait);
                }
            }
        }
        cache.off();
    }

    /** A connection beside the pool's: it is held for as long as the service runs. */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
