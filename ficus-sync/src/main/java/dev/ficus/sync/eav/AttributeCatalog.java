package dev.ficus.sync.eav;

import dev.ficus.magento.api.store.AttributeScope;
import dev.ficus.magento.api.store.PriceScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product attributes of the source shop (attribute ids differ between installs, so they are always read, never
 * assumed), each with the scope Magento reads it at. Loaded on first use, reloaded after a change to eav_attribute or
 * catalog_eav_attribute went by in the binlog ({@link #invalidate}), and reloaded once when a value row names an
 * attribute id it does not know (an attribute added a moment ago).
 *
 * <p>The scope is catalog_eav_attribute.is_global, except for price attributes, which take catalog/price/scope from
 * core_config_data (global when the shop has no row, Magento's default; core_config_data is not captured, so a
 * changed price scope is seen at the next reload). An attribute without a catalog_eav_attribute row takes that
 * column's default, global; Magento's product attribute collection joins the table, so it has none such.
 */
public final class AttributeCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(AttributeCatalog.class);
    private static final String LOAD = "SELECT a.attribute_id, a.attribute_code, a.backend_type, a.frontend_input, "
            + "COALESCE(c.is_global, 1) FROM eav_attribute a "
            + "JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id "
            + "LEFT JOIN catalog_eav_attribute c ON c.attribute_id = a.attribute_id "
            + "WHERE t.entity_type_code = 'catalog_product'";

    private volatile Map<Integer, Attribute> byId;
    private volatile long version;
    private volatile PriceScope lastPriceScope;

    /** Forget what is known; the next lookup reloads. */
    public void invalidate() {
        byId = null;
    }

    public Attribute get(Connection c, int attributeId) throws SQLException {
        return loaded(c).get(attributeId);
    }

    /** Reloads now; returns the new table. */
    public Map<Integer, Attribute> reload(Connection c) throws SQLException {
        PriceScope priceScope = PriceScope.ofShop(c);
        Map<Integer, Attribute> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOAD); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(2);
                AttributeScope scope = AttributeScope.effective(code, rs.getString(4),
                        AttributeScope.fromIsGlobal(rs.getInt(5)), priceScope);
                m.put(rs.getInt(1), new Attribute(rs.getInt(1), code, rs.getString(3), scope));
            }
        }
        if (priceScope != lastPriceScope) {
            LOG.info("Product prices are read at {} scope (Magento's catalog/price/scope)",
                    priceScope.name().toLowerCase(Locale.ROOT));
            lastPriceScope = priceScope;
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
