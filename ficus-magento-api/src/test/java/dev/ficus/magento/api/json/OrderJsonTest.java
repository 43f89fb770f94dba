package dev.ficus.magento.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderJsonTest {

    @Test
    void scalarsFollowGetterOrderWithTaxCompensationWhereHiddenTaxWas() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("entity_id", 2);
        order.put("grand_total", new BigDecimal("43.0000"));
        order.put("base_grand_total", new BigDecimal("43.0000"));
        order.put("base_discount_tax_compensation_amount", BigDecimal.ZERO);
        order.put("discount_tax_compensation_amount", BigDecimal.ZERO);
        order.put("increment_id", "000000002");
        order.put("base_currency_code", "USD");
        order.put("customer_is_guest", 0);
        order.put("created_at", "2025-02-05 10:00:00");
        order.put("shipping_method", "flatrate_flatrate");
        order.put("base_shipping_amount", new BigDecimal("5.0000"));
        ObjectNode json = OrderJson.toJson(order, List.of(), List.of(), null);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("base_currency_code", "base_grand_total", "base_discount_tax_compensation_amount",
                "base_shipping_amount", "created_at", "customer_is_guest", "entity_id", "grand_total",
                "discount_tax_compensation_amount", "increment_id", "items", "status_histories", "extension_attributes");
        assertThat(json.get("grand_total").toString()).isEqualTo("43");
        assertThat(json.get("extension_attributes").get("shipping_assignments").get(0).get("shipping").get("method").asText())
                .isEqualTo("flatrate_flatrate");
    }

    @Test
    void gettersFollowTheirConstantNamesOrderAndColumnsWithoutAGetterNeverPrint() {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("base_to_global_rate", BigDecimal.ONE);
        order.put("base_total_due", BigDecimal.ZERO);
        order.put("base_total_refunded", BigDecimal.ZERO);
        order.put("billing_address_id", 9);
        order.put("payment_auth_expiration", 1);
        order.put("payment_authorization_amount", BigDecimal.TEN);
        order.put("send_email", 1);
        order.put("shipping_address_id", 10);
        order.put("quote_address_id", 11);
        List<String> keys = new ArrayList<>();
        OrderJson.toJson(order, List.of(), List.of(), null).fieldNames().forEachRemaining(keys::add);
        // Sales/Api/Data/OrderInterface.php: getBaseTotalRefunded, getBaseToGlobalRate, getBillingAddressId, …,
        // getPaymentAuthorizationAmount, getPaymentAuthExpiration, getProtectCode, getQuoteAddressId; no getSendEmail
        // and no getShippingAddressId
        assertThat(keys).containsExactly("base_total_due", "base_total_refunded", "base_to_global_rate",
                "billing_address_id", "payment_authorization_amount", "payment_auth_expiration", "quote_address_id",
                "items", "status_histories", "extension_attributes");
        Map<String, Object> address = Map.of("entity_id", 3, "parent_id", 2, "address_type", "billing",
                "quote_address_id", 901);
        assertThat(OrderJson.address(address).has("quote_address_id")).isFalse();
    }

    @Test
    void aConfigurableLineCarriesItsChosenOptionsAndItsChildCarriesTheWholeParentLine() {
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("item_id", 61);
        parent.put("product_type", "configurable");
        parent.put("sku", "tee-blue");
        parent.put("product_options", "{\"info_buyRequest\":{\"qty\":1,\"super_attribute\":{\"501\":\"602\","
                + "\"93\":7}}}");
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("item_id", 62);
        child.put("parent_item_id", 61);
        child.put("product_type", "simple");
        child.put("sku", "tee-blue");
        child.put("product_options", parent.get("product_options"));
        Map<String, Object> simple = Map.of("item_id", 63, "product_type", "simple", "sku", "chair",
                "product_options", "{\"info_buyRequest\":{\"qty\":1}}");
        List<ObjectNode> items = OrderJson.items(List.of(parent, child, simple));
        assertThat(items.get(0).toString()).isEqualTo("{\"item_id\":61,\"product_type\":\"configurable\","
                + "\"sku\":\"tee-blue\",\"product_option\":{\"extension_attributes\":{\"configurable_item_options\":"
                + "[{\"option_id\":\"501\",\"option_value\":602},{\"option_id\":\"93\",\"option_value\":7}]}}}");
        assertThat(items.get(1).get("parent_item")).isEqualTo(items.get(0));
        assertThat(items.get(1).has("product_option")).isFalse();
        assertThat(items.get(2).has("product_option")).isFalse();
        assertThat(items.get(2).has("parent_item")).isFalse();
    }

    @Test
    void paymentPrintsNonNullableNullsAndTheAdditionalInformationValues() {
        Map<String, Object> payment = Map.of("entity_id", 1, "parent_id", 1, "method", "checkmo",
                "amount_ordered", new BigDecimal("43.0000"),
                "additional_information", "{\"method_title\":\"Check \\/ Money order\"}");
        assertThat(OrderJson.payment(payment).toString()).isEqualTo("{\"account_status\":null,"
                + "\"additional_information\":[\"Check / Money order\"],\"amount_ordered\":43,\"cc_last4\":null,"
                + "\"entity_id\":1,\"method\":\"checkmo\",\"parent_id\":1}");
    }

    @Test
    void addressesPrintStreetAsLinesAndTheRegionCode() {
        Map<String, Object> address = Map.of("entity_id", 3, "parent_id", 2, "address_type", "billing",
                "street", "1 Main St\nApt 2", "region", "Texas", "region_id", 57, "city", "Austin", "telephone", "5");
        assertThat(OrderJson.address(address).toString()).isEqualTo("{\"address_type\":\"billing\",\"city\":\"Austin\","
                + "\"entity_id\":3,\"parent_id\":2,\"region\":\"Texas\",\"region_code\":\"TX\",\"region_id\":57,"
                + "\"street\":[\"1 Main St\",\"Apt 2\"],\"telephone\":\"5\"}");
    }
}
