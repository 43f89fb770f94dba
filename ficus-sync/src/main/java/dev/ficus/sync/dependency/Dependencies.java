package dev.ficus.sync.dependency;

import dev.ficus.core.failure.Backoff;
import dev.ficus.core.failure.Failures;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.health.SyncState;
import dev.ficus.sync.metrics.SyncMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to the servers the pipeline depends on, with the difference between "the server is down" (wait and try again,
 * for as long as it takes, while /health/ready says what is awaited) and "this data is bad" (give up on it).
 */
public final class Dependencies {
    private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);

    private final DataSource magento;
    private final SyncState state;
    private final SyncMetrics metrics;
    private final Backoff backoff;
    private final BooleanSupplier stopping;

    public Dependencies(DataSource magento, SyncState state, SyncMetrics metrics, Backoff backoff,
                        BooleanSupplier stopping) {
        this.magento = magento;
        this.state = state;
        this.metrics = metrics;
        this.backoff = backoff;
        this.stopping = stopping;
    }

    /** A failure caused by a dependency being unreachable: retried until it answers. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(Throwable cause) {
            super(cause);
        }
    }

    /** A failure caused by the data: the caller decides (bounded retries, then a dead letter). */
    public static final class DataException extends Exception {
        public DataException(Throwable cause) {
            super(cause);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws Exception;
    }

    public DataSource magento() {
        return magento;
    }

    /**
     * Runs {@code work} on a connection to Magento's database set up for {@code reads} (statements on their own, or
     * one consistent snapshot for all of them), waiting out connection failures.
     */
    public <T> T withMagento(Reads reads, SqlWork<T> work) throws DataException, InterruptedException {
        try {
            return untilAvailable("mariadb", () -> {
                try (Connection c = magento.getConnection()) {
                    try {
                        reads.prepare(c);
                        T result = work.run(c);
                        if (reads.transactional()) {
                            c.commit();
                        }
                        return result;
                    } catch (Exception e) {
                        rollbackQuietly(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    if (Failures.isConnectionProblem(e)) {
                        throw new Unavailable(e);
                    }
                    throw new DataFailure(e);
                } catch (RuntimeException e) {
                    throw e instanceof Unavailable ? e : new DataFailure(e);
                } catch (Exception e) {
                    throw new DataFailure(e);
                }
            });
        } catch (DataFailure f) {
            throw new DataException(f.getCause());
        }
    }

    private static final class DataFailure extends RuntimeException {
        DataFailure(Throwable cause) {
            super(cause);
        }
    }

    /** Runs {@code op} until it does not throw {@link Unavailable}, backing off between tries. */
    public <T> T untilAvailable(String dependency, Supplier<T> op) throws InterruptedException {
        int attempt = 0;
        try {
            while (true) {
                try {
                    T result = op.get();
                    if (attempt > 0) {
                        LOG.info("{} is back after {} retries; carrying on", dependency, attempt);
                    }
                    return result;
                } catch (Unavailable e) {
                    if (stopping.getAsBoolean()) {
                        throw new InterruptedException("stopping while waiting for " + dependency);
                    }
                    if (attempt == 0 || attempt % 20 == 0) {
                        LOG.warn("{} unavailable ({}); holding the batch and retrying with backoff", dependency,
                                rootMessage(e));
                    }
                    state.waitingFor(dependency);
                    metrics.waiting(true);
                    metrics.retry(dependency);
                    backoff.sleepAfter(++attempt);
                }
            }
        } finally {
            if (attempt > 0) {
                state.waitingFor(null);
                metrics.waiting(false);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
