package dev.ficus.gateway.route;

import dev.ficus.core.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The route table's configuration (section {@code gateway.routes}): whether Magento's REST read paths of the four
 * domains and the short product paths are routed, and the extra routes tried before them. The route package owns it,
 * so that reading it parses the extra routes once (a bad one is a configuration problem) and nothing here depends on
 * the gateway's configuration as a whole.
 */
public record RoutesConfig(boolean defaults, boolean shortProducts, List<Route> extra) {

    public static RoutesConfig read(ConfigReader r) {
        boolean defaults = r.bool("defaults", true,
                "Route Magento's REST read paths of the four domains (with and without a store code).");
        boolean shortProducts = r.bool("short_products", true,
                "Also route the short form /products and /products/{sku} (rewritten to /rest/V1/products…).");
        List<String> raw = r.stringList("extra", List.of(),
                "Extra routes tried before the defaults, each 'PATTERN = TARGET' or 'PATTERN = TARGET => PREFIX'; "
                        + "TARGET is catalog, customer, order, inventory or magento (see docs/flags.md).");
        List<Route> extra = new ArrayList<>();
        for (String entry : raw) {
            try {
                extra.add(Route.parse(entry));
            } catch (RouteSyntaxException e) {
                r.problem("extra", e.getMessage());
            }
        }
        return new RoutesConfig(defaults, shortProducts, List.copyOf(extra));
    }
}
