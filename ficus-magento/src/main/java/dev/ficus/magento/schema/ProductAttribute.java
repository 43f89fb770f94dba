package dev.ficus.magento.schema;

import dev.ficus.magento.api.store.AttributeScope;
import dev.ficus.magento.api.store.PriceScope;

/**
 * One row of eav_attribute for catalog_product joined with its catalog_eav_attribute scope. {@code backendType}
 * names the value table ({@code catalog_product_entity_<backendType>}), or {@code static} for an entity column.
 */
public record ProductAttribute(int id, String code, String backendType, AttributeScope scope, boolean required,
                               String frontendInput, boolean userDefined) {

    /** The scope Magento reads and writes this attribute at under {@code priceScope} (AttributeScope.effective). */
    public AttributeScope effectiveScope(PriceScope priceScope) {
        return AttributeScope.effective(code, frontendInput, scope, priceScope);
    }

    public boolean isStatic() {
        return "static".equals(backendType);
    }

    /** The value table, e.g. {@code catalog_product_entity_varchar}; static attributes have none. */
    public String valueTable() {
        if (isStatic()) {
            throw new IllegalStateException(code + " is static: it is a column of catalog_product_entity");
        }
        return "catalog_product_entity_" + backendType;
    }
}
