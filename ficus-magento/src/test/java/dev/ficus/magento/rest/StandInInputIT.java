package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.PRODUCT_NOT_FOUND;
import static dev.ficus.magento.testsupport.MagentoBodies.ROUTE_NOT_FOUND;
import static dev.ficus.magento.testsupport.MagentoBodies.stockSkuNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ficus.core.json.Json;
import dev.ficus.testing.RawHttp;
import dev.ficus.magento.testsupport.StandInShop;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests sent to the stand-in as raw bytes, the same ones the read services are tried with (ServiceInputIT): the
 * stand-in reads the URL as PHP and Magento read it and logs no error. It never answered 5xx to them (MariaDB takes a
 * NUL or a long value without complaint), but Vert.x refused a "%" without hex digits with a plain-text 400 and
 * "Unhandled exception in router" in the log, split the query on ";", kept "+" in a path variable and decoded a store
 * code before comparing it: each test here failed on that.
 */
class StandInInputIT {
    private static final String F0 = "searchCriteria[filter_groups][0][filters][0]";
    private static StandInShop shop;
    private static String admin;
    private static int port;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        shop = StandInShop.start(StandInInputIT.class);
        admin = shop.adminToken();
        port = URI.create(shop.standIn.baseUrl()).getPort();
        try (Connection c = shop.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE catalog_product_entity SET sku = '100%' WHERE entity_id = 3");
            s.execute("UPDATE catalog_product_entity SET sku = 'a b' WHERE entity_id = 4");
        }
    }

    @AfterAll
    static void stop() {
        shop.close();
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
                .map(ILoggingEvent::getFormattedMessage)).as("errors logged while answering").isEmpty();
    }

    /**
     * PHP's urldecode leaves a "%" without two hex digits as it is: Magento looks such a SKU up, reads such an id as a
     * value of the wrong type, and a store code made of it names no store (Route::match in
     * app/code/Magento/Webapi/Controller/Rest/Router/Route.php, app/code/Magento/Webapi/Controller/PathProcessor.php).
     */
    @Test
    void percentSignsWithoutHexDigitsInThePathAreLiteral() {
        assertThat(get("/rest/V1/products/100%").body()).contains("\"sku\":\"100%\"");
        assertThat(get("/rest/V1/products/%zz")).isEqualTo(new RawHttp.Reply(404, PRODUCT_NOT_FOUND));
        assertThat(get("/rest/V1/stockItems/%2")).isEqualTo(new RawHttp.Reply(404, stockSkuNotFound("%2")));
        assertThat(get("/rest/V1/customers/%zz")).isEqualTo(new RawHttp.Reply(400,
                "{\"message\":\"The \\\"%value\\\" value's type is invalid. The \\\"%type\\\" type was expected. "
                        + "Verify and try again.\",\"parameters\":{\"value\":\"%zz\",\"type\":\"int\"}}"));
        assertThat(get("/rest/%zz/V1/products/product_dynamic_1")).isEqualTo(new RawHttp.Reply(404, ROUTE_NOT_FOUND));
        assertThat(get("/health/%zz")).isEqualTo(new RawHttp.Reply(404, ROUTE_NOT_FOUND));
    }

    /** The query goes through the same urldecode (PHP's parse_str; read by
     *  app/code/Magento/Webapi/Controller/Rest/InputParamsResolver.php). */
    @Test
    void percentSignsWithoutHexDigitsInTheQueryAreLiteral() {
        assertThat(skus("sku", "100%", "eq")).containsExactly("100%");
        assertThat(skus("sku", "%zz", "eq")).isEmpty();
        assertThat(get("/rest/V1/products/product_dynamic_1?x=%zz").status()).isEqualTo(200);
    }

    /** PHP separates query parameters with "&" only (app/code/Magento/Webapi/Controller/Rest/InputParamsResolver.php
     *  reads PHP's parsed query). */
    @Test
    void aSemicolonInTheQueryIsPartOfTheValue() {
        assertThat(skus("sku", "product_dynamic_1;x", "eq")).isEmpty();
    }

    /** Route::match urldecodes each variable, and urldecode reads "+" as a space
     *  (app/code/Magento/Webapi/Controller/Rest/Router/Route.php). */
    @Test
    void aPlusInAPathParameterIsASpace() {
        assertThat(get("/rest/V1/products/a+b").body()).contains("\"sku\":\"a b\"");
    }

    /** PathProcessor compares the first segment with the store codes as it was sent, undecoded
     *  (app/code/Magento/Webapi/Controller/PathProcessor.php). */
    @Test
    void aStoreCodeIsComparedAsItWasSent() {
        assertThat(get("/rest/defaul%74/V1/products/product_dynamic_1"))
                .isEqualTo(new RawHttp.Reply(404, ROUTE_NOT_FOUND));
        assertThat(get("/rest/default/V1/products/product_dynamic_1").status()).isEqualTo(200);
    }

    /** A request-target that is not a path names no route (app/code/Magento/Webapi/Controller/Rest/Router.php). */
    @Test
    void aRequestTargetThatIsNoPathMatchesNoRoute() {
        assertThat(get("*")).isEqualTo(new RawHttp.Reply(404, ROUTE_NOT_FOUND));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static RawHttp.Reply get(String target) {
        return RawHttp.get(port, target, Map.of("Authorization", "Bearer " + admin));
    }

    private static List<String> skus(String field, String value, String condition) {
        RawHttp.Reply r = get("/rest/V1/products?" + F0 + "[field]=" + field + "&" + F0 + "[value]=" + value + "&" + F0
                + "[condition_type]=" + condition);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(Json.read(r.body()).get("items").spliterator(), false)
                .map(item -> item.get("sku").asText()).toList();
    }
}
