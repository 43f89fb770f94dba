package dev.ficus.magento.api.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values of an EAV entity as one store view sees them, the way ProductRepository resolves them: the default
 * (store 0) values, replaced by the store view's own values where it has any. A store value that is NULL hides the
 * default (the attribute then has no value in that view), and attributes without a value are left out.
 *
 * <p>Which store values may override is decided before: only attributes whose scope is not global have store rows
 * that count (the stand-in checks the scope as it reads them, the sync carries only those). The stand-in reads the
 * values from MySQL, the catalog service from the sync's record; both resolve them here.
 */
public final class StoreViewOverlay {
    /** Store 0, the admin scope: its values are the defaults and nothing overlays them. */
    public static final long DEFAULT_STORE = 0;

    private StoreViewOverlay() {
    }

    /**
     * Attribute code → value for the store view, in the defaults' order followed by codes only the store view has.
     *
     * @param defaults    the store 0 values
     * @param storeValues the store view's own values of non-global attributes (ignored for store 0)
     * @param isNull      how this source marks a missing value
     */
    public static <V> Map<String, V> resolve(Map<String, V> defaults, long storeId, Map<String, V> storeValues,
                                             Predicate<V> isNull) {
        Map<String, V> merged = new LinkedHashMap<>(defaults);
        if (storeId != DEFAULT_STORE) {
            merged.putAll(storeValues);
        }
        merged.values().removeIf(v -> v == null || isNull.test(v));
        return merged;
    }
}
