package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.EntityType;
import dev.ficus.sync.cascade.Reference;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.InList;
import dev.ficus.sync.eav.JsonRows;
import dev.ficus.sync.eav.Reads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stock items, one per product (Magento Open Source keeps every product in the default stock): {@code magento_id} is
 * the product id, and the record carries the product's {@code sku}, the key the inventory service answers by. Stock
 * writes never touch the product row, so they are followed on their own table. Two product changes matter too: a
 * product delete (InnoDB's cascade removes the stock row without writing it to the binlog) and a SKU change.
 */
public final class StockHandler implements DomainHandler {
    private static final String STOCK = "cataloginventory_stock_item";

    @Override
    public EntityType entityType() {
        return EntityType.STOCK;
    }

    @Override
    public Set<String> tables() {
        return Set.of(STOCK, ProductHandler.ENTITY);
    }

    /** A product's snapshot row gives no stock event: its stock row does. */
    @Override
    public Set<String> snapshotTables() {
        return Set.of(STOCK);
    }

    /** A stock item's id is its product's: the product's delete row touches it (see {@link #collect}). */
    @Override
    public Set<Reference> followedThroughParent() {
        return Set.of(new Reference(STOCK, "product_id"));
    }

    @Override
    public void collect(RowChange row, PendingChanges into) {
        if (row.table().equals(STOCK)) {
            into.touch(row.longValue("product_id"), row, row.row());
            return;
        }
        boolean deleted = row.kind() == RowChange.Kind.DELETE;
        boolean skuChanged = row.kind() == RowChange.Kind.UPDATE && row.before() != null
                && !Objects.equals(row.before().get("sku"), row.after().get("sku"));
        if (deleted || skuChanged) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("product_id", row.longValue("entity_id"));
            image.put("sku", row.row().get("sku"));
            into.touch(row.longValue("entity_id"), row, image);
        }
    }

    @Override
    public Map<Long, ObjectNode> extract(Connection c, List<Long> ids, Reads reads) throws SQLException {
        Map<Long, ObjectNode> out = new LinkedHashMap<>();
        for (List<Long> chunk : InList.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT s.*, p.sku FROM " + STOCK + " s "
                    + "JOIN catalog_product_entity p ON p.entity_id = s.product_id "
                    + "WHERE s.product_id IN (" + InList.placeholders(chunk.size()) + ")"
                    + " ORDER BY s.product_id, s.stock_id"))) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    JsonRows rows = new JsonRows(rs, Set.of());
                    while (rs.next()) {
                        // the lowest stock_id is the default stock
                        out.putIfAbsent(rs.getLong("product_id"), rows.row());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public ObjectNode deletedRecord(Pending pending) {
        ObjectNode o = Records.fromImage(pending.lastImage(), List.of("product_id", "stock_id", "sku"));
        o.put("product_id", pending.magentoId());
        return o;
    }
}
