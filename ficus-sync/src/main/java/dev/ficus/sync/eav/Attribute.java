package dev.ficus.sync.eav;

import dev.ficus.magento.api.store.AttributeScope;
import dev.ficus.magento.api.store.StoreViewOverlay;

/**
 * A product attribute as eav_attribute and catalog_eav_attribute describe it: its code, the value table its values
 * live in, and the scope Magento reads it at ({@link AttributeScope#effective}: is_global, or the price scope for
 * price attributes).
 */
public record Attribute(int id, String code, String backendType, AttributeScope scope) {
    public boolean isStatic() {
        return "static".equals(backendType);
    }

    /** Whether a store view's own row of this attribute counts ({@link StoreViewOverlay#storeValuesCount}). */
    public boolean storeValuesCount() {
        return StoreViewOverlay.storeValuesCount(scope);
    }
}
