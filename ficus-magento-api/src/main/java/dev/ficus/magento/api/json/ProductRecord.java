package dev.ficus.magento.api.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product as the REST layer sees it, already resolved for one store view: the main fields, the links of
 * extension_attributes, and the custom attributes (code → text, or a list of texts for category_ids). Build the
 * custom attributes with {@link CustomAttributes} so that every producer applies the same rule.
 */
public record ProductRecord(long id, String sku, String name, Long attributeSetId, BigDecimal price, Long status,
                            Long visibility, String typeId, String createdAt, String updatedAt, BigDecimal weight,
                            List<Long> websiteIds, List<CategoryLink> categoryLinks,
                            List<ConfigurableOption> configurableOptions, List<Long> configurableLinks,
                            StockItemRecord stockItem, Map<String, Object> customAttributes) {

    /** extension_attributes.category_links[]: Magento prints category_id as a string. */
    public record CategoryLink(long position, long categoryId) {
    }

    /** extension_attributes.configurable_product_options[] (attribute_id is a string there too). */
    public record ConfigurableOption(long id, long attributeId, String label, long position, List<Long> valueIndexes,
                                     long productId) {
    }
}
