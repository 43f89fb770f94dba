package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SearchResultJson;
import dev.ficus.magento.api.json.CustomerJson;
import dev.ficus.magento.data.CustomerRepository;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;

/** Customer routes: admin reads and updates, anonymous sign-up, and /me for the customer's own token. */
final class CustomerRoutes {
    static final String READ = "Magento_Customer::customer";
    static final String MANAGE = "Magento_Customer::manage";

    private CustomerRoutes() {
    }

    static List<Route> routes(StandInServices s) {
        return List.of(
                new Route(HttpMethod.GET, "/customers/me", Access.self(),
                        (call, c) -> CustomerJson.toJson(s.customers().get(c, call.caller().userId()))),
                new Route(HttpMethod.GET, "/customers/search", Access.admin(READ), (call, c) -> {
                    SearchCriteria criteria = ListRoutes.criteria(call);
                    CustomerRepository.Page page = s.customers().search(c, criteria);
                    List<ObjectNode> items = page.items().stream().map(CustomerJson::toJson).toList();
                    return SearchResultJson.toJson(items, criteria, page.totalCount());
                }),
                new Route(HttpMethod.GET, "/customers/:customerId", Access.admin(READ),
                        (call, c) -> CustomerJson.toJson(s.customers().get(c, call.pathNumber("customerId")))),
                new Route(HttpMethod.POST, "/customers", Access.anonymous(), (call, c) -> {
                    JsonNode customer = call.required("customer");
                    String password = call.body().path("password").isValueNode() ? call.body().get("password").asText() : null;
                    long id = s.customers().create(c, fields(customer), Bodies.addresses(customer.get("addresses")),
                            password, call.store());
                    return CustomerJson.toJson(s.customers().get(c, id));
                }),
                new Route(HttpMethod.PUT, "/customers/:customerId", Access.admin(MANAGE), (call, c) -> {
                    long id = call.pathNumber("customerId");
                    JsonNode customer = call.required("customer");
                    s.customers().update(c, id, fields(customer), Bodies.addresses(customer.get("addresses")));
                    return CustomerJson.toJson(s.customers().get(c, id));
                }));
    }

    private static Map<String, Object> fields(JsonNode customer) {
        return Bodies.scalars(customer);
    }
}
