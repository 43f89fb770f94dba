package dev.ficus.magento.api.store;

/**
 * catalog/price/scope: Magento treats every price attribute as global unless the shop switches prices to website
 * scope, whatever catalog_eav_attribute.is_global says (Catalog\Model\Product\Attribute\Backend\Price::setScope).
 * The default of a fresh install is global (Catalog/etc/config.xml).
 */
public enum PriceScope {
    GLOBAL, WEBSITE;

    /** core_config_data's value for catalog/price/scope: "1" is website (Catalog\Helper\Data::PRICE_SCOPE_WEBSITE). */
    public static PriceScope fromConfigValue(String value) {
        return value != null && value.trim().equals("1") ? WEBSITE : GLOBAL;
    }
}
