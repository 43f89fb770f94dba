package dev.ficus.services.runtime;

import dev.ficus.core.failure.Backoff;
import dev.ficus.core.stream.EventConsumer;
import dev.ficus.core.stream.StreamRecord;
import dev.ficus.services.ServicesConfig.ConsumerSettings;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume → apply loop of one service instance, on a thread of its own (JDBC blocks):
 * <ol>
 *   <li>take over entries other members (or this one before a restart) left unacknowledged for
 *       {@code claim_idle} (XAUTOCLAIM), every {@code claim_interval};</li>
 *   <li>add failed entries whose retry is due, then new entries (XREADGROUP), up to {@code batch_size};</li>
 *   <li>apply the batch in one transaction ({@link BatchApplier}); an end-of-snapshot mark in it is no change: it is
 *       recorded ({@link SnapshotMarks}) once the changes before it have committed;</li>
 *   <li>acknowledge (XACK) only what the committed transaction covered; failed entries stay pending and are tried
 *       again after a growing wait; an entry out of attempts goes to {@code migration.dlq}, then is acknowledged.</li>
 * </ol>
 * A batch that fails as a whole (database or Redis down) is kept and tried again, with backoff, before anything
 * new is read. Nothing is acknowledged before its transaction committed, so a crash at any point loses nothing;
 * what gets delivered again is skipped by the version guard.
 */
