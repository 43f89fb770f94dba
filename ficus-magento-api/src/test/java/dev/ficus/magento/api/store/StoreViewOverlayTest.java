package dev.ficus.magento.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreViewOverlayTest {
    private static final String NULL = "<null>";

    @Test
    void theStoreViewsOwnValuesWinAndANullHidesTheDefault() {
        Map<String, String> defaults = Map.of("name", "Shirt", "color", "red", "size", "M");
        Map<String, String> store = new HashMap<>(Map.of("name", "Hemd", "color", NULL, "material", "cotton"));

        assertThat(StoreViewOverlay.resolve(defaults, 2, store, NULL::equals))
                .containsOnly(Map.entry("name", "Hemd"), Map.entry("size", "M"), Map.entry("material", "cotton"));
    }

    @Test
    void storeZeroIsTheDefaultsAlone() {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("name", "Shirt");
        defaults.put("description", null);

        assertThat(StoreViewOverlay.resolve(defaults, StoreViewOverlay.DEFAULT_STORE, Map.of("name", "Hemd"),
                v -> false)).containsOnly(Map.entry("name", "Shirt"));
    }

    /**
     * Eav/Model/ResourceModel/ReadHandler.php (2.4): a global attribute's store row is never assigned; price attributes
     * take catalog/price/scope (Catalog/Model/Product/Attribute/Backend/Price::setScope), whatever is_global says.
     */
    @Test
    void storeRowsOfGlobalAttributesNeverCount() {
        assertThat(StoreViewOverlay.storeValuesCount(AttributeScope.GLOBAL)).isFalse();
        assertThat(StoreViewOverlay.storeValuesCount(AttributeScope.WEBSITE)).isTrue();
        assertThat(StoreViewOverlay.storeValuesCount(AttributeScope.STORE)).isTrue();

        assertThat(AttributeScope.effective("weight", "weight", AttributeScope.GLOBAL, PriceScope.WEBSITE))
                .isEqualTo(AttributeScope.GLOBAL);
        assertThat(AttributeScope.effective("price", "price", AttributeScope.WEBSITE, PriceScope.GLOBAL))
                .isEqualTo(AttributeScope.GLOBAL);
        assertThat(AttributeScope.effective("cost", "price", AttributeScope.GLOBAL, PriceScope.WEBSITE))
                .isEqualTo(AttributeScope.WEBSITE);
        assertThat(AttributeScope.effective("status", "select", AttributeScope.WEBSITE, PriceScope.GLOBAL))
                .isEqualTo(AttributeScope.WEBSITE);
        assertThat(PriceScope.fromConfigValue("1")).isEqualTo(PriceScope.WEBSITE);
        assertThat(PriceScope.fromConfigValue("0")).isEqualTo(PriceScope.GLOBAL);
        assertThat(PriceScope.fromConfigValue(null)).isEqualTo(PriceScope.GLOBAL);
    }
}
