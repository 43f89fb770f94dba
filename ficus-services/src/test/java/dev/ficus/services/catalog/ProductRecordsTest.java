package dev.ficus.services.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.magento.api.json.ProductJson;
import dev.ficus.magento.api.json.ProductRecord;
import org.junit.jupiter.api.Test;

class ProductRecordsTest {
    /** A record as the sync publishes it, after a trip through the CloudEvent (decimals become doubles). */
    private static final JsonNode RECORD = Json.read("""
            {"entity_id":42,"sku":"MH01","type_id":"simple","attribute_set_id":4,"has_options":0,
             "required_options":0,"created_at":"2026-11-25 10:00:00","updated_at":"2026-11-25 11:00:00",
             "attributes":{"name":"Hoodie","price":34.500000,"status":1,"visibility":4,"weight":1.000000,
                           "url_key":"hoodie","special_from_date":"2026-01-01 00:00:00","color":null},
             "store_attributes":{"1":{"name":"Sweat","url_key":null}},
             "website_ids":[1,2],"category_links":[{"category_id":3,"position":1}]}
            """);

    @Test
    void theStoreViewsValuesWinAndANullHidesTheDefault() {
        ProductRecord store1 = ProductRecords.resolve(RECORD, null, 1);
        assertThat(store1.name()).isEqualTo("Sweat");
        assertThat(store1.customAttributes()).doesNotContainKey("url_key");
        ProductRecord admin = ProductRecords.resolve(RECORD, null, 0);
        assertThat(admin.name()).isEqualTo("Hoodie");
        assertThat(admin.customAttributes()).containsEntry("url_key", "hoodie");
    }

    @Test
    void valuesPrintAsMagentoPrintsThem() {
        String json = ProductJson.write(ProductRecords.resolve(RECORD, null, 0), false);
        assertThat(json).startsWith("{\"id\":42,\"sku\":\"MH01\",\"name\":\"Hoodie\",\"attribute_set_id\":4,"
                + "\"price\":34.5,\"status\":1,\"visibility\":4,\"type_id\":\"simple\","
                + "\"created_at\":\"2026-11-25 10:00:00\",\"updated_at\":\"2026-11-25 11:00:00\",\"weight\":1,"
                + "\"extension_attributes\":{\"website_ids\":[1,2],\"category_links\":[{\"position\":1,"
                + "\"category_id\":\"3\"}]}");
        assertThat(json).contains("{\"attribute_code\":\"special_from_date\",\"value\":\"2026-01-01 00:00:00\"}",
                "{\"attribute_code\":\"category_ids\",\"value\":[\"3\"]}");
        assertThat(json).doesNotContain("color");
    }

    @Test
    void anOptionShowsTheStoreViewsLabelWhereItHasOne() {
        JsonNode configurable = Json.read("""
                {"entity_id":7,"sku":"C7","type_id":"configurable","attribute_set_id":4,"attributes":{},
                 "configurable_product_options":[{"id":3,"attribute_id":93,"label":"Colour","position":0,
                   "values":[{"value_index":4},{"value_index":5}],"product_id":7,"store_labels":{"2":"Farbe"}}],
                 "configurable_product_links":[8,9]}
                """);
        assertThat(ProductRecords.resolve(configurable, null, 1).configurableOptions().get(0).label())
                .isEqualTo("Colour");
        ProductRecord.ConfigurableOption german = ProductRecords.resolve(configurable, null, 2).configurableOptions()
                .get(0);
        assertThat(german.label()).isEqualTo("Farbe");
        assertThat(german.valueIndexes()).containsExactly(4L, 5L);
        assertThat(ProductRecords.resolve(configurable, null, 2).configurableLinks()).containsExactly(8L, 9L);
    }
}
