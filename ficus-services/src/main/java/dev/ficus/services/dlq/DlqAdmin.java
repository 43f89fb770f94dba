package dev.ficus.services.dlq;

import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.events.Topics;
import dev.ficus.services.runtime.RedisConnector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operations behind {@code ficus dlq list|show|replay|drop}, for the dead letters of every topic (one stream,
 * {@link Topics#DLQ}, written by the sync and by the services).
 *
 * <p>Replay puts the letter's event back on its topic as it was (same CloudEvent, same source position), so every
 * consumer group of that topic sees it again; groups that had applied it, or something newer, skip it by the
 * version guard. A replayed letter is not deleted: it is marked (hash {@value #REPLAYED_KEY}) and listed as
 * replayed. Only {@link #drop} deletes, and only the ids it is given.
 */
public final class DlqAdmin implements AutoCloseable {
    /** Hash of dead-letter id → "replay time new-entry-id", the replay marks. */
    public static final String REPLAYED_KEY = Topics.DLQ + ":replayed";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int PAGE = 500;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Redis redis;
    private final Clock clock;

    private DlqAdmin(Vertx vertx, boolean ownsVertx, Redis redis, Clock clock) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.redis = redis;
        this.clock = clock;
    }

    /** Connects to the platform Redis. */
    public static DlqAdmin connect(PlatformConfig platform) {
        return connect(RedisConnector.of(platform.redis()));
    }

    public static DlqAdmin connect(RedisConnector connector) {
        Vertx vertx = Vertx.vertx();
        return new DlqAdmin(vertx, true, connector.connect(vertx), Clock.systemUTC());
    }

    /** Dead letters oldest first, those matching {@code filter}. */
    public List<DeadLetterEntry> list(DlqFilter filter) {
        Map<String, Instant> replayed = replayMarks();
        List<DeadLetterEntry> out = new ArrayList<>();
        String start = "-";
        while (true) {
            Response page = await(redis.send(Request.cmd(Command.XRANGE).arg(Topics.DLQ).arg(start).arg("+")
                    .arg("COUNT").arg(PAGE)));
            if (page == null || page.size() == 0) {
                return out;
            }
            String last = null;
            for (Response entry : page) {
                last = entry.get(0).toString();
                DeadLetterEntry e = DeadLetterEntry.parse(last, payload(entry.get(1)), replayed.get(last));
                if (filter.matches(e)) {
                    out.add(e);
                    if (filter.limit() > 0 && out.size() >= filter.limit()) {
                        return out;
                    }
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
            start = "(" + last;
        }
    }

    public Optional<DeadLetterEntry> show(String id) {
        Response r = await(redis.send(Request.cmd(Command.XRANGE).arg(Topics.DLQ).arg(id).arg(id)));
        if (r == null || r.size() == 0) {
            return Optional.empty();
        }
        Response marks = await(redis.send(Request.cmd(Command.HGET).arg(REPLAYED_KEY).arg(id)));
        return Optional.of(DeadLetterEntry.parse(id, payload(r.get(0).get(1)),
                marks == null ? null : markTime(marks.toString())));
    }

    /** Puts each letter's event back on its topic, in the order given. */
    public List<ReplayResult> replay(List<String> ids) {
        List<ReplayResult> out = new ArrayList<>();
        for (String id : ids) {
            Optional<DeadLetterEntry> letter = show(id);
            if (letter.isEmpty()) {
                out.add(new ReplayResult(id, ReplayResult.Outcome.NOT_FOUND, "no such dead letter"));
                continue;
            }
            DeadLetterEntry e = letter.get();
            if (!e.replayable()) {
                out.add(new ReplayResult(id, ReplayResult.Outcome.NOT_REPLAYABLE, e.origin().equals(
                        DeadLetterEntry.SYNC_ORIGIN) ? "the sync could not build this event; fix the cause and "
                        + "change the entity in Magento (or re-snapshot) to publish it again" : "carries no event"));
                continue;
            }
            Response added = await(redis.send(Request.cmd(Command.XADD).arg(e.topic()).arg("*")
                    .arg(RedisStreamPublisher.DATA_FIELD).arg(e.event())));
            String newId = added.toString();
            await(redis.send(Request.cmd(Command.HSET).arg(REPLAYED_KEY).arg(id)
                    .arg(clock.instant().toString() + " " + newId)));
            out.add(new ReplayResult(id, ReplayResult.Outcome.REPLAYED, newId));
        }
        return out;
    }

    /** Deletes these letters (and their replay marks); returns how many existed. */
    public int drop(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Request del = Request.cmd(Command.XDEL).arg(Topics.DLQ);
        Request unmark = Request.cmd(Command.HDEL).arg(REPLAYED_KEY);
        ids.forEach(id -> {
            del.arg(id);
            unmark.arg(id);
        });
        int deleted = await(redis.send(del)).toInteger();
        await(redis.send(unmark));
        return deleted;
    }

    private Map<String, Instant> replayMarks() {
        Response all = await(redis.send(Request.cmd(Command.HGETALL).arg(REPLAYED_KEY)));
        Map<String, Instant> out = new HashMap<>();
        if (all == null) {
            return out;
        }
        for (int i = 0; i + 1 < all.size(); i += 2) {
            out.put(all.get(i).toString(), markTime(all.get(i + 1).toString()));
        }
        return out;
    }

    private static Instant markTime(String mark) {
        int space = mark.indexOf(' ');
        try {
            return Instant.parse(space < 0 ? mark : mark.substring(0, space));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String payload(Response fields) {
        for (int i = 0; fields != null && i + 1 < fields.size(); i += 2) {
            if (RedisStreamPublisher.DATA_FIELD.equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return "";
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Redis did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // Redis error replies arrive as Throwables (io.vertx.redis.client ErrorType)
            throw new IllegalStateException("Redis answered: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        redis.close();
        if (ownsVertx) {
            vertx.close().await();
        }
    }
}
