package dev.ficus.services.runtime;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
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
}
