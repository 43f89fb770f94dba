package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OrderInterface as GET /V1/orders/:id prints it, from the rows of sales_order, sales_order_item,
 * sales_order_address and sales_order_payment given as column maps (a JDBC row or a flattened event record alike).
 * Scalars first in getter order (see {@link FlatFields}), then items, billing_address, payment, status_histories and
 * extension_attributes (shipping_assignments, payment_additional_info, applied_taxes, item_applied_taxes).
 */
public final class OrderJson {
    private static final FlatFields ORDER = FlatFields.of(List.of("entity_id", "state", "status", "coupon_code",
            "protect_code", "shipping_description", "is_virtual", "store_id", "customer_id", "base_discount_amount",
            "base_discount_canceled", "base_discount_invoiced", "base_discount_refunded", "base_grand_total",
            "base_shipping_amount", "base_shipping_canceled", "base_shipping_invoiced", "base_shipping_refunded",
            "base_shipping_tax_amount", "base_shipping_tax_refunded", "base_subtotal", "base_subtotal_canceled",
            "base_subtotal_invoiced", "base_subtotal_refunded", "base_tax_amount", "base_tax_canceled",
            "base_tax_invoiced", "base_tax_refunded", "base_to_global_rate", "base_to_order_rate", "base_total_canceled",
            "base_total_invoiced", "base_total_invoiced_cost", "base_total_offline_refunded",
            "base_total_online_refunded", "base_total_paid", "base_total_qty_ordered", "base_total_refunded",
            "discount_amount", "discount_canceled", "discount_invoiced", "discount_refunded", "grand_total",
            "shipping_amount", "shipping_canceled", "shipping_invoiced", "shipping_refunded", "shipping_tax_amount",
            "shipping_tax_refunded", "store_to_base_rate", "store_to_order_rate", "subtotal", "subtotal_canceled",
            "subtotal_invoiced", "subtotal_refunded", "tax_amount", "tax_canceled", "tax_invoiced", "tax_refunded",
            "total_canceled", "total_invoiced", "total_offline_refunded", "total_online_refunded", "total_paid",
            "total_qty_ordered", "total_refunded", "can_ship_partially", "can_ship_partially_item", "customer_is_guest",
            "customer_note_notify", "billing_address_id", "customer_group_id", "edit_increment", "email_sent",
            "forced_shipment_with_invoice", "payment_auth_expiration", "quote_address_id", "quote_id",
            "adjustment_negative", "adjustment_positive", "base_adjustment_negative",
            "base_adjustment_positive", "base_shipping_discount_amount", "base_subtotal_incl_tax", "base_total_due",
            "payment_authorization_amount", "shipping_discount_amount", "subtotal_incl_tax", "total_due", "weight",
            "customer_dob", "increment_id", "applied_rule_ids", "base_currency_code", "customer_email",
            "customer_firstname", "customer_lastname", "customer_middlename", "customer_prefix", "customer_suffix",
            "customer_taxvat", "discount_description", "ext_customer_id", "ext_order_id", "global_currency_code",
            "hold_before_state", "hold_before_status", "order_currency_code", "original_increment_id",
            "relation_child_id", "relation_child_real_id", "relation_parent_id", "relation_parent_real_id", "remote_ip",
            "store_currency_code", "store_name", "x_forwarded_for", "customer_note", "created_at", "updated_at",
            "total_item_count", "customer_gender", "discount_tax_compensation_amount",
            "base_discount_tax_compensation_amount", "shipping_discount_tax_compensation_amount",
            "base_shipping_discount_tax_compensation_amnt", "discount_tax_compensation_invoiced",
            "base_discount_tax_compensation_invoiced", "discount_tax_compensation_refunded",
            "base_discount_tax_compensation_refunded", "shipping_incl_tax", "base_shipping_incl_tax"),
            Set.of("entity_id", "store_id", "customer_id", "is_virtual", "customer_is_guest", "customer_note_notify",
                    "billing_address_id", "customer_group_id", "edit_increment", "email_sent",
                    "forced_shipment_with_invoice", "payment_auth_expiration", "quote_address_id", "quote_id",
                    "customer_gender", "total_item_count", "can_ship_partially",
                    "can_ship_partially_item"),
            Set.of("state", "status", "coupon_code", "protect_code", "shipping_description", "increment_id",
                    "applied_rule_ids", "base_currency_code", "customer_email", "customer_firstname", "customer_lastname",
                    "customer_middlename", "customer_prefix", "customer_suffix", "customer_taxvat",
                    "discount_description", "ext_customer_id", "ext_order_id", "global_currency_code",
                    "hold_before_state", "hold_before_status", "order_currency_code", "original_increment_id",
                    "relation_child_id", "relation_child_real_id", "relation_parent_id", "relation_parent_real_id",
                    "remote_ip", "store_currency_code", "store_name", "x_forwarded_for", "customer_note"),
            Set.of("created_at", "updated_at", "customer_dob"));

