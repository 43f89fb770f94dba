package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.EntityType;
import dev.ficus.sync.cascade.Reference;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.Reads;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders with their items, addresses and payment: a change to any of the four tables gives one order event. The
 * record's {@code payment} is the order's sales_order_payment row (the first by entity_id, as Magento's order
 * repository takes it), left out when the order has none.
 */
public final class OrderHandler implements DomainHandler {

    @Override
    public EntityType entityType() {
        return EntityType.ORDER;
    }

    @Override
    public Set<String> tables() {
        return Set.of("sales_order", "sales_order_item", "sales_order_address", "sales_order_payment");
    }

    @Override
    public Set<String> snapshotTables() {
        return Set.of("sales_order");
    }

    /** Items, addresses and the payment live in their order's record. */
    @Override
    public Set<Reference> followedThroughParent() {
        return Set.of(new Reference("sales_order_item", "order_id"), new Reference("sales_order_address", "parent_id"),
                new Reference("sales_order_payment", "parent_id"));
    }

    @Override
    public void collect(RowChange row, PendingChanges into) {
        switch (row.table()) {
            case "sales_order" -> into.touch(row.longValue("entity_id"), row, row.row());
            case "sales_order_item" -> {
                if (!row.isSnapshot()) {
                    ProductHandler.touchBoth(row, "order_id", into);
                }
            }
            default -> { // addresses and payments
                if (!row.isSnapshot()) {
                    ProductHandler.touchBoth(row, "parent_id", into);
                }
            }
        }
    }

    @Override
    public Map<Long, ObjectNode> extract(Connection c, List<Long> ids, Reads reads) throws SQLException {
        Map<Long, ObjectNode> orders = Records.byKey(c, reads, "sales_order", "entity_id", ids, Set.of());
        Records.attachChildren(c, reads, orders, "sales_order_item", "order_id", "item_id", "items");
        Records.attachChildren(c, reads, orders, "sales_order_address", "parent_id", "entity_id", "addresses");
        Records.attachFirstChild(c, reads, orders, "sales_order_payment", "parent_id", "entity_id", "payment");
        return orders;
    }

    @Override
    public ObjectNode deletedRecord(Pending pending) {
        ObjectNode o = Records.fromImage(pending.lastImage(), List.of("entity_id", "increment_id", "store_id",
                "customer_id"));
        o.put("entity_id", pending.magentoId());
        return o;
    }
}
