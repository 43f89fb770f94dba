package dev.ficus.sync;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Helpers for the burst tests: a writer of many small Magento transactions, and what arrived on the topics. */
final class Bursts {
    private Bursts() {
    }

    /** Inserts customers {@code 1..count} in transactions of {@code perTransaction}, in the background. */
    static CompletableFuture<Void> insertCustomers(TestShop shop, int count, int perTransaction) {
        return CompletableFuture.runAsync(() -> {
            try (Connection c = shop.magentoConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO customer_entity (entity_id, website_id, email, "
                         + "group_id, store_id, firstname, lastname) VALUES (?, 1, ?, 1, 1, 'Burst', ?)")) {
                c.setAutoCommit(false);
                for (int i = 1; i <= count; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "burst" + i + "@example.com");
                    ps.setString(3, "N" + i);
                    ps.executeUpdate();
                    if (i % perTransaction == 0 || i == count) {
                        c.commit();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The customer ids whose upsert event carries the email the burst wrote. */
    static Set<Long> deliveredCustomers(TopicReader topics) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (ChangeEvent e : topics.events(Topics.CUSTOMER)) {
            if (e.record().path("email").asText().equals("burst" + e.magentoId() + "@example.com")) {
                ids.add(e.magentoId());
            }
        }
        return ids;
    }

    static HttpResponse<String> ready(int port) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
