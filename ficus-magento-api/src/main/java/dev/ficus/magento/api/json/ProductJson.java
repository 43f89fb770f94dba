package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ProductInterface as GET /V1/products/:sku prints it, field order included: id, sku, name, attribute_set_id,
 * price, status, visibility, type_id, created_at, updated_at, weight, extension_attributes, product_links, options,
 * media_gallery_entries, tier_prices, custom_attributes. Null fields are left out. The stock item appears only on
 * single-product reads ({@code withStockItem}); list items never carry it (Magento issues #24418, #36533).
 */
public final class ProductJson {
    private ProductJson() {
    }

    public static ObjectNode toJson(ProductRecord p, boolean withStockItem) {
        ObjectNode n = MagentoJson.object();
        n.put("id", p.id());
        n.put("sku", p.sku());
        MagentoJson.putIfPresent(n, "name", p.name());
        MagentoJson.putIfPresent(n, "attribute_set_id", p.attributeSetId());
        MagentoJson.putIfPresent(n, "price", price(p));
        MagentoJson.putIfPresent(n, "status", p.status());
        MagentoJson.putIfPresent(n, "visibility", p.visibility());
        MagentoJson.putIfPresent(n, "type_id", p.typeId());
        MagentoJson.putIfPresent(n, "created_at", p.createdAt());
        MagentoJson.putIfPresent(n, "updated_at", p.updatedAt());
        MagentoJson.putIfPresent(n, "weight", p.weight());
        n.set("extension_attributes", extensionAttributes(p, withStockItem));
        n.putArray("product_links");
        n.putArray("options");
        n.putArray("media_gallery_entries");
        n.putArray("tier_prices");
        ArrayNode custom = MagentoJson.array();
        new TreeMap<>(p.customAttributes() == null ? Map.of() : p.customAttributes()).forEach((code, value) -> {
            if (value == null) {
                return;
            }
            ObjectNode a = custom.addObject();
            a.put("attribute_code", code);
            if (value instanceof List<?> list) {
                ArrayNode values = a.putArray("value");
                list.forEach(v -> values.add(String.valueOf(v)));
            } else {
                a.put("value", value.toString());
            }
        });
        if (!custom.isEmpty()) {
            n.set("custom_attributes", custom);
        }
        return n;
    }

    /**
     * What Product::getPrice returns: the type's price model answers (Catalog/Model/Product.php, _calculatePrice is
     * true by default). The configurable type's (ConfigurableProduct/Model/Product/Type/Configurable/Price::getPrice)
     * answers its chosen child's price, which a repository read has none of, so 0, whatever price row the parent
     * has; every other type's answers the price attribute.
     */
    static BigDecimal price(ProductRecord p) {
        return "configurable".equals(p.typeId()) ? BigDecimal.ZERO : p.price();
    }

    public static String write(ProductRecord p, boolean withStockItem) {
        return MagentoJson.write(toJson(p, withStockItem));
    }

    private static ObjectNode extensionAttributes(ProductRecord p, boolean withStockItem) {
        ObjectNode ext = MagentoJson.object();
        ArrayNode websites = ext.putArray("website_ids");
        p.websiteIds().forEach(websites::add);
        if (!p.categoryLinks().isEmpty()) {
            ArrayNode links = ext.putArray("category_links");
            for (ProductRecord.CategoryLink l : p.categoryLinks()) {
                ObjectNode link = links.addObject();
                link.put("position", l.position());
                link.put("category_id", String.valueOf(l.categoryId()));
            }
        }
        if (withStockItem && p.stockItem() != null) {
            ext.set("stock_item", StockItemJson.toJson(p.stockItem()));
        }
        if (p.configurableOptions() != null && !p.configurableOptions().isEmpty()) {
            ArrayNode options = ext.putArray("configurable_product_options");
            for (ProductRecord.ConfigurableOption o : p.configurableOptions()) {
                ObjectNode option = options.addObject();
                option.put("id", o.id());
                option.put("attribute_id", String.valueOf(o.attributeId()));
                option.put("label", o.label());
                option.put("position", o.position());
                ArrayNode values = option.putArray("values");
                o.valueIndexes().forEach(v -> values.addObject().put("value_index", v));
                option.put("product_id", o.productId());
            }
        }
        if (p.configurableLinks() != null && !p.configurableLinks().isEmpty()) {
            ArrayNode links = ext.putArray("configurable_product_links");
            p.configurableLinks().forEach(links::add);
        }
        return ext;
    }
}
