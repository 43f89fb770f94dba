package dev.ficus.sync.idmap;

import dev.ficus.events.EntityType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Magento integer id → platform UUID, kept in PostgreSQL's {@code magento_id_map}. Lookups are batched (one round
 * trip for a whole engine batch) and create missing entries. A UUID, once given, never changes: an insert that meets
 * an existing entry does nothing, and the stored UUID is returned, so two processes racing on the same id both end
 * with the one that was committed first. Because entries never change, the in-process cache never goes stale; it
 * only has a size bound (least recently used entries leave first).
 */
public final class IdMap {
    private static final String INSERT = "INSERT INTO magento_id_map (entity_type, magento_id, platform_uuid) "
            + "SELECT * FROM unnest(?::text[], ?::bigint[], ?::uuid[]) ON CONFLICT DO NOTHING";
    private static final String SELECT = "SELECT m.entity_type, m.magento_id, m.platform_uuid FROM magento_id_map m "
            + "JOIN unnest(?::text[], ?::bigint[]) AS k(t, id) ON m.entity_type = k.t AND m.magento_id = k.id";

    private final DataSource ds;
    private final Map<IdKey, UUID> cache;
    private final int cacheSize;

    public IdMap(DataSource ds, int cacheSize) {
        this.ds = ds;
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<IdKey, UUID> eldest) {
                return size() > IdMap.this.cacheSize;
            }
        };
    }

    /** The UUID of each key, created where missing. Throws only when PostgreSQL fails; then nothing is half-done. */
    public Map<IdKey, UUID> resolve(Collection<IdKey> keys) throws SQLException {
        Map<IdKey, UUID> out = new HashMap<>(keys.size() * 2);
        // sorted, so that two processes inserting overlapping sets lock rows in the same order and cannot deadlock
        TreeSet<IdKey> missing = new TreeSet<>();
        synchronized (cache) {
            for (IdKey k : keys) {
                UUID u = cache.get(k);
                if (u != null) {
                    out.put(k, u);
                } else {
                    missing.add(k);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<IdKey, UUID> found = getOrCreate(new ArrayList<>(missing));
        out.putAll(found);
        synchronized (cache) {
            if (cacheSize > 0) {
                cache.putAll(found);
            }
        }
        return out;
    }

    public UUID resolve(EntityType type, long magentoId) throws SQLException {
        IdKey k = new IdKey(type, magentoId);
        return resolve(List.of(k)).get(k);
    }

    private Map<IdKey, UUID> getOrCreate(List<IdKey> keys) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            Map<IdKey, UUID> found = select(c, keys);
            List<IdKey> absent = keys.stream().filter(k -> !found.containsKey(k)).toList();
            if (!absent.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setArray(1, texts(c, absent));
                    ps.setArray(2, ids(c, absent));
                    ps.setArray(3, c.createArrayOf("uuid", absent.stream().map(k -> UUID.randomUUID()).toArray()));
                    ps.executeUpdate();
                }
                // a fresh statement sees both our inserts and a racing process's committed ones
                found.putAll(select(c, absent));
            }
            if (found.size() < keys.size()) {
                throw new SQLException("magento_id_map lost " + (keys.size() - found.size()) + " entries just written");
            }
            return found;
        }
    }

    private static Map<IdKey, UUID> select(Connection c, List<IdKey> keys) throws SQLException {
        Map<IdKey, UUID> out = new HashMap<>(keys.size() * 2);
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setArray(1, texts(c, keys));
            ps.setArray(2, ids(c, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new IdKey(EntityType.fromCode(rs.getString(1)), rs.getLong(2)), (UUID) rs.getObject(3));
                }
            }
        }
        return out;
    }

    private static Array texts(Connection c, List<IdKey> keys) throws SQLException {
        return c.createArrayOf("text", keys.stream().map(k -> k.type().code()).toArray());
    }

    private static Array ids(Connection c, List<IdKey> keys) throws SQLException {
        return c.createArrayOf("bigint", keys.stream().map(IdKey::magentoId).toArray());
    }
}
