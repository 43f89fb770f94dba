package dev.ficus.services.runtime;

import dev.ficus.events.EntityType;
import dev.ficus.events.SourcePosition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-entity version guard of one consumer group: the source position of the last applied event of each
 * entity, in {@code read_model_versions}. Inside the batch's transaction the rows of the batch's entities are
 * locked ({@code FOR UPDATE}) in key order, so two instances of a service that happen to hold events of the same
 * entity take turns, and the later one sees what the first committed. The order itself is decided in Java by
 * {@link SourcePosition#compareTo}, the one definition of event order.
 */
public final class VersionGuard {
    private final String group;

    public VersionGuard(String group) {
        this.group = group;
    }

    /**
     * Locks the version rows of {@code keys} for the rest of the transaction (creating empty ones for entities seen
     * for the first time) and returns what was applied to each.
     */
    public Map<EntityKey, AppliedVersion> lock(Connection c, Collection<EntityKey> keys) throws SQLException {
        Map<EntityKey, AppliedVersion> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<EntityKey> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        String[] types = new String[sorted.size()];
        Long[] ids = new Long[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            types[i] = sorted.get(i).type().code();
            ids[i] = sorted.get(i).magentoId();
        }
        Array typeArray = c.createArrayOf("text", types);
        Array idArray = c.createArrayOf("bigint", ids);
        // placeholder rows first: a row lock needs a row, and a concurrent first insert of the same entity waits on
        // the unique index until the other transaction ends, then finds the row
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO read_model_versions (consumer_group, entity_type, magento_id) "
                        + "SELECT ?, u.t, u.m FROM unnest(?::text[], ?::bigint[]) AS u(t, m) ORDER BY u.t, u.m "
                        + "ON CONFLICT DO NOTHING")) {
            insert.setString(1, group);
            insert.setArray(2, typeArray);
            insert.setArray(3, idArray);
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT v.entity_type, v.magento_id, v.src_file, v.src_pos, v.src_row, v.src_snapshot, v.src_gtid, "
                        + "v.src_ts_ms, v.deleted, v.src_event FROM read_model_versions v "
                        + "JOIN unnest(?::text[], ?::bigint[]) AS u(t, m) ON v.entity_type = u.t AND v.magento_id = u.m "
                        + "WHERE v.consumer_group = ? ORDER BY v.entity_type, v.magento_id FOR UPDATE OF v")) {
            select.setArray(1, typeArray);
            select.setArray(2, idArray);
            select.setString(3, group);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    EntityKey key = new EntityKey(EntityType.fromCode(rs.getString(1)), rs.getLong(2));
                    String file = rs.getString(3);
                    SourcePosition position = file == null ? null : new SourcePosition(file, rs.getLong(4),
                            rs.getLong(10), rs.getLong(5), rs.getString(7), rs.getLong(8), rs.getBoolean(6));
                    out.put(key, new AppliedVersion(position, rs.getBoolean(9)));
                }
            }
        }
        for (EntityKey key : sorted) {
            out.putIfAbsent(key, AppliedVersion.NONE);
        }
        return out;
    }

    /** Records that the event at {@code position} was applied to {@code key} (the row is locked by {@link #lock}). */
    public void record(Connection c, EntityKey key, SourcePosition position, boolean deleted) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE read_model_versions SET src_file = ?, src_pos = ?, src_row = ?, src_snapshot = ?, "
                        + "src_gtid = ?, src_ts_ms = ?, deleted = ?, src_event = ?, applied_at = now() "
                        + "WHERE consumer_group = ? AND entity_type = ? AND magento_id = ?")) {
            update.setString(1, position.file());
            update.setLong(2, position.pos());
            update.setLong(3, position.row());
            update.setBoolean(4, position.snapshot());
            if (position.gtid() == null) {
                update.setNull(5, Types.VARCHAR);
            } else {
                update.setString(5, position.gtid());
            }
            update.setLong(6, position.tsMs());
            update.setBoolean(7, deleted);
            update.setLong(8, position.event());
            update.setString(9, group);
            update.setString(10, key.type().code());
            update.setLong(11, key.magentoId());
            update.executeUpdate();
        }
    }
}
