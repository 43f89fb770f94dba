package dev.ficus.sync.eav;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The product attributes of the source shop (attribute ids differ between installs, so they are always read, never
 * assumed). Loaded on first use, reloaded after a change to eav_attribute went by in the binlog ({@link #invalidate}),
 * and reloaded once when a value row names an attribute id it does not know (an attribute added a moment ago).
 */
public final class AttributeCatalog {
    private static final String LOAD = "SELECT a.attribute_id, a.attribute_code, a.backend_type FROM eav_attribute a "
            + "JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id WHERE t.entity_type_code = 'catalog_product'";

    private volatile Map<Integer, Attribute> byId;
    private volatile long version;

    /** Forget what is known; the next lookup reloads. */
    public void invalidate() {
        byId = null;
    }

    public Attribute get(Connection c, int attributeId) throws SQLException {
        return loaded(c).get(attributeId);
    }

    /** Reloads now; returns the new table. */
    public Map<Integer, Attribute> reload(Connection c) throws SQLException {
        Map<Integer, Attribute> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOAD); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getInt(1), new Attribute(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
        byId = Map.copyOf(m);
        version++;
        return byId;
    }

    /** How many times the table was loaded: lets a caller reload at most once per extraction. */
    public long version() {
        return version;
    }

    Map<Integer, Attribute> loaded(Connection c) throws SQLException {
        Map<Integer, Attribute> m = byId;
        return m != null ? m : reload(c);
    }
}
