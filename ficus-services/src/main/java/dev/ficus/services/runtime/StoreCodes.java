package dev.ficus.services.runtime;

import java.util.OptionalLong;

/**
 * The store code of a {@code /rest/<code>/V1/…} path as Magento's REST path processor reads it: a store view code of
 * the shop's store directory (kept live from the sync's {@code store_directory} events, {@link StoreDirectory}), or
 * {@code all} (the admin scope, store 0). Any other first segment is not a store code, so Magento finds no route for
 * the path. Read on the event loop; replaced whole by the runtime's refresh.
 */
public final class StoreCodes {
    public static final String ALL = "all";
    /** Magento's default store view of a fresh install, the store of {@code /rest/V1/…} until the directory says. */
    private static final long FRESH_INSTALL_DEFAULT_STORE = 1;

    private volatile StoreDirectory directory;

    public StoreCodes(StoreDirectory directory) {
        this.directory = directory;
    }

    public void replace(StoreDirectory current) {
        this.directory = current;
    }

    public StoreDirectory directory() {
        return directory;
    }

    public OptionalLong storeId(String code) {
        if (ALL.equals(code)) {
            return OptionalLong.of(0);
        }
        return directory.byCode(code).map(v -> OptionalLong.of(v.storeId())).orElse(OptionalLong.empty());
    }

    /** The store of paths without a code ({@code /rest/V1/…}): the default store view of the default website. */
    public long defaultStoreId() {
        return directory.defaultView().map(StoreDirectory.StoreView::storeId).orElse(FRESH_INSTALL_DEFAULT_STORE);
    }
}
