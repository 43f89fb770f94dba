package dev.ficus.services.runtime;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.delete;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.publishSnapshotMark;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamConsumer;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import dev.ficus.events.EntityType;
import dev.ficus.events.Topics;
import dev.ficus.services.dlq.DeadLetterEntry;
import dev.ficus.services.dlq.DlqAdmin;
import dev.ficus.services.dlq.DlqFilter;
import dev.ficus.services.dlq.ReplayResult;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime against real PostgreSQL and Redis, with events published through core's publisher: batches applied
 * under the version guard, acknowledged after commit, failures retried and dead-lettered, replay, take-over of a
 * dead consumer's entries, several instances, health and metrics.
 */
class ConsumerRuntimeIT {
    private static Vertx vertx;
    private static TestRedisDatabase redisDb;
    private static RedisConnector redis;
    private static Redis publisherClient;
    private static RedisStreamPublisher publisher;
    private static DatabaseEndpoint db;
    private static ProbeReadModel model;
    private static ServiceRuntime runtime;
    private static final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        redisDb = TestServers.freshRedisDatabase();
        redis = RedisConnector.of(redisDb.uri());
        publisherClient = redis.connect(vertx);
        publisher = new RedisStreamPublisher(publisherClient, 0, false);
        db = TestServers.freshPostgresDatabase(ConsumerRuntimeIT.class);
        model = new ProbeReadModel("probe");
        runtime = ServiceRuntime.start(vertx, model, 0, TestConfig.services(), db, redis.connect(vertx), "one",
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : closeLater) {
            c.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        publisherClient.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static ObjectNode value(String v) {
        return Json.object().put("value", v);
    }

    @Test
    void appliesEventsInOrderAndServesTheResult() {
        publish(publisher, upsert(EntityType.PRODUCT, 1, value("a"), at(100)),
                upsert(EntityType.PRODUCT, 1, value("b"), at(200)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "b".equals(valueOf(db, 1)));
        assertThat(Http.get("http://127.0.0.1:" + runtime.port() + "/probe/1").body()).isEqualTo("{\"value\":\"b\"}");
    }

    @Test
    void aDuplicateChangesNothing() throws Exception {
        var event = upsert(EntityType.PRODUCT, 2, value("x"), at(300));
        publish(publisher, event);
        await().atMost(Duration.ofSeconds(20)).until(() -> "x".equals(valueOf(db, 2)));
        publish(publisher, event);
        publish(publisher, event, event);
        awaitSentinel(2_000);
        assertThat(writes(db, 2)).containsExactly("upsert:x");
    }

    @Test
    void anOlderEventAfterANewerOneChangesNothing() throws Exception {
        publish(publisher, upsert(EntityType.PRODUCT, 3, value("new"), at(500)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "new".equals(valueOf(db, 3)));
        publish(publisher, upsert(EntityType.PRODUCT, 3, value("old"), at(400)));
        // newer and older in one batch: only the newer counts
        publish(publisher, upsert(EntityType.PRODUCT, 30, value("second"), at(520)),
                upsert(EntityType.PRODUCT, 30, value("first"), at(510)));
        awaitSentinel(3_000);
        assertThat(valueOf(db, 3)).isEqualTo("new");
        assertThat(writes(db, 3)).containsExactly("upsert:new");
        assertThat(valueOf(db, 30)).isEqualTo("second");
        assertThat(writes(db, 30)).containsExactly("upsert:second");
    }

    @Test
    void aDeleteIsNotUndoneByALateUpdate() throws Exception {
        publish(publisher, upsert(EntityType.PRODUCT, 4, value("v"), at(600)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "v".equals(valueOf(db, 4)));
        publish(publisher, delete(EntityType.PRODUCT, 4, Json.object(), at(700)),
                upsert(EntityType.PRODUCT, 4, value("late"), at(650)));
        publish(publisher, upsert(EntityType.PRODUCT, 4, value("later still"), at(690)));
        awaitSentinel(4_000);
        assertThat(valueOf(db, 4)).isNull();
        assertThat(writes(db, 4)).containsExactly("upsert:v", "delete:null");
    }

    @Test
    void aPoisonEventGoesToTheDeadLettersAndReplayBringsItBackOnceFixed() throws Exception {
        ObjectNode poison = value("p").put("poison", true);
        publish(publisher, upsert(EntityType.PRODUCT, 5, poison, at(800)),
                upsert(EntityType.PRODUCT, 6, value("after"), at(801)));
        // the rest flows on while the poison is retried
        await().atMost(Duration.ofSeconds(20)).until(() -> "after".equals(valueOf(db, 6)));
        try (DlqAdmin admin = DlqAdmin.connect(redis)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> letterFor(admin, "product/5") != null);
            DeadLetterEntry letter = letterFor(admin, "product/5");
            assertThat(letter.origin()).isEqualTo("probe");
            assertThat(letter.topic()).isEqualTo(Topics.PRODUCT);
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.error()).contains("cannot handle poison record of product/5");
            assertThat(letter.replayable()).isTrue();
            assertThat(valueOf(db, 5)).isNull();
            assertThat(failureRows(db)).isZero();
            assertThat(metrics()).contains("ficus_dead_letters_total{component=\"probe\",service=\"probe\","
                    + "topic=\"migration.product.changed\"} 1.0");

            model.broken.set(false);
            List<ReplayResult> results = admin.replay(List.of(letter.id()));
            assertThat(results).singleElement().extracting(ReplayResult::outcome)
                    .isEqualTo(ReplayResult.Outcome.REPLAYED);
            await().atMost(Duration.ofSeconds(20)).until(() -> "p".equals(valueOf(db, 5)));
            assertThat(writes(db, 5)).containsExactly("upsert:p");
            // nothing is deleted by a replay; it is marked
            DeadLetterEntry after = admin.show(letter.id()).orElseThrow();
            assertThat(after.replayedAt()).isNotNull();
            assertThat(admin.drop(List.of(letter.id()))).isEqualTo(1);
            assertThat(admin.show(letter.id())).isEmpty();
        }
    }

    @Test
    void readinessAndMetrics() {
        publish(publisher, upsert(EntityType.PRODUCT, 7, value("m"), at(900)));
        publishSnapshotMark(publisher, Topics.PRODUCT);
        await().atMost(Duration.ofSeconds(20)).until(() -> "m".equals(valueOf(db, 7)));
        String base = "http://127.0.0.1:" + runtime.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(base + "/health/ready").status() == 200);
        assertThat(Http.get(base + "/health/ready").body()).contains("\"database\":\"up\"");
        assertThat(Http.get(base + "/health/live").status()).isEqualTo(200);
        Http.get(base + "/probe/7");
        String metrics = metrics();
        assertThat(metrics).contains("ficus_sync_lag_seconds_bucket", "ficus_events_applied_total",
                "ficus_apply_batch_seconds_count", "ficus_consumer_pending_entries",
                "http_request_duration_seconds_count{component=\"probe\",method=\"GET\",route=\"/probe/:id\","
                        + "service=\"probe\",status=\"200\"}");
        assertThat(Http.get(base + "/rest/V1/nothing").body())
                .isEqualTo("{\"message\":\"Request does not match any route.\"}");
    }

    @Test
    void entriesOfADeadConsumerAreTakenOver() throws Exception {
        DatabaseEndpoint otherDb = TestServers.freshPostgresDatabase(ConsumerRuntimeIT.class);
        ProbeReadModel other = new ProbeReadModel("probe-takeover");
        other.broken.set(false);
        // a member of the group reads entries and dies before acknowledging them
        Redis deadClient = redis.connect(vertx);
        RedisStreamConsumer dead = new RedisStreamConsumer(deadClient, other.name(), "dead", other.topics(), true);
        dead.ensureGroups().await(10, TimeUnit.SECONDS);
        publish(publisher, upsert(EntityType.PRODUCT, 8, value("taken over"), at(1000)));
        List<?> read = dead.read(1000, Duration.ofMillis(100)).await(10, TimeUnit.SECONDS);
        assertThat(read).isNotEmpty();
        dead.close();

        ServiceRuntime second = ServiceRuntime.start(vertx, other, 0, TestConfig.services(), otherDb,
                redis.connect(vertx), "successor", Clock.systemUTC());
        closeLater.add(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> "taken over".equals(valueOf(otherDb, 8)));
        assertThat(writes(otherDb, 8)).containsExactly("upsert:taken over");
    }

    @Test
    void twoInstancesShareTheWorkAndEachEntityEndsAtItsNewestEvent() throws Exception {
        DatabaseEndpoint sharedDb = TestServers.freshPostgresDatabase(ConsumerRuntimeIT.class);
        ProbeReadModel shared = new ProbeReadModel("probe-pair");
        ServiceRuntime a = ServiceRuntime.start(vertx, shared, 0, TestConfig.services(), sharedDb,
                redis.connect(vertx), "a", Clock.systemUTC());
        closeLater.add(a);
        ServiceRuntime b = ServiceRuntime.start(vertx, shared, 0, TestConfig.services(), sharedDb,
                redis.connect(vertx), "b", Clock.systemUTC());
        closeLater.add(b);
        List<dev.ficus.events.ChangeEvent> events = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (long id = 100; id < 120; id++) {
                events.add(upsert(EntityType.PRODUCT, id, value("r" + round), at(10_000 + round * 100 + id)));
            }
        }
        // a few stragglers: older than what precedes them
        events.add(upsert(EntityType.PRODUCT, 100, value("stale"), at(10_000)));
        for (int i = 0; i < events.size(); i += 7) {
            publish(publisher, events.subList(i, Math.min(events.size(), i + 7)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (long id = 100; id < 120; id++) {
                if (!"r9".equals(valueOf(sharedDb, id))) {
                    return false;
                }
            }
            return true;
        });
        awaitSentinel(5_000);
        assertThat(valueOf(sharedDb, 100)).isEqualTo("r9");
    }

    @Test
    void lagIsTheAgeOfTheOldestEntryNotYetApplied() throws Exception {
        publish(publisher, upsert(EntityType.PRODUCT, 9, value("lag"), at(1100)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "lag".equals(valueOf(db, 9)));
        Redis client = redis.connect(vertx);
        try {
            // a group that reads nothing: it is behind by the age of the topic's first entry
            Thread.sleep(50);
            var behind = new StreamLag(client, "nobody-reads", "x").measure(List.of(Topics.PRODUCT))
                    .await(10, TimeUnit.SECONDS).get(0);
            assertThat(behind.lagMillis()).isPositive();
            var caughtUp = new StreamLag(client, model.name(), "one").measure(List.of(Topics.PRODUCT))
                    .await(10, TimeUnit.SECONDS).get(0);
            assertThat(caughtUp.lagMillis()).isLessThan(behind.lagMillis());
        } finally {
            client.close();
        }
    }

    @Test
    void theSyncsDeadLettersListButCannotBeReplayedAsTheyAre() throws Exception {
        var letter = new dev.ficus.events.DeadLetter("catalog_product_entity_int", "{\"value_id\":1}",
                EntityType.PRODUCT, 77L, Topics.PRODUCT, at(1200), "ExtractionException: unknown attribute", 3,
                java.time.Instant.now());
        publisherClient.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.XADD).arg(Topics.DLQ)
                .arg("*").arg("data").arg(dev.ficus.events.CloudEventCodec.encode(letter, "ficus-sync")))
                .await(10, TimeUnit.SECONDS);
        try (DlqAdmin admin = DlqAdmin.connect(redis)) {
            DeadLetterEntry entry = letterFor(admin, "product/77");
            assertThat(entry.origin()).isEqualTo("sync");
            assertThat(entry.replayable()).isFalse();
            assertThat(admin.list(new DlqFilter(null, "sync", 0))).extracting(DeadLetterEntry::subject)
                    .contains("product/77");
            assertThat(admin.replay(List.of(entry.id(), "0-1"))).extracting(ReplayResult::outcome)
                    .containsExactly(ReplayResult.Outcome.NOT_REPLAYABLE, ReplayResult.Outcome.NOT_FOUND);
            assertThat(admin.show(entry.id())).isPresent();
        }
    }

