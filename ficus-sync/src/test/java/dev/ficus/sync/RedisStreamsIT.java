package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.core.stream.RedisStreamConsumer;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.core.stream.StreamMessage;
import dev.ficus.core.stream.StreamRecord;
import dev.ficus.testing.TestServers;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.EntityType;
import dev.ficus.events.Op;
import dev.ficus.events.SourcePosition;
import dev.ficus.events.Topics;
import dev.ficus.sync.publish.TopicPublisher;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ficus-core's Redis Streams publisher and consumer (used by the sync and by the services) on a real Redis: the Dapr
 * entry layout, MAXLEN trimming, consumer groups, acknowledgement and reclaiming a dead member's messages; and the
 * sync's topic publisher, which caps the topics but never the dead letters.
 */
class RedisStreamsIT {
    private static Vertx vertx;
    private static Redis redis;
    private static String prefix;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = RedisClients.create(vertx, TestServers.redis(), 4);
        prefix = TestServers.freshRedisKeyPrefix(RedisStreamsIT.class);
    }

    @AfterAll
    static void close() {
        redis.close();
        vertx.close();
    }

    private static ChangeEvent event(long id) {
        ObjectNode record = Json.object().put("sku", "S" + id);
        return new ChangeEvent(Op.UPSERT, EntityType.PRODUCT, id, UUID.randomUUID(), record,
                new SourcePosition("mariadb-bin.000001", 100 + id, 0, 0, null, 1_700_000_000_000L, false));
    }

    @Test
    void publishesDaprShapedEntriesThatAGroupReadsAcksAndReclaims() throws Exception {
        String topic = prefix + "products";
        RedisStreamPublisher publisher = new RedisStreamPublisher(redis, 0, false);
        List<StreamMessage> batch = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            ChangeEvent e = event(id);
            batch.add(new StreamMessage(topic, e.subject(), CloudEventCodec.encode(e, "test")));
        }
        publisher.publish(batch).await(10, TimeUnit.SECONDS);

        // exactly one field, "data", holding the CloudEvent: what Dapr's Redis pub/sub reads
        var entry = redis.send(Request.cmd(Command.XRANGE).arg(topic).arg("-").arg("+").arg("COUNT").arg(1))
                .await(10, TimeUnit.SECONDS).get(0);
        assertThat(entry.get(1).size()).isEqualTo(2);
        assertThat(entry.get(1).get(0).toString()).isEqualTo("data");
        assertThat(Json.read(entry.get(1).get(1).toString()).path("specversion").asText()).isEqualTo("1.0");

        RedisStreamConsumer catalog = new RedisStreamConsumer(redis, "catalog", "catalog-1", List.of(topic), false);
        catalog.ensureGroups().await(10, TimeUnit.SECONDS);
        catalog.ensureGroups().await(10, TimeUnit.SECONDS);
        List<StreamRecord> read = catalog.read(100, Duration.ofMillis(100)).await(10, TimeUnit.SECONDS);
        assertThat(read).hasSize(10);
        assertThat(read.stream().map(r -> CloudEventCodec.decode(r.data()).magentoId()).toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

        // the member acknowledges the first half and dies; another member reclaims the rest once idle
        catalog.ack(topic, read.subList(0, 5).stream().map(StreamRecord::id).toList()).await(10, TimeUnit.SECONDS);
        RedisStreamConsumer other = new RedisStreamConsumer(redis, "catalog", "catalog-2", List.of(topic), false);
        assertThat(other.read(100, Duration.ofMillis(50)).await(10, TimeUnit.SECONDS)).isEmpty();
        Thread.sleep(50);
        List<StreamRecord> reclaimed = other.claimIdle(topic, Duration.ofMillis(10), 100).await(10, TimeUnit.SECONDS);
        assertThat(reclaimed.stream().map(StreamRecord::id).toList())
                .containsExactlyElementsOf(read.subList(5, 10).stream().map(StreamRecord::id).toList());
    }

    @Test
    void capsStreamsApproximately() throws Exception {
        String topic = prefix + "capped";
        RedisStreamPublisher publisher = new RedisStreamPublisher(redis, 100, false);
        for (int round = 0; round < 20; round++) {
            List<StreamMessage> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(new StreamMessage(topic, "k", "{}"));
            }
            publisher.publish(batch).await(10, TimeUnit.SECONDS);
        }
        long len = redis.send(Request.cmd(Command.XLEN).arg(topic)).await(10, TimeUnit.SECONDS).toLong();
        assertThat(len).isLessThan(2000).isGreaterThanOrEqualTo(100);
    }

    @Test
    void deadLettersAreNeverCappedWhenTheTopicsAre() throws Exception {
        String source = "redis-streams-it-" + UUID.randomUUID();
        long startMs = redis.send(Request.cmd(Command.TIME)).await(10, TimeUnit.SECONDS).get(0).toLong() * 1000;
        long before = xlen(Topics.DLQ);
        TopicPublisher publisher = TopicPublisher.onRedis(redis, 10, source, Duration.ofSeconds(10));
        for (int round = 0; round < 20; round++) {
            List<DeadLetter> letters = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                letters.add(new DeadLetter("catalog_product_entity_varchar", "{\"value_id\":" + i + "}",
                        EntityType.PRODUCT, (long) i, Topics.PRODUCT,
                        new SourcePosition("mariadb-bin.000001", 4 + i, 0, 0, null, 0, false), "bad row", 3,
                        Instant.now()));
            }
            publisher.publish(List.of(), letters);
        }
        try {
            assertThat(xlen(Topics.DLQ)).isGreaterThanOrEqualTo(before + 2000);
        } finally {
            // leave the shared dead-letter stream as it was
            var entries = redis.send(Request.cmd(Command.XRANGE).arg(Topics.DLQ).arg(Long.toString(startMs)).arg("+"))
                    .await(10, TimeUnit.SECONDS);
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).get(1).get(1).toString().contains(source)) {
                    redis.send(Request.cmd(Command.XDEL).arg(Topics.DLQ).arg(entries.get(i).get(0).toString()))
                            .await(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static long xlen(String topic) throws Exception {
        return redis.send(Request.cmd(Command.XLEN).arg(topic)).await(10, TimeUnit.SECONDS).toLong();
    }
}