    private static final FlatFields ITEM = FlatFields.of(List.of("item_id", "order_id", "parent_item_id",
            "quote_item_id", "store_id", "created_at", "updated_at", "product_id", "product_type", "weight",
            "is_virtual", "sku", "name", "description", "applied_rule_ids", "additional_data", "is_qty_decimal",
            "no_discount", "qty_backordered", "qty_canceled", "qty_invoiced", "qty_ordered", "qty_refunded",
            "qty_shipped", "base_cost", "price", "base_price", "original_price", "base_original_price", "tax_percent",
            "tax_amount", "base_tax_amount", "tax_invoiced", "base_tax_invoiced", "discount_percent", "discount_amount",
            "base_discount_amount", "discount_invoiced", "base_discount_invoiced", "amount_refunded",
            "base_amount_refunded", "row_total", "base_row_total", "row_invoiced", "base_row_invoiced", "row_weight",
            "base_tax_before_discount", "tax_before_discount", "ext_order_item_id", "locked_do_invoice",
            "locked_do_ship", "price_incl_tax", "base_price_incl_tax", "row_total_incl_tax", "base_row_total_incl_tax",
            "discount_tax_compensation_amount", "base_discount_tax_compensation_amount",
            "discount_tax_compensation_invoiced", "base_discount_tax_compensation_invoiced",
            "discount_tax_compensation_refunded", "base_discount_tax_compensation_refunded", "tax_canceled",
            "discount_tax_compensation_canceled", "tax_refunded", "base_tax_refunded", "discount_refunded",
            "base_discount_refunded", "free_shipping"),
            Set.of("item_id", "order_id", "parent_item_id", "quote_item_id", "store_id", "product_id", "is_virtual",
                    "is_qty_decimal", "no_discount", "free_shipping", "locked_do_invoice", "locked_do_ship"),
            Set.of("product_type", "sku", "name", "description", "applied_rule_ids", "additional_data",
                    "ext_order_item_id"),
            Set.of("created_at", "updated_at"));

    private static final FlatFields ADDRESS = FlatFields.of(List.of("entity_id", "parent_id", "customer_address_id",
            "region_id", "customer_id", "fax", "region", "postcode", "lastname", "city", "email",
            "telephone", "country_id", "firstname", "address_type", "prefix", "middlename", "suffix", "company",
            "vat_id", "vat_is_valid", "vat_request_id", "vat_request_date", "vat_request_success"),
            Set.of("entity_id", "parent_id", "customer_address_id", "region_id", "customer_id",
                    "vat_is_valid", "vat_request_success"),
            Set.of("fax", "region", "postcode", "lastname", "city", "email", "telephone", "country_id", "firstname",
                    "address_type", "prefix", "middlename", "suffix", "company", "vat_id", "vat_request_id",
                    "vat_request_date"),
            Set.of());

    private static final FlatFields PAYMENT = FlatFields.of(List.of("entity_id", "parent_id", "base_shipping_captured",
            "shipping_captured", "amount_refunded", "base_amount_paid", "amount_canceled", "base_amount_authorized",
            "base_amount_paid_online", "base_amount_refunded_online", "base_shipping_amount", "shipping_amount",
            "amount_paid", "amount_authorized", "base_amount_ordered", "base_shipping_refunded", "shipping_refunded",
            "base_amount_refunded", "amount_ordered", "base_amount_canceled", "quote_payment_id", "additional_data",
            "method", "last_trans_id", "po_number", "address_status"),
            Set.of("entity_id", "parent_id", "quote_payment_id"),
            Set.of("additional_data", "method", "last_trans_id", "po_number", "address_status"),
            Set.of());

