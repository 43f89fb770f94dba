package dev.ficus.services.inventory;

import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.RecordFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/** Stock items into {@code stock_items}, keyed by product id and found by the SKU the sync puts in the record. */
final class InventoryWriter implements ReadModelWriter {

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.STOCK);
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_items (product_id, sku, record) "
                + "VALUES (?, ?, ?::jsonb) ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, "
                + "record = EXCLUDED.record")) {
            ps.setLong(1, event.magentoId());
            ps.setString(2, RecordFields.requiredText(event.record(), "sku"));
            ps.setString(3, Json.write(event.record()));
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stock_items WHERE product_id = ?")) {
            ps.setLong(1, event.magentoId());
            ps.executeUpdate();
        }
    }
}
