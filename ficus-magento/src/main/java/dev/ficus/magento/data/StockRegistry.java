package dev.ficus.magento.data;

import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.json.MagentoJson;
import dev.ficus.magento.api.json.StockItemRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cataloginventory_stock_item reads and writes (StockRegistry). A stock write touches only this table: the
 * product's updated_at stays as it was, as in Magento (the table has no updated_at of its own, issue #6234).
 */
public final class StockRegistry {
    /** Default stock (cataloginventory_stock 1); items keep website_id 0 as Magento's single-source setup does. */
    public static final int DEFAULT_STOCK_ID = 1;
    private static final Set<String> WRITABLE = Set.of("qty", "is_in_stock", "is_qty_decimal", "use_config_min_qty",
            "min_qty", "use_config_min_sale_qty", "min_sale_qty", "use_config_max_sale_qty", "max_sale_qty",
            "use_config_backorders", "backorders", "use_config_notify_stock_qty", "notify_stock_qty",
            "use_config_qty_increments", "qty_increments", "use_config_enable_qty_inc", "enable_qty_increments",
            "use_config_manage_stock", "manage_stock", "low_stock_date", "is_decimal_divided",
            "stock_status_changed_auto");

    public StockItemRecord bySku(Connection c, String sku) throws SQLException {
        Map<String, Object> row = Rows.one(c, "SELECT s.* FROM cataloginventory_stock_item s JOIN catalog_product_entity e"
                + " ON e.entity_id = s.product_id WHERE e.sku = ? AND s.stock_id = ? ORDER BY e.entity_id LIMIT 1",
                sku, DEFAULT_STOCK_ID);
        if (row == null) {
            throw new MagentoException(MagentoError.stockSkuNotFound(sku));
        }
        return StockItemRecord.fromColumns(row);
    }

    /** PUT /V1/products/:sku/stockItems/:itemId: updates the item of that SKU, returns its item_id. */
    public long updateBySku(Connection c, String sku, Map<String, Object> fields) throws SQLException {
        Map<String, Object> product = Rows.one(c, "SELECT entity_id FROM catalog_product_entity WHERE sku = ? ORDER BY entity_id LIMIT 1", sku);
        if (product == null) {
            throw new MagentoException(MagentoError.stockSkuNotFound(sku));
        }
        return write(c, ((Number) product.get("entity_id")).longValue(), fields);
    }

    /**
     * Inserts or updates the product's item with the given fields. When qty changes without an explicit
     * is_in_stock, the status follows the quantity as StockStateProvider::verifyStock decides it (in stock above the
     * configured minimum of 0) and stock_status_changed_auto records that it changed by itself.
     */
    long write(Connection c, long productId, Map<String, Object> input) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        input.forEach((k, v) -> {
            if (WRITABLE.contains(k)) {
                fields.put(k, v instanceof Boolean b ? (b ? 1 : 0) : v);
            }
        });
        if (fields.containsKey("qty") && !fields.containsKey("is_in_stock")) {
            BigDecimal qty = MagentoJson.decimal(fields.get("qty"));
            fields.put("is_in_stock", qty != null && qty.signum() > 0 ? 1 : 0);
            fields.put("stock_status_changed_auto", 1);
        }
        Map<String, Object> existing = Rows.one(c, "SELECT item_id FROM cataloginventory_stock_item WHERE product_id = ? AND stock_id = ?",
                productId, DEFAULT_STOCK_ID);
        if (existing == null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product_id", productId);
            row.put("stock_id", DEFAULT_STOCK_ID);
            row.put("min_sale_qty", 1);
            row.put("max_sale_qty", 10_000);
            row.put("notify_stock_qty", 1);
            row.put("manage_stock", 1);
            row.put("qty_increments", 1);
            row.put("website_id", 0);
            row.putAll(fields);
            return Rows.insert(c, "cataloginventory_stock_item", row);
        }
        long itemId = ((Number) existing.get("item_id")).longValue();
        if (!fields.isEmpty()) {
            List<Object> params = new ArrayList<>(fields.values());
            params.add(itemId);
            Rows.update(c, "UPDATE cataloginventory_stock_item SET " + String.join(" = ?, ", fields.keySet())
                    + " = ? WHERE item_id = ?", params);
        }
        return itemId;
    }
}
