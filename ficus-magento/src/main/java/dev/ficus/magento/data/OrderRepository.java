package dev.ficus.magento.data;

import dev.ficus.core.json.Json;
import dev.ficus.magento.api.criteria.CriteriaWalker;
import dev.ficus.magento.api.criteria.SearchCriteria;
import dev.ficus.magento.api.criteria.SqlWhere;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.api.json.MagentoJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sales_order with its items, addresses and payment: reads by entity_id (what GET /V1/orders/:id takes, not the
 * increment id), searches, and the admin's PUT /V1/orders/create, which stores the order it is given. Totals the
 * caller leaves out are computed from the items (row total = price × qty, grand total = subtotal + shipping).
 */
public final class OrderRepository {
    private static final Set<String> NOT_WRITABLE = Set.of("entity_id", "created_at", "updated_at");
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    /** One page of orders and the total before paging. */
    public record Page(List<OrderRows> items, long totalCount) {
    }

    /** What PUT /V1/orders/create carries, split into its tables' columns. */
    public record OrderInput(Map<String, Object> order, List<Map<String, Object>> items, Map<String, Object> billing,
                             Map<String, Object> shipping, Map<String, Object> payment) {
    }

    public OrderRows get(Connection c, long id) throws SQLException {
        List<OrderRows> found = load(c, List.of(id));
        if (found.isEmpty()) {
            throw new MagentoException(MagentoError.orderNotFound());
        }
        return found.get(0);
    }

