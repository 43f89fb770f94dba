package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server the sync depends on becomes unreachable in the middle of a burst of changes (every connection dropped and
 * new ones refused, as when the server is stopped; a relay in front of the real server does it, so the shared test
 * server keeps running for the other classes). The sync holds the batch, says on /health/ready what it waits for,
 * and once the server is back every change is delivered.
 */
class DependencyOutageIT {

    @Test
    void redisStoppedForTenSecondsLosesNothing(@TempDir Path dir) throws Exception {
        TestShop shop = TestShop.create(DependencyOutageIT.class, null);
        try (TcpProxy relay = new TcpProxy(shop.redis.host(), shop.redis.port())) {
            shop.redisPort = relay.port();
            outage(shop, dir, relay, "redis", Duration.ofSeconds(10), 2_000);
        }
    }

    @Test
    void postgresStoppedLosesNothing(@TempDir Path dir) throws Exception {
        TestShop shop = TestShop.create(DependencyOutageIT.class, null);
        try (TcpProxy relay = new TcpProxy(shop.platform.host(), shop.platform.port())) {
            shop.postgresPort = relay.port();
            outage(shop, dir, relay, "postgres", Duration.ofSeconds(5), 1_000);
        }
    }

    @Test
    void magentosDatabaseStoppedLosesNothing(@TempDir Path dir) throws Exception {
        TestShop shop = TestShop.create(DependencyOutageIT.class, null);
        try (TcpProxy relay = new TcpProxy(shop.magento.host(), shop.magento.port())) {
            shop.magentoPort = relay.port();
            // the binlog reader and the extraction both lose their connections; the writer keeps the real server
            outage(shop, dir, relay, null, Duration.ofSeconds(5), 1_000);
        }
    }

    private static void outage(TestShop shop, Path dir, TcpProxy relay, String awaited, Duration down, int changes)
            throws Exception {
        try (TopicReader topics = new TopicReader(shop.redis)) {
            topics.clear();
            try (SyncService sync = shop.startSync(dir, "retry:\n  max_backoff: 1s\n")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Bursts.ready(sync.port()).statusCode() == 200);
                CompletableFuture<Void> burst = Bursts.insertCustomers(shop, changes, 2);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> topics.length(Topics.CUSTOMER) >= changes / 10 || burst.isDone());
                relay.cut();
                if (awaited != null) {
                    await().atMost(down.minusSeconds(1)).until(() -> awaited.equals(sync.state().waitingFor()));
                    var notReady = Bursts.ready(sync.port());
                    assertThat(notReady.statusCode()).isEqualTo(503);
                    assertThat(notReady.body()).contains("\"waiting_for\":\"" + awaited + "\"");
                }
                Thread.sleep(down.toMillis());
                relay.restore();

                burst.get(120, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Bursts.deliveredCustomers(topics).size() == changes);
                await().atMost(Duration.ofSeconds(60)).until(() -> Bursts.ready(sync.port()).statusCode() == 200);
            }
        }
    }
}