public final class ConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MIN_BLOCK = Duration.ofMillis(1);

    private final String group;
    private final List<String> topics;
    private final EventConsumer consumer;
    private final BatchApplier applier;
    private final DeadLetterWriter deadLetters;
    private final SnapshotMarks marks;
    private final ConsumerSettings settings;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final Backoff.Streak batchBackoff;
    private final Backoff retryBackoff;
    private final Map<String, Retry> retries = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean groupsReady;
    private volatile boolean idle;
    private long nextClaimAt;

    private record Retry(Delivery delivery, long dueAt) {
    }

    public ConsumerLoop(String group, List<String> topics, EventConsumer consumer, BatchApplier applier,
                        DeadLetterWriter deadLetters, SnapshotMarks marks, ConsumerSettings settings,
                        ServiceMetrics metrics, Clock clock) {
        this.group = group;
        this.topics = List.copyOf(topics);
        this.consumer = consumer;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.marks = marks;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.batchBackoff = new Backoff(settings.retryBackoff(), settings.retryMaxBackoff()).streak();
        this.retryBackoff = new Backoff(settings.retryBackoff(), settings.retryMaxBackoff());
        this.thread = new Thread(this::run, "ficus-" + group + "-consumer");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once the consumer group exists on every topic (the loop is reading). */
    public boolean groupsReady() {
        return groupsReady;
    }

    /** True when the last read found nothing new and no failed entry is waiting: the instance has caught up. */
    public boolean idle() {
        return idle;
    }

    /** Failed entries waiting for their next attempt in this instance. */
    public synchronized int retrying() {
        return retries.size();
    }

    private void run() {
        ensureGroups();
        List<Delivery> batch = null;
        while (running) {
            try {
                if (batch == null) {
                    batch = nextBatch();
                }
                if (batch.isEmpty()) {
                    batch = null;
                    continue;
                }
                // an end-of-snapshot mark is no change: recorded once what came before it has committed
                SnapshotMarks.Split split = SnapshotMarks.split(batch);
                BatchOutcome outcome = split.changes().isEmpty() ? null : applier.apply(split.changes());
                marks.record(split.marks());
                batchBackoff.reset();
                if (outcome != null) {
                    settle(outcome);
                }
                settleMarks(split.marks());
                batch = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // Redis errors (io.vertx.redis.client ErrorType) are Throwables, not Exceptions
                if (!running) {
                    return;
                }
                if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    // the stream or the group is gone (Redis restarted empty, key deleted): create it again
                    groupsReady = false;
                    ensureGroups();
                    continue;
                }
                metrics.batchFailed();
                Duration wait = batchBackoff.next();
                LOG.warn("{}: batch of {} failed, trying again in {} ms: {}", group,
                        batch == null ? 0 : batch.size(), wait.toMillis(), BatchApplier.describe(e));
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    private void ensureGroups() {
        Backoff.Streak backoff = new Backoff(settings.retryBackoff(), settings.retryMaxBackoff()).streak();
        while (running && !groupsReady) {
            try {
                await(consumer.ensureGroups());
                groupsReady = true;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                Duration wait = backoff.next();
                LOG.warn("{}: cannot create the consumer group on {} yet, trying again in {} ms: {}", group,
                        topics, wait.toMillis(), BatchApplier.describe(e));
                if (!sleep(wait)) {
                    return;
                }
            }
        }
    }

    private List<Delivery> nextBatch() throws Exception {
        long now = clock.millis();
        Map<String, Delivery> batch = new LinkedHashMap<>();
        if (now >= nextClaimAt) {
            for (String topic : topics) {
                for (StreamRecord r : await(consumer.claimIdle(topic, settings.claimIdle(), settings.batchSize()))) {
                    Delivery d = new Delivery(r, true);
                    synchronized (this) {
                        retries.remove(d.key());
                    }
                    batch.putIfAbsent(d.key(), d);
                }
            }
            nextClaimAt = now + settings.claimInterval().toMillis();
            if (!batch.isEmpty()) {
                LOG.info("{}: took over {} entries left unacknowledged for {} ms or more", group, batch.size(),
                        settings.claimIdle().toMillis());
            }
        }
        long nextRetryDue = Long.MAX_VALUE;
        synchronized (this) {
            for (Iterator<Retry> it = retries.values().iterator(); it.hasNext(); ) {
                Retry r = it.next();
                if (r.dueAt() <= now && batch.size() < settings.batchSize()) {
                    batch.putIfAbsent(r.delivery().key(), r.delivery());
                    it.remove();
                } else {
                    nextRetryDue = Math.min(nextRetryDue, r.dueAt());
                }
            }
        }
        int room = settings.batchSize() - batch.size();
        if (room > 0) {
            Duration block = batch.isEmpty() ? blockUntil(now, nextRetryDue) : MIN_BLOCK;
            List<StreamRecord> fresh = await(consumer.read(room, block));
            idle = fresh.isEmpty() && batch.isEmpty() && retrying() == 0;
            for (StreamRecord r : fresh) {
                Delivery d = new Delivery(r, false);
                batch.putIfAbsent(d.key(), d);
            }
        }
        return new ArrayList<>(batch.values());
    }

    /** Wait for new entries at most {@code block}, less when a retry or the next claim is due sooner. */
    private Duration blockUntil(long now, long nextRetryDue) {
        long until = Math.min(nextRetryDue, nextClaimAt);
        long millis = Math.min(settings.block().toMillis(), Math.max(until - now, MIN_BLOCK.toMillis()));
        return Duration.ofMillis(Math.max(millis, MIN_BLOCK.toMillis()));
    }

    private void settle(BatchOutcome outcome) throws Exception {
        ack(outcome.done());
        if (!outcome.failed().isEmpty()) {
            long now = clock.millis();
            synchronized (this) {
                for (FailedDelivery f : outcome.failed()) {
                    Delivery again = new Delivery(f.delivery().record(), true);
                    retries.put(again.key(), new Retry(again, now + retryBackoff.after(f.attempts()).toMillis()));
                }
            }
        }
        if (!outcome.exhausted().isEmpty()) {
            deadLetter(outcome.exhausted());
        }
    }

    private void settleMarks(List<Delivery> applied) throws Exception {
        if (applied.isEmpty()) {
            return;
        }
        ack(applied);
        for (Delivery d : applied) {
            metrics.skipped(d.record().topic(), "snapshot_mark");
            LOG.info("{}: applied everything up to the end-of-snapshot mark on {} ({})", group, d.record().topic(),
                    d.record().id());
        }
    }

    private void deadLetter(List<FailedDelivery> exhausted) throws Exception {
        try {
            await(deadLetters.write(exhausted, clock.instant()));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // not acknowledged: it is tried again, fails again and is sent again, so no letter is lost
            LOG.warn("{}: could not write {} dead letters, keeping them pending: {}", group, exhausted.size(),
                    BatchApplier.describe(e));
            long due = clock.millis() + settings.retryBackoff().toMillis();
            synchronized (this) {
                for (FailedDelivery f : exhausted) {
                    Delivery again = new Delivery(f.delivery().record(), true);
                    retries.put(again.key(), new Retry(again, due));
                }
            }
            return;
        }
        List<Delivery> deliveries = exhausted.stream().map(FailedDelivery::delivery).toList();
        ack(deliveries);
        for (FailedDelivery f : exhausted) {
            metrics.deadLettered(f.delivery().record().topic());
            LOG.error("{}: {} sent to the dead letters after {} attempts: {}", group, f.delivery().key(),
                    f.attempts(), f.error());
        }
        applier.forget(deliveries);
    }

    private void ack(List<Delivery> deliveries) throws Exception {
        Map<String, Set<String>> perTopic = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            perTopic.computeIfAbsent(d.record().topic(), t -> new LinkedHashSet<>()).add(d.record().id());
        }
        for (Map.Entry<String, Set<String>> e : perTopic.entrySet()) {
            try {
                await(consumer.ack(e.getKey(), List.copyOf(e.getValue())));
            } catch (VirtualMachineError ex) {
                throw ex;
            } catch (Throwable ex) {
                // committed but not acknowledged: the entries are taken over later and skipped as stale
                LOG.warn("{}: could not acknowledge {} entries of {}: {}", group, e.getValue().size(), e.getKey(),
                        BatchApplier.describe(ex));
            }
        }
    }

    private <T> T await(Future<T> future) throws TimeoutException {
        return future.await(settings.block().toMillis() + REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops reading; a batch being applied is finished (committed and acknowledged) first. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(settings.block().toMillis() + REDIS_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
