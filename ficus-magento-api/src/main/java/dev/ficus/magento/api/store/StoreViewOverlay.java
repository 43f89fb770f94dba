package dev.ficus.magento.api.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The values of an EAV entity as one store view sees them, the way ProductRepository resolves them: the default
 * (store 0) values, replaced by the store view's own values where it has any. A store value that is NULL hides the
 * default (the attribute then has no value in that view), and attributes without a value are left out.
 *
 * <p>Which store values may override is decided as the rows are read, with {@link #storeValuesCount}: the stand-in
 * checks it as it reads MySQL's rows, the sync as it builds the record (so a record's store values all count). The
 * stand-in then resolves its rows here, the catalog service the sync's record.
 */
public final class StoreViewOverlay {
    /** Store 0, the admin scope: its values are the defaults and nothing overlays them. */
    public static final long DEFAULT_STORE = 0;

    private StoreViewOverlay() {
    }

    /**
     * Whether a store view's own row of an attribute counts, given the attribute's {@link AttributeScope#effective
     * effective scope}. Magento 2.4's EAV ReadHandler (Eav/Model/ResourceModel/ReadHandler.php, execute) reads the
     * rows of store 0 and the store view, ordered by store, and for an attribute whose scope is global assigns the
     * store 0 row only: a store view's row of a global attribute (left by direct SQL, an import, or a scope changed
     * later) is never seen. Rows of store-view and website attributes override store 0's.
     */
    public static boolean storeValuesCount(AttributeScope effectiveScope) {
        return effectiveScope != AttributeScope.GLOBAL;
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
