package dev.ficus.services.runtime;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/**
 * Registers a Magento GET route under both its forms, {@code /rest/V1/<path>} (the default store view) and
 * {@code /rest/<store code>/V1/<path>}; a first segment that is no store code matches no route, as in Magento.
 */
public final class StoreRoutes {
    /** Handles a request for one store view. */
    @FunctionalInterface
    public interface Handler {
        void handle(RoutingContext ctx, long storeId);
    }

    private StoreRoutes() {
    }

    public static void get(Router router, StoreCodes stores, String path, Handler handler) {
        router.get("/rest/V1/" + path).handler(ctx -> handler.handle(ctx, stores.defaultStoreId()));
        router.get("/rest/:store/V1/" + path).handler(ctx -> {
            OptionalLong store = stores.storeId(ctx.pathParam("store"));
            if (store.isEmpty()) {
                ServiceContext.send(ctx, MagentoErrors.noRoute());
            } else {
                handler.handle(ctx, store.getAsLong());
            }
        });
    }
}
