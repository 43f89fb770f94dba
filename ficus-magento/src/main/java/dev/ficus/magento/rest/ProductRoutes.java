package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.json.ProductJson;
import dev.ficus.magento.api.json.ProductRecord;
import dev.ficus.magento.data.ProductSearch;
import dev.ficus.magento.data.Store;
import io.vertx.core.http.HttpMethod;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Catalog routes (Magento_Catalog::products): single reads carry the stock item, list items do not. */
final class ProductRoutes {
    static final String RESOURCE = "Magento_Catalog::products";

    private ProductRoutes() {
    }

    static List<Route> routes(StandInServices s) {
        return List.of(
                new Route(HttpMethod.GET, "/products/:sku", Access.catalogRead(RESOURCE),
                        (call, c) -> single(s, c, call.path("sku"), call.store())),
                new Route(HttpMethod.GET, "/products", Access.catalogRead(RESOURCE), (call, c) -> {
                    SearchCriteria criteria = ListRoutes.criteria(call);
                    ProductSearch.Page page = s.productSearch().search(c, criteria, call.store());
                    List<ObjectNode> items = page.items().stream().map(p -> ProductJson.toJson(p, false)).toList();
                    return SearchResultJson.toJson(items, criteria, page.totalCount());
                }),
                new Route(HttpMethod.POST, "/products", Access.admin(RESOURCE), (call, c) -> {
                    var input = Bodies.product(call.required("product"), null);
                    s.productWriter().save(c, input, call.store());
                    return single(s, c, input.sku(), call.store());
                }),
                new Route(HttpMethod.PUT, "/products/:sku", Access.admin(RESOURCE), (call, c) -> {
                    var input = Bodies.product(call.required("product"), call.path("sku"));
                    s.productWriter().save(c, input, call.store());
                    return single(s, c, input.sku(), call.store());
                }),
                new Route(HttpMethod.DELETE, "/products/:sku", Access.admin(RESOURCE), (call, c) -> {
                    if (!s.productWriter().delete(c, call.path("sku"))) {
                        throw new MagentoException(MagentoError.productNotFound());
                    }
                    return true;
                }));
    }

    static ObjectNode single(StandInServices s, Connection c, String sku, Store store) throws SQLException {
        Long id = s.productReader().idBySku(c, sku);
        if (id == null) {
            throw new MagentoException(MagentoError.productNotFound());
        }
        ProductRecord p = s.productReader().load(c, List.of(id), store, true).get(0);
        return ProductJson.toJson(p, true);
    }
}
