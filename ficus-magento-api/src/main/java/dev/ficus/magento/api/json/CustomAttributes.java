package dev.ficus.magento.api.json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which attributes land in a product's custom_attributes and how their values print: every attribute that has a
 * value and no field of its own on ProductInterface, plus the static category_ids, has_options and
 * required_options. Values are strings (ints and decimals as the database prints them); category_ids is a list.
 *
 * <p>Magento orders the entries by attribute-set group position, which a reader without the set layout cannot
 * reproduce; Ficus orders them by attribute code so that every producer agrees byte for byte.
 */
public final class CustomAttributes {
    /** Attributes with their own ProductInterface field: never repeated in custom_attributes. */
    public static final Set<String> MAIN_FIELDS = Set.of("sku", "name", "price", "status", "visibility", "type_id",
            "created_at", "updated_at", "weight", "attribute_set_id", "id", "entity_id");
    /** Attributes whose data lives elsewhere (media gallery, tier price tables, stock) and never prints here. */
    public static final Set<String> NOT_PRINTED = Set.of("media_gallery", "gallery", "tier_price",
            "quantity_and_stock_status");

    private CustomAttributes() {
    }

    /**
     * @param eavTexts    attribute code → value text (see {@link MagentoJson#eavText}); nulls are skipped
     * @param categoryIds the product's categories, in catalog_category_product order
     */
    public static Map<String, Object> of(Map<String, String> eavTexts, List<Long> categoryIds, long hasOptions,
                                         long requiredOptions) {
        Map<String, Object> out = new TreeMap<>();
        eavTexts.forEach((code, value) -> {
            if (value != null && !MAIN_FIELDS.contains(code) && !NOT_PRINTED.contains(code)) {
                out.put(code, value);
            }
        });
        out.put("category_ids", categoryIds.stream().map(String::valueOf).toList());
        out.put("has_options", String.valueOf(hasOptions));
        out.put("required_options", String.valueOf(requiredOptions));
        return out;
    }
}
