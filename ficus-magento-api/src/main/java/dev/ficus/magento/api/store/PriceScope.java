package dev.ficus.magento.data;

/**
 * catalog/price/scope: Magento treats every price attribute as global unless the shop switches prices to website
 * scope, whatever catalog_eav_attribute.is_global says (Catalog\Model\Product\Attribute\Backend\Price::setScope).
 * The default of a fresh install is global.
 */
public enum PriceScope {
    GLOBAL, WEBSITE
}