    private static final List<String> SHIPPING_TOTAL = List.of("base_shipping_amount", "base_shipping_canceled",
            "base_shipping_discount_amount", "base_shipping_discount_tax_compensation_amnt", "base_shipping_incl_tax",
            "base_shipping_invoiced", "base_shipping_refunded", "base_shipping_tax_amount", "base_shipping_tax_refunded",
            "shipping_amount", "shipping_canceled", "shipping_discount_amount",
            "shipping_discount_tax_compensation_amount", "shipping_incl_tax", "shipping_invoiced", "shipping_refunded",
            "shipping_tax_amount", "shipping_tax_refunded");

    private static final Pattern LEADING_INT = Pattern.compile("\\s*[+-]?[0-9]{1,18}");

    private OrderJson() {
    }

    public static ObjectNode toJson(Map<String, ?> order, List<? extends Map<String, ?>> items,
                                    List<? extends Map<String, ?>> addresses, Map<String, ?> payment) {
        ObjectNode n = MagentoJson.object();
        ORDER.print(n, order);
        ArrayNode itemNodes = n.putArray("items");
        items(items).forEach(itemNodes::add);
        Map<String, ?> billing = addressOfType(addresses, "billing");
        Map<String, ?> shipping = addressOfType(addresses, "shipping");
        if (billing != null) {
            n.set("billing_address", address(billing));
        }
        if (payment != null) {
            n.set("payment", payment(payment));
        }
        n.putArray("status_histories");
        ObjectNode ext = n.putObject("extension_attributes");
        ArrayNode assignments = ext.putArray("shipping_assignments");
        if (shipping != null || order.get("shipping_method") != null) {
            ObjectNode assignment = assignments.addObject();
            ObjectNode ship = assignment.putObject("shipping");
            if (shipping != null) {
                ship.set("address", address(shipping));
            }
            if (order.get("shipping_method") != null) {
                ship.put("method", order.get("shipping_method").toString());
            }
            ObjectNode total = ship.putObject("total");
            for (String f : SHIPPING_TOTAL) {
                if (order.get(f) != null) {
                    MagentoJson.putFloat(total, f, MagentoJson.decimal(order.get(f)));
                }
            }
            assignment.set("items", itemNodes.deepCopy());
        }
        if (payment != null) {
            ArrayNode info = ext.putArray("payment_additional_info");
            additionalInformation(payment).forEach((k, v) -> {
                ObjectNode kv = info.addObject();
                kv.put("key", k);
                kv.put("value", v);
            });
        }
        ext.putArray("applied_taxes");
        ext.putArray("item_applied_taxes");
        return n;
    }

    public static String write(Map<String, ?> order, List<? extends Map<String, ?>> items,
                               List<? extends Map<String, ?>> addresses, Map<String, ?> payment) {
        return MagentoJson.write(toJson(order, items, addresses, payment));
    }

    static ObjectNode item(Map<String, ?> row) {
        ObjectNode n = MagentoJson.object();
        ITEM.print(n, row);
        return n;
    }

