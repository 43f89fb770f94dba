package dev.ficus.magento.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductJsonTest {
    private static final StockItemRecord STOCK = StockItemRecord.fromColumns(Map.ofEntries(Map.entry("item_id", 7),
            Map.entry("product_id", 7), Map.entry("stock_id", 1), Map.entry("is_in_stock", 0),
            Map.entry("use_config_min_qty", 1), Map.entry("use_config_min_sale_qty", 1),
            Map.entry("use_config_max_sale_qty", 1), Map.entry("use_config_backorders", 1),
            Map.entry("use_config_notify_stock_qty", 1), Map.entry("use_config_qty_increments", 1),
            Map.entry("use_config_enable_qty_inc", 1), Map.entry("use_config_manage_stock", 1)));

    /** The devdocs MSI tutorial's product, rebuilt from plain values: the same bytes come out. */
    @Test
    void printsTheDevdocsExampleByteForByte() {
        Map<String, Object> custom = CustomAttributes.of(Map.of("options_container", "container2",
                "url_key", "simple-product-1", "tax_class_id", "2"), List.of(), 0, 0);
        ProductRecord p = new ProductRecord(7, "sp1", "Simple Product 1", 4L, new BigDecimal("5.000000"), 1L, 4L,
                "simple", "2018-08-02 16:03:19", "2018-08-02 16:03:19", new BigDecimal("0.800000"), List.of(1L, 2L, 3L),
                List.of(new ProductRecord.CategoryLink(0, 3)), List.of(), List.of(), STOCK, custom);
        String expected = "{\"id\":7,\"sku\":\"sp1\",\"name\":\"Simple Product 1\",\"attribute_set_id\":4,\"price\":5,"
                + "\"status\":1,\"visibility\":4,\"type_id\":\"simple\",\"created_at\":\"2018-08-02 16:03:19\","
                + "\"updated_at\":\"2018-08-02 16:03:19\",\"weight\":0.8,\"extension_attributes\":{\"website_ids\":[1,2,3],"
                + "\"category_links\":[{\"position\":0,\"category_id\":\"3\"}],"
                + "\"stock_item\":{\"item_id\":7,\"product_id\":7,\"stock_id\":1,\"qty\":null,\"is_in_stock\":false,"
                + "\"is_qty_decimal\":false,\"show_default_notification_message\":false,\"use_config_min_qty\":true,"
                + "\"min_qty\":0,\"use_config_min_sale_qty\":1,\"min_sale_qty\":1,\"use_config_max_sale_qty\":true,"
                + "\"max_sale_qty\":10000,\"use_config_backorders\":true,\"backorders\":0,"
                + "\"use_config_notify_stock_qty\":true,\"notify_stock_qty\":1,\"use_config_qty_increments\":true,"
                + "\"qty_increments\":0,\"use_config_enable_qty_inc\":true,\"enable_qty_increments\":false,"
                + "\"use_config_manage_stock\":true,\"manage_stock\":true,\"low_stock_date\":null,"
                + "\"is_decimal_divided\":false,\"stock_status_changed_auto\":0}},"
                + "\"product_links\":[],\"options\":[],\"media_gallery_entries\":[],\"tier_prices\":[],"
                + "\"custom_attributes\":[{\"attribute_code\":\"category_ids\",\"value\":[]},"
                + "{\"attribute_code\":\"has_options\",\"value\":\"0\"},"
                + "{\"attribute_code\":\"options_container\",\"value\":\"container2\"},"
                + "{\"attribute_code\":\"required_options\",\"value\":\"0\"},"
                + "{\"attribute_code\":\"tax_class_id\",\"value\":\"2\"},"
                + "{\"attribute_code\":\"url_key\",\"value\":\"simple-product-1\"}]}";
        assertThat(ProductJson.write(p, true)).isEqualTo(expected);
    }

    @Test
    void listItemsHaveNoStockItemAndNullFieldsAreOmitted() {
        ProductRecord virtual = new ProductRecord(8, "v1", "Virtual", 4L, BigDecimal.TEN, 1L, 4L, "virtual",
                "2018-08-02 16:03:19", "2018-08-02 16:03:19", null, List.of(1L), List.of(), List.of(), List.of(), STOCK,
                CustomAttributes.of(Map.of("name", "ignored main field", "media_gallery", "x"), List.of(5L, 6L), 0, 0));
        String json = ProductJson.write(virtual, false);
        assertThat(json).doesNotContain("stock_item").doesNotContain("\"weight\"").doesNotContain("category_links")
                .doesNotContain("media_gallery\"").doesNotContain("ignored main field")
                .contains("{\"attribute_code\":\"category_ids\",\"value\":[\"5\",\"6\"]}");
    }

    /** ConfigurableProduct's Price::getPrice: 0 without a chosen child, whether the parent has a price row or not. */
    @Test
    void aConfigurablesPriceIsZero() {
        for (BigDecimal stored : java.util.Arrays.asList(null, new BigDecimal("19.990000"))) {
            ProductRecord tee = new ProductRecord(20, "tee", "Tee", 4L, stored, 1L, 4L, "configurable",
                    "2018-08-02 16:03:19", "2018-08-02 16:03:19", null, List.of(1L), List.of(), List.of(), List.of(),
                    null, CustomAttributes.of(Map.of(), List.of(), 1, 1));
            assertThat(ProductJson.write(tee, false)).contains("\"attribute_set_id\":4,\"price\":0,\"status\":1");
        }
    }
}
