package dev.ficus.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.magento.api.json.CustomAttributes;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.json.ProductRecord;
import dev.ficus.magento.api.json.StockItemRecord;
import dev.ficus.magento.api.store.StoreViewOverlay;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the sync's flattened product record into a {@link ProductRecord} for one store view, its values resolved
 * by {@link StoreViewOverlay} as the stand-in resolves its rows. The sync carries a store's values only for
 * attributes that are not global, so every override in the record applies.
 *
 * <p>A value's backend type shows in its JSON: whole numbers come from int attributes, fractions from decimal ones
 * (printed with the column's six digits in custom_attributes), text from varchar, text and datetime ones.
 */
final class ProductRecords {
    private ProductRecords() {
    }

    static ProductRecord resolve(JsonNode record, JsonNode stock, long storeId) {
        Map<String, JsonNode> values = values(record, storeId);
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((code, v) -> texts.put(code, MagentoJson.eavText(backendType(v), plain(v))));
        List<ProductRecord.CategoryLink> links = new ArrayList<>();
        for (JsonNode l : record.path("category_links")) {
            links.add(new ProductRecord.CategoryLink(l.path("position").asLong(), l.path("category_id").asLong()));
        }
        List<Long> websites = new ArrayList<>();
        record.path("website_ids").forEach(w -> websites.add(w.asLong()));
        Map<String, Object> custom = CustomAttributes.of(texts,
                links.stream().map(ProductRecord.CategoryLink::categoryId).toList(),
                record.path("has_options").asLong(), record.path("required_options").asLong());
        return new ProductRecord(record.path("entity_id").asLong(), record.path("sku").asText(),
                text(values.get("name")), integer(record.get("attribute_set_id")), decimal(values.get("price")),
                integer(values.get("status")), integer(values.get("visibility")), text(record.get("type_id")),
                MagentoJson.dateTime(text(record.get("created_at"))), MagentoJson.dateTime(text(record.get("updated_at"))),
                decimal(values.get("weight")), websites, links, configurableOptions(record, storeId),
                configurableLinks(record),
                stock == null ? null : StockItemRecord.fromColumns(columns(stock)), custom);
    }

    /**
     * extension_attributes.configurable_product_options, when the record carries them:
     * {@code [{"id", "attribute_id", "label", "position", "values": [value_index…], "product_id", "store_labels"}]};
     * the label is the store view's from {@code store_labels} where it has one, else {@code label}.
     */
    static List<ProductRecord.ConfigurableOption> configurableOptions(JsonNode record, long storeId) {
        List<ProductRecord.ConfigurableOption> out = new ArrayList<>();
        for (JsonNode o : record.path("configurable_product_options")) {
            List<Long> values = new ArrayList<>();
            o.path("values").forEach(v -> values.add(v.isObject() ? v.path("value_index").asLong() : v.asLong()));
            JsonNode storeLabel = o.path("store_labels").get(Long.toString(storeId));
            out.add(new ProductRecord.ConfigurableOption(o.path("id").asLong(), o.path("attribute_id").asLong(),
                    text(storeLabel != null ? storeLabel : o.get("label")), o.path("position").asLong(), values,
                    o.path("product_id").asLong()));
        }
        return out;
    }

    /** extension_attributes.configurable_product_links (the children's ids), when the record carries them. */
    static List<Long> configurableLinks(JsonNode record) {
        List<Long> out = new ArrayList<>();
        record.path("configurable_product_links").forEach(id -> out.add(id.asLong()));
        return out;
    }

    /** attribute code → value for the store view ({@link StoreViewOverlay}). */
    static Map<String, JsonNode> values(JsonNode record, long storeId) {
        return StoreViewOverlay.resolve(fields(record.path("attributes")), storeId,
                fields(record.path("store_attributes").path(Long.toString(storeId))), JsonNode::isNull);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** A record's fields as plain Java values (numbers, strings), the form the stand-in's builders take. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> columns(JsonNode node) {
        return Json.mapper().convertValue(node, LinkedHashMap.class);
    }

    static String backendType(JsonNode v) {
        if (v.isIntegralNumber()) {
            return "int";
        }
        if (v.isNumber()) {
            return "decimal";
        }
        return "varchar";
    }

    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        return v.asText();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long integer(JsonNode v) {
        return v == null || v.isNull() ? null : MagentoJson.integer(plain(v));
    }

    private static BigDecimal decimal(JsonNode v) {
        return v == null || v.isNull() ? null : MagentoJson.decimal(plain(v));
    }
}
