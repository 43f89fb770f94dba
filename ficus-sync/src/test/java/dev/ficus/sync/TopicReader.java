package dev.ficus.sync;

import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.Topics;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the migration topics back from Redis the way a test wants them: every entry, decoded. */
final class TopicReader implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final Redis redis;

    TopicReader(RedisEndpoint endpoint) {
        redis = RedisClients.create(vertx, endpoint, 2);
    }

    /** Deletes the migration topics (they have fixed names and the test Redis is shared by the classes of a JVM). */
    void clear() throws Exception {
        Request del = Request.cmd(Command.DEL);
        Topics.DOMAIN.forEach(del::arg);
        del.arg(Topics.DLQ);
        redis.send(del).await(10, TimeUnit.SECONDS);
    }

    List<String> raw(String topic) throws Exception {
        Response r = redis.send(Request.cmd(Command.XRANGE).arg(topic).arg("-").arg("+")).await(10, TimeUnit.SECONDS);
        List<String> out = new ArrayList<>();
        for (Response entry : r) {
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if (fields.get(i).toString().equals(RedisStreamPublisher.DATA_FIELD)) {
                    out.add(fields.get(i + 1).toString());
                }
            }
        }
        return out;
    }

    List<ChangeEvent> events(String topic) throws Exception {
        return raw(topic).stream().map(CloudEventCodec::decode).toList();
    }

    List<DeadLetter> deadLetters() throws Exception {
        return raw(Topics.DLQ).stream().map(CloudEventCodec::decodeDeadLetter).toList();
    }

    long length(String topic) throws Exception {
        return redis.send(Request.cmd(Command.XLEN).arg(topic)).await(10, TimeUnit.SECONDS).toLong();
    }

    Redis client() {
        return redis;
    }

    @Override
    public void close() {
        redis.close();
        vertx.close();
    }
}
