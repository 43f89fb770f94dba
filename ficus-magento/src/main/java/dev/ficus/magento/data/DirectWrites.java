package dev.ficus.magento.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Magento's write paths that leave catalog_product_entity.updated_at untouched, for testing that the sync does not
 * depend on it: an attribute-only save (ResourceModel::saveAttribute(), Magento issue #37980) and a stock change
 * (cataloginventory_stock_item only). Full saves, which do bump it, go through {@link ProductWriter#save} or REST.
 */
public final class DirectWrites {
    private DirectWrites() {
    }

    /** Writes {@code value} for one attribute of the product at one store; nothing else changes. */
    public static void saveAttribute(Connection c, String sku, String attributeCode, Object value, int storeId)
            throws SQLException {
        new ProductWriter(new AttributeCache(), new StockRegistry())
                .saveAttribute(c, sku, attributeCode, value, storeId);
    }

    /** Sets the product's quantity (and, by the quantity, its stock status); returns the stock item id. */
    public static long setStockQty(Connection c, String sku, BigDecimal qty) throws SQLException {
        return new StockRegistry().updateBySku(c, sku, Map.of("qty", qty));
    }
}
