package dev.ficus.services.runtime;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * How far one consumer is behind on its topics, from Redis alone: the age of the oldest entry it still has to apply,
 * which is the older of the group's first undelivered entry and this consumer's oldest unacknowledged one. Entry ids
 * start with Redis's clock in milliseconds, and "now" is Redis's {@code TIME}, so the two clocks never differ.
 * Entries pending at other (perhaps dead) members do not count here: they are taken over after
 * {@code claim_idle}, and until then they do not make this instance unfit to answer.
 */
public final class StreamLag {
    private final Redis redis;
    private final String group;
    private final String consumer;

    /**
     * @param lagMillis    age of the oldest entry this consumer has not applied; 0 when caught up
     * @param groupPending entries read by any member of the group and not acknowledged
     * @param undelivered  entries not yet read by the group (Redis 7's {@code lag}); -1 when Redis does not say
     */
    public record TopicLag(String topic, long lagMillis, long groupPending, long undelivered) {
        /** Entries still to apply as far as Redis tells: the group's pending ones plus the undelivered when known. */
        public long toApply() {
            return groupPending + Math.max(0, undelivered);
        }
    }

    public StreamLag(Redis redis, String group, String consumer) {
        this.redis = redis;
        this.group = group;
        this.consumer = consumer;
    }

    public Future<List<TopicLag>> measure(List<String> topics) {
        return redis.send(Request.cmd(Command.TIME)).compose(time -> {
            long now = time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
            List<Future<TopicLag>> all = new ArrayList<>();
            for (String topic : topics) {
                all.add(measure(topic, now));
            }
            return Future.all(all).map(cf -> {
                List<TopicLag> out = new ArrayList<>();
                for (int i = 0; i < topics.size(); i++) {
                    out.add(cf.resultAt(i));
                }
                return out;
            });
        });
    }

    private Future<TopicLag> measure(String topic, long now) {
        return redis.send(Request.cmd(Command.XINFO).arg("GROUPS").arg(topic))
                .recover(e -> Future.succeededFuture(null))
                .compose(groups -> {
                    GroupInfo info = groupInfo(groups);
                    if (info == null) {
                        // no group yet: everything on the topic is still to be read
                        return Future.all(firstAfter(topic, "-"), length(topic)).map(cf -> new TopicLag(topic,
                                age(cf.resultAt(0), now), 0, cf.<Long>resultAt(1)));
                    }
                    Future<String> firstUndelivered = firstAfter(topic, "(" + info.lastDeliveredId());
                    Future<String> ownOldest = redis.send(Request.cmd(Command.XPENDING).arg(topic).arg(group)
                                    .arg("-").arg("+").arg(1).arg(consumer))
                            .map(r -> r == null || r.size() == 0 ? null : r.get(0).get(0).toString());
                    return Future.all(firstUndelivered, ownOldest).map(cf -> {
                        long oldest = Math.min(idMillis(firstUndelivered.result()), idMillis(ownOldest.result()));
                        return new TopicLag(topic, oldest == Long.MAX_VALUE ? 0 : Math.max(0, now - oldest),
                                info.pending(), info.undelivered());
                    });
                });
    }

    private Future<String> firstAfter(String topic, String start) {
        return redis.send(Request.cmd(Command.XRANGE).arg(topic).arg(start).arg("+").arg("COUNT").arg(1))
                .map(r -> r == null || r.size() == 0 ? null : r.get(0).get(0).toString());
    }

    private Future<Long> length(String topic) {
        return redis.send(Request.cmd(Command.XLEN).arg(topic)).map(r -> r == null ? 0L : r.toLong());
    }

    private record GroupInfo(long pending, String lastDeliveredId, long undelivered) {
    }

    /** XINFO GROUPS (RESP2): a list of flat [name, …, pending, n, last-delivered-id, id, (lag, n,) …] arrays. */
    private GroupInfo groupInfo(Response groups) {
        if (groups == null) {
            return null;
        }
        for (Response g : groups) {
            String name = null;
            long pending = 0;
            long undelivered = -1;
            String last = "0-0";
            for (int i = 0; i + 1 < g.size(); i += 2) {
                String field = g.get(i).toString();
                Response value = g.get(i + 1);
                switch (field) {
                    case "name" -> name = value.toString();
                    case "pending" -> pending = value.toLong();
                    case "last-delivered-id" -> last = value.toString();
                    // Redis 7 and later; nil when it cannot tell (after entries were deleted)
                    case "lag" -> undelivered = value == null ? -1 : value.toLong();
                    default -> {
                    }
                }
            }
            if (group.equals(name)) {
                return new GroupInfo(pending, last, undelivered);
            }
        }
        return null;
    }

    private static long age(String id, long now) {
        long ms = idMillis(id);
        return ms == Long.MAX_VALUE ? 0 : Math.max(0, now - ms);
    }

    /** The millisecond part of a stream entry id ({@code 1732550000000-3}); MAX_VALUE for none. */
    static long idMillis(String id) {
        if (id == null) {
            return Long.MAX_VALUE;
        }
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
