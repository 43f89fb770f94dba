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
}