    public Page search(Connection c, SearchCriteria criteria) throws SQLException {
        Set<String> columns = columns(c, "sales_order");
        FieldMapper fields = field -> {
            if (!columns.contains(field)) {
                throw CriteriaWalker.unknownField(field);
            }
            return "o." + field;
        };
        SqlWhere where = CriteriaSql.where(criteria, fields);
        String order = CriteriaSql.orderBy(criteria, fields, "o.entity_id");
        long total = Rows.count(c, "SELECT COUNT(*) FROM sales_order o WHERE " + where.sql(), where.params());
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT o.entity_id FROM sales_order o WHERE " + where.sql()
                + " ORDER BY " + order + CriteriaWalker.limit(criteria, total), where.params())) {
            ids.add(((Number) r.get("entity_id")).longValue());
        }
        return new Page(load(c, ids), total);
    }

    public long create(Connection c, OrderInput in, Store store) throws SQLException {
        if (in.items() == null || in.items().isEmpty()) {
            throw new MagentoException(MagentoError.requiredField("items"));
        }
        Set<String> orderColumns = columns(c, "sales_order");
        Set<String> itemColumns = columns(c, "sales_order_item");
        Set<String> addressColumns = columns(c, "sales_order_address");
        Set<String> paymentColumns = columns(c, "sales_order_payment");
        StoreDirectory stores = StoreDirectory.load(c);
        Store orderStore = store.isAdmin() ? stores.byId(1) : store;
        String now = Rows.nowUtc();
        return CustomerRepository.inTransaction(c, () -> {
            Map<String, Object> order = pick(in.order(), orderColumns);
            order.putIfAbsent("store_id", orderStore.id());
            order.putIfAbsent("store_name", stores.orderStoreName(orderStore));
            order.putIfAbsent("state", "new");
            order.putIfAbsent("status", "pending");
            fillCustomer(c, order);
            List<Map<String, Object>> items = new ArrayList<>();
            BigDecimal subtotal = ZERO;
            BigDecimal qtyTotal = ZERO;
            for (Map<String, Object> raw : in.items()) {
                Map<String, Object> item = pick(raw, itemColumns);
                if (item.get("sku") == null) {
                    throw new MagentoException(MagentoError.requiredField("sku"));
                }
                fillProduct(c, item);
                BigDecimal qty = orZero(item.get("qty_ordered"));
                BigDecimal price = orZero(item.get("price"));
                item.putIfAbsent("qty_ordered", qty);
                item.putIfAbsent("base_price", price);
                item.putIfAbsent("original_price", price);
                item.putIfAbsent("base_original_price", price);
                item.putIfAbsent("row_total", price.multiply(qty));
                item.putIfAbsent("base_row_total", price.multiply(qty));
                item.putIfAbsent("price_incl_tax", price);
                item.putIfAbsent("row_total_incl_tax", price.multiply(qty));
                item.putIfAbsent("store_id", order.get("store_id"));
                item.put("created_at", now);
                item.put("updated_at", now);
                subtotal = subtotal.add(orZero(item.get("row_total")));
                qtyTotal = qtyTotal.add(qty);
                items.add(item);
            }
            BigDecimal shipping = orZero(order.get("shipping_amount"));
            order.putIfAbsent("subtotal", subtotal);
            order.putIfAbsent("base_subtotal", subtotal);
            order.putIfAbsent("shipping_amount", shipping);
            order.putIfAbsent("base_shipping_amount", shipping);
            BigDecimal grand = orZero(order.get("subtotal")).add(shipping);
            order.putIfAbsent("grand_total", grand);
            order.putIfAbsent("base_grand_total", grand);
            order.putIfAbsent("total_due", grand);
            order.putIfAbsent("base_total_due", grand);
            order.putIfAbsent("total_qty_ordered", qtyTotal);
            order.putIfAbsent("total_item_count", items.size());
            for (String currency : List.of("base_currency_code", "global_currency_code", "order_currency_code",
                    "store_currency_code")) {
                order.putIfAbsent(currency, "USD");
            }
            order.put("created_at", now);
            order.put("updated_at", now);
            if (order.get("increment_id") == null) {
                order.put("increment_id", nextIncrementId(c));
            }
            long orderId = Rows.insert(c, "sales_order", order);
            for (Map<String, Object> item : items) {
                item.put("order_id", orderId);
                Rows.insert(c, "sales_order_item", item);
            }
            Long billingId = address(c, orderId, order, in.billing(), "billing", addressColumns);
            Long shippingId = address(c, orderId, order, in.shipping(), "shipping", addressColumns);
            Rows.update(c, "UPDATE sales_order SET billing_address_id = ?, shipping_address_id = ? WHERE entity_id = ?",
                    billingId, shippingId, orderId);
            if (in.payment() != null) {
                Map<String, Object> payment = pick(in.payment(), paymentColumns);
                payment.put("parent_id", orderId);
                Object info = in.payment().get("additional_information");
                if (info instanceof List<?> list) {
                    // the REST shape is a list of values; Magento stores a JSON object keyed by name
                    Map<String, Object> stored = new LinkedHashMap<>();
                    for (int i = 0; i < list.size(); i++) {
                        stored.put(i == 0 ? "method_title" : String.valueOf(i), list.get(i));
                    }
                    payment.put("additional_information", Json.write(stored));
                }
                payment.putIfAbsent("amount_ordered", order.get("grand_total"));
                payment.putIfAbsent("base_amount_ordered", order.get("base_grand_total"));
                payment.putIfAbsent("shipping_amount", order.get("shipping_amount"));
                payment.putIfAbsent("base_shipping_amount", order.get("base_shipping_amount"));
                Rows.insert(c, "sales_order_payment", payment);
            }
            return orderId;
        });
    }

    private static Long address(Connection c, long orderId, Map<String, Object> order, Map<String, Object> input,
                                String type, Set<String> columns) throws SQLException {
        if (input == null) {
            return null;
        }
        Map<String, Object> row = pick(input, columns);
        row.put("parent_id", orderId);
        row.put("address_type", type);
        row.putIfAbsent("email", order.get("customer_email"));
        row.putIfAbsent("customer_id", order.get("customer_id"));
        return Rows.insert(c, "sales_order_address", row);
    }

    private static void fillCustomer(Connection c, Map<String, Object> order) throws SQLException {
        Long customerId = MagentoJson.integer(order.get("customer_id"));
        if (customerId == null) {
            order.putIfAbsent("customer_is_guest", 1);
            return;
        }
        Map<String, Object> customer = Rows.one(c, "SELECT email, firstname, lastname, group_id FROM customer_entity"
                + " WHERE entity_id = ?", customerId);
        if (customer == null) {
            throw new MagentoException(MagentoError.customerNotFound(customerId));
        }
        order.putIfAbsent("customer_email", customer.get("email"));
        order.putIfAbsent("customer_firstname", customer.get("firstname"));
        order.putIfAbsent("customer_lastname", customer.get("lastname"));
        order.putIfAbsent("customer_group_id", customer.get("group_id"));
        order.putIfAbsent("customer_is_guest", 0);
    }

    private static void fillProduct(Connection c, Map<String, Object> item) throws SQLException {
        if (item.get("product_id") != null && item.get("product_type") != null) {
            return;
        }
        Map<String, Object> product = Rows.one(c, "SELECT entity_id, type_id FROM catalog_product_entity WHERE sku = ?"
                + " ORDER BY entity_id LIMIT 1", item.get("sku"));
        if (product != null) {
            item.putIfAbsent("product_id", product.get("entity_id"));
            item.putIfAbsent("product_type", product.get("type_id"));
        }
    }

    /** sales_sequence stand-in: the next nine-digit number after the highest numeric increment id. */
    private static String nextIncrementId(Connection c) throws SQLException {
        Map<String, Object> r = Rows.one(c, "SELECT COALESCE(MAX(CAST(increment_id AS UNSIGNED)), 0) + 1 AS next"
                + " FROM sales_order FOR UPDATE");
        return String.format("%09d", ((Number) r.get("next")).longValue());
    }

    private List<OrderRows> load(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = Rows.placeholders(ids.size());
        Map<Long, List<Map<String, Object>>> items = byParent(Rows.query(c,
                "SELECT * FROM sales_order_item WHERE order_id IN (" + in + ") ORDER BY item_id", ids), "order_id");
        Map<Long, List<Map<String, Object>>> addresses = byParent(Rows.query(c,
                "SELECT * FROM sales_order_address WHERE parent_id IN (" + in + ") ORDER BY entity_id", ids), "parent_id");
        Map<Long, List<Map<String, Object>>> payments = byParent(Rows.query(c,
                "SELECT * FROM sales_order_payment WHERE parent_id IN (" + in + ") ORDER BY entity_id", ids), "parent_id");
        Map<Long, OrderRows> byId = new HashMap<>();
        for (Map<String, Object> o : Rows.query(c, "SELECT * FROM sales_order WHERE entity_id IN (" + in + ")", ids)) {
            long id = ((Number) o.get("entity_id")).longValue();
            List<Map<String, Object>> p = payments.getOrDefault(id, List.of());
            byId.put(id, new OrderRows(o, items.getOrDefault(id, List.of()), addresses.getOrDefault(id, List.of()),
                    p.isEmpty() ? null : p.get(0)));
        }
        List<OrderRows> out = new ArrayList<>();
        for (Long id : ids) {
            if (byId.containsKey(id)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    private static Map<Long, List<Map<String, Object>>> byParent(List<Map<String, Object>> rows, String key) {
        Map<Long, List<Map<String, Object>>> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            out.computeIfAbsent(((Number) r.get(key)).longValue(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static Map<String, Object> pick(Map<String, Object> input, Set<String> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (input != null) {
            input.forEach((k, v) -> {
                if (columns.contains(k) && !NOT_WRITABLE.contains(k) && v != null && !(v instanceof Map) && !(v instanceof List)) {
                    out.put(k, v instanceof Boolean b ? (b ? 1 : 0) : v);
                }
            });
        }
        return out;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        for (Map<String, Object> r : Rows.query(c, "SELECT column_name AS name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ?", table)) {
            out.add(r.get("name").toString().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static BigDecimal orZero(Object v) {
        BigDecimal d = MagentoJson.decimal(v);
        return d == null ? ZERO : d;
    }
}
