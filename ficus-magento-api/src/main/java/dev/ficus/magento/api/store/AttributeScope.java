package dev.ficus.magento.api.store;

/**
 * The scope a product attribute's values are kept and read at: Magento's ScopedAttributeInterface values, as stored in
 * catalog_eav_attribute.is_global (0 store view, 1 global, 2 website).
 */
public enum AttributeScope {
    STORE(0), GLOBAL(1), WEBSITE(2);

    private final int isGlobal;

    AttributeScope(int isGlobal) {
        this.isGlobal = isGlobal;
    }

    public int isGlobalValue() {
        return isGlobal;
    }

    public static AttributeScope fromIsGlobal(int value) {
        for (AttributeScope s : values()) {
            if (s.isGlobal == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown is_global value " + value);
    }

    /**
     * The scope Magento works with for a product attribute. Price attributes (the backend model
     * Catalog/Model/Product/Attribute/Backend/Price, which Magento gives every attribute of input type price) are
     * rescoped as they load: its setAttribute calls setScope, which makes them global while catalog/price/scope is
     * global and website-scoped otherwise, whatever is_global says. Every other attribute keeps {@code declared},
     * its is_global.
     */
    public static AttributeScope effective(String code, String frontendInput, AttributeScope declared,
                                           PriceScope priceScope) {
        if ("price".equals(frontendInput) || "tier_price".equals(code)) {
            return priceScope == PriceScope.WEBSITE ? WEBSITE : GLOBAL;
        }
        return declared;
    }
}
