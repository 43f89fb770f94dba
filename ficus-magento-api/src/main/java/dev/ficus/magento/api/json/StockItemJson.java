package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * StockItemInterface as Magento renders it (GET /V1/stockItems/:sku and extension_attributes.stock_item). The getters
 * answer from the store configuration wherever a use_config_* flag is set, so the row alone does not decide the value;
 * the defaults below are those of a fresh install (cataloginventory/item_options/*). Every field is present, nulls
 * included (qty, low_stock_date), and use_config_min_sale_qty prints as a number where the others print as booleans,
 * exactly as Magento's own responses do.
 */
public final class StockItemJson {
    /** cataloginventory/item_options defaults of a fresh install. */
    public static final BigDecimal CONFIG_MIN_QTY = BigDecimal.ZERO;
    public static final BigDecimal CONFIG_MIN_SALE_QTY = BigDecimal.ONE;
    public static final BigDecimal CONFIG_MAX_SALE_QTY = BigDecimal.valueOf(10_000);
    public static final BigDecimal CONFIG_NOTIFY_STOCK_QTY = BigDecimal.ONE;
    public static final long CONFIG_BACKORDERS = 0;
    public static final boolean CONFIG_MANAGE_STOCK = true;
    public static final boolean CONFIG_ENABLE_QTY_INCREMENTS = false;

    private StockItemJson() {
    }

    public static ObjectNode toJson(StockItemRecord s) {
        ObjectNode n = MagentoJson.object();
        n.put("item_id", s.itemId());
        n.put("product_id", s.productId());
        n.put("stock_id", s.stockId());
        MagentoJson.putFloat(n, "qty", s.qty());
        n.put("is_in_stock", s.isInStock());
        n.put("is_qty_decimal", s.isQtyDecimal());
        n.put("show_default_notification_message", false);
        n.put("use_config_min_qty", s.useConfigMinQty());
        MagentoJson.putFloat(n, "min_qty", s.useConfigMinQty() ? CONFIG_MIN_QTY : s.minQty());
        n.put("use_config_min_sale_qty", s.useConfigMinSaleQty() ? 1 : 0);
        MagentoJson.putFloat(n, "min_sale_qty", s.useConfigMinSaleQty() ? CONFIG_MIN_SALE_QTY : s.minSaleQty());
        n.put("use_config_max_sale_qty", s.useConfigMaxSaleQty());
        MagentoJson.putFloat(n, "max_sale_qty", s.useConfigMaxSaleQty() ? CONFIG_MAX_SALE_QTY : s.maxSaleQty());
        n.put("use_config_backorders", s.useConfigBackorders());
        n.put("backorders", s.useConfigBackorders() ? CONFIG_BACKORDERS : s.backorders());
        n.put("use_config_notify_stock_qty", s.useConfigNotifyStockQty());
        BigDecimal notify = s.useConfigNotifyStockQty() ? CONFIG_NOTIFY_STOCK_QTY : s.notifyStockQty();
        MagentoJson.putFloat(n, "notify_stock_qty", notify);
        boolean enableIncrements = s.useConfigEnableQtyInc() ? CONFIG_ENABLE_QTY_INCREMENTS : s.enableQtyIncrements();
        n.put("use_config_qty_increments", s.useConfigQtyIncrements());
        // Item::getQtyIncrements() is false (printed as 0) unless increments are enabled
        MagentoJson.putFloat(n, "qty_increments", enableIncrements ? s.qtyIncrements() : BigDecimal.ZERO);
        n.put("use_config_enable_qty_inc", s.useConfigEnableQtyInc());
        n.put("enable_qty_increments", enableIncrements);
        n.put("use_config_manage_stock", s.useConfigManageStock());
        n.put("manage_stock", s.useConfigManageStock() ? CONFIG_MANAGE_STOCK : s.manageStock());
        if (s.lowStockDate() == null) {
            n.putNull("low_stock_date");
        } else {
            n.put("low_stock_date", s.lowStockDate());
        }
        n.put("is_decimal_divided", s.isDecimalDivided());
        n.put("stock_status_changed_auto", s.stockStatusChangedAuto());
        return n;
    }

    public static String write(StockItemRecord s) {
        return MagentoJson.write(toJson(s));
    }
}
