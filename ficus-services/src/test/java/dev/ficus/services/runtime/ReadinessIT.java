package dev.ficus.services.runtime;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.publishSnapshotMark;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.events.ChangeEvent;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.events.EntityType;
import dev.ficus.events.SourcePosition;
import dev.ficus.events.Topics;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code /health/ready} says, against real PostgreSQL and Redis: a service held behind its stream (its writes
 * wait while a backlog builds up) says {@code catching_up} with 202 and its lag, not 503; once it has applied the
 * backlog it is ready again by itself.
 */
class ReadinessIT {
    private Vertx vertx;
    private Redis publisherClient;
    private RedisStreamPublisher publisher;
    private ServiceRuntime runtime;
    private ProbeReadModel model;
    private DatabaseEndpoint db;
    private RedisConnector redis;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        TestRedisDatabase redisDb = TestServers.freshRedisDatabase();
        redis = RedisConnector.of(redisDb.uri());
        publisherClient = redis.connect(vertx);
        publisher = new RedisStreamPublisher(publisherClient, 0, false);
        db = TestServers.freshPostgresDatabase(ReadinessIT.class);
        model = new ProbeReadModel("probe-ready");
    }

    @AfterEach
    void stop() throws Exception {
        CountDownLatch gate = model.hold.getAndSet(null);
        if (gate != null) {
            gate.countDown();
        }
        if (runtime != null) {
            runtime.close();
        }
        publisherClient.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private String startService(Duration maxLag) {
        runtime = ServiceRuntime.start(vertx, model, 0, TestConfig.services().withReadyMaxLag(maxLag), db,
                redis.connect(vertx), "one", Clock.systemUTC());
        return "http://127.0.0.1:" + runtime.port() + "/health/ready";
    }

    @Test
    void aServiceHeldBehindABacklogIsCatchingUpNotDownAndReadyOnceItHasCaughtUp() {
        String ready = startService(Duration.ofMillis(300));
        publish(publisher, upsert(EntityType.PRODUCT, 1, Json.object().put("value", "first"), at(100)));
        publishSnapshotMark(publisher, Topics.PRODUCT);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(ready).status() == 200);

        CountDownLatch gate = new CountDownLatch(1);
        model.hold.set(gate);
        List<ChangeEvent> backlog = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            backlog.add(upsert(EntityType.PRODUCT, 1000 + i, Json.object().put("value", "v" + i), at(200 + i)));
        }
        publish(publisher, backlog);

        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(ready).status() == 202);
        Http.Reply behind = Http.get(ready);
        JsonNode body = Json.read(behind.body());
        assertThat(body.path("status").asText()).isEqualTo("catching_up");
        assertThat(body.path("lag_ms").asLong()).isGreaterThan(300);
        assertThat(body.path("pending").asLong()).as("entries still to apply").isPositive();
        assertThat(body.path("database").asText()).isEqualTo("up");

        model.hold.set(null);
        gate.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(ready).status() == 200);
        assertThat(Json.read(Http.get(ready).body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aServiceWithoutItsDatabaseIsDownNotCatchingUp() throws Exception {
        String ready = startService(Duration.ofMillis(300));
        CountDownLatch gate = new CountDownLatch(1);
        model.hold.set(gate);
        publish(publisher, upsert(EntityType.PRODUCT, 1, Json.object().put("value", "x"), at(100)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(ready).status() == 202);
        runtime.dataSource().close();
        Http.Reply down = Http.get(ready);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"database\":\"down\"");
    }

    /** Ready means complete: a snapshot being applied is catching up, whatever the lag, until its mark is applied. */
    @Test
    void aServiceApplyingItsSnapshotIsCatchingUpUntilItHasAppliedTheMarkAndStaysReadyAfterARestart() throws Exception {
        String ready = startService(Duration.ofHours(1));
        List<ChangeEvent> snapshot = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            snapshot.add(upsert(EntityType.PRODUCT, 1 + i, Json.object().put("value", "s" + i), snapshotAt(100 + i)));
        }
        publish(publisher, snapshot);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT count(*) FROM probe_items") == 300);
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.caughtUp());
        Http.Reply partial = Http.get(ready);
        assertThat(partial.status()).as("lag is nil, but no mark yet").isEqualTo(202);
        JsonNode body = Json.read(partial.body());
        assertThat(body.path("status").asText()).isEqualTo("catching_up");
        assertThat(body.path("snapshot").asText()).isEqualTo("in_progress");

        publishSnapshotMark(publisher, Topics.PRODUCT);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(ready).status() == 200);
        assertThat(Json.read(Http.get(ready).body()).path("snapshot").asText()).isEqualTo("applied");
        // the mark is no change: nothing failed, nothing dead-lettered, and it is kept in the service's PostgreSQL
        assertThat(count(db, "SELECT count(*) FROM read_model_failures")).isZero();
        assertThat(count(db, "SELECT count(*) FROM read_model_snapshot_marks WHERE consumer_group = 'probe-ready' "
                + "AND topic = 'migration.product.changed'")).isEqualTo(1);
        assertThat(runtime.registry().scrape()).contains("reason=\"snapshot_mark\"");
        assertThat(lengthOf(Topics.DLQ)).isZero();

        // a restart with the mark applied: ready as soon as the lag is low, with no new mark
        runtime.close();
        runtime = null;
        publish(publisher, upsert(EntityType.PRODUCT, 5000, Json.object().put("value", "after"), at(9000)));
        String again = startService(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(again).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(db, "SELECT count(*) FROM probe_items") == 301);
    }

    private static SourcePosition snapshotAt(long pos) {
        return new SourcePosition("mysql-bin.000001", pos, 0, 0, null, System.currentTimeMillis(), true);
    }

    private long lengthOf(String topic) throws Exception {
        return publisherClient.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.XLEN).arg(topic))
                .await(10, TimeUnit.SECONDS).toLong();
    }

    private static long count(DatabaseEndpoint db, String sql) throws Exception {
        try (Connection c = JdbcConnections.postgres(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
