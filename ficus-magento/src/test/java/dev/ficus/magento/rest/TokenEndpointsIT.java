package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.DECODING_ERROR;
import static dev.ficus.magento.testsupport.MagentoBodies.INVALID_LOGIN;
import static dev.ficus.magento.testsupport.MagentoBodies.required;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenEndpointsIT {
    private static StandInShop shop;

    @BeforeAll
    static void start() {
        shop = StandInShop.start(TokenEndpointsIT.class);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void adminTokenForTheRightLoginIsAJsonStringThatOpensAdminRoutes() {
        Http.Response r = shop.http.send("POST", "/rest/V1/integration/admin/token", null, StandInShop.ADMIN_LOGIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("\"").endsWith("\"");
        assertThat(shop.http.get("/rest/V1/orders/1", r.json().asText()).status()).isEqualTo(200);
    }

    @Test
    void adminTokenForAWrongPasswordIs401() {
        Http.Response r = shop.http.send("POST", "/rest/V1/integration/admin/token", null,
                "{\"username\":\"admin\",\"password\":\"nope\"}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo(INVALID_LOGIN);
    }

    @Test
    void adminTokenWithoutAPasswordIsARequiredField() {
        Http.Response r = shop.http.send("POST", "/rest/V1/integration/admin/token", null, "{\"username\":\"admin\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(required("password"));
    }

    @Test
    void adminTokenWithoutAnyCredentialIsAnAggregateOfBothMissingFields() {
        Http.Response r = shop.http.send("POST", "/rest/V1/integration/admin/token", null, "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":\"One or more input exceptions have occurred.\",\"errors\":["
                + required("username") + "," + required("password") + "]}");
    }

    @Test
    void adminTokenWithMalformedJsonIsADecodingError() {
        Http.Response r = shop.http.send("POST", "/rest/V1/integration/admin/token", null, "{\"username\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(DECODING_ERROR);
    }

    @Test
    void customerTokenForAFixtureCustomerOpensCustomersMe() {
        String token = shop.customerToken("user_3@example.com", MagentoSeeder.CUSTOMER_PASSWORD);
        Http.Response me = shop.http.get("/rest/V1/customers/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(3);
    }

    @Test
    void customerTokenForAWrongPasswordOrUnknownEmailIs401() {
        for (String body : new String[] {"{\"username\":\"user_3@example.com\",\"password\":\"wrong\"}",
                "{\"username\":\"nobody@example.com\",\"password\":\"123123q\"}"}) {
            Http.Response r = shop.http.send("POST", "/rest/V1/integration/customer/token", null, body);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(INVALID_LOGIN);
        }
    }

    @Test
    void customerTokenWithMissingFieldOrMalformedJsonIs400() {
        Http.Response missing = shop.http.send("POST", "/rest/V1/integration/customer/token", null,
                "{\"password\":\"123123q\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo(required("username"));
        Http.Response malformed = shop.http.send("POST", "/rest/V1/integration/customer/token", null, "not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo(DECODING_ERROR);
    }
}
