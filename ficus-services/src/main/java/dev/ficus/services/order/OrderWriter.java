package dev.ficus.services.order;

import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.RecordFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/** Orders, with their items and addresses inside the record, into {@code orders}. */
final class OrderWriter implements ReadModelWriter {

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.ORDER);
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, magento_id, increment_id, "
                + "customer_id, store_id, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (magento_id) DO UPDATE SET id = EXCLUDED.id, increment_id = EXCLUDED.increment_id, "
                + "customer_id = EXCLUDED.customer_id, store_id = EXCLUDED.store_id, "
                + "created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, record = EXCLUDED.record")) {
            ps.setObject(1, event.id());
            ps.setLong(2, event.magentoId());
            RecordFields.setText(ps, 3, RecordFields.text(event.record(), "increment_id"));
            RecordFields.setLong(ps, 4, event.record(), "customer_id");
            RecordFields.setLong(ps, 5, event.record(), "store_id");
            RecordFields.setTimestamp(ps, 6, event.record(), "created_at");
            RecordFields.setTimestamp(ps, 7, event.record(), "updated_at");
            ps.setString(8, Json.write(event.record()));
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM orders WHERE magento_id = ?")) {
            ps.setLong(1, event.magentoId());
            ps.executeUpdate();
        }
    }
}
