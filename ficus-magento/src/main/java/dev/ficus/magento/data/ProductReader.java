package dev.ficus.magento.data;

import dev.ficus.magento.api.json.CustomAttributes;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.json.ProductRecord;
import dev.ficus.magento.api.json.StockItemRecord;
import dev.ficus.magento.api.store.PriceScope;
import dev.ficus.magento.api.store.StoreViewOverlay;
import dev.ficus.magento.schema.ProductAttribute;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads products for one store view as ProductRepository does: the default (store 0) value of each attribute,
 * overridden by the store view's row for attributes that are not global; website links, category links, the
 * configurable's options (labelled for the store view) and children, and (for single-product reads) the stock item.
 */
public final class ProductReader {
    static final List<String> VALUE_TYPES = List.of("varchar", "int", "decimal", "text", "datetime");

    private final AttributeCache attributes;
    public ProductReader(AttributeCache attributes) {
        this.attributes = attributes;
    }

    public Long idBySku(Connection c, String sku) throws SQLException {
        Map<String, Object> row = Rows.one(c, "SELECT entity_id FROM catalog_product_entity WHERE sku = ? ORDER BY entity_id LIMIT 1", sku);
        return row == null ? null : ((Number) row.get("entity_id")).longValue();
    }

    /** Products in the order of {@code ids}; ids without a product are skipped. */
    public List<ProductRecord> load(Connection c, List<Long> ids, Store store, boolean withStockItem) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Rows.placeholders(ids.size());
        Map<Long, Map<String, Object>> entities = new LinkedHashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT * FROM catalog_product_entity WHERE entity_id IN (" + in + ")", ids)) {
            entities.put(((Number) r.get("entity_id")).longValue(), r);
        }
        Map<Long, Map<String, Object>> values = resolvedValues(c, ids, store);
        Map<Long, List<Long>> websites = grouped(c, "SELECT product_id AS k, website_id AS v FROM catalog_product_website"
                + " WHERE product_id IN (" + in + ") ORDER BY website_id", ids);
        Map<Long, List<ProductRecord.CategoryLink>> categories = new HashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT product_id, category_id, position FROM catalog_category_product"
                + " WHERE product_id IN (" + in + ") ORDER BY entity_id", ids)) {
            categories.computeIfAbsent(num(r.get("product_id")), k -> new ArrayList<>())
                    .add(new ProductRecord.CategoryLink(num(r.get("position")), num(r.get("category_id"))));
        }
        ConfigurableLinks configurables = configurables(c, ids, store);
        Map<Long, StockItemRecord> stock = withStockItem ? stockItems(c, ids) : Map.of();

        List<ProductRecord> out = new ArrayList<>();
        for (Long id : ids) {
            Map<String, Object> e = entities.get(id);
            if (e == null) {
                continue;
            }
            Map<String, Object> v = values.getOrDefault(id, Map.of());
            Map<String, String> texts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> a : v.entrySet()) {
                ProductAttribute attr = attributes.catalog(c).require(a.getKey());
                texts.put(a.getKey(), MagentoJson.eavText(attr.backendType(), a.getValue()));
            }
            List<ProductRecord.CategoryLink> links = categories.getOrDefault(id, List.of());
            Map<String, Object> custom = CustomAttributes.of(texts, links.stream().map(ProductRecord.CategoryLink::categoryId).toList(),
                    num(e.get("has_options")), num(e.get("required_options")));
            out.add(new ProductRecord(id, (String) e.get("sku"), text(v.get("name")), num(e.get("attribute_set_id")),
                    MagentoJson.decimal(v.get("price")), MagentoJson.integer(v.get("status")),
                    MagentoJson.integer(v.get("visibility")), (String) e.get("type_id"),
                    MagentoJson.dateTime(e.get("created_at")), MagentoJson.dateTime(e.get("updated_at")),
                    MagentoJson.decimal(v.get("weight")), websites.getOrDefault(id, List.of()), links,
                    configurables.options().getOrDefault(id, List.of()), configurables.children().getOrDefault(id, List.of()),
                    stock.get(id), custom));
        }
        return out;
    }

    /** attribute code → value for each product in the store view ({@link StoreViewOverlay}); store rows of global attributes do not count. */
    private Map<Long, Map<String, Object>> resolvedValues(Connection c, List<Long> ids, Store store) throws SQLException {
        Map<Long, Map<String, Object>> defaults = new HashMap<>();
        Map<Long, Map<String, Object>> scoped = new HashMap<>();
        String in = Rows.placeholders(ids.size());
        PriceScope priceScope = PriceScope.ofShop(c);
        for (String type : VALUE_TYPES) {
            List<Object> params = new ArrayList<>(ids);
            params.add(store.id());
            for (Map<String, Object> r : Rows.query(c, "SELECT entity_id, attribute_id, store_id, value FROM catalog_product_entity_"
                    + type + " WHERE entity_id IN (" + in + ") AND store_id IN (0, ?)", params)) {
                ProductAttribute attr = attributes.byId(c, (int) num(r.get("attribute_id")));
                if (attr == null) {
                    continue;
                }
                long entity = num(r.get("entity_id"));
                if (num(r.get("store_id")) == 0) {
                    defaults.computeIfAbsent(entity, k -> new HashMap<>()).put(attr.code(), r.get("value"));
                } else if (StoreViewOverlay.storeValuesCount(attr.effectiveScope(priceScope))) {
                    scoped.computeIfAbsent(entity, k -> new HashMap<>()).put(attr.code(), r.get("value"));
                }
            }
        }
        Map<Long, Map<String, Object>> out = new HashMap<>();
        for (Long id : ids) {
            out.put(id, StoreViewOverlay.resolve(defaults.getOrDefault(id, Map.of()), store.id(),
                    scoped.getOrDefault(id, Map.of()), v -> false));
        }
        return out;
    }

    private record ConfigurableLinks(Map<Long, List<ProductRecord.ConfigurableOption>> options,
                                     Map<Long, List<Long>> children) {
    }

    private ConfigurableLinks configurables(Connection c, List<Long> ids, Store store) throws SQLException {
        String in = Rows.placeholders(ids.size());
        Map<Long, List<Long>> children = grouped(c, "SELECT parent_id AS k, product_id AS v FROM catalog_product_super_link"
                + " WHERE parent_id IN (" + in + ") ORDER BY link_id", ids);
        Map<Long, List<ProductRecord.ConfigurableOption>> options = new HashMap<>();
        List<Map<String, Object>> superAttributes = Rows.query(c, "SELECT sa.product_super_attribute_id, sa.product_id,"
                + " sa.attribute_id, sa.position, ea.frontend_label FROM catalog_product_super_attribute sa"
                + " JOIN eav_attribute ea ON ea.attribute_id = sa.attribute_id WHERE sa.product_id IN (" + in + ")"
                + " ORDER BY sa.position, sa.product_super_attribute_id", ids);
        Map<Long, String> labels = optionLabels(c, superAttributes, store);
        for (Map<String, Object> sa : superAttributes) {
            long parent = num(sa.get("product_id"));
            long attributeId = num(sa.get("attribute_id"));
            List<Long> kids = children.getOrDefault(parent, List.of());
            TreeSet<Long> valueIndexes = new TreeSet<>();
            if (!kids.isEmpty()) {
                List<Object> params = new ArrayList<>(kids);
                params.add(attributeId);
                for (Map<String, Object> r : Rows.query(c, "SELECT DISTINCT value FROM catalog_product_entity_int WHERE entity_id IN ("
                        + Rows.placeholders(kids.size()) + ") AND attribute_id = ? AND store_id = 0 AND value IS NOT NULL", params)) {
                    valueIndexes.add(num(r.get("value")));
                }
            }
            options.computeIfAbsent(parent, k -> new ArrayList<>()).add(new ProductRecord.ConfigurableOption(
                    num(sa.get("product_super_attribute_id")), attributeId,
                    labels.getOrDefault(num(sa.get("product_super_attribute_id")), text(sa.get("frontend_label"))),
                    num(sa.get("position")), List.copyOf(valueIndexes), parent));
        }
        return new ConfigurableLinks(options, children);
    }

    /**
     * The option labels the store view shows, by super attribute id, where catalog_product_super_attribute_label
     * gives one (as the Configurable attribute collection loads them): the store's row over the store 0 row, which
     * must exist; none, or use_default set, leaves the attribute's own label.
     */
    private static Map<Long, String> optionLabels(Connection c, List<Map<String, Object>> superAttributes, Store store)
            throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (superAttributes.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>();
        params.add(store.id());
        superAttributes.forEach(sa -> params.add(num(sa.get("product_super_attribute_id"))));
        for (Map<String, Object> r : Rows.query(c, "SELECT d.product_super_attribute_id AS id,"
                + " IFNULL(s.use_default, d.use_default) AS use_default, IFNULL(s.value, d.value) AS label"
                + " FROM catalog_product_super_attribute_label d LEFT JOIN catalog_product_super_attribute_label s"
                + " ON s.product_super_attribute_id = d.product_super_attribute_id AND s.store_id = ?"
                + " WHERE d.store_id = 0 AND d.product_super_attribute_id IN ("
                + Rows.placeholders(superAttributes.size()) + ")", params)) {
            if (num(r.get("use_default")) == 0 && r.get("label") != null) {
                out.put(num(r.get("id")), r.get("label").toString());
            }
        }
        return out;
    }

    private static Map<Long, StockItemRecord> stockItems(Connection c, List<Long> ids) throws SQLException {
        Map<Long, StockItemRecord> out = new HashMap<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT * FROM cataloginventory_stock_item WHERE stock_id = 1 AND product_id IN ("
                + Rows.placeholders(ids.size()) + ")", ids)) {
            out.put(num(r.get("product_id")), StockItemRecord.fromColumns(r));
        }
        return out;
    }

    private static Map<Long, List<Long>> grouped(Connection c, String sql, List<Long> ids) throws SQLException {
        Map<Long, List<Long>> out = new TreeMap<>();
        for (Map<String, Object> r : Rows.query(c, sql, ids)) {
            out.computeIfAbsent(num(r.get("k")), k -> new ArrayList<>()).add(num(r.get("v")));
        }
        return out;
    }

    static long num(Object v) {
        return v == null ? 0 : v instanceof Number n ? n.longValue() : new BigDecimal(v.toString()).longValue();
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
