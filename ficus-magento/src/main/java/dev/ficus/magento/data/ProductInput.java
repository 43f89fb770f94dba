package dev.ficus.magento.data;

import java.util.List;
import java.util.Map;

/**
 * The body of POST/PUT /V1/products as ProductRepository::save receives it. Main fields and custom attributes are
 * both attribute values keyed by code ({@code values}; a null value asks to remove the value at the save's scope).
 * Null lists mean "not given": links are then left as they are.
 */
public record ProductInput(String sku, Long attributeSetId, String typeId, Map<String, Object> values,
                           List<Long> websiteIds, List<CategoryLinkInput> categoryLinks,
                           Map<String, Object> stockItem) {

    public record CategoryLinkInput(long categoryId, long position) {
    }
}
