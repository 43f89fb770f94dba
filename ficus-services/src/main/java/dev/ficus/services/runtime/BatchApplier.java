package dev.ficus.services.runtime;

import dev.ficus.core.failure.Failures;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.Op;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch of stream entries in one PostgreSQL transaction, guarded per entity by source position.
 *
 * <p>Events carry whole states, so of several events of one entity in a batch only the newest matters; it is applied
 * when it is newer than what the version guard has on record, and the rest are acknowledged unchanged. That makes a
 * duplicate, a replay after a crash or an older event arriving after a newer one change nothing.
 *
 * <p>The batch first runs without savepoints. When one event fails on its own (not a transient database failure),
 * the transaction is rolled back and the batch runs again with a savepoint around each event, so the good events
 * commit and the failed one gets an attempt counted in the {@link FailureLedger}. A transient failure is thrown: the
 * caller tries the whole batch again later, and nothing has been acknowledged.
 */
public final class BatchApplier {
    private static final Logger LOG = LoggerFactory.getLogger(BatchApplier.class);

    private final String group;
    private final ReadModelWriter writer;
    private final DataSource dataSource;
    private final VersionGuard guard;
    private final FailureLedger ledger;
    private final int maxAttempts;
    private final ServiceMetrics metrics;
    private final Clock clock;

    public BatchApplier(String group, ReadModelWriter writer, DataSource dataSource, int maxAttempts,
                        ServiceMetrics metrics, Clock clock) {
        this.group = group;
        this.writer = writer;
        this.dataSource = dataSource;
        this.guard = new VersionGuard(group);
        this.ledger = new FailureLedger(group);
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Forgets the failed attempts of entries that left the consumer (sent to the dead letters). */
    public void forget(List<Delivery> deliveries) {
        try (Connection c = dataSource.getConnection()) {
            ledger.clear(c, deliveries);
        } catch (SQLException e) {
            // only bookkeeping: a stale row is harmless (its entry id is never delivered again)
            LOG.warn("{}: could not clear the failure records of {} entries: {}", group, deliveries.size(),
                    describe(e));
        }
    }

    /**
     * Applies the batch and commits.
     *
     * @throws SQLException (or another exception) when the batch failed as a whole; nothing was committed
     */
    public BatchOutcome apply(List<Delivery> deliveries) throws SQLException {
        long start = System.nanoTime();
        Sorted sorted = sort(deliveries);
        BatchOutcome outcome;
        try {
            outcome = applyInTransaction(sorted, false);
        } catch (EventFailed e) {
            LOG.debug("{}: an event failed, applying the batch again event by event", group, e.getCause());
            outcome = applyInTransaction(sorted, true);
        }
        metrics.batch(System.nanoTime() - start);
        return outcome;
    }

    /** The batch's entries sorted out before the transaction: decoded or not, and the newest event per entity. */
    private record Sorted(List<Delivery> done, List<Skip> skips, List<Undecodable> undecodable,
                          Map<EntityKey, Decoded> newest) {
    }

    /** An entry acknowledged without change, and why (counted once the transaction committed). */
    private record Skip(String topic, String reason) {
    }

    private record Decoded(Delivery delivery, ChangeEvent event) {
    }

    private record Undecodable(Delivery delivery, String error) {
    }

    private Sorted sort(List<Delivery> deliveries) {
        List<Delivery> done = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        List<Undecodable> undecodable = new ArrayList<>();
        Map<EntityKey, Decoded> newest = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            String data = d.record().data();
            if (data == null || data.isEmpty()) {
                done.add(d);
                skips.add(new Skip(d.record().topic(), "empty"));
                continue;
            }
            ChangeEvent event;
            try {
                event = CloudEventCodec.decode(data);
            } catch (RuntimeException e) {
                undecodable.add(new Undecodable(d, "undecodable entry: " + describe(e)));
                continue;
            }
            if (!writer.entityTypes().contains(event.entityType())) {
                done.add(d);
                skips.add(new Skip(d.record().topic(), "unhandled"));
                continue;
            }
            EntityKey key = new EntityKey(event.entityType(), event.magentoId());
            Decoded previous = newest.get(key);
            if (previous == null || event.source().isAfter(previous.event().source())) {
                newest.put(key, new Decoded(d, event));
                if (previous != null) {
                    done.add(previous.delivery());
                    skips.add(new Skip(previous.delivery().record().topic(), "superseded"));
                }
            } else {
                done.add(d);
                skips.add(new Skip(d.record().topic(), "superseded"));
            }
        }
        return new Sorted(done, skips, undecodable, newest);
    }

