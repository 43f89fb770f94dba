package dev.ficus.magento.data;

import dev.ficus.magento.schema.AttributeScope;
import dev.ficus.magento.schema.ProductAttribute;

/** The scope a product attribute is read and written at, after the price-scope setting is applied. */
final class ScopeRules {
    private ScopeRules() {
    }

    static AttributeScope effective(ProductAttribute attribute, PriceScope priceScope) {
        if ("price".equals(attribute.frontendInput()) || "tier_price".equals(attribute.code())) {
            return priceScope == PriceScope.WEBSITE ? AttributeScope.WEBSITE : AttributeScope.GLOBAL;
        }
        return attribute.scope();
    }
}
