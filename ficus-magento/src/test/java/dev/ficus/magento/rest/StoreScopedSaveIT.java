package dev.ficus.magento.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shop with two store views on website 1, so that saves under a store code are store-scoped. */
class StoreScopedSaveIT {
    private static StandInShop shop;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        shop = StandInShop.start(StoreScopedSaveIT.class);
        try (Connection c = shop.connect()) {
            c.createStatement().execute("INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active)"
                    + " VALUES (2, 'french', 1, 1, 'French Store View', 1, 1)");
        }
        admin = shop.adminToken();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void aSaveUnderAStoreCodeWritesAStoreRowAndLeavesTheDefaultRow() throws Exception {
        String defaultName = (String) nameRows(5).get(0).get("value");
        Http.Response r = shop.http.send("PUT", "/rest/french/V1/products/product_dynamic_5", admin,
                "{\"product\":{\"name\":\"Produit cinq\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("Produit cinq");

        List<Map<String, Object>> rows = nameRows(5);
        assertThat(rows).hasSize(2);
        assertThat(((Number) rows.get(0).get("store_id")).intValue()).isZero();
        assertThat(rows.get(0).get("value")).isEqualTo(defaultName);
        assertThat(((Number) rows.get(1).get("store_id")).intValue()).isEqualTo(2);
        assertThat(rows.get(1).get("value")).isEqualTo("Produit cinq");

        // each store view reads its own value
        assertThat(shop.http.get("/rest/all/V1/products/product_dynamic_5", admin).json().get("name").asText())
                .isEqualTo(defaultName);
        assertThat(shop.http.get("/rest/default/V1/products/product_dynamic_5", admin).json().get("name").asText())
                .isEqualTo(defaultName);
        assertThat(shop.http.get("/rest/french/V1/products/product_dynamic_5", admin).json().get("name").asText())
                .isEqualTo("Produit cinq");
    }

    @Test
    void aWebsiteScopedAttributeIsWrittenForEveryStoreViewOfTheWebsite() throws Exception {
        Http.Response r = shop.http.send("PUT", "/rest/french/V1/products/product_dynamic_6", admin,
                "{\"product\":{\"status\":2}}");
        assertThat(r.status()).isEqualTo(200);
        try (Connection c = shop.connect()) {
            List<Map<String, Object>> rows = dev.ficus.magento.data.Rows.query(c, "SELECT v.store_id, v.value"
                    + " FROM catalog_product_entity_int v JOIN eav_attribute a USING (attribute_id) WHERE a.entity_type_id = 4"
                    + " AND a.attribute_code = 'status' AND v.entity_id = 6 ORDER BY v.store_id");
            assertThat(rows).extracting(row -> ((Number) row.get("store_id")).intValue()).containsExactly(0, 1, 2);
            assertThat(rows).extracting(row -> ((Number) row.get("value")).intValue()).containsExactly(1, 2, 2);
        }
    }

    @Test
    void pricesAreGlobalByDefaultWhateverTheStoreCode() throws Exception {
        Http.Response r = shop.http.send("PUT", "/rest/french/V1/products/product_dynamic_7", admin,
                "{\"product\":{\"price\":99.9}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("price").toString()).isEqualTo("99.9");
        assertThat(shop.count("SELECT COUNT(*) FROM catalog_product_entity_decimal v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE a.entity_type_id = 4 AND a.attribute_code = 'price' AND v.entity_id = 7")).isEqualTo(1);
    }

    /**
     * Catalog\Helper\Data::getPriceScope reads catalog/price/scope from the shop's configuration, and
     * Catalog\Model\Product\Attribute\Backend\Price::setScope makes price attributes website-scoped when it is 1:
     * the stand-in must take the scope from core_config_data, at every read and write, not from a setting of its own.
     */
    @Test
    void websitePricesFollowTheShopsConfiguration() throws Exception {
        String defaultPrice = shop.http.get("/rest/all/V1/products/product_dynamic_8", admin).json().get("price").toString();
        setPriceScope("1");
        try {
            Http.Response r = shop.http.send("PUT", "/rest/french/V1/products/product_dynamic_8", admin,
                    "{\"product\":{\"price\":55.5}}");
            assertThat(r.status()).isEqualTo(200);
            try (Connection c = shop.connect()) {
                List<Map<String, Object>> rows = dev.ficus.magento.data.Rows.query(c, "SELECT v.store_id FROM"
                        + " catalog_product_entity_decimal v JOIN eav_attribute a USING (attribute_id) WHERE"
                        + " a.entity_type_id = 4 AND a.attribute_code = 'price' AND v.entity_id = 8 ORDER BY v.store_id");
                assertThat(rows).extracting(row -> ((Number) row.get("store_id")).intValue()).containsExactly(0, 1, 2);
            }
            assertThat(price("french")).isEqualTo("55.5");
            assertThat(price("all")).isEqualTo(defaultPrice);
        } finally {
            setPriceScope(null);
        }
        // back at global scope, the store rows written meanwhile no longer count
        assertThat(price("french")).isEqualTo(defaultPrice);
    }

    private static String price(String storeCode) throws Exception {
        return shop.http.get("/rest/" + storeCode + "/V1/products/product_dynamic_8", admin).json().get("price").toString();
    }

    private static void setPriceScope(String value) throws Exception {
        try (Connection c = shop.connect()) {
            dev.ficus.magento.data.Rows.update(c, "DELETE FROM core_config_data WHERE path = 'catalog/price/scope'");
            if (value != null) {
                dev.ficus.magento.data.Rows.update(c, "INSERT INTO core_config_data (scope, scope_id, path, value)"
                        + " VALUES ('default', 0, 'catalog/price/scope', ?)", value);
            }
        }
    }

    private static List<Map<String, Object>> nameRows(long entityId) throws Exception {
        try (Connection c = shop.connect()) {
            return dev.ficus.magento.data.Rows.query(c, "SELECT v.store_id, v.value FROM catalog_product_entity_varchar v"
                    + " JOIN eav_attribute a USING (attribute_id) WHERE a.entity_type_id = 4 AND a.attribute_code = 'name'"
                    + " AND v.entity_id = ? ORDER BY v.store_id", entityId);
        }
    }
}
