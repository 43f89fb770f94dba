package dev.ficus.services.runtime;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.events.Topics;
import dev.ficus.services.testing.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service killed (SIGKILL) in the middle of a batch: its transaction dies with it and nothing of the batch was
 * acknowledged, so after a restart every event is applied exactly once.
 */
class ServiceCrashIT {
    private static final String SERVICE = "probe-crash";

    @Test
    void afterAKillMidBatchNothingIsLostOrAppliedTwice() throws Exception {
        DatabaseEndpoint db = TestServers.freshPostgresDatabase(ServiceCrashIT.class);
        TestRedisDatabase redisDb = TestServers.freshRedisDatabase();
        RedisConnector redis = RedisConnector.of(redisDb.uri());
        Vertx vertx = Vertx.vertx();
        Redis client = redis.connect(vertx);
        RedisStreamPublisher publisher = new RedisStreamPublisher(client, 0, false);
        Process child = startChild(db, redisDb, "victim");
        ServiceRuntime successor = null;
        try {
            List<ChangeEvent> first = new ArrayList<>();
            for (long id = 1; id <= 20; id++) {
                first.add(upsert(EntityType.PRODUCT, id, Json.object().put("value", "v1"), at(100 + id)));
            }
            publish(publisher, first);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT count(*) FROM probe_writes") == 20);

            try (Connection blocker = JdbcConnections.postgres(db)) {
                blocker.setAutoCommit(false);
                try (Statement s = blocker.createStatement()) {
                    s.execute("LOCK TABLE probe_items IN EXCLUSIVE MODE");
                }
                List<ChangeEvent> second = new ArrayList<>();
                for (long id = 1; id <= 40; id++) {
                    second.add(upsert(EntityType.PRODUCT, id, Json.object().put("value", "v2"), at(1000 + id)));
                }
                publish(publisher, second);
                // the victim's batch transaction is open and waits on the lock: the middle of a batch
                await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO probe_items%'") > 0);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                blocker.rollback();
            }
            assertThat(count(db, "SELECT count(*) FROM probe_writes")).isEqualTo(20);
            // the batch in hand was read and never acknowledged
            assertThat(pending(client)).isPositive();

            successor = ServiceRuntime.start(vertx, new ProbeReadModel(SERVICE), 0, TestConfig.services(), db,
                    redis.connect(vertx), "successor", Clock.systemUTC());
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db,
                    "SELECT count(*) FROM probe_items WHERE value = 'v2'") == 40);
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(client) == 0);
            assertThat(count(db, "SELECT count(*) FROM probe_writes")).isEqualTo(60);
            assertThat(count(db, "SELECT count(*) FROM (SELECT magento_id, value FROM probe_writes "
                    + "GROUP BY magento_id, value HAVING count(*) > 1) twice")).isZero();
        } finally {
            child.destroyForcibly();
            if (successor != null) {
                successor.close();
            }
            client.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static Process startChild(DatabaseEndpoint db, TestRedisDatabase redis, String consumer)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProbeServiceMain.class.getName(), db.host(), Integer.toString(db.port()), db.user(), db.database(),
                redis.uri(), SERVICE, consumer).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new IllegalStateException("the probe service did not start (exit " + p.waitFor() + ")");
    }

    private static long pending(Redis client) throws Exception {
        return client.send(Request.cmd(Command.XPENDING).arg(Topics.PRODUCT).arg(SERVICE))
                .await(10, TimeUnit.SECONDS).get(0).toLong();
    }

    private static long count(DatabaseEndpoint db, String sql) throws Exception {
        try (Connection c = JdbcConnections.postgres(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
