package dev.ficus.magento.api.json;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One cataloginventory_stock_item row, column for column. {@link #fromColumns} accepts a row read by JDBC or a
 * flattened event record (numbers, strings or booleans, whatever the source holds).
 */
public record StockItemRecord(long itemId, long productId, long stockId, BigDecimal qty, boolean isInStock,
                              boolean isQtyDecimal, boolean useConfigMinQty, BigDecimal minQty,
                              boolean useConfigMinSaleQty, BigDecimal minSaleQty, boolean useConfigMaxSaleQty,
                              BigDecimal maxSaleQty, boolean useConfigBackorders, long backorders,
                              boolean useConfigNotifyStockQty, BigDecimal notifyStockQty,
                              boolean useConfigQtyIncrements, BigDecimal qtyIncrements,
                              boolean useConfigEnableQtyInc, boolean enableQtyIncrements,
                              boolean useConfigManageStock, boolean manageStock, String lowStockDate,
                              boolean isDecimalDivided, long stockStatusChangedAuto) {

    public static StockItemRecord fromColumns(Map<String, ?> c) {
        return new StockItemRecord(
                MagentoJson.integer(c.get("item_id")), MagentoJson.integer(c.get("product_id")),
                MagentoJson.integer(c.get("stock_id")), MagentoJson.decimal(c.get("qty")),
                MagentoJson.bool(c.get("is_in_stock")), MagentoJson.bool(c.get("is_qty_decimal")),
                MagentoJson.bool(c.get("use_config_min_qty")), orZero(c.get("min_qty")),
                MagentoJson.bool(c.get("use_config_min_sale_qty")), orZero(c.get("min_sale_qty")),
                MagentoJson.bool(c.get("use_config_max_sale_qty")), orZero(c.get("max_sale_qty")),
                MagentoJson.bool(c.get("use_config_backorders")), orZeroLong(c.get("backorders")),
                MagentoJson.bool(c.get("use_config_notify_stock_qty")), MagentoJson.decimal(c.get("notify_stock_qty")),
                MagentoJson.bool(c.get("use_config_qty_increments")), orZero(c.get("qty_increments")),
                MagentoJson.bool(c.get("use_config_enable_qty_inc")), MagentoJson.bool(c.get("enable_qty_increments")),
                MagentoJson.bool(c.get("use_config_manage_stock")), MagentoJson.bool(c.get("manage_stock")),
                MagentoJson.dateTime(c.get("low_stock_date")), MagentoJson.bool(c.get("is_decimal_divided")),
                orZeroLong(c.get("stock_status_changed_auto")));
    }

    private static BigDecimal orZero(Object v) {
        BigDecimal d = MagentoJson.decimal(v);
        return d == null ? BigDecimal.ZERO : d;
    }

    private static long orZeroLong(Object v) {
        Long l = MagentoJson.integer(v);
        return l == null ? 0 : l;
    }
}
