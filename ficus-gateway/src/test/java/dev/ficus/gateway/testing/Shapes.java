package dev.ficus.gateway.testing;

import dev.ficus.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento-shaped answers shared by the Magento stand-in and the service stand-ins, so that a read gives the same
 * body from either (as a real service in sync with Magento would), apart from what a test changes on purpose.
 */
public final class Shapes {
    public static final Pattern PRODUCT = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/products/([^/?]+)");
    public static final Pattern PRODUCTS = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/products");
    public static final Pattern CUSTOMER = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/customers/([0-9]+)");
    public static final Pattern CUSTOMER_ME = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/customers/me");
    public static final Pattern ORDER = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/orders/([0-9]+)");
    public static final Pattern ORDERS = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/orders");
    public static final Pattern STOCK = Pattern.compile("/rest(?:/[A-Za-z0-9_]+)?/V1/stockItems/([^/?]+)");

    /** Magento's 404 body for an entity that does not exist. */
    public static final String NOT_FOUND = "{\"message\":\"The entity that was requested doesn't exist. Verify the "
            + "entity and try again.\"}";

    private Shapes() {
    }

    /** A routed read's answer: status and JSON body, or null when the path is not one of the routed reads. */
    public record Answer(int status, String body) {
    }

    public static Answer read(String path) {
        Matcher m;
        if ((m = PRODUCT.matcher(path)).matches()) {
            String sku = m.group(1);
            if (absent(sku)) {
                return new Answer(404, "{\"message\":\"The product that was requested doesn't exist. Verify the product "
                        + "and try again.\"}");
            }
            return new Answer(200, product(sku));
        }
        if (PRODUCTS.matcher(path).matches()) {
            return new Answer(200, "{\"items\":[" + product("p1") + "],\"search_criteria\":{\"filter_groups\":[]},"
                    + "\"total_count\":1}");
        }
        if (CUSTOMER_ME.matcher(path).matches()) {
            // who "me" is depends on the token: Magento's stand-in fills it in
            return new Answer(200, "{}");
        }
        if ((m = CUSTOMER.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (id == 0 || id > 1_000_000) {
                return new Answer(404, "{\"message\":\"No such entity with %fieldName = %fieldValue\",\"parameters\":"
                        + "{\"fieldName\":\"customerId\",\"fieldValue\":" + id + "}}");
            }
            return new Answer(200, customer(id));
        }
        if ((m = ORDER.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (id == 0) {
                return new Answer(404, NOT_FOUND);
            }
            return new Answer(200, "{\"entity_id\":" + id + ",\"increment_id\":\"0000000" + id
                    + "\",\"grand_total\":42.5,\"status\":\"pending\"}");
        }
        if (ORDERS.matcher(path).matches()) {
            return new Answer(200, "{\"items\":[],\"search_criteria\":{\"filter_groups\":[]},\"total_count\":0}");
        }
        if ((m = STOCK.matcher(path)).matches()) {
            String sku = m.group(1);
            if (absent(sku)) {
                return new Answer(404, "{\"message\":\"The Product with the \\\"%1\\\" SKU doesn't exist.\","
                        + "\"parameters\":[\"" + sku + "\"]}");
            }
            return new Answer(200, "{\"item_id\":7,\"product_id\":7,\"stock_id\":1,\"qty\":100,\"is_in_stock\":true}");
        }
        return null;
    }

    /** SKUs that no product has: Magento's 404 for them (a NUL byte included, as no SKU can hold one). */
    private static boolean absent(String sku) {
        return sku.equals("missing") || sku.equals("ficus-token-check") || sku.contains("%00");
    }

    public static String product(String sku) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", Math.abs(sku.hashCode() % 1000) + 1);
        p.put("sku", sku);
        p.put("name", "Product " + sku);
        p.put("price", 5);
        p.put("status", 1);
        p.put("updated_at", "2026-11-25 10:00:00");
        return Json.write(p);
    }

    public static String customer(long id) {
        return "{\"id\":" + id + ",\"group_id\":1,\"email\":\"c" + id + "@example.com\",\"firstname\":\"C\","
                + "\"lastname\":\"" + id + "\",\"default_billing\":\"1\"}";
    }
}
