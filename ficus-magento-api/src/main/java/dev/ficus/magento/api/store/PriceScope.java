package dev.ficus.magento.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * catalog/price/scope: Magento treats every price attribute as global unless the shop switches prices to website
 * scope, whatever catalog_eav_attribute.is_global says (Catalog\Model\Product\Attribute\Backend\Price::setScope).
 * The default of a fresh install is global (Catalog/etc/config.xml).
 */
public enum PriceScope {
    GLOBAL, WEBSITE;

    /** information_schema lists only tables the user may read: a shop without the table, or no grant, is default. */
    private static final String HAS_CONFIG = "SELECT COUNT(*) FROM information_schema.tables "
            + "WHERE table_schema = DATABASE() AND table_name = 'core_config_data'";
    /** Catalog\Helper\Data::getPriceScope reads the setting at default scope only. */
    private static final String CONFIG_VALUE = "SELECT value FROM core_config_data "
            + "WHERE path = 'catalog/price/scope' AND scope = 'default' AND scope_id = 0";

    /** core_config_data's value for catalog/price/scope: "1" is website (Catalog\Helper\Data::PRICE_SCOPE_WEBSITE). */
    public static PriceScope fromConfigValue(String value) {
        return value != null && value.trim().equals("1") ? WEBSITE : GLOBAL;
    }

    /** The shop's price scope as its core_config_data says now; global when the shop has no such row or table. */
    public static PriceScope ofShop(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HAS_CONFIG); ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getLong(1) == 0) {
                return GLOBAL;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(CONFIG_VALUE); ResultSet rs = ps.executeQuery()) {
            return fromConfigValue(rs.next() ? rs.getString(1) : null);
        }
    }
}
