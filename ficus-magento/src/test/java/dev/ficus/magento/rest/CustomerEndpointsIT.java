package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.DECODING_ERROR;
import static dev.ficus.magento.testsupport.MagentoBodies.customerNotFound;
import static dev.ficus.magento.testsupport.MagentoBodies.notAuthorized;
import static dev.ficus.magento.testsupport.MagentoBodies.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerEndpointsIT {
    private static final String READ = notAuthorized("Magento_Customer::customer");
    private static final String MANAGE = notAuthorized("Magento_Customer::manage");
    private static StandInShop shop;
    private static String admin;

    @BeforeAll
    static void start() {
        shop = StandInShop.start(CustomerEndpointsIT.class);
        admin = shop.adminToken();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void getCustomerPrintsMagentosShape() {
        Http.Response r = shop.http.get("/rest/V1/customers/2", admin);
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(ProductEndpointsIT.fieldNames(c)).startsWith("id", "group_id", "default_billing", "default_shipping",
                "created_at", "updated_at", "created_in").endsWith("addresses", "disable_auto_group_change",
                "extension_attributes");
        assertThat(c.get("default_billing").isTextual()).isTrue();
        assertThat(c.get("email").asText()).isEqualTo("user_2@example.com");
        JsonNode a = c.get("addresses").get(0);
        assertThat(a.get("region").toString()).isEqualTo("{\"region_code\":\"TX\",\"region\":\"Texas\",\"region_id\":57}");
        assertThat(a.get("street").isArray()).isTrue();
        assertThat(a.get("default_billing").asBoolean()).isTrue();
        assertThat(c.has("password_hash")).isFalse();
    }

    @Test
    void missingCustomerIs404WithItsIdInTheParameters() {
        Http.Response r = shop.http.get("/rest/V1/customers/99999", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(customerNotFound(99999));
        Http.Response put = shop.http.send("PUT", "/rest/V1/customers/99999", admin, "{\"customer\":{\"firstname\":\"X\"}}");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.body()).isEqualTo(customerNotFound(99999));
    }

    @Test
    void customerRoutesNeedAnAdminToken() {
        String customer = shop.customerToken("user_1@example.com", MagentoSeeder.CUSTOMER_PASSWORD);
        for (String token : new String[] {null, "garbage", customer}) {
            assertThat(shop.http.get("/rest/V1/customers/1", token).body()).isEqualTo(READ);
            assertThat(shop.http.get("/rest/V1/customers/search?searchCriteria[pageSize]=1", token).body()).isEqualTo(READ);
            Http.Response put = shop.http.send("PUT", "/rest/V1/customers/1", token, "{\"customer\":{}}");
            assertThat(put.status()).isEqualTo(401);
            assertThat(put.body()).isEqualTo(MANAGE);
        }
    }

    @Test
    void meNeedsACustomerToken() {
        for (String token : new String[] {null, "garbage", admin}) {
            Http.Response r = shop.http.get("/rest/V1/customers/me", token);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(notAuthorized("self"));
        }
        String token = shop.customerToken("user_7@example.com", MagentoSeeder.CUSTOMER_PASSWORD);
        assertThat(shop.http.get("/rest/V1/customers/me", token).json().get("email").asText()).isEqualTo("user_7@example.com");
    }

    @Test
    void searchFiltersAndPages() {
        JsonNode r = shop.http.get("/rest/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=email"
                + "&searchCriteria[filter_groups][0][filters][0][value]=user_1%25"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=like"
                + "&searchCriteria[sortOrders][0][field]=entity_id&searchCriteria[sortOrders][0][direction]=DESC"
                + "&searchCriteria[pageSize]=5", admin).json();
        // user_1, user_10..19, user_100..199
        assertThat(r.get("total_count").asInt()).isEqualTo(111);
        assertThat(r.get("items")).hasSize(5);
        assertThat(r.get("items").get(0).get("id").asInt()).isEqualTo(199);
        assertThat(shop.http.get("/rest/V1/customers/search", admin).body()).isEqualTo(required("searchCriteria"));
    }

    @Test
    void anonymousSignUpCreatesACustomerWhoCanLogIn() {
        Http.Response r = shop.http.send("POST", "/rest/V1/customers", null, "{\"customer\":{\"email\":\"new@example.com\","
                + "\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"addresses\":[{\"firstname\":\"Ada\",\"lastname\":\"Lovelace\","
                + "\"street\":[\"1 Analytical Way\",\"Floor 2\"],\"city\":\"Austin\",\"country_id\":\"US\",\"region_id\":57,"
                + "\"postcode\":\"73301\",\"telephone\":\"512-555-0000\",\"default_billing\":true,\"default_shipping\":true}]},"
                + "\"password\":\"Secret-pass-1\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("website_id").asInt()).isEqualTo(1);
        assertThat(c.get("addresses").get(0).get("street").toString()).isEqualTo("[\"1 Analytical Way\",\"Floor 2\"]");
        assertThat(c.get("default_billing").asText()).isEqualTo(c.get("addresses").get(0).get("id").asText());
        String token = shop.customerToken("new@example.com", "Secret-pass-1");
        assertThat(shop.http.get("/rest/V1/customers/me", token).json().get("id").asLong()).isEqualTo(c.get("id").asLong());

        Http.Response again = shop.http.send("POST", "/rest/V1/customers", null,
                "{\"customer\":{\"email\":\"new@example.com\",\"firstname\":\"A\",\"lastname\":\"B\"}}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"message\":\"A customer with the same email address already exists in an"
                + " associated website.\"}");
    }

    @Test
    void signUpWithMalformedJsonOrMissingFieldsIs400() {
        assertThat(shop.http.send("POST", "/rest/V1/customers", null, "{").body()).isEqualTo(DECODING_ERROR);
        Http.Response noCustomer = shop.http.send("POST", "/rest/V1/customers", null, "{\"password\":\"x\"}");
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.body()).isEqualTo(required("customer"));
        Http.Response noEmail = shop.http.send("POST", "/rest/V1/customers", null,
                "{\"customer\":{\"firstname\":\"A\",\"lastname\":\"B\"}}");
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.body()).isEqualTo(required("email"));
    }

    @Test
    void putUpdatesFieldsAndReplacesAddresses() throws Exception {
        Http.Response r = shop.http.send("PUT", "/rest/V1/customers/5", admin, "{\"customer\":{\"id\":5,\"firstname\":\"Renamed\","
                + "\"addresses\":[{\"firstname\":\"Renamed\",\"lastname\":\"Person\",\"street\":[\"9 New St\"],\"city\":\"Dallas\","
                + "\"country_id\":\"US\",\"telephone\":\"512-555-1111\",\"default_shipping\":true},"
                + "{\"firstname\":\"Renamed\",\"lastname\":\"Person\",\"street\":[\"10 Other St\"],\"city\":\"Plano\","
                + "\"country_id\":\"US\",\"telephone\":\"512-555-2222\",\"default_billing\":true}]}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("firstname").asText()).isEqualTo("Renamed");
        assertThat(c.get("addresses")).hasSize(2);
        assertThat(shop.count("SELECT COUNT(*) FROM customer_address_entity WHERE parent_id = 5")).isEqualTo(2);
        assertThat(c.get("default_shipping").asText()).isNotEqualTo(c.get("default_billing").asText());

        assertThat(shop.http.send("PUT", "/rest/V1/customers/5", admin, "{\"customer\":").body()).isEqualTo(DECODING_ERROR);
        Http.Response noCustomer = shop.http.send("PUT", "/rest/V1/customers/5", admin, "{}");
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.body()).isEqualTo(required("customer"));
        Http.Response badAddress = shop.http.send("PUT", "/rest/V1/customers/5", admin,
                "{\"customer\":{\"addresses\":[{\"firstname\":\"A\",\"lastname\":\"B\",\"street\":[\"x\"],\"city\":\"c\","
                        + "\"country_id\":\"US\"}]}}");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).isEqualTo(required("telephone"));
    }
}
