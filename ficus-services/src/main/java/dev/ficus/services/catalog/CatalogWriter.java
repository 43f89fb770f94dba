package dev.ficus.services.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import dev.ficus.services.runtime.ReadModelWriter;
import dev.ficus.services.runtime.RecordFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Products into {@code products}, stock items into {@code catalog_stock_items} (for the product answer's
 * {@code extension_attributes.stock_item}). A product's columns used for lookups and the consistency check are
 * copied out of the record; the record itself is kept whole. Either change renders the product's answers again
 * ({@link ProductAnswerStore}), in the same transaction, so the stored bytes never lag the record they come from.
 */
final class CatalogWriter implements ReadModelWriter {

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.PRODUCT, EntityType.STOCK);
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        ProductAnswerStore.lock(c, event.magentoId());
        if (event.entityType() == EntityType.STOCK) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_stock_items (product_id, record) "
                    + "VALUES (?, ?::jsonb) ON CONFLICT (product_id) DO UPDATE SET record = EXCLUDED.record")) {
                ps.setLong(1, event.magentoId());
                ps.setString(2, Json.write(event.record()));
                ps.executeUpdate();
            }
            ProductAnswerStore.refresh(c, event.magentoId());
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (id, magento_id, sku, type_id, "
                + "attribute_set_id, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (magento_id) DO UPDATE SET id = EXCLUDED.id, sku = EXCLUDED.sku, "
                + "type_id = EXCLUDED.type_id, attribute_set_id = EXCLUDED.attribute_set_id, "
                + "created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, record = EXCLUDED.record")) {
            ps.setObject(1, event.id());
            ps.setLong(2, event.magentoId());
            ps.setString(3, RecordFields.requiredText(event.record(), "sku"));
            RecordFields.setText(ps, 4, RecordFields.text(event.record(), "type_id"));
            RecordFields.setLong(ps, 5, event.record(), "attribute_set_id");
            RecordFields.setTimestamp(ps, 6, event.record(), "created_at");
            RecordFields.setTimestamp(ps, 7, event.record(), "updated_at");
            ps.setString(8, Json.write(event.record()));
            ps.executeUpdate();
        }
        registerAttributes(c, event.record());
        ProductAnswerStore.refresh(c, event.magentoId());
    }

    /** Records the codes (and number or text kind) of the attributes the product carries, for searchCriteria. */
    private static void registerAttributes(Connection c, JsonNode record) throws SQLException {
        Map<String, String> kinds = new TreeMap<>();
        collect(record.path("attributes"), kinds);
        record.path("store_attributes").forEach(store -> collect(store, kinds));
        if (kinds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product_attributes (code, kind) "
                + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (code) DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("text", kinds.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("text", kinds.values().toArray()));
            ps.executeUpdate();
        }
    }

    private static void collect(JsonNode values, Map<String, String> kinds) {
        values.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                kinds.putIfAbsent(e.getKey(), e.getValue().isNumber() ? "number" : "text");
            }
        });
    }

    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        ProductAnswerStore.lock(c, event.magentoId());
        String sql = event.entityType() == EntityType.STOCK
                ? "DELETE FROM catalog_stock_items WHERE product_id = ?"
                : "DELETE FROM products WHERE magento_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, event.magentoId());
            ps.executeUpdate();
        }
        ProductAnswerStore.refresh(c, event.magentoId());
    }
}
