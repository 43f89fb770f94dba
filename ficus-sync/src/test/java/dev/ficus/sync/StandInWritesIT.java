package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Op;
import dev.ficus.events.Topics;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Writes made through the Magento stand-in's REST API, as a shop's admin or integration makes them, reach the topics
 * as the right events, in order, each carrying what the API then reads back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandInWritesIT {
    private TestShop shop;
    private TopicReader topics;
    private SyncService sync;
    private MagentoStandIn standIn;
    private StandInRest rest;

    @BeforeAll
    void start() throws Exception {
        shop = TestShop.create(StandInWritesIT.class, null);
        topics = new TopicReader(shop.redis);
        topics.clear();
        sync = shop.startSync(Files.createTempDirectory("sync-standin"), "");
        standIn = MagentoStandIn.start(MagentoStandInConfig.defaults(0), shop.magento);
        rest = new StandInRest(standIn.baseUrl(), MagentoStandInConfig.DEV_ADMIN_USER,
                MagentoStandInConfig.DEV_ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.state().ready());
    }

    @AfterAll
    void stop() {
        if (standIn != null) {
            standIn.close();
        }
        if (sync != null) {
            sync.close();
        }
        topics.close();
    }

    @Test
    void productCreateUpdateStockAndDeleteThroughRest() throws Exception {
        JsonNode created = rest.send("POST", "/products", Map.of("product", Map.of(
                "sku", "REST-1", "name", "Made over REST", "price", 12.5, "status", 1, "visibility", 4,
                "type_id", "simple", "attribute_set_id", 4,
                "extension_attributes", Map.of("website_ids", List.of(1),
                        "stock_item", Map.of("qty", 10, "is_in_stock", true)))));
        long id = created.path("id").asLong();
        ChangeEvent first = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == id);
        assertThat(first.op()).isEqualTo(Op.UPSERT);
        assertThat(first.record().path("attributes").path("name").asText()).isEqualTo("Made over REST");
        assertThat(first.record().path("attributes").path("price").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(first.record().path("website_ids").toString()).isEqualTo("[1]");

        rest.send("PUT", "/products/REST-1", Map.of("product", Map.of("sku", "REST-1", "price", 15)));
        ChangeEvent repriced = topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == id
                && e.record().path("attributes").path("price").decimalValue().compareTo(new BigDecimal("15")) == 0);
        JsonNode api = rest.get("/products/REST-1");
        assertThat(repriced.record().path("attributes").path("price").decimalValue())
                .isEqualByComparingTo(api.path("price").decimalValue());
        assertThat(repriced.record().path("attributes").path("name").asText()).isEqualTo(api.path("name").asText());

        long itemId = rest.get("/stockItems/REST-1").path("item_id").asLong();
        rest.send("PUT", "/products/REST-1/stockItems/" + itemId, Map.of("stockItem", Map.of("qty", 3, "is_in_stock", true)));
        ChangeEvent stock = topics.awaitEvent(Topics.STOCK, e -> e.magentoId() == id
                && e.record().path("qty").decimalValue().compareTo(new BigDecimal("3")) == 0);
        assertThat(stock.record().path("sku").asText()).isEqualTo("REST-1");

        rest.send("DELETE", "/products/REST-1", null);
        topics.awaitEvent(Topics.PRODUCT, e -> e.magentoId() == id && e.op() == Op.DELETE);
        topics.awaitEvent(Topics.STOCK, e -> e.magentoId() == id && e.op() == Op.DELETE);

        List<ChangeEvent> events = topics.events(Topics.PRODUCT).stream().filter(e -> e.magentoId() == id).toList();
        assertThat(events.get(events.size() - 1).op()).isEqualTo(Op.DELETE);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).source().isAfter(events.get(i - 1).source()))
                    .as("%s after %s", events.get(i).source(), events.get(i - 1).source()).isTrue();
        }
    }

    @Test
    void customerCreateAndUpdateThroughRest() throws Exception {
        JsonNode created = rest.send("POST", "/customers", Map.of("password", "Str0ng-Passw0rd", "customer", Map.of(
                "email", "rest@example.com", "firstname", "Grace", "lastname", "Hopper", "website_id", 1,
                "addresses", List.of(Map.of("firstname", "Grace", "lastname", "Hopper", "street", List.of("1 Navy Way"),
                        "city", "Arlington", "country_id", "US", "postcode", "22201", "telephone", "555")))));
        long id = created.path("id").asLong();
        ChangeEvent first = topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == id && e.record().path("addresses").size() == 1);
        assertThat(first.record().path("email").asText()).isEqualTo("rest@example.com");
        assertThat(first.record().has("password_hash")).isFalse();

        JsonNode update = Json.read(Json.write(Map.of("customer", Map.of("id", id, "email", "rest@example.com",
                "firstname", "Grace", "lastname", "Brewster Hopper", "website_id", 1))));
        rest.send("PUT", "/customers/" + id, update);
        ChangeEvent renamed = topics.awaitEvent(Topics.CUSTOMER, e -> e.magentoId() == id
                && e.record().path("lastname").asText().equals("Brewster Hopper"));
        JsonNode api = rest.get("/customers/" + id);
        assertThat(renamed.record().path("lastname").asText()).isEqualTo(api.path("lastname").asText());
        assertThat(renamed.record().path("addresses").size()).isEqualTo(api.path("addresses").size());
    }

    @Test
    void orderCreatedThroughRest() throws Exception {
        JsonNode created = rest.send("PUT", "/orders/create", Json.read("""
                {"entity": {"customer_email": "buyer@example.com", "customer_firstname": "Ada",
                  "customer_lastname": "Lovelace", "customer_is_guest": 1, "base_currency_code": "USD",
                  "order_currency_code": "USD", "grand_total": 20, "base_grand_total": 20, "subtotal": 20,
                  "status": "pending", "state": "new",
                  "items": [{"sku": "ORDER-SKU", "name": "Thing", "qty_ordered": 2, "price": 10, "base_price": 10,
                             "row_total": 20, "base_row_total": 20, "product_type": "simple"}],
                  "billing_address": {"firstname": "Ada", "lastname": "Lovelace", "street": ["1 Way"],
                                      "city": "London", "country_id": "GB", "postcode": "N1", "telephone": "1"}}}
                """));
        long id = created.path("entity_id").asLong();
        ChangeEvent e = topics.awaitEvent(Topics.ORDER, x -> x.magentoId() == id && x.record().path("items").size() == 1);
        JsonNode api = rest.get("/orders/" + id);
        assertThat(e.record().path("increment_id").asText()).isEqualTo(api.path("increment_id").asText());
        assertThat(e.record().path("grand_total").decimalValue()).isEqualByComparingTo(api.path("grand_total").decimalValue());
        assertThat(e.record().path("items").get(0).path("sku").asText()).isEqualTo("ORDER-SKU");
        assertThat(e.record().path("addresses").size()).isEqualTo(1);
    }

}
