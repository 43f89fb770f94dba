package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.data.ProductInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies turned into the plain maps and inputs the data layer takes. */
final class Bodies {
    private static final Set<String> PRODUCT_MAIN = Set.of("name", "price", "status", "visibility", "weight");

    private Bodies() {
    }

    /** A JSON value as plain Java: strings, BigDecimal/Long numbers, booleans, lists and maps. */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(e -> out.add(plain(e)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
        return out;
    }

    /** The scalar fields of an object (nested objects and lists left out). */
    static Map<String, Object> scalars(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    out.put(e.getKey(), plain(e.getValue()));
                }
            });
        }
        return out;
    }

    static ProductInput product(JsonNode p, String skuFromPath) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : PRODUCT_MAIN) {
            if (p.has(f)) {
                values.put(f, plain(p.get(f)));
            }
        }
        JsonNode custom = p.path("custom_attributes");
        if (custom.isArray()) {
            for (JsonNode a : custom) {
                String code = a.path("attribute_code").asText(null);
                if (code != null) {
                    values.put(code, plain(a.get("value")));
                }
            }
        }
        JsonNode ext = p.path("extension_attributes");
        List<Long> websites = null;
        if (ext.path("website_ids").isArray()) {
            websites = new ArrayList<>();
            for (JsonNode w : ext.path("website_ids")) {
                websites.add(w.asLong());
            }
        }
        List<ProductInput.CategoryLinkInput> links = null;
        if (ext.path("category_links").isArray()) {
            links = new ArrayList<>();
            for (JsonNode l : ext.path("category_links")) {
                links.add(new ProductInput.CategoryLinkInput(l.path("category_id").asLong(), l.path("position").asLong()));
            }
        }
        Map<String, Object> stock = ext.path("stock_item").isObject() ? scalars(ext.path("stock_item")) : null;
        String sku = skuFromPath != null ? skuFromPath : p.path("sku").asText(null);
        Long setId = p.has("attribute_set_id") ? p.get("attribute_set_id").asLong() : null;
        return new ProductInput(sku, setId, p.path("type_id").asText(null), values, websites, links, stock);
    }

    /** A customer or order address: street lines joined with "\n", the region object flattened into its columns. */
    static Map<String, Object> address(JsonNode a) {
        Map<String, Object> out = scalars(a);
        JsonNode street = a.path("street");
        if (street.isArray()) {
            List<String> lines = new ArrayList<>();
            street.forEach(l -> lines.add(l.asText()));
            out.put("street", String.join("\n", lines));
        }
        JsonNode region = a.path("region");
        if (region.isObject()) {
            if (region.hasNonNull("region")) {
                out.put("region", region.get("region").asText());
            }
            if (region.hasNonNull("region_id") && !out.containsKey("region_id")) {
                out.put("region_id", region.get("region_id").asLong());
            }
        }
        Object regionId = out.get("region_id");
        if (regionId instanceof Long l && l == 0) {
            out.put("region_id", null);
        }
        return out;
    }

    static List<Map<String, Object>> addresses(JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(a -> out.add(address(a)));
        return out;
    }

    static BigDecimal decimal(Object v) {
        return v == null ? null : new BigDecimal(v.toString());
    }
}
