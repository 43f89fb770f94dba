package dev.ficus.core.stream;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventConsumer} on Redis Streams: {@code XGROUP CREATE … MKSTREAM}, {@code XREADGROUP … >}, {@code XACK},
 * {@code XAUTOCLAIM}. Entries are expected to hold the CloudEvent in field {@code data} (as Dapr writes them); an
 * entry without it is returned with an empty payload so the caller can acknowledge and skip it.
 *
 * <p>The client should speak RESP2 ({@code RedisClients} sets it) so that replies have one shape.
 */
public final class RedisStreamConsumer implements EventConsumer {
    private final Redis redis;
    private final String group;
    private final String consumer;
    private final List<String> topics;
    private final boolean ownsClient;

    public RedisStreamConsumer(Redis redis, String group, String consumer, List<String> topics, boolean ownsClient) {
        this.redis = redis;
        this.group = group;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.ownsClient = ownsClient;
    }

    @Override
    public Future<Void> ensureGroups() {
        List<Future<?>> all = new ArrayList<>();
        for (String topic : topics) {
            all.add(redis.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(topic).arg(group).arg("0").arg("MKSTREAM"))
                    .recover(e -> e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP")
                            ? Future.succeededFuture() : Future.failedFuture(e)));
        }
        return Future.all(all).mapEmpty();
    }

    @Override
    public Future<List<StreamRecord>> read(int count, Duration block) {
        Request r = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg(consumer)
                .arg("COUNT").arg(count).arg("BLOCK").arg(block.toMillis()).arg("STREAMS");
        topics.forEach(r::arg);
        topics.forEach(t -> r.arg(">"));
        return redis.send(r).map(RedisStreamConsumer::streams);
    }

    @Override
    public Future<Void> ack(String topic, List<String> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        Request r = Request.cmd(Command.XACK).arg(topic).arg(group);
        ids.forEach(r::arg);
        return redis.send(r).mapEmpty();
    }

    @Override
    public Future<List<StreamRecord>> claimIdle(String topic, Duration minIdle, int count) {
        Request r = Request.cmd(Command.XAUTOCLAIM).arg(topic).arg(group).arg(consumer)
                .arg(minIdle.toMillis()).arg("0-0").arg("COUNT").arg(count);
        return redis.send(r).map(reply -> entries(topic, reply.get(1)));
    }

    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }

    /** XREADGROUP reply: null on timeout, else [[stream, [[id, [field, value, …]], …]], …] (RESP2). */
    static List<StreamRecord> streams(Response reply) {
        List<StreamRecord> out = new ArrayList<>();
        if (reply == null) {
            return out;
        }
        if (reply.isMap()) {
            for (String stream : reply.getKeys()) {
                out.addAll(entries(stream, reply.get(stream)));
            }
            return out;
        }
        for (Response stream : reply) {
            out.addAll(entries(stream.get(0).toString(), stream.get(1)));
        }
        return out;
    }

    private static List<StreamRecord> entries(String topic, Response entries) {
        List<StreamRecord> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (Response entry : entries) {
            // XAUTOCLAIM returns a null entry for ids that were trimmed away meanwhile
            if (entry == null || entry.size() < 2 || entry.get(1) == null) {
                continue;
            }
            String data = "";
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if (RedisStreamPublisher.DATA_FIELD.equals(fields.get(i).toString())) {
                    data = fields.get(i + 1).toString();
                }
            }
            out.add(new StreamRecord(topic, entry.get(0).toString(), data));
        }
        return out;
    }
}
