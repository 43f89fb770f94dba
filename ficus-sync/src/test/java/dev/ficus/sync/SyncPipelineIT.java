package dev.ficus.sync;

import static dev.ficus.sync.MagentoRows.attr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.EntityType;
import dev.ficus.events.Op;
import dev.ficus.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sync end to end against real MariaDB (binlog), PostgreSQL and Redis: snapshot, then streamed inserts, updates
 * and deletes for every domain, the changes Magento makes without touching updated_at, a schema change mid-stream,
 * and a row the extractor cannot handle. The tests share one running sync and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncPipelineIT {
    private TestShop shop;
    private TopicReader topics;
    private SyncService sync;
    private Path workDir;

    @BeforeAll
    void start() throws Exception {
        shop = TestShop.create(SyncPipelineIT.class, null);
        topics = new TopicReader(shop.redis);
        topics.clear();
        shop.sql(MagentoRows.product(1, "SNAP-1", "Snapshot product", "10.5"));
        shop.sql(MagentoRows.customer(1, "snap@example.com", 1));
        shop.sql(MagentoRows.order(1, "000000001", 1));
        workDir = Files.createTempDirectory("sync-pipeline");
        sync = shop.startSync(workDir, "");
    }

    @AfterAll
    void stop() {
        if (sync != null) {
            sync.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    @Order(1)
    void theSnapshotGivesOneEventPerEntity() throws Exception {
        ChangeEvent product = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == 1);
        topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == 1);
        topics.awaitEvent(Topics.ORDER, e -> e.magentoId() == 1);
        topics.awaitEvent(Topics.STOCK, e -> e.magentoId() == 1);
        // value, website and stock rows were snapshotted too, but they are read through their entity
        assertThat(topics.events(Topics.PRODUCT)).hasSize(1);
        assertThat(topics.events(Topics.CUSTOMER)).hasSize(1);
        assertThat(topics.events(Topics.ORDER)).hasSize(1);
        assertThat(topics.events(Topics.STOCK)).hasSize(1);

        assertThat(product.op()).isEqualTo(Op.UPSERT);
        assertThat(product.source().snapshot()).isTrue();
        JsonNode r = product.record();
        assertThat(r.path("sku").asText()).isEqualTo("SNAP-1");
        assertThat(r.path("type_id").asText()).isEqualTo("simple");
        assertThat(r.path("attributes").path("name").asText()).isEqualTo("Snapshot product");
        assertThat(r.path("attributes").path("price").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(r.path("attributes").path("status").asLong()).isEqualTo(1);
        assertThat(r.path("website_ids").toString()).isEqualTo("[1]");
        assertThat(r.path("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        ChangeEvent customer = topics.events(Topics.CUSTOMER).get(0);
        assertThat(customer.record().path("email").asText()).isEqualTo("snap@example.com");
        assertThat(customer.record().has("password_hash")).as("secrets never leave Magento").isFalse();
        assertThat(customer.record().path("addresses")).hasSize(1);
        assertThat(customer.record().path("addresses").get(0).path("id").asText()).isEqualTo(
                platformUuid("customer_address", 1));

        ChangeEvent order = topics.events(Topics.ORDER).get(0);
        assertThat(order.record().path("increment_id").asText()).isEqualTo("000000001");
        assertThat(order.record().path("items")).hasSize(1);
        assertThat(order.record().path("addresses")).hasSize(1);

        ChangeEvent stock = topics.events(Topics.STOCK).get(0);
        assertThat(stock.record().path("sku").asText()).isEqualTo("SNAP-1");
        assertThat(stock.record().path("qty").decimalValue()).isEqualByComparingTo("100");

        assertThat(product.id().toString()).isEqualTo(platformUuid("product", 1));
        assertThat(customer.id().toString()).isEqualTo(platformUuid("customer", 1));
    }

    /** The end of the snapshot is marked on every domain topic, after every snapshot event there (ready = complete). */
    @Test
    @Order(1)
    void theEndOfTheSnapshotIsMarkedOnEveryTopicAfterItsEvents() throws Exception {
        for (String topic : Topics.DOMAIN) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !topics.marks(topic).isEmpty());
            int mark = topics.markIndexes(topic).get(0);
            List<String> raw = topics.raw(topic);
            for (int i = 0; i < mark; i++) {
                ChangeEvent e = dev.ficus.events.CloudEventCodec.decode(raw.get(i));
                // the store directory is also sent as streaming starts, just before the marks (refreshAt)
                assertThat(e.source().snapshot() || e.entityType() == EntityType.STORE_DIRECTORY)
                        .as("entry %d of %s, before the mark", i, topic).isTrue();
            }
            assertThat(topics.marks(topic).get(0).topic()).isEqualTo(topic);
        }
        assertThat(topics.events(Topics.PRODUCT)).as("the mark is no change").hasSize(1);
    }

    @Test
    @Order(2)
    void aNewProductIsOneEventWithItsAttributes() throws Exception {
        try (Connection c = shop.magentoConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : MagentoRows.product(2, "NEW-2", "Fresh product", "22.25")) {
                s.execute(sql);
            }
            c.commit();
        }
        ChangeEvent e = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2);
        assertThat(e.op()).isEqualTo(Op.UPSERT);
        assertThat(e.source().snapshot()).isFalse();
        assertThat(e.record().path("attributes").path("name").asText()).isEqualTo("Fresh product");
        assertThat(e.record().path("attributes").path("price").decimalValue()).isEqualByComparingTo("22.25");
        // an engine batch can end in the middle of a transaction, giving a second event; the binlog only holds
        // committed transactions, so every event of it reads the complete product
        assertThat(eventsFor(Topics.PRODUCT, 2)).allSatisfy(x -> {
            assertThat(x.record().path("attributes").path("name").asText()).isEqualTo("Fresh product");
            assertThat(x.record().path("website_ids").toString()).isEqualTo("[1]");
        });
        topics.awaitEvent(Topics.STOCK, x -> x.magentoId() == 2 && x.record().path("sku").asText().equals("NEW-2"));
    }

    @Test
    @Order(3)
    void anAttributeOnlyChangeWithoutUpdatedAtStillSyncs() throws Exception {
        String updatedAt = eventsFor(Topics.PRODUCT, 2).get(0).record().path("updated_at").asText();
        shop.sql(MagentoRows.setName(2, "Renamed by saveAttribute"));
        ChangeEvent e = topics.awaitEvent(Topics.PRODUCT,
                x -> x.magentoId() == 2 && x.record().path("attributes").path("name").asText().equals("Renamed by saveAttribute"));
        assertThat(e.record().path("updated_at").asText()).isEqualTo(updatedAt);

        shop.sql("INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) VALUES ("
                + attr("name") + ", 1, 2, 'Nom en français')");
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2
                && x.record().path("store_attributes").path("1").path("name").asText().equals("Nom en français"));

        shop.sql("INSERT INTO catalog_category_product (category_id, product_id, position) VALUES (2, 2, 7)");
        ChangeEvent linked = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2
                && x.record().path("category_links").size() == 1);
        assertThat(linked.record().path("category_links").get(0).path("position").asLong()).isEqualTo(7);
    }

    @Test
    @Order(4)
    void aStockOnlyChangeIsAStockEvent() throws Exception {
        int productEvents = eventsFor(Topics.PRODUCT, 2).size();
        shop.sql("UPDATE cataloginventory_stock_item SET qty = 3 WHERE product_id = 2");
        ChangeEvent e = topics.awaitEvent(Topics.STOCK, x -> x.magentoId() == 2 && x.record().path("qty").decimalValue()
                .compareTo(new java.math.BigDecimal("3")) == 0);
        assertThat(e.record().path("sku").asText()).isEqualTo("NEW-2");
        assertThat(eventsFor(Topics.PRODUCT, 2)).hasSize(productEvents);
    }

    @Test
    @Order(5)
    void customersAndOrdersFollowTheirChildRows() throws Exception {
        shop.sql(MagentoRows.customer(2, "ada@example.com", 2));
        topics.awaitEvent(Topics.CUSTOMER, x -> x.magentoId() == 2 && x.record().path("addresses").size() == 1);
        shop.sql("UPDATE customer_address_entity SET city = 'Paris' WHERE entity_id = 2");
        ChangeEvent moved = topics.awaitEvent(Topics.CUSTOMER, x -> x.magentoId() == 2
                && x.record().path("addresses").get(0).path("city").asText().equals("Paris"));
        assertThat(moved.record().path("addresses").get(0).path("id").asText())
                .isEqualTo(platformUuid("customer_address", 2));

        shop.sql(MagentoRows.order(2, "000000002", 2));
        topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == 2 && x.record().path("items").size() == 1);
        shop.sql("UPDATE sales_order_item SET qty_invoiced = 1 WHERE order_id = 2");
        topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == 2
                && x.record().path("items").get(0).path("qty_invoiced").decimalValue().signum() > 0);
        shop.sql("UPDATE sales_order SET status = 'processing' WHERE entity_id = 2");
        topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == 2 && x.record().path("status").asText().equals("processing"));
        assertThat(eventsFor(Topics.ORDER, 2).get(0).record().has("payment")).isFalse();
        shop.sql("INSERT INTO sales_order_payment (parent_id, method, amount_ordered) VALUES (2, 'checkmo', 34.5)");
        ChangeEvent paid = topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == 2
                && x.record().path("payment").path("method").asText().equals("checkmo"));
        assertThat(paid.record().path("payment").path("amount_ordered").decimalValue()).isEqualByComparingTo("34.5");
    }

    @Test
    @Order(5)
    void aConfigurableFollowsItsSuperAttributesLabelsLinksAndChildrensValues() throws Exception {
        String color = MagentoRows.attr("color");
        shop.sql(MagentoRows.product(20, "CONF-20", "Configurable", "0"));
        shop.sql(MagentoRows.product(21, "CONF-20-red", "Red", "5"));
        shop.sql(MagentoRows.product(22, "CONF-20-blue", "Blue", "5"));
        shop.sql("UPDATE catalog_product_entity SET type_id = 'configurable' WHERE entity_id = 20",
                "INSERT INTO catalog_product_entity_int (attribute_id, store_id, entity_id, value) VALUES "
                        + "(" + color + ", 0, 21, 7), (" + color + ", 0, 22, 3)",
                "INSERT INTO catalog_product_super_attribute (product_id, attribute_id, position) VALUES (20, "
                        + color + ", 0)",
                "INSERT INTO catalog_product_super_link (product_id, parent_id) VALUES (22, 20), (21, 20)");
        ChangeEvent linked = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20
                && x.record().path("configurable_product_links").size() == 2);
        assertThat(linked.record().path("configurable_product_links").toString()).isEqualTo("[22,21]");
        JsonNode option = linked.record().path("configurable_product_options").get(0);
        assertThat(option.path("label").asText()).isEqualTo("Color");
        assertThat(option.path("product_id").asLong()).isEqualTo(20);
        assertThat(option.path("values").toString()).isEqualTo("[{\"value_index\":3},{\"value_index\":7}]");

        // a child's new option value changes the configurable, though no row of the configurable changed
        shop.sql("UPDATE catalog_product_entity_int SET value = 9 WHERE entity_id = 21 AND attribute_id = " + color);
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20 && x.record().path("configurable_product_options").path(0)
                .path("values").toString().equals("[{\"value_index\":3},{\"value_index\":9}]"));

        // option labels: store 0's, and a store view's of its own
        shop.sql("INSERT INTO catalog_product_super_attribute_label (product_super_attribute_id, store_id, value) "
                + "SELECT product_super_attribute_id, 0, 'Colour' FROM catalog_product_super_attribute WHERE product_id = 20");
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20 && x.record().path("configurable_product_options").path(0)
                .path("label").asText().equals("Colour"));
        shop.sql("INSERT INTO catalog_product_super_attribute_label (product_super_attribute_id, store_id, value) "
                + "SELECT product_super_attribute_id, 1, 'Farbe' FROM catalog_product_super_attribute WHERE product_id = 20");
        ChangeEvent labelled = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20 && x.record()
                .path("configurable_product_options").path(0).path("store_labels").path("1").asText().equals("Farbe"));
        assertThat(labelled.record().path("configurable_product_options").get(0).path("label").asText())
                .isEqualTo("Colour");

        shop.sql("DELETE FROM catalog_product_super_link WHERE product_id = 22");
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20
                && x.record().path("configurable_product_links").toString().equals("[21]"));
        shop.sql("DELETE FROM catalog_product_super_attribute WHERE product_id = 20");
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 20
                && x.record().path("configurable_product_options").isEmpty());
    }

    @Test
    @Order(6)
    void deletesAreDeleteEventsInOrder() throws Exception {
        shop.sql("DELETE FROM catalog_product_entity WHERE entity_id = 1");
        ChangeEvent deleted = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 1 && x.op() == Op.DELETE);
        assertThat(deleted.record().path("sku").asText()).isEqualTo("SNAP-1");
        assertThat(deleted.id().toString()).isEqualTo(platformUuid("product", 1));
        // the stock row went by InnoDB's cascade, which the binlog does not show
        topics.awaitEvent(Topics.STOCK, x -> x.magentoId() == 1 && x.op() == Op.DELETE);

        shop.sql("DELETE FROM customer_entity WHERE entity_id = 1");
        topics.awaitEvent(Topics.CUSTOMER, x -> x.magentoId() == 1 && x.op() == Op.DELETE);
        shop.sql("DELETE FROM sales_order WHERE entity_id = 1");
        topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == 1 && x.op() == Op.DELETE);

        for (String topic : Topics.DOMAIN) {
            assertPositionsIncreasePerEntity(topics.events(topic));
        }
    }

    @Test
    @Order(7)
    void anAddedColumnDoesNotStopTheStream() throws Exception {
        shop.sql("ALTER TABLE catalog_product_entity ADD COLUMN ficus_extra varchar(20) NULL DEFAULT 'x'");
        shop.sql("UPDATE catalog_product_entity SET ficus_extra = 'after-alter' WHERE entity_id = 2");
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2 && x.record().path("ficus_extra").asText().equals("after-alter"));
        shop.sql(MagentoRows.setName(2, "Still flowing"));
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2
                && x.record().path("attributes").path("name").asText().equals("Still flowing"));
    }

    @Test
    @Order(8)
    void aRowTheExtractorCannotHandleGoesToTheDeadLettersAndTheRestFlows() throws Exception {
        shop.sql(MagentoRows.product(3, "BAD-3", "Has a bad value", "1"));
        // every row of the product handled first (its statements commit one by one and may span engine batches): a
        // later batch carrying one of them would otherwise be the one that meets the bad row below
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 3 && !x.record().path("website_ids").isEmpty());
        topics.awaitEvent(Topics.STOCK, x -> x.magentoId() == 3);
        // an attribute id eav_attribute does not know (a deleted attribute, direct SQL with foreign keys off)
        shop.sql("SET FOREIGN_KEY_CHECKS = 0",
                "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) VALUES (9999, 0, 3, 'x')",
                "SET FOREIGN_KEY_CHECKS = 1");
        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.deadLetters().isEmpty());
        DeadLetter letter = topics.deadLetters().get(0);
        assertThat(letter.table()).isEqualTo("catalog_product_entity_varchar");
        assertThat(letter.entityType()).isEqualTo(EntityType.PRODUCT);
        assertThat(letter.magentoId()).isEqualTo(3L);
        assertThat(letter.error()).contains("attribute_id 9999");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.key()).contains("\"entity_id\":3");

        shop.sql(MagentoRows.setName(2, "After the dead letter"));
        topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 2
                && x.record().path("attributes").path("name").asText().equals("After the dead letter"));
    }

    @Test
    @Order(9)
    void healthAndMetricsAreServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + sync.port() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"phase\":\"streaming\"");
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sync.port() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("ficus_sync_events_total{", "topic=\"migration.product.changed\"",
                "ficus_sync_dead_letters_total", "ficus_sync_behind_source_ms", "ficus_sync_snapshot_rows_done",
                "ficus_sync_extraction_seconds", "ficus_sync_publish_seconds", "ficus_sync_batch_size");
        assertThat(sync.effectiveConnectorConfig()).containsEntry("snapshot.locking.mode", "minimal")
                .containsEntry("poll.interval.ms", "20");
    }

    /**
     * Magento 2.4's EAV ReadHandler reads an attribute of global scope from store 0 only, and price attributes are
     * global while catalog/price/scope is (issue 17 point 1): the record carries no store row of those, so every
     * store value in it counts. A changed is_global reloads the attribute table at once; decimals keep their
     * digits and places (point 2).
     */
    @Test
    @Order(10)
    void aStoreRowOfAGlobalAttributeStaysOutOfTheRecordUntilTheAttributeIsNoLongerGlobal() throws Exception {
        shop.sql(MagentoRows.product(40, "SCOPE-40", "Scoped product", "99999999999999.999999"));
        shop.sql("INSERT INTO catalog_product_entity_decimal (attribute_id, store_id, entity_id, value) VALUES ("
                        + attr("weight") + ", 0, 40, 0.000001), (" + attr("weight") + ", 1, 40, 3.5), ("
                        + attr("price") + ", 1, 40, 99)",
                "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) VALUES ("
                        + attr("name") + ", 1, 40, 'Marker 1')");
        JsonNode first = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 40
                && x.record().path("store_attributes").path("1").path("name").asText().equals("Marker 1")).record();
        assertThat(first.path("store_attributes").path("1").has("weight")).as("weight is global").isFalse();
        assertThat(first.path("store_attributes").path("1").has("price")).as("prices are global by default").isFalse();
        assertThat(first.path("attributes").path("price").toString()).isEqualTo("99999999999999.999999");
        assertThat(first.path("attributes").path("weight").toString()).isEqualTo("0.000001");

        try {
            shop.sql("UPDATE catalog_eav_attribute SET is_global = 0 WHERE attribute_id = " + attr("weight"));
            shop.sql("UPDATE catalog_product_entity_varchar SET value = 'Marker 2' WHERE entity_id = 40"
                    + " AND store_id = 1 AND attribute_id = " + attr("name"));
            JsonNode second = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 40
                    && x.record().path("store_attributes").path("1").path("name").asText().equals("Marker 2")).record();
            assertThat(second.path("store_attributes").path("1").path("weight").toString()).isEqualTo("3.500000");
            assertThat(second.path("store_attributes").path("1").has("price")).isFalse();
        } finally {
            shop.sql("UPDATE catalog_eav_attribute SET is_global = 1 WHERE attribute_id = " + attr("weight"));
        }
    }

    /**
     * catalog/price/scope in core_config_data (Catalog\Helper\Data::getPriceScope, default scope only) decides whether
     * a store row of a price attribute counts: a change to it reloads the attribute table at once, so the next
     * extraction reads prices at website scope without waiting for an attribute change.
     */
    @Test
    @Order(11)
    void aChangedPriceScopeCountsFromTheNextExtraction() throws Exception {
        try {
            shop.sql("INSERT INTO core_config_data (scope, scope_id, path, value) "
                    + "VALUES ('default', 0, 'catalog/price/scope', '1')");
            shop.sql("UPDATE catalog_product_entity_varchar SET value = 'Marker 3' WHERE entity_id = 40"
                    + " AND store_id = 1 AND attribute_id = " + attr("name"));
            JsonNode record = topics.awaitEvent(Topics.PRODUCT, x -> x.magentoId() == 40
                    && x.record().path("store_attributes").path("1").path("name").asText().equals("Marker 3")).record();
            assertThat(record.path("store_attributes").path("1").path("price").toString()).isEqualTo("99.000000");
        } finally {
            shop.sql("DELETE FROM core_config_data WHERE path = 'catalog/price/scope'");
        }
    }

    /**
     * The store directory (store, store_group, store_website) travels whole as one entity on
     * migration.store.changed: a store view added or removed in Magento gives a new directory at once.
     */
    @Test
    @Order(12)
    void aStoreViewAddedOrRemovedGivesANewStoreDirectory() throws Exception {
        ChangeEvent snapshot = topics.awaitEvent(Topics.STORE, x -> x.entityType() == EntityType.STORE_DIRECTORY);
        assertThat(snapshot.magentoId()).isZero();
        assertThat(snapshot.record().path("websites").findValuesAsText("code")).contains("admin", "base");
        assertThat(snapshot.record().path("groups").size()).isGreaterThanOrEqualTo(2);

        shop.sql("INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) "
                + "VALUES (9, 'live_nl', 1, 1, 'Dutch', 3, 1)");
        topics.awaitEvent(Topics.STORE, x -> x.record().path("stores").findValuesAsText("code").contains("live_nl"));
        shop.sql("DELETE FROM store WHERE store_id = 9");
        ChangeEvent gone = topics.awaitEvent(Topics.STORE, x -> x.source().isAfter(snapshot.source())
                && !x.record().path("stores").findValuesAsText("code").contains("live_nl"));
        assertThat(gone.op()).isEqualTo(Op.UPSERT);
        assertThat(gone.record().path("stores").findValuesAsText("code")).contains("admin", "default");
    }

    /**
     * A sync restarted with the snapshot done marks its end again as soon as it streams, even with nothing changing
     * in Magento (a heartbeat shows it streams): a service that starts afresh then, or one that never saw a mark
     * (set up before marks existed), is not kept waiting for the next change; the store directory comes with it.
     */
    @Test
    @Order(20)
    void aRestartedSyncMarksTheSnapshotEndAgainWhenItStreams() throws Exception {
        sync.close();
        int before = topics.marks(Topics.ORDER).size();
        long ordersBefore = topics.length(Topics.ORDER);
        int directoriesBefore = topics.events(Topics.STORE).size();
        sync = shop.startSync(workDir, "heartbeat_interval: 200ms\n");
        for (String topic : Topics.DOMAIN) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topics.marks(topic).size() > before);
        }
        assertThat(topics.length(Topics.ORDER)).as("no new snapshot, no change").isEqualTo(ordersBefore);
        // and the store directory again, before the marks: a service set up since has it without a store change
        assertThat(topics.events(Topics.STORE)).hasSizeGreaterThan(directoriesBefore)
                .last().satisfies(d -> assertThat(d.record().path("stores").findValuesAsText("code"))
                        .contains("default"));
        assertThat(topics.events(Topics.ORDER)).allSatisfy(e -> assertThat(e).isNotNull());
    }

    private void assertPositionsIncreasePerEntity(List<ChangeEvent> events) {
        java.util.Map<Long, ChangeEvent> last = new java.util.HashMap<>();
        for (ChangeEvent e : events) {
            ChangeEvent before = last.put(e.magentoId(), e);
            if (before != null) {
                assertThat(e.source().isAfter(before.source()))
                        .as("%s after %s", e.source(), before.source()).isTrue();
                assertThat(e.id()).isEqualTo(before.id());
            }
        }
    }

    private List<ChangeEvent> eventsFor(String topic, long id) throws Exception {
        List<ChangeEvent> out = new ArrayList<>();
        for (ChangeEvent e : topics.events(topic)) {
            if (e.magentoId() == id) {
                out.add(e);
            }
        }
        return out;
    }


    private String platformUuid(String type, long id) throws Exception {
        try (Connection c = shop.platformConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT platform_uuid FROM magento_id_map WHERE entity_type = '" + type
                     + "' AND magento_id = " + id)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
