package dev.ficus.gateway.route;

import dev.ficus.events.Domain;
import java.util.List;

/**
 * Magento's REST read paths of the four domains. Single-segment GET routes that Magento defines under the same
 * prefix (product types, the attribute list, low stock) are pinned to Magento first, or they would look like a SKU.
 */
public final class DefaultRoutes {
    private DefaultRoutes() {
    }

    public static List<Route> magentoRestPaths() {
        return List.of(
                Route.of("/rest/{store}/V1/products/types", null),
                Route.of("/rest/{store}/V1/products/attributes", null),
                Route.of("/rest/{store}/V1/products/render-info", null),
                Route.of("/rest/{store}/V1/products", Domain.CATALOG),
                Route.of("/rest/{store}/V1/products/*", Domain.CATALOG),
                Route.entity("/rest/{store}/V1/customers/me", Domain.CUSTOMER),
                Route.of("/rest/{store}/V1/customers/{int}", Domain.CUSTOMER),
                Route.of("/rest/{store}/V1/orders", Domain.ORDER),
                Route.of("/rest/{store}/V1/orders/{int}", Domain.ORDER),
                Route.of("/rest/{store}/V1/stockItems/lowStock", null),
                Route.of("/rest/{store}/V1/stockItems/*", Domain.INVENTORY));
    }

    /** The short form of the original plan: {@code /products/{sku}} is Magento's {@code /rest/V1/products/{sku}}. */
    public static List<Route> shortProductPaths() {
        return List.of(
                Route.parse("/products/types = magento => /rest/V1/products/types"),
                Route.parse("/products/attributes = magento => /rest/V1/products/attributes"),
                Route.parse("/products/render-info = magento => /rest/V1/products/render-info"),
                Route.parse("/products = catalog => /rest/V1/products"),
                Route.parse("/products/* = catalog => /rest/V1/products"));
    }
}
