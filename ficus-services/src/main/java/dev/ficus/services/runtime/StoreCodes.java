package dev.ficus.services.runtime;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The store code of a {@code /rest/<code>/V1/…} path as Magento's REST path processor reads it: a known store view
 * code, or {@code all} (the admin scope, store 0). Any other first segment is not a store code, so Magento finds no
 * route for the path.
 */
public final class StoreCodes {
    public static final String ALL = "all";
    public static final String DEFAULT = "default";

    private final Map<String, Long> stores;

    public StoreCodes(Map<String, Long> stores) {
        this.stores = Map.copyOf(stores);
    }

    public OptionalLong storeId(String code) {
        if (ALL.equals(code)) {
            return OptionalLong.of(0);
        }
        Long id = stores.get(code);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** The store of paths without a code ({@code /rest/V1/…}): the {@code default} store view. */
    public long defaultStoreId() {
        return stores.getOrDefault(DEFAULT, 1L);
    }
}