    @Test
    void readyOnlyWhileTheDatabaseAnswers() throws Exception {
        DatabaseEndpoint otherDb = TestServers.freshPostgresDatabase(ConsumerRuntimeIT.class);
        ServiceRuntime strict = ServiceRuntime.start(vertx, new ProbeReadModel("probe-strict"), 0,
                TestConfig.services().withReadyMaxLag(Duration.ZERO), otherDb, redis.connect(vertx), "one",
                Clock.systemUTC());
        closeLater.add(strict);
        String ready = "http://127.0.0.1:" + strict.port() + "/health/ready";
        publishSnapshotMark(publisher, Topics.PRODUCT);
        awaitSentinel(6_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(ready).status() == 200);
        strict.dataSource().close();
        Http.Reply down = Http.get(ready);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"database\":\"down\"");
    }

    @Test
    void readingGoesOnAfterTheStreamWasDeleted() throws Exception {
        TestRedisDatabase otherRedis = TestServers.freshRedisDatabase();
        RedisConnector connector = RedisConnector.of(otherRedis.uri());
        DatabaseEndpoint otherDb = TestServers.freshPostgresDatabase(ConsumerRuntimeIT.class);
        ServiceRuntime reborn = ServiceRuntime.start(vertx, new ProbeReadModel("probe-reborn"), 0,
                TestConfig.services(), otherDb, connector.connect(vertx), "one", Clock.systemUTC());
        closeLater.add(reborn);
        Redis client = connector.connect(vertx);
        closeLater.add(client::close);
        RedisStreamPublisher otherPublisher = new RedisStreamPublisher(client, 0, false);
        publish(otherPublisher, upsert(EntityType.PRODUCT, 1, value("before"), at(10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "before".equals(valueOf(otherDb, 1)));
        // Redis restarted empty, or someone deleted the key: the group is gone with the stream
        client.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL).arg(Topics.PRODUCT))
                .await(10, TimeUnit.SECONDS);
        Thread.sleep(300);
        publish(otherPublisher, upsert(EntityType.PRODUCT, 2, value("after"), at(20)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "after".equals(valueOf(otherDb, 2)));
    }

    /** Publishes a marker event and waits until it is applied: everything published before it was handled. */
    private static void awaitSentinel(long id) {
        String marker = "sentinel-" + System.nanoTime();
        publish(publisher, upsert(EntityType.PRODUCT, 1_000_000 + id, value(marker), at(Long.MAX_VALUE / 2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> marker.equals(valueOf(db, 1_000_000 + id)));
    }

    private static DeadLetterEntry letterFor(DlqAdmin admin, String subject) {
        return admin.list(DlqFilter.ALL).stream().filter(e -> subject.equals(e.subject())).findFirst().orElse(null);
    }

    private static String metrics() {
        return Http.get("http://127.0.0.1:" + runtime.port() + "/metrics").body();
    }

    static String valueOf(DatabaseEndpoint database, long id) throws SQLException {
        try (Connection c = JdbcConnections.postgres(database);
             PreparedStatement ps = c.prepareStatement("SELECT value FROM probe_items WHERE magento_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static List<String> writes(DatabaseEndpoint database, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = JdbcConnections.postgres(database);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT op, value FROM probe_writes WHERE magento_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static int failureRows(DatabaseEndpoint database) throws SQLException {
        try (Connection c = JdbcConnections.postgres(database);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM read_model_failures")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
