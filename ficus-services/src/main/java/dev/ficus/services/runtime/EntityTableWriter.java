package dev.ficus.services.runtime;

import dev.ficus.core.json.Json;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/** The writer an {@link EntityTable} declares: one row per entity, its answer rendered as the event is applied. */
final class EntityTableWriter implements ReadModelWriter {
    private final EntityTable table;
    private final String upsert;
    private final String delete;

    EntityTableWriter(EntityTable table) {
        this.table = table;
        this.upsert = table.upsertSql();
        this.delete = "DELETE FROM " + table.table() + " WHERE " + table.key() + " = ?";
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(table.type());
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            int i = 1;
            ps.setLong(i++, event.magentoId());
            for (EntityTable.Column column : table.columns()) {
                column.value().bind(ps, i++, event);
            }
            ps.setString(i++, Json.write(event.record()));
            ps.setBytes(i++, table.rendered(event.record()));
            ps.setInt(i, table.rendererVersion());
            ps.executeUpdate();
        }
    }

    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, event.magentoId());
            ps.executeUpdate();
        }
    }
}