    /**
     * The order's items as Order::getItems loads them (Sales/Model/Order/ItemRepository::getList): every line without
     * a parent gets its product_option from its buy request (Sales/Model/Order/ProductOption::add), and the item
     * collection's _afterLoad (Sales/Model/ResourceModel/Order/Item/Collection.php) hands each child line its parent
     * line, which the child prints whole under parent_item. OrderItemInterface declares getParentItem and
     * getProductOption after its flat getters, in that order.
     */
    static List<ObjectNode> items(List<? extends Map<String, ?>> rows) {
        Map<Long, ObjectNode> byId = new HashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            ObjectNode n = item(row);
            if (row.get("parent_item_id") == null) {
                ObjectNode option = productOption(row);
                if (option != null) {
                    n.set("product_option", option);
                }
            }
            Long id = MagentoJson.integer(row.get("item_id"));
            if (id != null) {
                byId.put(id, n);
            }
            out.add(n);
        }
        for (int i = 0; i < rows.size(); i++) {
            Long parentId = MagentoJson.integer(rows.get(i).get("parent_item_id"));
            ObjectNode parent = parentId == null ? null : byId.get(parentId);
            if (parent != null) {
                out.get(i).set("parent_item", parent.deepCopy());
            }
        }
        return out;
    }

    /**
     * product_option of a line without a parent. Only the configurable type's processor is followed
     * (ConfigurableProduct/Model/ProductOptionProcessor::convertToProductOption): each
     * {@code info_buyRequest.super_attribute} entry becomes a configurable_item_options entry, option_id a string and
     * option_value an int (ConfigurableItemOptionValueInterface). Null when the line has none.
     */
    static ObjectNode productOption(Map<String, ?> row) {
        if (!"configurable".equals(String.valueOf(row.get("product_type"))) || row.get("product_options") == null) {
            return null;
        }
        JsonNode superAttribute;
        try {
            superAttribute = Json.read(row.get("product_options").toString()).path("info_buyRequest")
                    .path("super_attribute");
        } catch (UncheckedIOException e) {
            // 2.2 and later store JSON here (their upgrade converts older PHP-serialized rows); a value that is
            // still not JSON costs this line its product_option, not the whole order its answer
            return null;
        }
        if (!superAttribute.isObject() || superAttribute.isEmpty()) {
            return null;
        }
        ObjectNode option = MagentoJson.object();
        ArrayNode options = option.putObject("extension_attributes").putArray("configurable_item_options");
        superAttribute.fields().forEachRemaining(e -> options.addObject()
                .put("option_id", e.getKey())
                .put("option_value", phpInt(e.getValue())));
        return option;
    }

    /** PHP's (int) cast of a buy request value: a number's integer part, a string's leading digits, else 0. */
    private static long phpInt(JsonNode value) {
        if (value.isNumber()) {
            return value.longValue();
        }
        Matcher m = LEADING_INT.matcher(value.asText(""));
        return m.lookingAt() ? Long.parseLong(m.group().strip()) : 0;
    }

    /** An order address: flat columns in getter order, with region_code and street (a list) in their places. */
    static ObjectNode address(Map<String, ?> row) {
        ObjectNode n = MagentoJson.object();
        ADDRESS.print(n, row);
        String code = Regions.code(MagentoJson.integer(row.get("region_id")));
        if (code != null) {
            n.put("region_code", code);
        }
        if (row.get("street") != null) {
            ArrayNode lines = n.putArray("street");
            for (String line : row.get("street").toString().split("\n", -1)) {
                lines.add(line);
            }
        }
        return inPrintOrder(n);
    }

    /** Payment: account_status and cc_last4 are non-nullable getters, so they print as null when empty. */
    static ObjectNode payment(Map<String, ?> row) {
        ObjectNode n = MagentoJson.object();
        PAYMENT.print(n, row);
        Object accountStatus = row.get("account_status");
        if (accountStatus == null) {
            n.putNull("account_status");
        } else {
            n.put("account_status", accountStatus.toString());
        }
        ArrayNode info = n.putArray("additional_information");
        additionalInformation(row).values().forEach(info::add);
        Object cc = row.get("cc_last_4");
        if (cc == null) {
            n.putNull("cc_last4");
        } else {
            n.put("cc_last4", cc.toString());
        }
        return inPrintOrder(n);
    }

    private static ObjectNode inPrintOrder(ObjectNode n) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        n.fields().forEachRemaining(entries::add);
        entries.sort(java.util.Comparator.comparing(e -> FlatFields.printKey(e.getKey())));
        ObjectNode out = MagentoJson.object();
        entries.forEach(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    /** sales_order_payment.additional_information holds a JSON object; the REST layer prints its values. */
    static Map<String, String> additionalInformation(Map<String, ?> payment) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Object raw = payment.get("additional_information");
        if (raw == null || raw.toString().isBlank()) {
            return out;
        }
        JsonNode node = Json.read(raw.toString());
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return out;
    }

    private static Map<String, ?> addressOfType(List<? extends Map<String, ?>> addresses, String type) {
        List<Map<String, ?>> matches = new ArrayList<>();
        for (Map<String, ?> a : addresses) {
            if (type.equals(String.valueOf(a.get("address_type")))) {
                matches.add(a);
            }
        }
        return matches.isEmpty() ? null : matches.get(0);
    }
}
