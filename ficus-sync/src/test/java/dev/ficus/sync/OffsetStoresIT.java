package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Topics;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offsets and schema history kept in Redis or in PostgreSQL: a sync stopped and started again (as on another host:
 * a fresh working directory) resumes streaming where it stopped, without a second snapshot, and gets the changes
 * made while it was down.
 */
class OffsetStoresIT {

    @ParameterizedTest
    @ValueSource(strings = {"redis", "jdbc"})
    void aRestartedSyncResumesFromTheSharedStore(String store, @TempDir Path first, @TempDir Path second)
            throws Exception {
        TestShop shop = TestShop.create(OffsetStoresIT.class, null);
        shop.offsetStore = store;
        String yaml = "";
        try (TopicReader topics = new TopicReader(shop.redis)) {
            topics.clear();
            shop.sql("INSERT INTO customer_entity (entity_id, email) VALUES (1, 'before@example.com')");
            try (SyncService sync = shop.startSync(first, yaml)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> customer(topics, 1) != null);
                shop.sql("INSERT INTO customer_entity (entity_id, email) VALUES (2, 'streamed@example.com')");
                await().atMost(Duration.ofSeconds(60)).until(() -> customer(topics, 2) != null);
                // the offset past customer 2 is stored before the stop (at the latest by the final flush)
            }
            shop.sql("INSERT INTO customer_entity (entity_id, email) VALUES (3, 'while-down@example.com')");
            try (SyncService sync = shop.startSync(second, yaml)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> customer(topics, 3) != null);
                assertThat(customer(topics, 3).source().snapshot()).isFalse();
            }
            List<ChangeEvent> events = topics.events(Topics.CUSTOMER);
            // no second snapshot: customer 1 once; customer 2 may come again (the stop can beat the acknowledgement
            // of its batch, and delivery is at-least-once), customer 3 once, streamed
            assertThat(events.stream().filter(e -> e.magentoId() == 1)).hasSize(1);
            assertThat(events.stream().filter(e -> e.magentoId() == 3)).hasSize(1);
            assertThat(events.stream().filter(e -> e.magentoId() != 1)).noneMatch(e -> e.source().snapshot());

            if (store.equals("redis")) {
                String prefix = shop.magento.database();
                assertThat(topics.client().send(Request.cmd(Command.HLEN).arg(prefix + ":offsets"))
                        .await(5, TimeUnit.SECONDS).toLong()).isEqualTo(1);
                assertThat(topics.client().send(Request.cmd(Command.LLEN).arg(prefix + ":history"))
                        .await(5, TimeUnit.SECONDS).toLong()).isPositive();
            } else {
                try (Connection c = shop.platformConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM sync_offsets), "
                             + "(SELECT count(*) FROM sync_schema_history)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                    assertThat(rs.getLong(2)).isPositive();
                }
            }
        }
    }

    private static ChangeEvent customer(TopicReader topics, long id) throws Exception {
        return topics.events(Topics.CUSTOMER).stream().filter(e -> e.magentoId() == id).findFirst().orElse(null);
    }
}
