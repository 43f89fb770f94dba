package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Topics;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.InList;
import dev.ficus.sync.eav.ProductExtractor;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.health.SyncState;
import dev.ficus.sync.source.SnapshotProgress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The initial snapshot of the seeded small profile (the Performance Toolkit's small shop): one event per entity in
 * every domain, and each event saying what the Magento stand-in's REST API says about the same entity (every
 * configurable's options and children too). The snapshot
 * runs under a read-rate cap, which its progress line shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotIT {
    private TestShop shop;
    private TopicReader topics;
    private MagentoStandIn standIn;
    private StandInRest rest;
    private final ListAppender<ILoggingEvent> progressLog = new ListAppender<>();

    @BeforeAll
    void snapshot(@TempDir Path dir) throws Exception {
        shop = TestShop.create(SnapshotIT.class, FixtureProfile.SMALL);
        topics = new TopicReader(shop.redis);
        topics.clear();
        progressLog.start();
        ((Logger) LoggerFactory.getLogger(SnapshotProgress.class)).addAppender(progressLog);
        long rows = shop.queryLong("SELECT (SELECT count(*) FROM catalog_product_entity) "
                + "+ (SELECT count(*) FROM customer_entity) + (SELECT count(*) FROM sales_order)");
        try (SyncService sync = shop.startSync(dir, "snapshot:\n  max_rows_per_second: 50000\n")) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    topics.length(Topics.PRODUCT) + topics.length(Topics.CUSTOMER) + topics.length(Topics.ORDER) >= rows
                            && sync.state().phase() == SyncState.Phase.STREAMING);
        }
        standIn = MagentoStandIn.start(MagentoStandInConfig.defaults(0), shop.magento);
        rest = new StandInRest(standIn.baseUrl(), MagentoStandInConfig.DEV_ADMIN_USER,
                MagentoStandInConfig.DEV_ADMIN_PASSWORD);
    }

    @AfterAll
    void close() {
        if (standIn != null) {
            standIn.close();
        }
        topics.close();
        ((Logger) LoggerFactory.getLogger(SnapshotProgress.class)).detachAppender(progressLog);
    }

    @Test
    void everyEntityHasExactlyOneSnapshotEvent() throws Exception {
        assertOnePerEntity(Topics.PRODUCT, "SELECT count(*) FROM catalog_product_entity");
        assertOnePerEntity(Topics.CUSTOMER, "SELECT count(*) FROM customer_entity");
        assertOnePerEntity(Topics.ORDER, "SELECT count(*) FROM sales_order");
        assertOnePerEntity(Topics.STOCK, "SELECT count(DISTINCT product_id) FROM cataloginventory_stock_item");
        assertThat(topics.length(Topics.DLQ)).isZero();
    }

    @Test
    void theProgressLineShowsTheCap() {
        assertThat(progressLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("snapshot started") && m.contains("cap 50,000 rows/s"))
                .anyMatch(m -> m.startsWith("snapshot done"));
    }

    @Test
    void productEventsSayWhatTheRestApiSays() throws Exception {
        for (ChangeEvent e : sample(Topics.PRODUCT)) {
            JsonNode r = e.record();
            JsonNode api = rest.get("/products/" + StandInRest.encode(r.path("sku").asText()));
            assertThat(api.path("id").asLong()).isEqualTo(e.magentoId());
            assertThat(r.path("type_id").asText()).isEqualTo(api.path("type_id").asText());
            assertThat(r.path("attribute_set_id").asLong()).isEqualTo(api.path("attribute_set_id").asLong());
            JsonNode attrs = effectiveAttributes(r, 1);
            assertSame(attrs.path("name"), api.path("name"), "name of " + e.subject());
            if (r.path("type_id").asText().equals("configurable")) {
                // a configurable's REST price is its price model's answer, 0, not an attribute of the record
                // (ConfigurableProduct/Model/Product/Type/Configurable/Price::getPrice)
                assertThat(api.path("price").toString()).as("price of " + e.subject()).isEqualTo("0");
            } else {
                assertSame(attrs.path("price"), api.path("price"), "price of " + e.subject());
            }
            assertSame(attrs.path("status"), api.path("status"), "status of " + e.subject());
            assertSame(attrs.path("visibility"), api.path("visibility"), "visibility of " + e.subject());
            for (JsonNode custom : api.path("custom_attributes")) {
                String code = custom.path("attribute_code").asText();
                if (code.equals("category_ids")) {
                    continue;
                }
                // static attributes (has_options, …) are columns of the entity row, the others EAV values
                JsonNode ours = attrs.has(code) ? attrs.path(code) : r.path(code);
                assertSame(ours, custom.path("value"), code + " of " + e.subject());
            }
            assertThat(r.path("website_ids").toString())
                    .isEqualTo(api.path("extension_attributes").path("website_ids").toString());
            List<String> ours = new ArrayList<>();
            r.path("category_links").forEach(l -> ours.add(l.path("category_id").asText() + "@" + l.path("position").asLong()));
            List<String> theirs = new ArrayList<>();
            api.path("extension_attributes").path("category_links")
                    .forEach(l -> theirs.add(l.path("category_id").asText() + "@" + l.path("position").asLong()));
            assertThat(ours).as("category links of " + e.subject()).containsExactlyElementsOf(theirs);
        }
    }

    @Test
    void oneExtractionOfMoreProductsThanAQueryChunkKeepsEveryProductsLinks() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (ChangeEvent e : topics.events(Topics.PRODUCT)) {
            ids.add(e.magentoId());
        }
        assertThat(ids.size()).isGreaterThan(InList.CHUNK);
        try (Connection c = shop.magentoConnection()) {
            // the default reads: one locking statement per table and chunk
            Reads.LOCKING.prepare(c);
            Map<Long, ObjectNode> records = new ProductExtractor(new AttributeCatalog()).extract(c, ids, Reads.LOCKING);
            assertThat(records).hasSize(ids.size());
            long linked = shop.queryLong("SELECT count(DISTINCT product_id) FROM catalog_category_product");
            assertThat(linked).isPositive();
            // the seeded shop puts every product in website 1, and each of the linked ones in one category
            assertThat(records.values()).allSatisfy(r ->
                    assertThat(r.path("website_ids").toString()).as(r.path("sku").asText()).isEqualTo("[1]"));
            assertThat(records.values().stream().filter(r -> r.path("category_links").size() == 1).count())
                    .isEqualTo(linked);
        }
    }

    @Test
    void configurableEventsSayWhatTheRestApiSays() throws Exception {
        List<ChangeEvent> configurables = topics.events(Topics.PRODUCT).stream()
                .filter(e -> e.record().path("type_id").asText().equals("configurable")).toList();
        assertThat(configurables).hasSize((int) shop.queryLong(
                "SELECT count(*) FROM catalog_product_entity WHERE type_id = 'configurable'"));
        for (ChangeEvent e : configurables) {
            JsonNode r = e.record();
            JsonNode ext = rest.get("/products/" + StandInRest.encode(r.path("sku").asText())).path("extension_attributes");
            assertThat(r.path("configurable_product_links").toString()).as("links of " + e.subject())
                    .isEqualTo(ext.path("configurable_product_links").toString());
            JsonNode theirs = ext.path("configurable_product_options");
            assertThat(r.path("configurable_product_options").size()).isEqualTo(theirs.size()).isPositive();
            for (int i = 0; i < theirs.size(); i++) {
                JsonNode ours = r.path("configurable_product_options").get(i);
                for (String field : List.of("id", "attribute_id", "label", "position", "product_id")) {
                    assertSame(ours.path(field), theirs.get(i).path(field), field + " of an option of " + e.subject());
                }
                assertThat(ours.path("values").toString()).isEqualTo(theirs.get(i).path("values").toString());
            }
        }
    }

    @Test
    void customerEventsSayWhatTheRestApiSays() throws Exception {
        for (ChangeEvent e : sample(Topics.CUSTOMER)) {
            JsonNode r = e.record();
            JsonNode api = rest.get("/customers/" + e.magentoId());
            for (String field : List.of("email", "firstname", "lastname", "website_id", "group_id", "store_id")) {
                assertSame(r.path(field), api.path(field), field + " of " + e.subject());
            }
            assertThat(r.path("addresses").size()).isEqualTo(api.path("addresses").size());
            Map<Long, JsonNode> apiAddresses = new HashMap<>();
            api.path("addresses").forEach(a -> apiAddresses.put(a.path("id").asLong(), a));
            for (JsonNode a : r.path("addresses")) {
                JsonNode theirs = apiAddresses.get(a.path("entity_id").asLong());
                assertThat(theirs).as("address %s of %s", a.path("entity_id"), e.subject()).isNotNull();
                for (String field : List.of("city", "postcode", "country_id", "telephone", "firstname", "lastname")) {
                    assertSame(a.path(field), theirs.path(field), "address " + field + " of " + e.subject());
                }
            }
        }
    }

    @Test
    void orderEventsSayWhatTheRestApiSays() throws Exception {
        for (ChangeEvent e : sample(Topics.ORDER)) {
            JsonNode r = e.record();
            JsonNode api = rest.get("/orders/" + e.magentoId());
            for (String field : List.of("increment_id", "status", "state", "grand_total", "customer_email",
                    "subtotal", "store_id")) {
                assertSame(r.path(field), api.path(field), field + " of " + e.subject());
            }
            for (String field : List.of("entity_id", "method", "amount_ordered", "shipping_amount")) {
                assertSame(r.path("payment").path(field), api.path("payment").path(field),
                        "payment " + field + " of " + e.subject());
            }
            List<String> ours = new ArrayList<>();
            r.path("items").forEach(i -> ours.add(i.path("sku").asText()));
            List<String> theirs = new ArrayList<>();
            api.path("items").forEach(i -> theirs.add(i.path("sku").asText()));
            assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
        }
    }

    @Test
    void stockEventsSayWhatTheRestApiSays() throws Exception {
        for (ChangeEvent e : sample(Topics.STOCK)) {
            JsonNode r = e.record();
            JsonNode api = rest.get("/stockItems/" + StandInRest.encode(r.path("sku").asText()));
            for (String field : List.of("product_id", "stock_id", "qty", "is_in_stock", "min_sale_qty", "manage_stock")) {
                assertSame(r.path(field), api.path(field), field + " of " + e.subject());
            }
        }
    }

    /** Store view values over the defaults, as Magento reads a product for one store. */
    private static JsonNode effectiveAttributes(JsonNode record, int storeId) {
        var merged = record.path("attributes").deepCopy();
        record.path("store_attributes").path(Integer.toString(storeId)).fields()
                .forEachRemaining(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) merged).set(f.getKey(), f.getValue()));
        return merged;
    }

    /** Equal as Magento means it: numbers by value whatever their JSON type, everything else as text. */
    private static void assertSame(JsonNode ours, JsonNode theirs, String what) {
        if (theirs.isMissingNode() || theirs.isNull()) {
            assertThat(ours.isMissingNode() || ours.isNull()).as(what + ": ours " + ours + ", API has none").isTrue();
            return;
        }
        if (theirs.isBoolean()) {
            // Magento's REST API shows some smallint flags as booleans
            assertThat(number(ours)).as(what).isNotNull();
            assertThat(number(ours).signum() != 0).as(what).isEqualTo(theirs.asBoolean());
            return;
        }
        BigDecimal a = number(ours);
        BigDecimal b = number(theirs);
        if (a != null && b != null) {
            assertThat(a).as(what).isEqualByComparingTo(b);
        } else {
            assertThat(ours.asText()).as(what).isEqualTo(theirs.asText());
        }
    }

    private static BigDecimal number(JsonNode n) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return n.isTextual() ? new BigDecimal(n.asText()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every 10th event of the topic (the comparison goes through HTTP, one entity at a time). */
    private List<ChangeEvent> sample(String topic) throws Exception {
        List<ChangeEvent> all = topics.events(topic);
        List<ChangeEvent> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) {
            out.add(all.get(i));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private void assertOnePerEntity(String topic, String countSql) throws Exception {
        List<ChangeEvent> events = topics.events(topic);
        Map<Long, Long> perEntity = events.stream()
                .collect(Collectors.groupingBy(ChangeEvent::magentoId, Collectors.counting()));
        assertThat(perEntity.size()).as(topic).isEqualTo(shop.queryLong(countSql));
        assertThat(perEntity.values()).as(topic + ": one event each").allMatch(n -> n == 1);
        assertThat(events).allMatch(e -> e.source().snapshot());
    }
}
