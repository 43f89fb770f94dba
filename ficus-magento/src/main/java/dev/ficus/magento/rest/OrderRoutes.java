package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.data.OrderRepository;
import dev.ficus.magento.data.OrderRows;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Order routes (Magento_Sales): reads by entity_id, lists, and the admin's PUT /V1/orders/create. */
final class OrderRoutes {
    static final String READ = "Magento_Sales::sales";
    static final String CREATE = "Magento_Sales::create";

    private OrderRoutes() {
    }

    static List<Route> routes(StandInServices s) {
        return List.of(
                new Route(HttpMethod.GET, "/orders/:id", Access.admin(READ),
                        (call, c) -> s.orders().get(c, call.pathNumber("id")).toJson()),
                new Route(HttpMethod.GET, "/orders", Access.admin(READ), (call, c) -> {
                    SearchCriteria criteria = ListRoutes.criteria(call);
                    OrderRepository.Page page = s.orders().search(c, criteria);
                    List<ObjectNode> items = page.items().stream().map(OrderRows::toJson).toList();
                    return SearchResultJson.toJson(items, criteria, page.totalCount());
                }),
                new Route(HttpMethod.PUT, "/orders/create", Access.admin(CREATE), (call, c) -> {
                    JsonNode entity = call.required("entity");
                    long id = s.orders().create(c, input(entity), call.store());
                    return s.orders().get(c, id).toJson();
                }));
    }

    /** OrderInterface JSON → the rows of the order's tables. */
    private static OrderRepository.OrderInput input(JsonNode entity) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (entity.path("items").isArray()) {
            entity.path("items").forEach(i -> items.add(Bodies.scalars(i)));
        }
        Map<String, Object> order = Bodies.scalars(entity);
        Map<String, Object> billing = entity.path("billing_address").isObject() ? Bodies.address(entity.get("billing_address")) : null;
        Map<String, Object> shipping = null;
        JsonNode assignment = entity.path("extension_attributes").path("shipping_assignments").path(0).path("shipping");
        if (assignment.path("address").isObject()) {
            shipping = Bodies.address(assignment.get("address"));
        }
        if (assignment.hasNonNull("method")) {
            order.put("shipping_method", assignment.get("method").asText());
        }
        Map<String, Object> payment = null;
        if (entity.path("payment").isObject()) {
            payment = Bodies.scalars(entity.get("payment"));
            JsonNode info = entity.get("payment").path("additional_information");
            if (info.isArray()) {
                payment.put("additional_information", Bodies.plain(info));
            }
        }
        return new OrderRepository.OrderInput(order, items, billing, shipping, payment);
    }
}
