package dev.ficus.sync;

import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.SnapshotMark;
import dev.ficus.events.Topics;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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

    /** The changes on the topic, without the end-of-snapshot marks. */
    List<ChangeEvent> events(String topic) throws Exception {
        return raw(topic).stream().filter(e -> !CloudEventCodec.isSnapshotMark(e)).map(CloudEventCodec::decode)
                .toList();
    }

    /** The end-of-snapshot marks on the topic, and where they stand: the index of the entry in the topic. */
    List<Integer> markIndexes(String topic) throws Exception {
        List<String> all = raw(topic);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (CloudEventCodec.isSnapshotMark(all.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    List<SnapshotMark> marks(String topic) throws Exception {
        return raw(topic).stream().filter(CloudEventCodec::isSnapshotMark).map(CloudEventCodec::decodeSnapshotMark)
                .toList();
    }

    List<DeadLetter> deadLetters() throws Exception {
        return raw(Topics.DLQ).stream().map(CloudEventCodec::decodeDeadLetter).toList();
    }

    /** The changes on the topic (entries that are not end-of-snapshot marks). */
    long length(String topic) throws Exception {
        if (Topics.DLQ.equals(topic)) {
            return redis.send(Request.cmd(Command.XLEN).arg(topic)).await(10, TimeUnit.SECONDS).toLong();
        }
        return raw(topic).stream().filter(e -> !CloudEventCodec.isSnapshotMark(e)).count();
    }

    Redis client() {
        return redis;
    }

    @Override
    public void close() {
        redis.close();
        vertx.close();
    }

    /** The newest event of {@code topic} that matches, waiting up to a minute for one to arrive. */
    ChangeEvent awaitEvent(String topic, Predicate<ChangeEvent> match) {
        ChangeEvent[] found = new ChangeEvent[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<ChangeEvent> all = events(topic);
            for (int i = all.size() - 1; i >= 0; i--) {
                if (match.test(all.get(i))) {
                    found[0] = all.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

}
