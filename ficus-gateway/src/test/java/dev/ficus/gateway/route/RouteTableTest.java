package dev.ficus.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
    private final RouteTable defaults = RouteTable.from(new RoutesConfig(true, true, List.of()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/rest/V1/products/24-MB01, catalog",
            "/rest/default/V1/products/24-MB01, catalog",
            "/rest/de_de/V1/products/24-MB01, catalog",
            "/rest/all/V1/products, catalog",
            "/rest/V1/products, catalog",
            "/rest/V1/customers/me, customer",
            "/rest/default/V1/customers/42, customer",
            "/rest/V1/orders/7, order",
            "/rest/V1/orders, order",
            "/rest/V1/stockItems/24-MB01, inventory",
            "/rest/default/V1/stockItems/24-MB01, inventory",
            // Magento's own single-segment routes under the same prefixes stay with Magento
            "/rest/V1/products/types, magento",
            "/rest/V1/products/attributes, magento",
            "/rest/V1/stockItems/lowStock, magento",
            "/rest/V1/customers/search, magento",
            "/rest/V1/orders/items, magento",
            // deeper paths, other resources, trailing slashes, dot segments: Magento
            "/rest/V1/products/24-MB01/media, magento",
            "/rest/V1/products/, magento",
            "/rest/V1/customers/me/billingAddress, magento",
            "/rest/V1/carts/mine, magento",
            "/rest/V1/products/../customers/5, magento",
            "/rest/V1/products/%2e%2e, magento",
            "/rest/V1/products/a%2Fb, magento",
            "/rest/V1/V1/products/x, magento",
            "/checkout/cart, magento",
            "/, magento",
            "/products/24-MB01, catalog",
            "/products, catalog",
            "/products/types, magento",
    })
    void routesMagentosReadPaths(String path, String target) {
        RouteMatch m = defaults.resolve(path);
        assertThat(m.domain().map(Domain::id).orElse("magento")).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} names one entity: {1}")
    @CsvSource({
            "/rest/V1/products/24-MB01, true",
            "/rest/default/V1/products/24-MB01, true",
            "/products/24-MB01, true",
            "/rest/V1/customers/42, true",
            "/rest/V1/customers/me, true",
            "/rest/de_de/V1/customers/me, true",
            "/rest/V1/orders/7, true",
            "/rest/V1/stockItems/24-MB01, true",
            "/rest/V1/products, false",
            "/products, false",
            "/rest/V1/orders, false",
            "/rest/V1/products/types, false",
            "/rest/V1/customers/me/billingAddress, false",
            "/checkout/cart, false",
    })
    void singleEntityReadsAreKnownFromTheRouteTable(String path, boolean entity) {
        assertThat(defaults.resolve(path).entity()).isEqualTo(entity);
    }

    @Test
    void aConfiguredRouteNamesOneEntityWhenItsPatternEndsInAKey() {
        RouteTable table = RouteTable.from(new RoutesConfig(false, false, List.of(
                Route.parse("/shop/p/* = catalog => /rest/V1/products"),
                Route.parse("/shop/o/{int} = order => /rest/V1/orders"),
                Route.parse("/shop/all/** = catalog => /rest/V1/products"))));
        assertThat(table.resolve("/shop/p/24-MB01").entity()).isTrue();
        assertThat(table.resolve("/shop/o/7").entity()).isTrue();
        assertThat(table.resolve("/shop/all/24-MB01").entity()).isFalse();
    }

    @Test
    void shortProductFormIsRewrittenToMagentosPath() {
        assertThat(defaults.resolve("/products/24-MB01").upstreamPath()).isEqualTo("/rest/V1/products/24-MB01");
        assertThat(defaults.resolve("/products").upstreamPath()).isEqualTo("/rest/V1/products");
        assertThat(defaults.resolve("/products/types").upstreamPath()).isEqualTo("/rest/V1/products/types");
        assertThat(defaults.resolve("/rest/default/V1/products/x").upstreamPath())
                .isEqualTo("/rest/default/V1/products/x");
    }

    @Test
    void configuredRoutesComeFirstAndCanTakePathsBackToMagento() {
        RouteTable table = RouteTable.from(new RoutesConfig(true, false, List.of(
                Route.parse("/rest/{store}/V1/products/gift-card = magento"),
                Route.parse("/api/catalog/** = catalog => /rest/V1/products"))));
        assertThat(table.resolve("/rest/V1/products/gift-card").domain()).isEmpty();
        assertThat(table.resolve("/rest/V1/products/other").domain()).contains(Domain.CATALOG);
        RouteMatch m = table.resolve("/api/catalog/a/b");
        assertThat(m.domain()).contains(Domain.CATALOG);
        assertThat(m.upstreamPath()).isEqualTo("/rest/V1/products/a/b");
        assertThat(table.resolve("/products/x").domain()).isEqualTo(Optional.empty());
    }

    @Test
    void withoutDefaultsNothingIsRouted() {
        RouteTable none = RouteTable.from(new RoutesConfig(false, false, List.of()));
        assertThat(none.resolve("/rest/V1/products/x").domain()).isEmpty();
    }

    @Test
    void badRoutesSayWhatIsWrong() {
        assertThatThrownBy(() -> Route.parse("/rest/V1/x = shipping")).hasMessageContaining("target must be");
        assertThatThrownBy(() -> Route.parse("rest/V1/x = catalog")).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> Route.parse("/a/**/b = catalog")).hasMessageContaining("may only end");
        assertThatThrownBy(() -> Route.parse("/a/b*c = catalog")).hasMessageContaining("bad segment");
        assertThatThrownBy(() -> Route.parse("/a/* catalog")).hasMessageContaining("PATTERN = TARGET");
    }
}
