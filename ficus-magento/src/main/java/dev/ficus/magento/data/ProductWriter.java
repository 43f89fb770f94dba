package dev.ficus.magento.data;

import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.store.AttributeScope;
import dev.ficus.magento.api.store.PriceScope;
import dev.ficus.magento.schema.AttributeCatalog;
import dev.ficus.magento.schema.ProductAttribute;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Product writes the way Magento performs them, so that the sync sees the same row changes:
 * <ul>
 * <li>{@link #save}: ProductRepository::save (REST POST/PUT). One transaction; the entity row's updated_at is set to
 *     now on every save; each attribute value goes to its scope: store 0 for global attributes and admin-scope saves,
 *     every store view of the website for website attributes, the store view for store attributes. A new product
 *     saved in a store view also gets store-0 values for its required attributes (AbstractResource::_insertAttribute).
 *     In single-store mode every value goes to store 0 and other stores' rows are deleted.</li>
 * <li>{@link #saveAttribute}: ResourceModel::saveAttribute(), which writes one value row and leaves updated_at alone
 *     (Magento issue #37980).</li>
 * <li>{@link #delete}: the entity row; value rows, links and stock go with it through the foreign keys.</li>
 * </ul>
 */
public final class ProductWriter {
    private static final Map<String, Object> NEW_PRODUCT_DEFAULTS = Map.of("status", 1L, "visibility", 4L,
            "options_container", "container2", "tax_class_id", 2L);

    private final AttributeCache attributes;
    private final StockRegistry stock;

    public ProductWriter(AttributeCache attributes, StockRegistry stock) {
        this.attributes = attributes;
        this.stock = stock;
    }

    /** Creates or updates the product with {@code in.sku()} in {@code store}'s scope; returns its entity_id. */
    public long save(Connection c, ProductInput in, Store store) throws SQLException {
        if (in.sku() == null || in.sku().isBlank()) {
            throw new MagentoException(MagentoError.requiredField("sku"));
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            StoreDirectory stores = StoreDirectory.load(c);
            AttributeCatalog catalog = attributes.catalog(c);
            String now = Rows.nowUtc();
            Map<String, Object> existing = Rows.one(c, "SELECT entity_id FROM catalog_product_entity WHERE sku = ?"
                    + " ORDER BY entity_id LIMIT 1 FOR UPDATE", in.sku());
            boolean isNew = existing == null;
            long id;
            Map<String, Object> values = new LinkedHashMap<>();
            if (isNew) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("attribute_set_id", in.attributeSetId() == null ? 4 : in.attributeSetId());
                row.put("type_id", in.typeId() == null ? "simple" : in.typeId());
                row.put("sku", in.sku());
                row.put("has_options", 0);
                row.put("required_options", 0);
                row.put("created_at", now);
                row.put("updated_at", now);
                id = Rows.insert(c, "catalog_product_entity", row);
                values.putAll(NEW_PRODUCT_DEFAULTS);
                Object name = in.values().get("name");
                if (name != null && !in.values().containsKey("url_key")) {
                    values.put("url_key", urlKey(name.toString()));
                }
            } else {
                id = ((Number) existing.get("entity_id")).longValue();
                List<Object> params = new ArrayList<>();
                StringBuilder set = new StringBuilder("updated_at = ?");
                params.add(now);
                if (in.attributeSetId() != null) {
                    set.append(", attribute_set_id = ?");
                    params.add(in.attributeSetId());
                }
                if (in.typeId() != null) {
                    set.append(", type_id = ?");
                    params.add(in.typeId());
                }
                params.add(id);
                Rows.update(c, "UPDATE catalog_product_entity SET " + set + " WHERE entity_id = ?", params);
            }
            values.putAll(in.values());
            for (Map.Entry<String, Object> v : values.entrySet()) {
                if (v.getKey().equals("category_ids")) {
                    continue;
                }
                var attribute = catalog.find(v.getKey());
                if (attribute.isEmpty() || attribute.get().isStatic()) {
                    // ProductRepository ignores custom attributes it does not know and static ones it sets itself
                    continue;
                }
                writeValue(c, stores, attribute.get(), id, v.getValue(), store, isNew);
            }
            List<Long> websites = in.websiteIds();
            if (websites == null && isNew) {
                websites = List.of((long) (store.isAdmin() ? 1 : store.websiteId()));
            }
            if (websites != null) {
                Rows.update(c, "DELETE FROM catalog_product_website WHERE product_id = ?", id);
                for (Long w : websites) {
                    Rows.update(c, "INSERT INTO catalog_product_website (product_id, website_id) VALUES (?, ?)", id, w);
                }
            }
            List<ProductInput.CategoryLinkInput> links = in.categoryLinks();
            if (links == null && in.values().get("category_ids") != null) {
                links = categoryIds(in.values().get("category_ids"));
            }
            if (links != null) {
                Rows.update(c, "DELETE FROM catalog_category_product WHERE product_id = ?", id);
                for (ProductInput.CategoryLinkInput l : links) {
                    Rows.update(c, "INSERT INTO catalog_category_product (category_id, product_id, position) VALUES (?, ?, ?)",
                            l.categoryId(), id, l.position());
                }
            }
            if (in.stockItem() != null) {
                stock.write(c, id, in.stockItem());
            } else if (isNew) {
                stock.write(c, id, Map.of("qty", BigDecimal.ZERO, "is_in_stock", false));
            }
            c.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Writes one attribute value at one store and nothing else: no updated_at bump, no other scope, as
     * {@code $product->getResource()->saveAttribute($product, $code)} does.
     */
    public void saveAttribute(Connection c, String sku, String attributeCode, Object value, int storeId) throws SQLException {
        Map<String, Object> row = Rows.one(c, "SELECT entity_id FROM catalog_product_entity WHERE sku = ? ORDER BY entity_id LIMIT 1", sku);
        if (row == null) {
            throw new MagentoException(MagentoError.productNotFound());
        }
        ProductAttribute a = attributes.catalog(c).require(attributeCode);
        long id = ((Number) row.get("entity_id")).longValue();
        if (a.isStatic()) {
            throw new IllegalArgumentException(attributeCode + " is a column of catalog_product_entity, not an EAV value");
        }
        upsert(c, a, id, storeId, value);
    }

    /** Deletes the product; false when there is none with that SKU. */
    public boolean delete(Connection c, String sku) throws SQLException {
        return Rows.update(c, "DELETE FROM catalog_product_entity WHERE sku = ?", sku) > 0;
    }

    private void writeValue(Connection c, StoreDirectory stores, ProductAttribute a, long id, Object value, Store store,
                            boolean isNew) throws SQLException {
        AttributeScope scope = a.effectiveScope(PriceScope.ofShop(c));
        if (stores.hasSingleStore() && scope != AttributeScope.GLOBAL) {
            Rows.update(c, "DELETE FROM " + a.valueTable() + " WHERE entity_id = ? AND attribute_id = ? AND store_id <> 0",
                    id, a.id());
            setValue(c, a, id, 0, value);
            return;
        }
        if (store.isAdmin() || scope == AttributeScope.GLOBAL) {
            setValue(c, a, id, 0, value);
            return;
        }
        if (isNew && a.required() && value != null) {
            Rows.update(c, "INSERT IGNORE INTO " + a.valueTable() + " (attribute_id, store_id, entity_id, value) VALUES (?, 0, ?, ?)",
                    a.id(), id, value);
        }
        List<Integer> targets = scope == AttributeScope.WEBSITE ? stores.storeIdsOfWebsite(store.websiteId()) : List.of(store.id());
        for (int storeId : targets) {
            setValue(c, a, id, storeId, value);
        }
    }

    /** A null value removes the row at that store ("use default value"); anything else inserts or updates it. */
    private static void setValue(Connection c, ProductAttribute a, long id, int storeId, Object value) throws SQLException {
        if (value == null) {
            Rows.update(c, "DELETE FROM " + a.valueTable() + " WHERE entity_id = ? AND attribute_id = ? AND store_id = ?",
                    id, a.id(), storeId);
        } else {
            upsert(c, a, id, storeId, value);
        }
    }

    private static void upsert(Connection c, ProductAttribute a, long id, int storeId, Object value) throws SQLException {
        Rows.update(c, "INSERT INTO " + a.valueTable() + " (attribute_id, store_id, entity_id, value) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE value = VALUES(value)", a.id(), storeId, id, value);
    }

    private static List<ProductInput.CategoryLinkInput> categoryIds(Object value) {
        List<ProductInput.CategoryLinkInput> out = new ArrayList<>();
        List<?> ids = value instanceof List<?> l ? l : List.of(value.toString().split(","));
        for (Object v : ids) {
            String s = v.toString().trim();
            if (!s.isEmpty()) {
                out.add(new ProductInput.CategoryLinkInput(Long.parseLong(s), 0));
            }
        }
        return out;
    }

    static String urlKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
