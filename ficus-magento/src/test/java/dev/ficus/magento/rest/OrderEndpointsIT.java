package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.DECODING_ERROR;
import static dev.ficus.magento.testsupport.MagentoBodies.ORDER_NOT_FOUND;
import static dev.ficus.magento.testsupport.MagentoBodies.notAuthorized;
import static dev.ficus.magento.testsupport.MagentoBodies.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderEndpointsIT {
    private static StandInShop shop;
    private static String admin;

    @BeforeAll
    static void start() {
        shop = StandInShop.start(OrderEndpointsIT.class);
        admin = shop.adminToken();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void getOrderPrintsItemsAddressesPaymentAndExtensionAttributes() {
        Http.Response r = shop.http.get("/rest/V1/orders/1", admin);
        assertThat(r.status()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.get("entity_id").asInt()).isEqualTo(1);
        assertThat(o.get("increment_id").asText()).isEqualTo("000000001");
        assertThat(o.get("items")).hasSize(2);
        assertThat(o.get("billing_address").get("address_type").asText()).isEqualTo("billing");
        assertThat(o.get("billing_address").get("street").isArray()).isTrue();
        assertThat(o.get("payment").get("method").asText()).isEqualTo("checkmo");
        assertThat(o.get("payment").get("additional_information").get(0).asText()).isEqualTo("Check / Money order");
        assertThat(o.get("payment").get("cc_last4").isNull()).isTrue();
        JsonNode shipping = o.get("extension_attributes").get("shipping_assignments").get(0).get("shipping");
        assertThat(shipping.get("method").asText()).isEqualTo("flatrate_flatrate");
        assertThat(shipping.get("address").get("address_type").asText()).isEqualTo("shipping");
        assertThat(o.get("grand_total").asDouble()).isEqualTo(o.get("subtotal").asDouble() + o.get("shipping_amount").asDouble());
        java.util.List<String> fields = ProductEndpointsIT.fieldNames(o);
        assertThat(fields).endsWith("items", "billing_address", "payment", "status_histories", "extension_attributes");
        // getter order keeps the renamed tax-compensation fields where "hidden_tax" sorted
        assertThat(fields.indexOf("base_discount_tax_compensation_amount")).isGreaterThan(fields.indexOf("base_grand_total"));
    }

    @Test
    void missingOrderIs404() {
        Http.Response r = shop.http.get("/rest/V1/orders/424242", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(ORDER_NOT_FOUND);
    }

    @Test
    void orderRoutesNeedAnAdminToken() {
        for (String token : new String[] {null, "garbage"}) {
            Http.Response one = shop.http.get("/rest/V1/orders/1", token);
            assertThat(one.status()).isEqualTo(401);
            assertThat(one.body()).isEqualTo(notAuthorized("Magento_Sales::sales"));
            assertThat(shop.http.get("/rest/V1/orders?searchCriteria[pageSize]=1", token).body())
                    .isEqualTo(notAuthorized("Magento_Sales::sales"));
            Http.Response create = shop.http.send("PUT", "/rest/V1/orders/create", token, "{\"entity\":{}}");
            assertThat(create.status()).isEqualTo(401);
            assertThat(create.body()).isEqualTo(notAuthorized("Magento_Sales::create"));
        }
    }

    @Test
    void listFiltersSortsAndPages() {
        JsonNode r = shop.http.get("/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=status"
                + "&searchCriteria[filter_groups][0][filters][0][value]=pending"
                + "&searchCriteria[sortOrders][0][field]=grand_total&searchCriteria[sortOrders][0][direction]=ASC"
                + "&searchCriteria[pageSize]=10&searchCriteria[currentPage]=1", admin).json();
        assertThat(r.get("total_count").asInt()).isGreaterThanOrEqualTo(80);
        assertThat(r.get("items")).hasSize(10);
        assertThat(r.get("items").get(0).get("grand_total").asDouble())
                .isLessThanOrEqualTo(r.get("items").get(9).get("grand_total").asDouble());
        assertThat(shop.http.get("/rest/V1/orders", admin).body()).isEqualTo(required("searchCriteria"));
    }

    @Test
    void createStoresTheOrderAndComputesMissingTotals() {
        Http.Response r = shop.http.send("PUT", "/rest/V1/orders/create", admin, "{\"entity\":{\"customer_id\":4,"
                + "\"shipping_amount\":5,\"items\":[{\"sku\":\"product_dynamic_3\",\"name\":\"Three\",\"price\":10,\"qty_ordered\":2}],"
                + "\"billing_address\":{\"firstname\":\"A\",\"lastname\":\"B\",\"street\":[\"1 St\"],\"city\":\"Austin\","
                + "\"country_id\":\"US\",\"telephone\":\"1\",\"postcode\":\"73301\"},"
                + "\"payment\":{\"method\":\"checkmo\",\"additional_information\":[\"Check / Money order\"]},"
                + "\"extension_attributes\":{\"shipping_assignments\":[{\"shipping\":{\"method\":\"flatrate_flatrate\","
                + "\"address\":{\"firstname\":\"A\",\"lastname\":\"B\",\"street\":[\"1 St\"],\"city\":\"Austin\","
                + "\"country_id\":\"US\",\"telephone\":\"1\"}}}]}}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode o = r.json();
        assertThat(o.get("increment_id").asText()).hasSize(9);
        assertThat(o.get("grand_total").toString()).isEqualTo("25");
        assertThat(o.get("customer_email").asText()).isEqualTo("user_4@example.com");
        assertThat(o.get("items").get(0).get("product_id").asInt()).isEqualTo(3);
        assertThat(o.get("payment").get("additional_information").get(0).asText()).isEqualTo("Check / Money order");
        assertThat(shop.http.get("/rest/V1/orders/" + o.get("entity_id").asInt(), admin).body()).isEqualTo(r.body());
    }

    @Test
    void createWithMalformedJsonOrWithoutEntityIs400() {
        assertThat(shop.http.send("PUT", "/rest/V1/orders/create", admin, "{{").body()).isEqualTo(DECODING_ERROR);
        Http.Response none = shop.http.send("PUT", "/rest/V1/orders/create", admin, "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).isEqualTo(required("entity"));
        Http.Response noItems = shop.http.send("PUT", "/rest/V1/orders/create", admin, "{\"entity\":{\"customer_id\":1}}");
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.body()).isEqualTo(required("items"));
    }
}
