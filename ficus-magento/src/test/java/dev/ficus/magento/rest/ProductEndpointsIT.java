package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.DECODING_ERROR;
import static dev.ficus.magento.testsupport.MagentoBodies.PRODUCT_NOT_FOUND;
import static dev.ficus.magento.testsupport.MagentoBodies.ROUTE_NOT_FOUND;
import static dev.ficus.magento.testsupport.MagentoBodies.notAuthorized;
import static dev.ficus.magento.testsupport.MagentoBodies.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductEndpointsIT {
    private static final String UNAUTHORIZED = notAuthorized("Magento_Catalog::products");
    private static StandInShop shop;
    private static String admin;

    @BeforeAll
    static void start() {
        shop = StandInShop.start(ProductEndpointsIT.class);
        admin = shop.adminToken();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void getProductPrintsMagentosShapeWithTheStockItem() {
        Http.Response r = shop.http.get("/rest/V1/products/product_dynamic_1", admin);
        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(fieldNames(p)).containsExactly("id", "sku", "name", "attribute_set_id", "price", "status",
                "visibility", "type_id", "created_at", "updated_at", "weight", "extension_attributes", "product_links",
                "options", "media_gallery_entries", "tier_prices", "custom_attributes");
        assertThat(p.get("id").asLong()).isEqualTo(1);
        assertThat(p.get("price").isNumber()).isTrue();
        assertThat(p.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonNode ext = p.get("extension_attributes");
        assertThat(ext.get("website_ids").get(0).asInt()).isEqualTo(1);
        assertThat(ext.get("category_links").get(0).get("category_id").isTextual()).isTrue();
        assertThat(ext.get("stock_item").get("qty").isNumber()).isTrue();
        assertThat(ext.get("stock_item").get("low_stock_date").isNull()).isTrue();
        for (JsonNode a : p.get("custom_attributes")) {
            JsonNode v = a.get("value");
            assertThat(v.isTextual() || a.get("attribute_code").asText().equals("category_ids"))
                    .as(a.toString()).isTrue();
        }
        assertThat(customAttribute(p, "tax_class_id")).isEqualTo("2");
        assertThat(customAttribute(p, "url_key")).isNotBlank();
    }

    @Test
    void aConfigurableCarriesItsOptionsAndChildren() {
        JsonNode p = shop.http.get("/rest/V1/products/configurable_1", admin).json();
        assertThat(p.get("type_id").asText()).isEqualTo("configurable");
        JsonNode ext = p.get("extension_attributes");
        assertThat(ext.get("configurable_product_links")).hasSize(24);
        assertThat(ext.get("configurable_product_options").get(0).get("values")).hasSize(24);
        // Product::getPrice asks the configurable price model, which answers 0 without a chosen child
        // (ConfigurableProduct/Model/Product/Type/Configurable/Price::getPrice)
        assertThat(p.get("price").toString()).isEqualTo("0");
    }

    @Test
    void anOptionsLabelComesFromItsLabelRowsPerStoreView() throws Exception {
        String attributeLabel = shop.row("SELECT ea.frontend_label FROM catalog_product_super_attribute sa JOIN "
                + "eav_attribute ea ON ea.attribute_id = sa.attribute_id JOIN catalog_product_entity p ON "
                + "p.entity_id = sa.product_id WHERE p.sku = 'configurable_5'").get("frontend_label").toString();
        String superAttribute = "(SELECT sa.product_super_attribute_id FROM catalog_product_super_attribute sa JOIN "
                + "catalog_product_entity p ON p.entity_id = sa.product_id WHERE p.sku = 'configurable_5')";
        try (Connection c = shop.connect(); Statement st = c.createStatement()) {
            // a store view row without the store 0 row is not read
            st.execute("INSERT INTO catalog_product_super_attribute_label (product_super_attribute_id, store_id, value) "
                    + "SELECT " + superAttribute + ", 1, 'Farbe'");
            assertThat(optionLabel("default")).isEqualTo(attributeLabel);
            st.execute("INSERT INTO catalog_product_super_attribute_label (product_super_attribute_id, store_id, value) "
                    + "SELECT " + superAttribute + ", 0, 'Colour'");
            assertThat(optionLabel("all")).isEqualTo("Colour");
            assertThat(optionLabel("default")).isEqualTo("Farbe");
            st.execute("UPDATE catalog_product_super_attribute_label SET use_default = 1 WHERE store_id = 1");
            assertThat(optionLabel("default")).isEqualTo(attributeLabel);
        }
    }

    private String optionLabel(String storeCode) {
        return shop.http.get("/rest/" + storeCode + "/V1/products/configurable_5", admin).json()
                .path("extension_attributes").path("configurable_product_options").get(0).path("label").asText();
    }

    @Test
    void getMissingProductIs404WithMagentosBody() {
        Http.Response r = shop.http.get("/rest/V1/products/no-such-sku", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(PRODUCT_NOT_FOUND);
    }

    @Test
    void productReadsWithoutTokenWithAWrongTokenOrWithACustomerTokenAre401() {
        String customer = shop.customerToken("user_1@example.com", MagentoSeeder.CUSTOMER_PASSWORD);
        for (String token : new String[] {null, "not-a-token", admin + "x", customer}) {
            Http.Response one = shop.http.get("/rest/V1/products/product_dynamic_1", token);
            assertThat(one.status()).isEqualTo(401);
            assertThat(one.body()).isEqualTo(UNAUTHORIZED);
            Http.Response list = shop.http.get("/rest/V1/products?searchCriteria[pageSize]=1", token);
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.body()).isEqualTo(UNAUTHORIZED);
        }
    }

    @Test
    void unknownStoreCodeMatchesNoRoute() {
        Http.Response r = shop.http.get("/rest/nostore/V1/products/product_dynamic_1", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(ROUTE_NOT_FOUND);
        assertThat(shop.http.get("/rest/default/V1/products/product_dynamic_1", admin).status()).isEqualTo(200);
        assertThat(shop.http.get("/rest/all/V1/products/product_dynamic_1", admin).status()).isEqualTo(200);
    }

    @Test
    void listFiltersWithEqAndLikeOrInAndPagesAndSorts() throws Exception {
        Http.Response eq = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][0][value]=product_dynamic_2"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=eq", admin);
        assertThat(eq.status()).isEqualTo(200);
        assertThat(eq.json().get("total_count").asInt()).isEqualTo(1);
        JsonNode item = eq.json().get("items").get(0);
        assertThat(item.get("sku").asText()).isEqualTo("product_dynamic_2");
        assertThat(item.get("extension_attributes").has("stock_item")).isFalse();
        assertThat(fieldNames(eq.json())).containsExactly("items", "search_criteria", "total_count");
        assertThat(eq.json().get("search_criteria").toString()).isEqualTo("{\"filter_groups\":[{\"filters\":[{\"field\":"
                + "\"sku\",\"value\":\"product_dynamic_2\",\"condition_type\":\"eq\"}]}]}");

        // filters in one group are OR'd
        Http.Response or = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][0][value]=product_dynamic_1"
                + "&searchCriteria[filter_groups][0][filters][1][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][1][value]=configurable_%25"
                + "&searchCriteria[filter_groups][0][filters][1][condition_type]=like", admin);
        assertThat(or.json().get("total_count").asInt()).isEqualTo(1 + 16 + 16 * 24);

        // groups are AND'd; in; sort by an EAV attribute; paging
        Http.Response page = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=1,2,3,4,5,6,7"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in"
                + "&searchCriteria[filter_groups][1][filters][0][field]=visibility"
                + "&searchCriteria[filter_groups][1][filters][0][value]=4"
                + "&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC"
                + "&searchCriteria[pageSize]=3&searchCriteria[currentPage]=2", admin);
        JsonNode body = page.json();
        assertThat(body.get("total_count").asInt()).isEqualTo(7);
        assertThat(body.get("items")).hasSize(3);
        List<Double> prices = new ArrayList<>();
        Http.Response all = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=7&searchCriteria[filter_groups][0][filters][0][condition_type]=lteq"
                + "&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC", admin);
        all.json().get("items").forEach(i -> prices.add(i.get("price").asDouble()));
        assertThat(prices).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(body.get("items").get(0).get("price").asDouble()).isEqualTo(prices.get(3));

        // gt / gteq / lt on an EAV decimal agree with each other
        int gt = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=price"
                + "&searchCriteria[filter_groups][0][filters][0][value]=250&searchCriteria[filter_groups][0][filters][0][condition_type]=gt",
                admin).json().get("total_count").asInt();
        int lteq = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=price"
                + "&searchCriteria[filter_groups][0][filters][0][value]=250&searchCriteria[filter_groups][0][filters][0][condition_type]=lteq",
                admin).json().get("total_count").asInt();
        int neq = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=type_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=configurable&searchCriteria[filter_groups][0][filters][0][condition_type]=neq",
                admin).json().get("total_count").asInt();
        // other tests of this class add and delete products, so the expectation comes from the tables
        long priced = shop.count("SELECT COUNT(*) FROM catalog_product_entity_decimal v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE a.entity_type_id = 4 AND a.attribute_code = 'price' AND v.store_id = 0");
        long notConfigurable = shop.count("SELECT COUNT(*) FROM catalog_product_entity WHERE type_id <> 'configurable'");
        assertThat(gt + lteq).isEqualTo(priced);
        assertThat(neq).isEqualTo(notConfigurable);
    }

    @Test
    void aPagePastTheEndGivesTheLastPageAsMagentosCollectionsDo() {
        JsonNode body = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=5&searchCriteria[filter_groups][0][filters][0][condition_type]=lteq"
                + "&searchCriteria[pageSize]=2&searchCriteria[currentPage]=9", admin).json();
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("id").asInt()).isEqualTo(5);
        assertThat(body.get("search_criteria").get("current_page").asInt()).isEqualTo(9);
    }

    @Test
    void listWithoutSearchCriteriaOrWithAnUnknownFieldIs400() {
        Http.Response none = shop.http.get("/rest/V1/products", admin);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).isEqualTo(required("searchCriteria"));
        Http.Response unknown = shop.http.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=nope"
                + "&searchCriteria[filter_groups][0][filters][0][value]=1", admin);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Invalid attribute name: %1\",\"parameters\":[\"nope\"]}");
    }

    @Test
    void postCreatesAProductWithValueRowsStockAndWebsite() throws Exception {
        String body = "{\"product\":{\"sku\":\"new-1\",\"name\":\"New One\",\"price\":12.5,\"type_id\":\"simple\","
                + "\"attribute_set_id\":4,\"weight\":1.25,\"custom_attributes\":[{\"attribute_code\":\"description\","
                + "\"value\":\"<p>hi</p>\"}],\"extension_attributes\":{\"stock_item\":{\"qty\":7,\"is_in_stock\":true},"
                + "\"category_links\":[{\"position\":0,\"category_id\":\"3\"}]}}}";
        Http.Response r = shop.http.send("POST", "/rest/V1/products", admin, body);
        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("price").toString()).isEqualTo("12.5");
        assertThat(p.get("status").asInt()).isEqualTo(1);
        assertThat(p.get("visibility").asInt()).isEqualTo(4);
        assertThat(p.get("extension_attributes").get("stock_item").get("qty").toString()).isEqualTo("7");
        assertThat(customAttribute(p, "url_key")).isEqualTo("new-one");
        long id = p.get("id").asLong();
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_product_entity_varchar v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE v.entity_id = ? AND a.attribute_code = 'name' AND a.entity_type_id = 4 AND v.store_id = 0", id)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_product_entity_decimal v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE v.entity_id = ? AND a.attribute_code = 'price' AND v.value = 12.5 AND v.store_id = 0", id)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_product_website WHERE product_id = ?", id)).isEqualTo(1);
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_category_product WHERE product_id = ? AND category_id = 3", id)).isEqualTo(1);
    }

    @Test
    void writesWithoutTokenMalformedJsonOrMissingFieldsAreRefusedWithMagentosBodies() {
        Http.Response noToken = shop.http.send("POST", "/rest/V1/products", null, "{\"product\":{\"sku\":\"x\"}}");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo(UNAUTHORIZED);
        Http.Response putNoToken = shop.http.send("PUT", "/rest/V1/products/product_dynamic_1", "bad", "{\"product\":{}}");
        assertThat(putNoToken.status()).isEqualTo(401);
        assertThat(putNoToken.body()).isEqualTo(UNAUTHORIZED);
        Http.Response malformed = shop.http.send("POST", "/rest/V1/products", admin, "{\"product\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo(DECODING_ERROR);
        Http.Response putMalformed = shop.http.send("PUT", "/rest/V1/products/product_dynamic_1", admin, "[1,");
        assertThat(putMalformed.status()).isEqualTo(400);
        assertThat(putMalformed.body()).isEqualTo(DECODING_ERROR);
        Http.Response noProduct = shop.http.send("POST", "/rest/V1/products", admin, "{\"saveOptions\":true}");
        assertThat(noProduct.status()).isEqualTo(400);
        assertThat(noProduct.body()).isEqualTo(required("product"));
        Http.Response putNoProduct = shop.http.send("PUT", "/rest/V1/products/product_dynamic_1", admin, "{}");
        assertThat(putNoProduct.status()).isEqualTo(400);
        assertThat(putNoProduct.body()).isEqualTo(required("product"));
        Http.Response noSku = shop.http.send("POST", "/rest/V1/products", admin, "{\"product\":{\"name\":\"x\"}}");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.body()).isEqualTo(required("sku"));
        Http.Response deleteNoToken = shop.http.send("DELETE", "/rest/V1/products/product_dynamic_1", null, null);
        assertThat(deleteNoToken.status()).isEqualTo(401);
        assertThat(deleteNoToken.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aFullSaveBumpsUpdatedAt() throws Exception {
        Object before = shop.row("SELECT updated_at FROM catalog_product_entity WHERE sku = 'product_dynamic_10'").get("updated_at");
        Http.Response r = shop.http.send("PUT", "/rest/all/V1/products/product_dynamic_10", admin,
                "{\"product\":{\"name\":\"Renamed\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("Renamed");
        Object after = shop.row("SELECT updated_at FROM catalog_product_entity WHERE sku = 'product_dynamic_10'").get("updated_at");
        assertThat(after.toString()).isGreaterThan(before.toString());
    }

    @Test
    void putOfAnUnknownSkuCreatesItAsProductRepositorySaveDoes() {
        Http.Response r = shop.http.send("PUT", "/rest/V1/products/made-by-put", admin,
                "{\"product\":{\"name\":\"Made by PUT\",\"price\":3}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("sku").asText()).isEqualTo("made-by-put");
    }

    @Test
    void deleteRemovesTheProductAndASecondDeleteIs404() throws Exception {
        Http.Response r = shop.http.send("DELETE", "/rest/V1/products/product_dynamic_20", admin, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("true");
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_product_entity_varchar WHERE entity_id = 20")).isZero();
        Http.Response again = shop.http.send("DELETE", "/rest/V1/products/product_dynamic_20", admin, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo(PRODUCT_NOT_FOUND);
        assertThat(shop.http.get("/rest/V1/products/product_dynamic_20", admin).body()).isEqualTo(PRODUCT_NOT_FOUND);
    }

    @Test
    void inSingleStoreModeAStoreCodeSaveStillWritesTheDefaultRow() throws Exception {
        Http.Response r = shop.http.send("PUT", "/rest/default/V1/products/product_dynamic_30", admin,
                "{\"product\":{\"name\":\"Single store name\"}}");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> row = shop.row("SELECT v.store_id, v.value FROM catalog_product_entity_varchar v"
                + " JOIN eav_attribute a USING (attribute_id) WHERE a.entity_type_id = 4 AND a.attribute_code = 'name'"
                + " AND v.entity_id = 30");
        assertThat(((Number) row.get("store_id")).intValue()).isZero();
        assertThat(row.get("value")).isEqualTo("Single store name");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String customAttribute(JsonNode product, String code) {
        for (JsonNode a : product.get("custom_attributes")) {
            if (a.get("attribute_code").asText().equals(code)) {
                return a.get("value").asText();
            }
        }
        return null;
    }
}
