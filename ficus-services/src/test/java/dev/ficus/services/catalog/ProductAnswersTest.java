package dev.ficus.services.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.magento.api.json.ProductJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductAnswersTest {
    /** Store 1 overrides the name, store 2 repeats the default, store 3 hides url_key; store 4 labels an option. */
    private static final JsonNode RECORD = Json.read("""
            {"entity_id":42,"sku":"MH01","type_id":"configurable","attribute_set_id":4,"has_options":0,
             "required_options":0,"created_at":"2026-11-25 10:00:00","updated_at":"2026-11-25 11:00:00",
             "attributes":{"name":"Hoodie","price":34.500000,"status":1,"visibility":4,"url_key":"hoodie"},
             "store_attributes":{"1":{"name":"Sweat"},"2":{"name":"Hoodie"},"3":{"url_key":null},"x":{"name":"?"},
                                 "0":{"name":"admin"}},
             "configurable_product_options":[{"id":3,"attribute_id":93,"label":"Colour","position":0,
               "values":[{"value_index":4}],"product_id":42,"store_labels":{"4":"Farbe"}}],
             "configurable_product_links":[43],
             "website_ids":[1],"category_links":[]}
            """);
    private static final JsonNode STOCK = Json.read("""
            {"item_id":42,"product_id":42,"stock_id":1,"qty":5.0,"is_in_stock":1}
            """);

    @Test
    void storeViewsWithoutAnswersOfTheirOwnShareStoreZeros() {
        List<ProductAnswers.Rendered> answers = ProductAnswers.render(RECORD, STOCK);
        // store 2's override equals the default: same bytes, so no row of its own; "x" and "0" are never read
        assertThat(answers).extracting(ProductAnswers.Rendered::storeId).containsExactly(0L, 1L, 3L, 4L);
        assertThat(text(answers.get(0).answer())).contains("\"name\":\"Hoodie\"", "\"label\":\"Colour\"");
        assertThat(text(answers.get(1).answer())).contains("\"name\":\"Sweat\"");
        assertThat(text(answers.get(2).answer())).doesNotContain("url_key");
        assertThat(text(answers.get(3).answer())).contains("\"label\":\"Farbe\"", "\"name\":\"Hoodie\"");
    }

    @Test
    void theStoredBytesAreWhatTheRendererWritesForTheStoreView() {
        for (ProductAnswers.Rendered r : ProductAnswers.render(RECORD, STOCK)) {
            assertThat(text(r.answer())).isEqualTo(ProductJson.write(ProductRecords.resolve(RECORD, STOCK,
                    r.storeId()), true));
            assertThat(text(r.item())).isEqualTo(ProductJson.write(ProductRecords.resolve(RECORD, null,
                    r.storeId()), false));
        }
    }

    @Test
    void theSingleProductAnswerCarriesTheStockItemAndTheSearchItemDoesNot() {
        ProductAnswers.Rendered shared = ProductAnswers.render(RECORD, STOCK).get(0);
        assertThat(text(shared.answer())).contains("\"stock_item\":{\"item_id\":42,");
        assertThat(text(shared.item())).doesNotContain("stock_item");
        assertThat(text(ProductAnswers.render(RECORD, null).get(0).answer())).doesNotContain("stock_item");
    }

    @Test
    void aProductWithoutStoreValuesHasOneAnswer() {
        JsonNode plain = Json.read("""
                {"entity_id":1,"sku":"P","type_id":"simple","attributes":{"name":"P"},"store_attributes":{}}
                """);
        assertThat(ProductAnswers.render(plain, null)).hasSize(1);
        assertThat(ProductAnswers.storesWithValues(plain)).isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
