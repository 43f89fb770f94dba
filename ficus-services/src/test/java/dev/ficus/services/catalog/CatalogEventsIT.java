package dev.ficus.services.catalog;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.delete;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.devstack.JdbcConnections;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import dev.ficus.services.ReadServices;
import dev.ficus.services.dlq.DlqAdmin;
import dev.ficus.services.dlq.DlqFilter;
import dev.ficus.services.inventory.InventoryReadModel;
import dev.ficus.services.runtime.RedisConnector;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import dev.ficus.services.testing.TestEvents;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.postgresql.ds.PGSimpleDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog and inventory services fed with sync-shaped events published here: the answers follow the newest
 * event of each entity, whatever the delivery order or repetition, and products keep id and updated_at for the
 * consistency check.
 */
class CatalogEventsIT {
    private static Vertx vertx;
    private static Redis client;
    private static RedisStreamPublisher publisher;
    private static RedisConnector redis;
    private static DatabaseEndpoint db;
    private static ReadServices services;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        TestRedisDatabase redisDb = TestServers.freshRedisDatabase();
        redis = RedisConnector.of(redisDb.uri());
        client = redis.connect(vertx);
        publisher = new RedisStreamPublisher(client, 0, false);
        db = TestServers.freshPostgresDatabase(CatalogEventsIT.class);
        services = ReadServices.start(EnumSet.of(Domain.CATALOG, Domain.INVENTORY),
                TestConfig.services(), new PlatformConfig(db, redisDb.endpoint()), redis);
        // store views come from Magento's store directory now (issue 17 point 5): fr and de beside the default view
        publish(publisher, upsert(EntityType.STORE_DIRECTORY, 0, (ObjectNode) Json.read("{\"websites\": ["
                + "{\"website_id\": 0, \"code\": \"admin\", \"default_group_id\": 0, \"is_default\": 0},"
                + "{\"website_id\": 1, \"code\": \"base\", \"default_group_id\": 1, \"is_default\": 1}],"
                + "\"groups\": [{\"group_id\": 0, \"website_id\": 0, \"default_store_id\": 0},"
                + "{\"group_id\": 1, \"website_id\": 1, \"default_store_id\": 1}],"
                + "\"stores\": [{\"store_id\": 0, \"code\": \"admin\", \"website_id\": 0},"
                + "{\"store_id\": 1, \"code\": \"default\", \"website_id\": 1},"
                + "{\"store_id\": 2, \"code\": \"fr\", \"website_id\": 1},"
                + "{\"store_id\": 3, \"code\": \"de\", \"website_id\": 1}]}"), at(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(Domain.CATALOG, "/rest/de/V1/products/none").body()
                .contains("The product that was requested doesn't exist"));
    }

    @AfterAll
    static void stop() {
        services.close();
        client.close();
        vertx.close().await();
    }

    static ObjectNode product(long id, String sku, String name, String updatedAt) {
        ObjectNode r = Json.object().put("entity_id", id).put("sku", sku).put("type_id", "simple")
                .put("attribute_set_id", 4).put("has_options", 0).put("required_options", 0)
                .put("created_at", "2026-11-01 08:00:00").put("updated_at", updatedAt);
        r.putObject("attributes").put("name", name).put("price", new java.math.BigDecimal("9.990000"))
                .put("status", 1).put("visibility", 4);
        r.putObject("store_attributes");
        r.putArray("website_ids").add(1);
        r.putArray("category_links");
        return r;
    }

    static ObjectNode stock(long productId, String sku, String qty) {
        return Json.object().put("item_id", productId).put("product_id", productId).put("stock_id", 1)
                .put("qty", new java.math.BigDecimal(qty)).put("is_in_stock", 1).put("sku", sku)
                .put("use_config_min_qty", 1).put("use_config_min_sale_qty", 1).put("use_config_max_sale_qty", 1)
                .put("use_config_backorders", 1).put("use_config_notify_stock_qty", 1)
                .put("use_config_qty_increments", 1).put("use_config_enable_qty_inc", 1)
                .put("use_config_manage_stock", 1);
    }

    private static Http.Reply get(Domain service, String path) {
        return Http.get("http://127.0.0.1:" + services.port(service) + path);
    }

    @Test
    void productAndStockAnswerAsMagentoWould() throws Exception {
        publish(publisher, upsert(EntityType.PRODUCT, 1, product(1, "P-1", "First", "2026-11-25 10:00:00"), at(10)),
                upsert(EntityType.STOCK, 1, stock(1, "P-1", "5.0000"), at(11)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-1")
                .body().contains("\"stock_item\""));
        String body = get(Domain.CATALOG, "/rest/V1/products/p-1").body();
        assertThat(body).startsWith("{\"id\":1,\"sku\":\"P-1\",\"name\":\"First\",\"attribute_set_id\":4,"
                + "\"price\":9.99,\"status\":1,\"visibility\":4,\"type_id\":\"simple\"");
        assertThat(body).contains("\"stock_item\":{\"item_id\":1,\"product_id\":1,\"stock_id\":1,\"qty\":5,");
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.INVENTORY, "/rest/V1/stockItems/P-1")
                .status() == 200);
        assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/P-1").body())
                .startsWith("{\"item_id\":1,\"product_id\":1,\"stock_id\":1,\"qty\":5,\"is_in_stock\":true");
        // the consistency check's view: products.id is the platform UUID, updated_at Magento's
        try (Connection c = JdbcConnections.postgres(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, EXTRACT(EPOCH FROM updated_at) FROM products "
                     + "WHERE magento_id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(TestEvents.uuid(EntityType.PRODUCT, 1).toString());
            assertThat(rs.getLong(2)).isEqualTo(java.time.Instant.parse("2026-11-25T10:00:00Z").getEpochSecond());
        }
    }

    @Test
    void duplicatesOldEventsAndLateUpdatesAfterADeleteChangeNothing() {
        var v2 = upsert(EntityType.PRODUCT, 2, product(2, "P-2", "Newer", "2026-11-25 10:02:00"), at(200));
        publish(publisher, upsert(EntityType.PRODUCT, 2, product(2, "P-2", "Older", "2026-11-25 10:01:00"), at(100)),
                v2, v2);
        publish(publisher, upsert(EntityType.PRODUCT, 2, product(2, "P-2", "Older", "2026-11-25 10:01:00"), at(100)));
        publish(publisher, upsert(EntityType.PRODUCT, 3, product(3, "P-3", "Doomed", "2026-11-25 10:00:00"), at(300)),
                delete(EntityType.PRODUCT, 3, Json.object().put("entity_id", 3).put("sku", "P-3"), at(400)),
                upsert(EntityType.PRODUCT, 3, product(3, "P-3", "Zombie", "2026-11-25 10:00:00"), at(350)));
        publish(publisher, upsert(EntityType.PRODUCT, 4, product(4, "P-4", "Sentinel", "2026-11-25 10:00:00"),
                at(500)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-4")
                .status() == 200);
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-2").body()).contains("\"name\":\"Newer\"");
        Http.Reply gone = get(Domain.CATALOG, "/rest/V1/products/P-3");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"message\":\"The product that was requested doesn't exist. "
                + "Verify the product and try again.\"}");
    }

