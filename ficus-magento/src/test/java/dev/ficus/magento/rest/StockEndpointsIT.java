package dev.ficus.magento.rest;

import static dev.ficus.magento.testsupport.MagentoBodies.DECODING_ERROR;
import static dev.ficus.magento.testsupport.MagentoBodies.notAuthorized;
import static dev.ficus.magento.testsupport.MagentoBodies.required;
import static dev.ficus.magento.testsupport.MagentoBodies.stockSkuNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.data.DirectWrites;
import dev.ficus.magento.testsupport.Http;
import dev.ficus.magento.testsupport.StandInShop;
import java.math.BigDecimal;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stock routes, and the two write paths that leave catalog_product_entity.updated_at alone. */
class StockEndpointsIT {
    private static final String UNAUTHORIZED = notAuthorized("Magento_CatalogInventory::cataloginventory");
    private static StandInShop shop;
    private static String admin;

    @BeforeAll
    static void start() {
        shop = StandInShop.start(StockEndpointsIT.class, MagentoStandInConfig.defaults(0).withAnonymousCatalog(true));
        admin = shop.adminToken();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void getStockItemPrintsEveryFieldInMagentosOrder() {
        Http.Response r = shop.http.get("/rest/V1/stockItems/product_dynamic_1", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(ProductEndpointsIT.fieldNames(r.json())).containsExactly("item_id", "product_id", "stock_id", "qty",
                "is_in_stock", "is_qty_decimal", "show_default_notification_message", "use_config_min_qty", "min_qty",
                "use_config_min_sale_qty", "min_sale_qty", "use_config_max_sale_qty", "max_sale_qty",
                "use_config_backorders", "backorders", "use_config_notify_stock_qty", "notify_stock_qty",
                "use_config_qty_increments", "qty_increments", "use_config_enable_qty_inc", "enable_qty_increments",
                "use_config_manage_stock", "manage_stock", "low_stock_date", "is_decimal_divided",
                "stock_status_changed_auto");
        assertThat(r.json().get("max_sale_qty").toString()).isEqualTo("10000");
        assertThat(r.json().get("use_config_min_sale_qty").toString()).isEqualTo("1");
    }

    @Test
    void missingSkuIs404WithThePositionalParameter() {
        Http.Response r = shop.http.get("/rest/V1/stockItems/nope-sku", admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(stockSkuNotFound("nope-sku"));
        Http.Response put = shop.http.send("PUT", "/rest/V1/products/nope-sku/stockItems/1", admin, "{\"stockItem\":{\"qty\":1}}");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.body()).isEqualTo(stockSkuNotFound("nope-sku"));
    }

    @Test
    void stockNeedsAnAdminTokenEvenWithAnonymousCatalogAccessOn() {
        assertThat(shop.http.get("/rest/V1/products/product_dynamic_1", null).status()).isEqualTo(200);
        for (String token : new String[] {null, "garbage"}) {
            Http.Response r = shop.http.get("/rest/V1/stockItems/product_dynamic_1", token);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(UNAUTHORIZED);
            Http.Response put = shop.http.send("PUT", "/rest/V1/products/product_dynamic_1/stockItems/1", token,
                    "{\"stockItem\":{\"qty\":1}}");
            assertThat(put.status()).isEqualTo(401);
            assertThat(put.body()).isEqualTo(UNAUTHORIZED);
        }
    }

    @Test
    void stockUpdateChangesQtyButNotTheProductsUpdatedAt() throws Exception {
        Object before = updatedAt("product_dynamic_2");
        JsonNode item = shop.http.get("/rest/V1/stockItems/product_dynamic_2", admin).json();
        Http.Response r = shop.http.send("PUT", "/rest/V1/products/product_dynamic_2/stockItems/" + item.get("item_id").asInt(),
                admin, "{\"stockItem\":{\"qty\":0}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(item.get("item_id").toString());
        JsonNode after = shop.http.get("/rest/V1/stockItems/product_dynamic_2", admin).json();
        assertThat(after.get("qty").toString()).isEqualTo("0");
        assertThat(after.get("is_in_stock").asBoolean()).isFalse();
        assertThat(updatedAt("product_dynamic_2")).isEqualTo(before);
    }

    @Test
    void stockUpdateWithMalformedJsonOrWithoutStockItemIs400() {
        assertThat(shop.http.send("PUT", "/rest/V1/products/product_dynamic_2/stockItems/2", admin, "{").body())
                .isEqualTo(DECODING_ERROR);
        Http.Response none = shop.http.send("PUT", "/rest/V1/products/product_dynamic_2/stockItems/2", admin, "{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).isEqualTo(required("stockItem"));
    }

    @Test
    void saveAttributeWritesOneValueRowAndLeavesUpdatedAtAlone() throws Exception {
        Object before = updatedAt("product_dynamic_3");
        try (Connection c = shop.connect()) {
            DirectWrites.saveAttribute(c, "product_dynamic_3", "price", new BigDecimal("1.23"), 0);
            DirectWrites.setStockQty(c, "product_dynamic_3", new BigDecimal("5"));
        }
        assertThat(updatedAt("product_dynamic_3")).isEqualTo(before);
        JsonNode p = shop.http.get("/rest/V1/products/product_dynamic_3", admin).json();
        assertThat(p.get("price").toString()).isEqualTo("1.23");
        assertThat(p.get("extension_attributes").get("stock_item").get("qty").toString()).isEqualTo("5");
    }

    private static Object updatedAt(String sku) throws Exception {
        return shop.row("SELECT updated_at FROM catalog_product_entity WHERE sku = ?", sku).get("updated_at");
    }
}
