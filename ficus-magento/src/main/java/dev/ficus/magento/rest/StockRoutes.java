package dev.ficus.magento.rest;

import dev.ficus.magento.api.json.StockItemJson;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/** Stock routes (Magento_CatalogInventory::cataloginventory); a stock write leaves the product's updated_at alone. */
final class StockRoutes {
    static final String RESOURCE = "Magento_CatalogInventory::cataloginventory";

    private StockRoutes() {
    }

    static List<Route> routes(StandInServices s) {
        return List.of(
                new Route(HttpMethod.GET, "/stockItems/:sku", Access.admin(RESOURCE),
                        (call, c) -> StockItemJson.toJson(s.stock().bySku(c, call.path("sku")))),
                new Route(HttpMethod.PUT, "/products/:sku/stockItems/:itemId", Access.admin(RESOURCE),
                        (call, c) -> s.stock().updateBySku(c, call.path("sku"),
                                Bodies.scalars(call.required("stockItem", "stock_item")))));
    }
}