    @Test
    void aProductWithoutSkuIsDeadLetteredAndTheOthersFlowOn() {
        ObjectNode broken = product(5, "P-5", "No SKU", "2026-11-25 10:00:00");
        broken.remove("sku");
        publish(publisher, upsert(EntityType.PRODUCT, 5, broken, at(600)),
                upsert(EntityType.PRODUCT, 6, product(6, "P-6", "Fine", "2026-11-25 10:00:00"), at(601)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-6")
                .status() == 200);
        try (DlqAdmin admin = DlqAdmin.connect(redis)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.list(new DlqFilter(null, "catalog", 0)).stream()
                    .anyMatch(e -> e.subject().equals("product/5") && e.error().contains("record has no 'sku'")));
        }
        assertThat(get(Domain.CATALOG, "/metrics").body())
                .contains("ficus_dead_letters_total{component=\"catalog\",service=\"catalog\"");
    }

    @Test
    void aStockChangeRendersTheProductAnswerAgain() {
        // the stock item first, the product after it: the product's answer embeds the stock item all the same
        publish(publisher, upsert(EntityType.STOCK, 7, stock(7, "P-7", "5.0000"), at(700)));
        publish(publisher, upsert(EntityType.PRODUCT, 7, product(7, "P-7", "Stocked", "2026-11-25 10:00:00"),
                at(701)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-7").body()
                .contains("\"stock_item\":{\"item_id\":7,\"product_id\":7,\"stock_id\":1,\"qty\":5,"));
        publish(publisher, upsert(EntityType.STOCK, 7, stock(7, "P-7", "9.0000"), at(702)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/fr/V1/products/P-7").body()
                .contains("\"qty\":9,"));
        // an older stock event changes nothing, a delete takes the stock item out of the answer
        publish(publisher, upsert(EntityType.STOCK, 7, stock(7, "P-7", "1.0000"), at(650)),
                delete(EntityType.STOCK, 7, Json.object().put("product_id", 7), at(703)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !get(Domain.CATALOG, "/rest/V1/products/P-7").body()
                .contains("stock_item"));
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-7").body()).contains("\"name\":\"Stocked\"");
    }

    @Test
    void aStoreViewOverrideChangesThatViewOnlyAndOtherViewsShareTheDefault() throws Exception {
        ObjectNode french = product(8, "P-8", "Chair", "2026-11-25 10:00:00");
        ((ObjectNode) french.get("store_attributes")).putObject("2").put("name", "Chaise");
        publish(publisher, upsert(EntityType.PRODUCT, 8, french, at(800)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/fr/V1/products/P-8")
                .body().contains("\"name\":\"Chaise\""));
        assertThat(get(Domain.CATALOG, "/rest/de/V1/products/P-8").body()).contains("\"name\":\"Chair\"");
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-8").body()).contains("\"name\":\"Chair\"");
        assertThat(storedViews(8)).containsExactly(0L, 2L);

        ObjectNode german = french.deepCopy();
        german.put("updated_at", "2026-11-25 10:05:00");
        ((ObjectNode) german.get("store_attributes")).putObject("3").put("name", "Stuhl");
        publish(publisher, upsert(EntityType.PRODUCT, 8, german, at(801)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/de/V1/products/P-8")
                .body().contains("\"name\":\"Stuhl\""));
        assertThat(get(Domain.CATALOG, "/rest/fr/V1/products/P-8").body()).contains("\"name\":\"Chaise\"");
        assertThat(get(Domain.CATALOG, "/rest/all/V1/products/P-8").body()).contains("\"name\":\"Chair\"");
        assertThat(storedViews(8)).containsExactly(0L, 2L, 3L);

        // a search answers with the stored items of the store view: its values, never the stock item
        String search = get(Domain.CATALOG, "/rest/fr/V1/products?searchCriteria[filter_groups][0][filters][0]"
                + "[field]=sku&searchCriteria[filter_groups][0][filters][0][value]=P-8").body();
        assertThat(search).startsWith("{\"items\":[{\"id\":8,\"sku\":\"P-8\",\"name\":\"Chaise\"")
                .endsWith("\"total_count\":1}").doesNotContain("stock_item");

        // overrides gone: every view shares store 0's answer again
        ObjectNode plain = product(8, "P-8", "Chair", "2026-11-25 10:10:00");
        publish(publisher, upsert(EntityType.PRODUCT, 8, plain, at(802)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/fr/V1/products/P-8")
                .body().contains("\"name\":\"Chair\""));
        assertThat(storedViews(8)).containsExactly(0L);
    }

    @Test
    void answersMissingOrOfAnOlderRendererAreRenderedAtStart() throws Exception {
        publish(publisher, upsert(EntityType.PRODUCT, 9, product(9, "P-9", "Kept", "2026-11-25 10:00:00"), at(900)),
                upsert(EntityType.PRODUCT, 10, product(10, "P-10", "Old", "2026-11-25 10:00:00"), at(901)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-10")
                .status() == 200);
        try (Connection c = JdbcConnections.postgres(db); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM product_answers WHERE product_id = 9");
            s.executeUpdate("UPDATE product_answers SET renderer = 0, answer = '\\x7b7d' WHERE product_id = 10");
        }
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-9").status()).isEqualTo(404);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.postgresJdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password().reveal());
        assertThat(ProductAnswerStore.renderStale(ds)).isEqualTo(2);
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-9").body()).contains("\"name\":\"Kept\"");
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-10").body()).contains("\"name\":\"Old\"");
        assertThat(ProductAnswerStore.renderStale(ds)).isZero();
    }

    @Test
    void aCachedAnswerGivesWayToTheChangedOneInEveryStoreView() {
        publish(publisher, upsert(EntityType.PRODUCT, 11, product(11, "P-11", "Before", "2026-11-25 10:00:00"),
                at(1100)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-11")
                .status() == 200);
        // read each spelling and view twice: the second read is the kept one
        for (String path : List.of("/rest/V1/products/P-11", "/rest/V1/products/p-11", "/rest/fr/V1/products/P-11")) {
            assertThat(get(Domain.CATALOG, path).body()).contains("\"name\":\"Before\"");
            assertThat(get(Domain.CATALOG, path).body()).contains("\"name\":\"Before\"");
        }
        ObjectNode renamed = product(11, "P-11b", "After", "2026-11-25 10:01:00");
        publish(publisher, upsert(EntityType.PRODUCT, 11, renamed, at(1101)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-11b")
                .status() == 200);
        // the SKU changed: the old one is gone from every view and spelling, not served from memory
        for (String path : List.of("/rest/V1/products/P-11", "/rest/V1/products/p-11", "/rest/fr/V1/products/P-11")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> get(Domain.CATALOG, path).status() == 404);
        }
        publish(publisher, upsert(EntityType.STOCK, 11, stock(11, "P-11b", "3.0000"), at(1102)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.CATALOG, "/rest/V1/products/P-11b").body()
                .contains("\"qty\":3,"));
    }

    @Test
    void stockItemsStoredWithoutAnAnswerAreRenderedAtStart() throws Exception {
        publish(publisher, upsert(EntityType.STOCK, 12, stock(12, "P-12", "4.0000"), at(1200)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(Domain.INVENTORY, "/rest/V1/stockItems/P-12")
                .status() == 200);
        String before = get(Domain.INVENTORY, "/rest/V1/stockItems/P-12").body();
        assertThat(before).startsWith("{\"item_id\":12,\"product_id\":12,\"stock_id\":1,\"qty\":4,");
        try (Connection c = JdbcConnections.postgres(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE stock_items SET answer = '\\x7b7d', renderer = NULL WHERE product_id = 12");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.postgresJdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password().reveal());
        new InventoryReadModel().prepare(ds);
        assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/P-12").body()).isEqualTo(before);
    }

    private static List<Long> storedViews(long productId) throws Exception {
        List<Long> out = new java.util.ArrayList<>();
        try (Connection c = JdbcConnections.postgres(db); PreparedStatement ps = c.prepareStatement(
                "SELECT store_id FROM product_answers WHERE product_id = ? ORDER BY store_id")) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
