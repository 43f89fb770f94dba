package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the sync (its own JVM) in the middle of a burst of 5,000 changes, then a restart from the stored
 * offsets: every change reaches the topic at least once.
 */
class SyncCrashIT {
    private static final int CHANGES = 5_000;

    /** The file engine's offsets hold the offset JSON as text; a streaming offset has no snapshot flag. */
    private static boolean streamingOffsetStored(Path offsets) throws java.io.IOException {
        if (!Files.exists(offsets)) {
            return false;
        }
        String text = new String(Files.readAllBytes(offsets), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("\"pos\"") && !text.contains("\"snapshot\"");
    }

    @Test
    void aKilledSyncResumesAndLosesNothing(@TempDir Path dir) throws Exception {
        TestShop shop = TestShop.create(SyncCrashIT.class, null);
        try (TopicReader topics = new TopicReader(shop.redis)) {
            topics.clear();
            Path config = dir.resolve("sync.yaml");
            Files.writeString(config, shop.yaml(dir, ""));
            Path log = Path.of("target", "SyncCrashIT-child.log");
            Files.deleteIfExists(log);

            CompletableFuture<Void> burst;
            try (ChildSync first = ChildSync.start(config, log)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> Bursts.ready(first.port()).statusCode() == 200);
                // the snapshot's end must be on disk, or the restart rightly snapshots again: one streamed change
                // moves the stored offset past it
                long marker = CHANGES + 1;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    shop.sql("REPLACE INTO customer_entity (entity_id, email) VALUES (" + marker + ", 'marker@example.com')");
                    return topics.events(Topics.CUSTOMER).stream()
                            .anyMatch(e -> e.magentoId() == marker && !e.source().snapshot());
                });
                await().atMost(Duration.ofSeconds(90)).until(() -> streamingOffsetStored(dir.resolve("offsets.dat")));
                burst = Bursts.insertCustomers(shop, CHANGES, 5);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                        .until(() -> topics.length(Topics.CUSTOMER) >= CHANGES / 5 || burst.isDone());
                first.kill();
            }
            long deliveredBeforeKill = Bursts.deliveredCustomers(topics).size();
            burst.get(120, TimeUnit.SECONDS);
            assertThat(deliveredBeforeKill).as("killed in the middle of the burst").isLessThan(CHANGES);

            try (ChildSync second = ChildSync.start(config, log)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Bursts.deliveredCustomers(topics).size() == CHANGES);
            }
            Set<Long> delivered = Bursts.deliveredCustomers(topics);
            for (long id = 1; id <= CHANGES; id++) {
                assertThat(delivered).contains(id);
            }
            List<ChangeEvent> events = topics.events(Topics.CUSTOMER);
            assertThat(events.size()).as("at least once, and not wildly more").isBetween(CHANGES, 2 * CHANGES);
            assertThat(events.stream().filter(e -> e.magentoId() <= CHANGES).noneMatch(e -> e.source().snapshot()))
                    .as("the restart resumed from the offsets instead of snapshotting again").isTrue();
        }
    }
}
