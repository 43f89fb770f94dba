package dev.ficus.services.customer;

import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.RecordFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/** Customers, with their addresses inside the record, into {@code customers}. */
final class CustomerWriter implements ReadModelWriter {

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.CUSTOMER);
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers (id, magento_id, email, website_id, "
                + "created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (magento_id) "
                + "DO UPDATE SET id = EXCLUDED.id, email = EXCLUDED.email, website_id = EXCLUDED.website_id, "
                + "created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, record = EXCLUDED.record")) {
            ps.setObject(1, event.id());
            ps.setLong(2, event.magentoId());
            RecordFields.setText(ps, 3, RecordFields.text(event.record(), "email"));
            RecordFields.setLong(ps, 4, event.record(), "website_id");
            RecordFields.setTimestamp(ps, 5, event.record(), "created_at");
            RecordFields.setTimestamp(ps, 6, event.record(), "updated_at");
            ps.setString(7, Json.write(event.record()));
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM customers WHERE magento_id = ?")) {
            ps.setLong(1, event.magentoId());
            ps.executeUpdate();
        }
    }
}
