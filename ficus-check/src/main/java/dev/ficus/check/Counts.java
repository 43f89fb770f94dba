package dev.ficus.check;

import dev.ficus.events.EntityType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checklist's "id map populated" and "full extraction validated": magento_id_map's entries per entity type
 * against Magento's entities of that type, and each read model's rows against the entities it should hold.
 */
final class Counts {
    private Counts() {
    }

    /** Magento's table and key of each mapped entity type; a stock item is mapped by its product id. */
    private static final Map<EntityType, String> MAGENTO = Map.of(
            EntityType.PRODUCT, "catalog_product_entity.entity_id",
            EntityType.CUSTOMER, "customer_entity.entity_id",
            EntityType.CUSTOMER_ADDRESS, "customer_address_entity.entity_id",
            EntityType.ORDER, "sales_order.entity_id",
            EntityType.STOCK, "cataloginventory_stock_item.product_id");

    static List<CountRow> of(MagentoSide magento, PlatformSide platform, List<Target> targets) throws SQLException {
        List<CountRow> rows = new ArrayList<>();
        Map<String, Long> mapped = platform.idMapCounts();
        for (EntityType type : EntityType.values()) {
            if (targets.stream().noneMatch(t -> covers(t, type))) {
                continue;
            }
            String source = MAGENTO.get(type);
            int dot = source.indexOf('.');
            long count = magento.countDistinct(source.substring(0, dot), source.substring(dot + 1));
            rows.add(new CountRow(type.code() + " ids", "distinct " + source, count,
                    "magento_id_map '" + type.code() + "'", mapped.getOrDefault(type.code(), 0L)));
        }
        for (Target t : targets) {
            rows.add(new CountRow(t.label(), "distinct " + t.magentoTable() + "." + t.magentoKey(), magento.count(t),
                    t.table(), platform.count(t)));
        }
        return rows;
    }

    /** Customer addresses travel inside customers: their ids belong to the customer domain's count. */
    private static boolean covers(Target t, EntityType type) {
        return t.entityType() == type || (type == EntityType.CUSTOMER_ADDRESS && t.entityType() == EntityType.CUSTOMER);
    }
}
