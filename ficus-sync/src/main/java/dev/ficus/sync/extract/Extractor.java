package dev.ficus.sync.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.failure.Backoff;
import dev.ficus.events.DeadLetter;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.dependency.Dependencies;
import dev.ficus.sync.dlq.DeadLetters;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.metrics.SyncMetrics;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extract stage: reads the current state of the entities a batch touched from Magento, with the read mode
 * configured ({@link Reads}). It owns what can go wrong there. Data that cannot be extracted (an
 * {@code ExtractionException}, a non-connection SQL error) is retried a bounded number of times per entity, then
 * dead-lettered; a locking read that waited too long for a row lock is read again without locks; a connection to
 * Magento that is down is waited for ({@link Dependencies#withMagento}).
 */
public final class Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private final Dependencies deps;
    private final SyncMetrics metrics;
    private final Backoff backoff;
    private final int attempts;
    private final Reads reads;

    public Extractor(Dependencies deps, SyncMetrics metrics, Backoff backoff, int attempts, Reads reads) {
        this.deps = deps;
        this.metrics = metrics;
        this.backoff = backoff;
        this.attempts = attempts;
        this.reads = reads;
    }

    /**
     * The current state of every entity in {@code changes}, read in one go; when that fails for the data, the
     * entities are read one by one so that one bad entity does not hold up the others, and an entity that still
     * fails after the configured attempts is added to {@code deadLetters}.
     */
    public Extracted extract(DomainHandler h, PendingChanges changes, List<DeadLetter> deadLetters)
            throws InterruptedException {
        long start = System.nanoTime();
        try {
            return new Extracted(h, changes, read(h, (c, mode) -> {
                h.touchRelated(c, changes, mode);
                return h.extract(c, changes.ids(), mode);
            }));
        } catch (Dependencies.DataException batchFailure) {
            // one bad entity must not hold up the others: extract them one by one to find it
            LOG.warn("{} extraction of {} entities failed ({}); retrying them one by one", h.entityType().code(),
                    changes.size(), DeadLetters.describe(batchFailure.getCause()));
            Extracted x = new Extracted(h, changes, new HashMap<>());
            for (long id : changes.ids()) {
                extractOne(x, id, deadLetters);
            }
            return x;
        } finally {
            metrics.extraction(h.entityType().code(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void extractOne(Extracted x, long id, List<DeadLetter> deadLetters) throws InterruptedException {
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                x.records().putAll(read(x.handler(), (c, mode) -> x.handler().extract(c, List.of(id), mode)));
                return;
            } catch (Dependencies.DataException e) {
                last = e.getCause();
                if (attempt < attempts) {
                    backoff.sleepAfter(attempt);
                }
            }
        }
        Pending p = x.changes().get(id);
        DeadLetter letter = DeadLetters.of(x.handler().entityType(), p, last, attempts);
        LOG.error("{} {} goes to the dead letters after {} attempts: {}", x.handler().entityType().code(), id, attempts,
                letter.error());
        metrics.deadLetter(letter.table());
        deadLetters.add(letter);
        x.deadLetter(id);
    }

    @FunctionalInterface
    private interface Extraction {
        Map<Long, ObjectNode> run(Connection c, Reads mode) throws Exception;
    }

    /**
     * Runs an extraction with the configured reads. A locking read that timed out waiting for a row lock is run
     * again once without locks: a transaction in its commit phase (written to the binlog, not yet committed in
     * InnoDB) lets go of its locks within milliseconds, so one that holds them past innodb_lock_wait_timeout has not
     * reached its commit. Its changes are not in the binlog yet (they will bring events of their own), and the
     * changes this batch came for are committed: a plain read sees them. A deadlock (this read was the victim) goes
     * the way of any other failed extraction: tried again after a backoff.
     */
    private Map<Long, ObjectNode> read(DomainHandler h, Extraction work)
            throws Dependencies.DataException, InterruptedException {
        try {
            return deps.withMagento(reads, c -> work.run(c, reads));
        } catch (Dependencies.DataException e) {
            if (reads != Reads.LOCKING || !Reads.isLockWaitTimeout(e.getCause())) {
                throw e;
            }
            LOG.info("{} extraction waited too long for a row lock held by a transaction that has not committed; "
                    + "reading without locks", h.entityType().code());
            metrics.retry("mariadb_lock_wait");
            return deps.withMagento(Reads.SNAPSHOT, c -> work.run(c, Reads.SNAPSHOT));
        }
    }
}
