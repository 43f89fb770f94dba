package dev.ficus.sync.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.Op;
import dev.ficus.events.SnapshotMark;
import dev.ficus.events.SourcePosition;
import dev.ficus.events.Topics;
import dev.ficus.sync.cascade.CascadeFollower;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.dependency.Dependencies;
import dev.ficus.sync.extract.Extracted;
import dev.ficus.sync.extract.Extractor;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.handler.StoreDirectoryHandler;
import dev.ficus.sync.health.SyncState;
import dev.ficus.sync.idmap.IdKey;
import dev.ficus.sync.idmap.IdMap;
import dev.ficus.sync.metrics.SyncMetrics;
import dev.ficus.sync.publish.TopicPublisher;
import dev.ficus.sync.source.RowBatchHandler;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing stage behind the source's {@link RowBatchHandler} port, one engine batch end to end: infer the child
 * rows InnoDB changed by foreign key without a binlog row ({@link CascadeFollower}), coalesce (route row changes, read
 * and inferred, to the domain handlers, each entity's changes into one), extract (the entities' current state from
 * Magento: {@link Extractor}), map ids (UUIDs from the id map) and publish one event per entity plus any dead letters
 * in one pipelined write. It returns only when that write is acknowledged, so the engine's offsets (marked
 * after this returns) never run ahead of what consumers can read.
 *
 * <p>Two kinds of failure are kept apart. Data that cannot be extracted is the extract stage's to retry and
 * dead-letter, and the batch goes on. A dependency that is down (Redis, PostgreSQL, MariaDB's connection) is waited
 * for with backoff for as long as it takes: the batch is held, nothing is skipped, and the engine stops reading
 * meanwhile.
 */
public final class BatchProcessor implements RowBatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final Map<String, List<DomainHandler>> byTable = new HashMap<>();
    private final Dependencies deps;
    private final Extractor extractor;
    private final IdMap idMap;
    private final TopicPublisher publisher;
    private final SyncMetrics metrics;
    private final SyncState state;
    private final CascadeFollower cascades;

    public BatchProcessor(List<DomainHandler> handlers, Dependencies deps, Extractor extractor, IdMap idMap,
                          TopicPublisher publisher, SyncMetrics metrics, SyncState state, CascadeFollower cascades) {
        this.cascades = cascades;
        this.deps = deps;
        this.extractor = extractor;
        this.idMap = idMap;
        this.publisher = publisher;
        this.metrics = metrics;
        this.state = state;
        for (DomainHandler h : handlers) {
            for (String t : h.tables()) {
                byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(h);
            }
        }
    }

    /** What the batch produced. */
    public record Result(int events, int deadLetters) {
    }

    @Override
    public void handle(List<RowChange> rows) throws InterruptedException {
        process(rows);
    }

    public Result process(List<RowChange> batch) throws InterruptedException {
        long started = System.nanoTime();
        List<RowChange> rows = new ArrayList<>(batch.size());
        for (RowChange row : batch) {
            if (row.isSchemaChange()) {
                cascades.schemaChanged();
            } else {
                rows.add(row);
            }
        }
        metrics.batch(rows.size());
        List<RowChange> inferred = cascades.inferred(rows);
        Map<DomainHandler, PendingChanges> pending = new LinkedHashMap<>();
        long newestStreamedTs = 0;
        Map<String, int[]> counts = new HashMap<>();
        for (RowChange row : rows) {
            count(counts, row, "");
            if (!row.isSnapshot()) {
                newestStreamedTs = Math.max(newestStreamedTs, row.position().tsMs());
            }
            route(row, pending);
        }
        for (RowChange row : inferred) {
            count(counts, row, "inferred_");
            route(row, pending);
        }
        counts.forEach((k, n) -> {
            int sep = k.indexOf('\u0000');
            metrics.rows(k.substring(0, sep), k.substring(sep + 1), n[0]);
        });

        List<Extracted> extracted = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Map.Entry<DomainHandler, PendingChanges> e : pending.entrySet()) {
            if (!e.getValue().isEmpty()) {
                extracted.add(extractor.extract(e.getKey(), e.getValue(), deadLetters));
            }
        }
        long extractedAt = System.nanoTime();
        Map<IdKey, UUID> ids = resolveIds(extracted);
        List<ChangeEvent> events = new ArrayList<>();
        for (Extracted x : extracted) {
            for (Pending p : x.changes().all()) {
                if (x.deadLettered(p.magentoId())) {
                    continue;
                }
                ObjectNode record = x.records().get(p.magentoId());
                UUID id = ids.get(new IdKey(x.handler().entityType(), p.magentoId()));
                if (record != null) {
                    x.handler().attachReferences(record, ids);
                    events.add(new ChangeEvent(Op.UPSERT, x.handler().entityType(), p.magentoId(), id, record, p.position()));
                } else {
                    events.add(new ChangeEvent(Op.DELETE, x.handler().entityType(), p.magentoId(), id,
                            x.handler().deletedRecord(p), p.position()));
                }
            }
        }
        long published = System.nanoTime();
        publish(events, deadLetters);
        cascades.remember(rows, inferred);
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

    /**
     * Marks the end of the snapshot on every domain topic, after everything the snapshot published there: a read
     * service is ready for routing only once it has applied up to its topics' marks. Every domain topic gets one,
     * whatever the captured tables, so that no service waits for a mark that never comes. Appended again at each
     * start of streaming (a restart, a new snapshot); each says the same thing, and consumers only note the first.
     * The store directory goes first ({@link StoreDirectoryHandler#refreshAt}), so a service is never ready without it.
     */
    @Override
    public void streaming(SourcePosition at) throws InterruptedException {
        if (byTable.containsKey(StoreDirectoryHandler.refreshAt(at).table())) {
            process(List.of(StoreDirectoryHandler.refreshAt(at)));
        }
        Instant now = Instant.now();
        List<SnapshotMark> marks = new ArrayList<>();
        for (String topic : Topics.DOMAIN) {
            marks.add(new SnapshotMark(topic, at, now));
        }
        deps.untilAvailable("redis", () -> {
            try {
                publisher.publishMarks(marks);
                return null;
            } catch (Exception e) {
                throw new Dependencies.Unavailable(e);
            }
        });
        LOG.info("streaming from {}:{}: the end of the snapshot is marked on {}", at.file(), at.pos(), Topics.DOMAIN);
    }

    private static void count(Map<String, int[]> counts, RowChange row, String prefix) {
        counts.computeIfAbsent(row.table() + "\u0000" + prefix + row.kind().name().toLowerCase(Locale.ROOT),
                k -> new int[1])[0]++;
    }

    private void route(RowChange row, Map<DomainHandler, PendingChanges> pending) {
        for (DomainHandler h : byTable.getOrDefault(row.table(), List.of())) {
            h.collect(row, pending.computeIfAbsent(h, k -> new PendingChanges()));
        }
    }

    private Map<IdKey, UUID> resolveIds(List<Extracted> extracted) throws InterruptedException {
        List<IdKey> keys = new ArrayList<>();
        for (Extracted x : extracted) {
            for (Pending p : x.changes().all()) {
                if (!x.deadLettered(p.magentoId())) {
                    keys.add(new IdKey(x.handler().entityType(), p.magentoId()));
                }
            }
            for (ObjectNode record : x.records().values()) {
                keys.addAll(x.handler().references(record));
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
