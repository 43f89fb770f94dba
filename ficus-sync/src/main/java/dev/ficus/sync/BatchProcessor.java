package dev.ficus.sync;

import dev.ficus.core.failure.Backoff;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.Op;
import dev.ficus.events.Topics;
import dev.ficus.sync.dlq.DeadLetters;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.handler.Pending;
import dev.ficus.sync.handler.PendingChanges;
import dev.ficus.sync.idmap.IdKey;
import dev.ficus.sync.idmap.IdMap;
import dev.ficus.sync.metrics.SyncMetrics;
import dev.ficus.sync.publish.TopicPublisher;
import dev.ficus.sync.source.RowChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one engine batch end to end: route row changes to the domain handlers (coalescing each entity's changes),
 * read the entities' current state from Magento, give them UUIDs, and publish one event per entity plus any dead
 * letters in one pipelined write. It returns only when that write is acknowledged, so the engine's offsets (marked
 * after this returns) never run ahead of what consumers can read.
 *
 * <p>Two kinds of failure are kept apart. Data that cannot be extracted (an {@code ExtractionException}, a
 * non-connection SQL error) is retried a bounded number of times per entity, then dead-lettered, and the batch goes
 * on. A dependency that is down (Redis, PostgreSQL, MariaDB's connection) is waited for with backoff for as long as it
 * takes: the batch is held, nothing is skipped, and the engine stops reading meanwhile.
 */
public final class BatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final Map<String, List<DomainHandler>> byTable = new HashMap<>();
    private final Dependencies deps;
    private final IdMap idMap;
    private final TopicPublisher publisher;
    private final SyncMetrics metrics;
    private final SyncState state;
    private final Backoff backoff;
    private final int attempts;
    private final Reads reads;

    public BatchProcessor(List<DomainHandler> handlers, Dependencies deps, IdMap idMap, TopicPublisher publisher,
                          SyncMetrics metrics, SyncState state, Backoff backoff, int attempts, Reads reads) {
        this.reads = reads;
        this.deps = deps;
        this.idMap = idMap;
        this.publisher = publisher;
        this.metrics = metrics;
        this.state = state;
        this.backoff = backoff;
        this.attempts = attempts;
        for (DomainHandler h : handlers) {
            for (String t : h.tables()) {
                byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(h);
            }
        }
    }

    /** What the batch produced. */
    public record Result(int events, int deadLetters) {
    }

    public Result process(List<RowChange> rows) throws InterruptedException {
        long started = System.nanoTime();
        metrics.batch(rows.size());
        Map<DomainHandler, PendingChanges> pending = new LinkedHashMap<>();
        long newestStreamedTs = 0;
        Map<String, int[]> counts = new HashMap<>();
        for (RowChange row : rows) {
            counts.computeIfAbsent(row.table() + "\u0000" + row.kind().name().toLowerCase(Locale.ROOT),
                    k -> new int[1])[0]++;
            if (!row.isSnapshot()) {
                newestStreamedTs = Math.max(newestStreamedTs, row.position().tsMs());
            }
            for (DomainHandler h : byTable.getOrDefault(row.table(), List.of())) {
                h.collect(row, pending.computeIfAbsent(h, k -> new PendingChanges()));
            }
        }
        counts.forEach((k, n) -> {
            int sep = k.indexOf('\u0000');
            metrics.rows(k.substring(0, sep), k.substring(sep + 1), n[0]);
        });

        List<Extracted> extracted = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Map.Entry<DomainHandler, PendingChanges> e : pending.entrySet()) {
            if (!e.getValue().isEmpty()) {
                extracted.add(extract(e.getKey(), e.getValue(), deadLetters));
            }
        }
        long extractedAt = System.nanoTime();
        Map<IdKey, UUID> ids = resolveIds(extracted);
        List<ChangeEvent> events = new ArrayList<>();
        for (Extracted x : extracted) {
            for (Pending p : x.changes.all()) {
                if (x.deadLettered.contains(p.magentoId())) {
                    continue;
                }
                ObjectNode record = x.records.get(p.magentoId());
                UUID id = ids.get(new IdKey(x.handler.entityType(), p.magentoId()));
                if (record != null) {
                    x.handler.attachReferences(record, ids);
                    events.add(new ChangeEvent(Op.UPSERT, x.handler.entityType(), p.magentoId(), id, record, p.position()));
                } else {
                    events.add(new ChangeEvent(Op.DELETE, x.handler.entityType(), p.magentoId(), id,
                            x.handler.deletedRecord(p), p.position()));
                }
            }
        }
        long published = System.nanoTime();
        publish(events, deadLetters);
        if (LOG.isDebugEnabled()) {
            LOG.debug("batch of {} rows: {} events, {} dead letters; extract {} ms, id map {} ms, publish {} ms",
                    rows.size(), events.size(), deadLetters.size(), (extractedAt - started) / 1_000_000,
                    (published - extractedAt) / 1_000_000, (System.nanoTime() - published) / 1_000_000);
        }
        if (newestStreamedTs > 0) {
            metrics.behindSource(System.currentTimeMillis() - newestStreamedTs);
        }
        state.batchHandled();
        return new Result(events.size(), deadLetters.size());
    }

    private static final class Extracted {
        final DomainHandler handler;
        final PendingChanges changes;
        final Map<Long, ObjectNode> records;
        final Set<Long> deadLettered = new HashSet<>();

        Extracted(DomainHandler handler, PendingChanges changes, Map<Long, ObjectNode> records) {
            this.handler = handler;
            this.changes = changes;
            this.records = records;
        }
    }

    private Extracted extract(DomainHandler h, PendingChanges changes, List<DeadLetter> deadLetters)
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
                x.records.putAll(read(x.handler, (c, mode) -> x.handler.extract(c, List.of(id), mode)));
                return;
            } catch (Dependencies.DataException e) {
                last = e.getCause();
                if (attempt < attempts) {
                    backoff.sleepAfter(attempt);
                }
            }
        }
        Pending p = x.changes.get(id);
        DeadLetter letter = DeadLetters.of(x.handler.entityType(), p, last, attempts);
        LOG.error("{} {} goes to the dead letters after {} attempts: {}", x.handler.entityType().code(), id, attempts,
                letter.error());
        metrics.deadLetter(letter.table());
        deadLetters.add(letter);
        x.deadLettered.add(id);
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

    private Map<IdKey, UUID> resolveIds(List<Extracted> extracted) throws InterruptedException {
        List<IdKey> keys = new ArrayList<>();
        for (Extracted x : extracted) {
            for (Pending p : x.changes.all()) {
                if (!x.deadLettered.contains(p.magentoId())) {
                    keys.add(new IdKey(x.handler.entityType(), p.magentoId()));
                }
            }
            for (ObjectNode record : x.records.values()) {
                keys.addAll(x.handler.references(record));
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        return deps.untilAvailable("postgres", () -> {
            try {
                return idMap.resolve(keys);
            } catch (SQLException e) {
                throw new Dependencies.Unavailable(e);
            }
        });
    }

    private void publish(List<ChangeEvent> events, List<DeadLetter> deadLetters) throws InterruptedException {
        if (events.isEmpty() && deadLetters.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        deps.untilAvailable("redis", () -> {
            try {
                publisher.publish(events, deadLetters);
                return null;
            } catch (Exception e) {
                throw new Dependencies.Unavailable(e);
            }
        });
        metrics.published(Duration.ofNanos(System.nanoTime() - start));
        for (ChangeEvent e : events) {
            metrics.events(e.topic(), e.op().code(), 1);
        }
        if (!deadLetters.isEmpty()) {
            metrics.events(Topics.DLQ, "dead_letter", deadLetters.size());
        }
    }
}