    private BatchOutcome applyInTransaction(Sorted sorted, boolean careful) throws SQLException {
        List<Delivery> done = new ArrayList<>(sorted.done());
        List<FailedDelivery> failed = new ArrayList<>();
        List<FailedDelivery> exhausted = new ArrayList<>();
        List<Decoded> appliedEvents = new ArrayList<>();
        List<Skip> skips = new ArrayList<>(sorted.skips());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<EntityKey, AppliedVersion> versions = guard.lock(c, sorted.newest().keySet());
                List<EntityKey> keys = new ArrayList<>(sorted.newest().keySet());
                keys.sort(null);
                List<Decoded> failures = new ArrayList<>();
                List<String> failureReasons = new ArrayList<>();
                for (EntityKey key : keys) {
                    Decoded d = sorted.newest().get(key);
                    AppliedVersion applied = versions.get(key);
                    if (!applied.isOlderThan(d.event().source())) {
                        done.add(d.delivery());
                        skips.add(new Skip(d.delivery().record().topic(), "stale"));
                        continue;
                    }
                    String error = careful ? applyWithSavepoint(c, key, d.event()) : applyOrThrow(c, key, d.event());
                    if (error == null) {
                        done.add(d.delivery());
                        appliedEvents.add(d);
                    } else {
                        failures.add(d);
                        failureReasons.add(error);
                    }
                }
                for (int i = 0; i < failures.size(); i++) {
                    Decoded d = failures.get(i);
                    addFailure(c, d.delivery(), d.event(), failureReasons.get(i), failed, exhausted);
                }
                for (Undecodable u : sorted.undecodable()) {
                    addFailure(c, u.delivery(), null, u.error(), failed, exhausted);
                }
                ledger.clear(c, done.stream().filter(Delivery::redelivered).toList());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
        long now = clock.millis();
        Map<String, Integer> appliedPerTopic = new LinkedHashMap<>();
        for (Decoded d : appliedEvents) {
            appliedPerTopic.merge(d.delivery().record().topic(), 1, Integer::sum);
            metrics.syncLag(d.event().source().tsMs(), now);
        }
        appliedPerTopic.forEach(metrics::applied);
        skips.forEach(skip -> metrics.skipped(skip.topic(), skip.reason()));
        failed.forEach(f -> metrics.failed(f.delivery().record().topic()));
        exhausted.forEach(f -> metrics.failed(f.delivery().record().topic()));
        return new BatchOutcome(done, failed, exhausted, appliedEvents.size(), skips.size());
    }

    private void addFailure(Connection c, Delivery d, ChangeEvent event, String error, List<FailedDelivery> failed,
                            List<FailedDelivery> exhausted) throws SQLException {
        int attempts = ledger.recordFailure(c, d.record().topic(), d.record().id(), error);
        FailedDelivery f = new FailedDelivery(d, event, attempts, error);
        if (attempts >= maxAttempts) {
            exhausted.add(f);
        } else {
            failed.add(f);
        }
        LOG.warn("{}: {} {} failed (attempt {} of {}): {}", group, d.key(),
                event == null ? "(undecodable)" : event.subject(), attempts, maxAttempts, error);
    }

    /** Fast path: any failure of the event aborts the transaction (the caller then goes careful). */
    private String applyOrThrow(Connection c, EntityKey key, ChangeEvent event) throws SQLException {
        try {
            write(c, key, event);
            return null;
        } catch (SQLException | RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            throw new EventFailed(e);
        }
    }

    /** Careful path: the event's writes are undone alone when it fails; the reason is returned. */
    private String applyWithSavepoint(Connection c, EntityKey key, ChangeEvent event) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            write(c, key, event);
            c.releaseSavepoint(savepoint);
            return null;
        } catch (SQLException | RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            c.rollback(savepoint);
            return describe(e);
        }
    }

    private void write(Connection c, EntityKey key, ChangeEvent event) throws SQLException {
        if (event.op() == Op.DELETE) {
            writer.delete(c, event);
        } else {
            writer.upsert(c, event);
        }
        guard.record(c, key, event.source(), event.op() == Op.DELETE);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the transaction is gone with it
        }
    }

    /** One event failed on the fast path; carries its cause to the switch to the careful path. */
    private static final class EventFailed extends RuntimeException {
        EventFailed(Throwable cause) {
            super(cause);
        }
    }
}
