package dev.ficus.services;

import static dev.ficus.services.testing.TestEvents.at;
import static dev.ficus.services.testing.TestEvents.publish;
import static dev.ficus.services.testing.TestEvents.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.testing.RawHttp;
import dev.ficus.testing.TestRedisDatabase;
import dev.ficus.testing.TestServers;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import dev.ficus.services.runtime.RedisConnector;
import dev.ficus.services.testing.TestConfig;
import dev.ficus.services.testing.TestEvents;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests no client of a shop should send, sent to the four services as raw bytes: each answers what Magento answers
 * for it (Magento's source is the reference, the file is named on each test; MySQL's side was checked on MariaDB with
 * Magento's utf8_general_ci and SQL_MODE=''), never a 5xx, and nothing is logged as an error. Before these were
 * handled, each test here failed: 500s from PostgreSQL or from exceptions on the event loop, Vert.x's plain-text 400s
 * with "Unhandled exception in router" in the log, 414/431 for requests the gateway passes on, and wrong answers where
 * Vert.x reads a URL differently from PHP.
 */
class ServiceInputIT {
    private static final String F0 = "searchCriteria[filter_groups][0][filters][0]";
    private static final String PRODUCT_NOT_FOUND = "{\"message\":\"The product that was requested doesn't exist. "
            + "Verify the product and try again.\"}";
    private static final String NO_ROUTE = "{\"message\":\"Request does not match any route.\"}";

    private static Vertx vertx;
    private static Redis client;
    private static ReadServices services;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        TestRedisDatabase redisDb = TestServers.freshRedisDatabase();
        RedisConnector redis = RedisConnector.of(redisDb.uri());
        client = redis.connect(vertx);
        RedisStreamPublisher publisher = new RedisStreamPublisher(client, 0, false);
        services = ReadServices.start(EnumSet.allOf(Domain.class), TestConfig.services(),
                new PlatformConfig(TestServers.freshPostgresDatabase(ServiceInputIT.class), redisDb.endpoint()), redis);
        List<ChangeEvent> events = new ArrayList<>();
        // "\uFFFD(" is valid UTF-8 (EF BF BD 28): Magento finds it for %EF%BF%BD( but not for the bytes C3 28
        String[] skus = {"P-1", "AB\\", "a b", "100%", "\uFFFD(", "\uFFFD", "P-10"};
        String[] prices = {"9.99", "5", "1", "2", "3", "6", "4"};
        for (int i = 0; i < skus.length; i++) {
            long id = i + 1;
            events.add(upsert(EntityType.PRODUCT, id, product(id, skus[i], prices[i]), at(id)));
            events.add(upsert(EntityType.STOCK, id, stock(id, skus[i]), at(100 + id)));
        }
        events.add(upsert(EntityType.CUSTOMER, 1, customer(1, "a@example.com"), at(200)));
        events.add(upsert(EntityType.CUSTOMER, 2, customer(2, "b@example.com"), at(201)));
        events.add(upsert(EntityType.ORDER, 1, order(1, "000000001", "10"), at(300)));
        // an edited order names its successor in sales_order's text columns relation_*; a shop's extensions add
        // text columns of their own, which the sync copies into the record like every other column
        ObjectNode edited = order(2, "000000002", "20").put("relation_child_id", "3")
                .put("relation_child_real_id", "000000002-1").put("vendor_reference", "AMZ-1");
        events.add(upsert(EntityType.ORDER, 2, edited, at(301)));
        // the store views come from the sync's store directory, as in a real shop: "default" is a code of it
        events.add(TestEvents.storeDirectory(Map.of("default", 1L), at(400)));
        publish(publisher, events);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get(Domain.CATALOG, "/rest/V1/products/P-10").status() == 200
                        && get(Domain.INVENTORY, "/rest/V1/stockItems/P-10").status() == 200
                        && get(Domain.CUSTOMER, "/rest/V1/customers/2").status() == 200
                        && get(Domain.ORDER, "/rest/V1/orders/2").status() == 200
                        && get(Domain.CATALOG, "/rest/default/V1/products/P-10").status() == 200);
    }

    @AfterAll
    static void stop() {
        services.close();
        client.close();
        vertx.close().await();
    }

    @BeforeEach
    void watchTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void nothingWasLoggedAsAnError() {
        root().detachAppender(log);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                        : ": " + e.getThrowableProxy().getMessage())))
                .as("errors logged while answering").isEmpty();
    }

    /** Magento's ProductRepository::get answers any SKU getIdBySku cannot find with this 404; MySQL finds no SKU equal
     *  to one holding a NUL (app/code/Magento/Catalog/Model/ProductRepository.php). */
    @Test
    void aSkuWithANulIsMagentosProductNotFound() {
        for (String path : List.of("/rest/V1/products/x%00", "/rest/V1/products/P-1%00", "/rest/V1/products/%00",
                "/rest/default/V1/products/P-1%00", "/rest/all/V1/products/x%00")) {
            assertThat(get(Domain.CATALOG, path)).as(path).isEqualTo(reply(404, PRODUCT_NOT_FOUND));
        }
    }

    /**
     * Magento's FieldsFilter (Framework/Webapi/Rest/Response/FieldsFilter.php) meets a TypeError for a selection inside
     * a list of plain values and Magento answers 500; a read service answers no input with a 5xx, so it says 400 in
     * Magento's error shape instead, for every service and without an error in the log.
     */
    @Test
    void aFieldsSelectionInsideAListOfValuesIsTheClientsError() {
        String bad = "{\"message\":\"The fields parameter selects names inside a list of plain values.\"}";
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-1?fields=extension_attributes[website_ids[x]]"))
                .isEqualTo(reply(400, bad));
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-1?fields=sku,extension_attributes[website_ids]").status())
                .isEqualTo(200);
    }

    /** StockRegistry::resolveProductId throws NoSuchEntityException with the SKU as %1
     *  (app/code/Magento/CatalogInventory/Model/StockRegistry.php). */
    @Test
    void aStockItemSkuWithANulIsMagentosSkuNotFound() {
        assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/x%00")).isEqualTo(reply(404,
                "{\"message\":\"The Product with the \\\"%1\\\" SKU doesn't exist.\",\"parameters\":[\"x\\u0000\"]}"));
        assertThat(get(Domain.INVENTORY, "/rest/default/V1/stockItems/P-1%00").status()).isEqualTo(404);
    }

    /**
     * Magento's adapter puts the value into the SQL as a quoted string (prepareSqlCondition in
     * lib/internal/Magento/Framework/DB/Adapter/Pdo/Mysql.php); MySQL then finds no text equal to, like or in a set
     * with a value holding a NUL, so neq/nlike/nin keep every row with a value; a numeric column reads the value's
     * numeric prefix ('9.99\0' is 9.99); ordering puts NUL below every character.
     */
    @Test
    void aFilterValueWithANulMatchesWhatMysqlMatches() {
        assertThat(productSkus("sku", "P-1%00", "eq")).isEmpty();
        assertThat(productSkus("sku", "P-1%00", "like")).isEmpty();
        assertThat(productSkus("sku", "%25%00", "like")).isEmpty();
        assertThat(productSkus("sku", "P-1%00", "finset")).isEmpty();
        assertThat(productSkus("sku", "P-1%00", "neq")).hasSize(7);
        assertThat(productSkus("sku", "P-1%00", "nlike")).hasSize(7);
        assertThat(productSkus("sku", "P-1,x%00", "in")).containsExactly("P-1");
        assertThat(productSkus("sku", "x%00", "in")).isEmpty();
        // Magento's adapter splits "in" values without trimming them, so the NUL stays part of the value
        assertThat(productSkus("sku", "P-1%00", "in")).isEmpty();
        assertThat(productSkus("sku", "x%00", "nin")).hasSize(7);
        assertThat(productSkus("sku", "P-1,x%00", "nin")).hasSize(6).doesNotContain("P-1");
        assertThat(productSkus("sku", "P-1%00", "gt")).contains("P-1", "P-10").doesNotContain("AB\\");
        assertThat(productSkus("sku", "P-1%00", "lt")).contains("AB\\").doesNotContain("P-1", "P-10");
        assertThat(productSkus("price", "9.99%00", "eq")).containsExactly("P-1");
        assertThat(productSkus("price", "5%00x", "gt")).containsExactlyInAnyOrder("P-1", "\uFFFD");
        assertThat(productSkus("price", "%00", "eq")).isEmpty();
        assertThat(search(Domain.ORDER, "/rest/V1/orders", "increment_id", "000000001%00", "eq")
                .get("total_count").asInt()).isZero();
        assertThat(search(Domain.ORDER, "/rest/V1/orders", "increment_id", "000000001%00", "neq")
                .get("total_count").asInt()).isEqualTo(2);
        assertThat(search(Domain.CUSTOMER, "/rest/V1/customers/search", "email", "a@example.com%00", "like")
                .get("total_count").asInt()).isZero();
        JsonNode echoed = search(Domain.CATALOG, "/rest/V1/products", "sku", "P-1%00", "eq");
        assertThat(echoed.at("/search_criteria/filter_groups/0/filters/0/value").asText()).isEqualTo("P-1\u0000");
    }

    /**
     * PHP passes a path's or a query's bytes on undecoded as UTF-8 and MySQL finds nothing equal to bytes that are not
     * UTF-8, not even a stored U+FFFD (Magento's Route::match urldecodes the segment:
     * app/code/Magento/Webapi/Controller/Rest/Router/Route.php).
     */
    @Test
    void bytesThatAreNotUtf8MatchNothing() {
        assertThat(get(Domain.CATALOG, "/rest/V1/products/%EF%BF%BD%28").status()).isEqualTo(200);
        for (String sku : List.of("%C3%28", "%FF", "%ED%A0%80", "\u00ff")) {
            assertThat(get(Domain.CATALOG, "/rest/V1/products/" + sku)).as(sku)
                    .isEqualTo(reply(404, PRODUCT_NOT_FOUND));
            assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/" + sku).status()).as(sku).isEqualTo(404);
        }
        assertThat(productSkus("sku", "%C3%28", "eq")).isEmpty();
        assertThat(productSkus("sku", "%EF%BF%BD%28", "eq")).containsExactly("\uFFFD(");
        assertThat(productSkus("sku", "%FF", "neq")).hasSize(7);
        // such a byte sorts above every character in MySQL
        assertThat(productSkus("sku", "P-1%FF", "lt")).contains("P-1", "P-10").doesNotContain("\uFFFD(");
        assertThat(productSkus("sku", "P-1%FF", "gt")).containsExactlyInAnyOrder("\uFFFD(", "\uFFFD");
    }

    /**
     * PHP's urldecode leaves a "%" without two hex digits as it is, so Magento looks such a SKU up (and finds
     * "100%"), reads such an id as a value of the wrong type, and a store code made of it names no store
     * (Route::match in app/code/Magento/Webapi/Controller/Rest/Router/Route.php, store codes in
     * app/code/Magento/Webapi/Controller/PathProcessor.php, types in
     * lib/internal/Magento/Framework/Reflection/TypeProcessor.php).
     */
    @Test
    void percentSignsWithoutHexDigitsInThePathAreLiteral() {
        assertThat(get(Domain.CATALOG, "/rest/V1/products/100%").status()).isEqualTo(200);
        assertThat(get(Domain.CATALOG, "/rest/V1/products/%zz")).isEqualTo(reply(404, PRODUCT_NOT_FOUND));
        assertThat(get(Domain.CATALOG, "/rest/V1/products/%")).isEqualTo(reply(404, PRODUCT_NOT_FOUND));
        assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/%2")).isEqualTo(reply(404,
                "{\"message\":\"The Product with the \\\"%1\\\" SKU doesn't exist.\",\"parameters\":[\"%2\"]}"));
        assertThat(get(Domain.CUSTOMER, "/rest/V1/customers/%zz")).isEqualTo(reply(400,
                "{\"message\":\"The \\\"%value\\\" value's type is invalid. The \\\"%type\\\" type was expected. "
                        + "Verify and try again.\",\"parameters\":{\"value\":\"%zz\",\"type\":\"int\"}}"));
        assertThat(get(Domain.ORDER, "/rest/V1/orders/%").status()).isEqualTo(400);
        assertThat(get(Domain.CATALOG, "/rest/%zz/V1/products/P-1")).isEqualTo(reply(404, NO_ROUTE));
        assertThat(get(Domain.CATALOG, "/health/%zz").status()).isEqualTo(404);
    }

    /** A request-target that is not a path (asterisk-form) names no route: Magento's 404, as for any path it has no
     *  route for (app/code/Magento/Webapi/Controller/Rest/Router.php), where Vert.x logged an error. */
    @Test
    void aRequestTargetThatIsNoPathMatchesNoRoute() {
        assertThat(get(Domain.CATALOG, "*")).isEqualTo(reply(404, NO_ROUTE));
    }

    /** PHP reads the query with the same urldecode, so "%" without hex digits is literal there too
     *  (the query reaches the service method through app/code/Magento/Webapi/Controller/Rest/InputParamsResolver.php). */
    @Test
    void percentSignsWithoutHexDigitsInTheQueryAreLiteral() {
        assertThat(productSkus("sku", "100%", "eq")).containsExactly("100%");
        assertThat(productSkus("sku", "%zz", "eq")).isEmpty();
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-1?x=%zz").status()).isEqualTo(200);
        assertThat(get(Domain.CATALOG, "/rest/V1/products?%=1&searchCriteria=").status()).isEqualTo(200);
    }

    /** Route::match urldecodes each variable segment, and urldecode reads "+" as a space
     *  (app/code/Magento/Webapi/Controller/Rest/Router/Route.php). */
    @Test
    void aPlusInAPathParameterIsASpace() {
        assertThat(get(Domain.CATALOG, "/rest/V1/products/a+b").body()).contains("\"sku\":\"a b\"");
        assertThat(get(Domain.INVENTORY, "/rest/V1/stockItems/a+b").status()).isEqualTo(200);
    }

    /** Route::match splits the path on "/" and needs as many parts as the route has, so an empty segment matches no
     *  route (app/code/Magento/Webapi/Controller/Rest/Router/Route.php). */
    @Test
    void anEmptyPathSegmentMatchesNoRoute() {
        assertThat(get(Domain.CATALOG, "/rest/V1/products//P-1")).isEqualTo(reply(404, NO_ROUTE));
        assertThat(get(Domain.ORDER, "/rest/V1//orders/1")).isEqualTo(reply(404, NO_ROUTE));
        // leading and trailing slashes are trimmed before the split
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-1/").status()).isEqualTo(200);
        assertThat(get(Domain.CATALOG, "//rest/V1/products/P-1").status()).isEqualTo(200);
    }

    /** PHP separates query parameters with "&" only; a ";" belongs to the value
     *  (app/code/Magento/Webapi/Controller/Rest/InputParamsResolver.php reads PHP's parsed query). */
    @Test
    void aSemicolonInTheQueryIsPartOfTheValue() {
        assertThat(productSkus("sku", "P-1;x", "eq")).isEmpty();
        assertThat(productSkus("sku", "P-1;x", "neq")).hasSize(7);
    }

    /**
     * PHP reads searchCriteria[filter_groups][N] as an array key whatever N is, and Magento's ServiceInputProcessor
     * takes the array's values (lib/internal/Magento/Framework/Webapi/ServiceInputProcessor.php).
     */
    @Test
    void hugeSearchCriteriaIndexesAreIndexes() {
        String big = "99999999999999999999";
        assertThat(skus(get(Domain.CATALOG, "/rest/V1/products?searchCriteria[filter_groups][" + big
                + "][filters][0][field]=sku&searchCriteria[filter_groups][" + big + "][filters][0][value]=P-1")))
                .containsExactly("P-1");
        assertThat(skus(get(Domain.CATALOG, "/rest/V1/products?searchCriteria[filter_groups][0][filters][" + big
                + "][field]=sku&searchCriteria[filter_groups][0][filters][" + big + "][value]=P-1")))
                .containsExactly("P-1");
        assertThat(get(Domain.CATALOG, "/rest/V1/products?searchCriteria[sortOrders][2147483648][field]=sku")
                .status()).isEqualTo(200);
    }

    /** MySQL reads a string met by a number as a double: beyond its range the largest double, below it 0
     *  (prepareSqlCondition in lib/internal/Magento/Framework/DB/Adapter/Pdo/Mysql.php quotes the value). */
    @Test
    void numbersBeyondPostgresqlsRangeCompareAsMysqlDoubles() {
        assertThat(productSkus("price", "1e999999", "gt")).isEmpty();
        assertThat(productSkus("price", "1e999999", "lt")).hasSize(7);
        assertThat(productSkus("price", "-1e999999", "gt")).hasSize(7);
        assertThat(productSkus("price", "1e-999999", "gt")).hasSize(7);
        assertThat(productSkus("price", "1e-999999", "eq")).isEmpty();
        assertThat(productSkus("price", "1e131072,9.99", "in")).containsExactly("P-1");
        assertThat(productSkus("price", "1e99999999999", "lt")).hasSize(7);
        assertThat(search(Domain.ORDER, "/rest/V1/orders", "grand_total", "1e999999", "lteq")
                .get("total_count").asInt()).isEqualTo(2);
    }

    /**
     * sales_order's relation_* columns are varchar(32) (app/code/Magento/Sales/etc/db_schema.xml): Magento compares
     * them as text. A text column the order service does not know (an extension's) no longer fails the numeric
     * reading either; its values compare as unknown there.
     */
    @Test
    void textColumnsOfOrdersAreNotReadAsNumbers() {
        assertThat(search(Domain.ORDER, "/rest/V1/orders", "relation_child_real_id", "000000002-1", "eq")
                .get("total_count").asInt()).isEqualTo(1);
        assertThat(search(Domain.ORDER, "/rest/V1/orders", "vendor_reference", "AMZ-1", "eq")
                .get("total_count").asInt()).isZero();
        assertThat(get(Domain.ORDER, "/rest/V1/orders?searchCriteria[sortOrders][0][field]=vendor_reference")
                .status()).isEqualTo(200);
    }

    /** MySQL's LIKE reads a backslash ending the pattern as a backslash (checked on MariaDB); Magento passes the
     *  value as the pattern (prepareSqlCondition in lib/internal/Magento/Framework/DB/Adapter/Pdo/Mysql.php). */
    @Test
    void aLikePatternEndingInABackslashMatchesABackslash() {
        assertThat(productSkus("sku", "AB%5C", "like")).containsExactly("AB\\");
        assertThat(productSkus("sku", "%5C", "like")).isEmpty();
        assertThat(productSkus("sku", "%5C", "nlike")).hasSize(7);
        assertThat(productSkus("sku", "%25%5C", "like")).containsExactly("AB\\");
    }

    /** /V1/customers/me reads the caller's id from the token (app/code/Magento/Webapi/Controller/Rest/
     *  ParamOverriderCustomerId.php); a header naming no possible customer is no customer caller, 401 as without one. */
    @Test
    void anIdentityHeaderNamingNoPossibleCustomerIsNotAuthorized() {
        for (String id : List.of("99999999999999999999", "9".repeat(4000))) {
            assertThat(get(Domain.CUSTOMER, "/rest/V1/customers/me",
                    Map.of(ServicesConfig.DEFAULT_IDENTITY_HEADER, id))).isEqualTo(reply(401,
                    "{\"message\":\"The consumer isn't authorized to access %resources.\","
                            + "\"parameters\":{\"resources\":\"self\"}}"));
        }
    }

    /**
     * The gateway passes request lines of up to 8 KiB and headers of up to 16 KiB (its defaults, the same as nginx's
     * large_client_header_buffers in front of Magento), so the services take them too rather than answer 414 or 431
     * for reads Magento serves.
     */
    @Test
    void requestLinesAndHeadersTheGatewayPassesAreServed() {
        String manySkus = "P-1" + ",x".repeat(3000);
        assertThat(productSkus("sku", manySkus, "in")).containsExactly("P-1");
        assertThat(get(Domain.CATALOG, "/rest/V1/products/P-1", Map.of("X-Long", "v".repeat(12_000))).status())
                .isEqualTo(200);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static RawHttp.Reply reply(int status, String body) {
        return new RawHttp.Reply(status, body);
    }

    private static RawHttp.Reply get(Domain service, String target) {
        return get(service, target, Map.of());
    }

    private static RawHttp.Reply get(Domain service, String target, Map<String, String> headers) {
        return RawHttp.get(services.port(service), target, headers);
    }

    /** The SKUs a one-filter product search finds ({@code value} is sent as given, percent escapes and all). */
    private static List<String> productSkus(String field, String value, String condition) {
        return skus(RawHttp.get(services.port(Domain.CATALOG), "/rest/V1/products?" + filter(field, value,
                condition)));
    }

    private static JsonNode search(Domain service, String path, String field, String value, String condition) {
        RawHttp.Reply r = get(service, path + "?" + filter(field, value, condition));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Json.read(r.body());
    }

    private static String filter(String field, String value, String condition) {
        return F0 + "[field]=" + field + "&" + F0 + "[value]=" + value + "&" + F0 + "[condition_type]=" + condition;
    }

    private static List<String> skus(RawHttp.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(Json.read(r.body()).get("items").spliterator(), false)
                .map(item -> item.get("sku").asText()).collect(Collectors.toList());
    }

    private static ObjectNode product(long id, String sku, String price) {
        ObjectNode r = Json.object().put("entity_id", id).put("sku", sku).put("type_id", "simple")
                .put("attribute_set_id", 4).put("has_options", 0).put("required_options", 0)
                .put("created_at", "2026-11-01 08:00:00").put("updated_at", "2026-11-01 08:00:00");
        r.putObject("attributes").put("name", "Product " + id).put("price", new BigDecimal(price)).put("status", 1);
        r.putObject("store_attributes");
        r.putArray("website_ids").add(1);
        r.putArray("category_links");
        return r;
    }

    private static ObjectNode stock(long productId, String sku) {
        return Json.object().put("item_id", productId).put("product_id", productId).put("stock_id", 1)
                .put("qty", new BigDecimal("5.0000")).put("is_in_stock", 1).put("sku", sku);
    }

    private static ObjectNode customer(long id, String email) {
        ObjectNode r = Json.object().put("entity_id", id).put("email", email).put("website_id", 1)
                .put("firstname", "First").put("lastname", "Last").put("group_id", 1).put("store_id", 1)
                .put("created_at", "2026-11-01 08:00:00").put("updated_at", "2026-11-01 08:00:00");
        r.putArray("addresses");
        return r;
    }

    private static ObjectNode order(long id, String incrementId, String grandTotal) {
        ObjectNode r = Json.object().put("entity_id", id).put("increment_id", incrementId).put("customer_id", 1)
                .put("store_id", 1).put("state", "new").put("status", "pending")
                .put("grand_total", new BigDecimal(grandTotal))
                .put("created_at", "2026-11-01 08:00:00").put("updated_at", "2026-11-01 08:00:00");
        r.putArray("items");
        r.putArray("addresses");
        return r;
    }
}
