package dev.ficus.services.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.Domain;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.services.ServicesConfig;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Stand-in → sync → services, on the seeded small profile: for every entity, the service's answer (status and body,
 * byte for byte) equals the stand-in's for the same path, for the default store view (which has overrides) and for
 * {@code all} (with store view overrides of values and of configurable option labels); searchCriteria lists and
 * error bodies too; then changes made in Magento reach the services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullPathGoldenIT {
    private static final String NAME_ID = "(SELECT attribute_id FROM eav_attribute WHERE entity_type_id = 4 "
            + "AND attribute_code = '%s')";
    private static FullPath path;

    @BeforeAll
    static void start() throws Exception {
        path = FullPath.seed(FullPathGoldenIT.class, FixtureProfile.SMALL,
                // store view 1 ("default") overrides: names of the first products, and a NULL hiding a default
                "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) "
                        + "SELECT " + NAME_ID.formatted("name") + ", 1, entity_id, CONCAT('Store name ', sku) "
                        + "FROM catalog_product_entity WHERE entity_id <= 25",
                "INSERT INTO catalog_product_entity_varchar (attribute_id, store_id, entity_id, value) "
                        + "SELECT " + NAME_ID.formatted("url_key") + ", 1, entity_id, NULL "
                        + "FROM catalog_product_entity WHERE entity_id BETWEEN 26 AND 30",
                // option labels: a default label; one with a store view label; one whose store view uses the
                // attribute's; and a store view label without the store 0 row Magento requires (ignored)
                optionLabel("configurable_1", 0, 0, "'Colour'"),
                optionLabel("configurable_2", 0, 0, "'Size'"),
                optionLabel("configurable_2", 1, 0, "'Taille'"),
                optionLabel("configurable_3", 0, 0, "'Finish'"),
                optionLabel("configurable_3", 1, 1, "NULL"),
                optionLabel("configurable_4", 1, 0, "'Ignored'"));
        path.startSync();
        ServicesConfig config = TestConfig.services().withReadyMaxLag(Duration.ofSeconds(30));
        path.startServices(config);
        path.awaitReadModelsCaughtUp(Duration.ofMinutes(3), Duration.ofMillis(500));
    }

    private static String optionLabel(String sku, int store, int useDefault, String value) {
        return "INSERT INTO catalog_product_super_attribute_label (product_super_attribute_id, store_id, use_default, "
                + "value) SELECT sa.product_super_attribute_id, " + store + ", " + useDefault + ", " + value
                + " FROM catalog_product_super_attribute sa JOIN catalog_product_entity p ON p.entity_id = sa.product_id"
                + " WHERE p.sku = '" + sku + "'";
    }

    @AfterAll
    static void stop() {
        if (path != null) {
            path.close();
        }
    }

    @Test
    @Order(1)
    void everyProductMatchesInTheDefaultStoreAndInAll() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String sku : path.magentoStrings("SELECT sku FROM catalog_product_entity ORDER BY entity_id")) {
            String s = encode(sku);
            compare(Domain.CATALOG, "/rest/V1/products/" + s, mismatches);
            compare(Domain.CATALOG, "/rest/default/V1/products/" + s, mismatches);
            compare(Domain.CATALOG, "/rest/all/V1/products/" + s, mismatches);
        }
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(1)
    void everyStockItemMatches() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String sku : path.magentoStrings("SELECT sku FROM catalog_product_entity ORDER BY entity_id")) {
            compare(Domain.INVENTORY, "/rest/V1/stockItems/" + encode(sku), mismatches);
        }
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(1)
    void everyCustomerMatches() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String id : path.magentoStrings("SELECT entity_id FROM customer_entity ORDER BY entity_id")) {
            compare(Domain.CUSTOMER, "/rest/V1/customers/" + id, mismatches);
        }
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(1)
    void everyOrderMatches() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String id : path.magentoStrings("SELECT entity_id FROM sales_order ORDER BY entity_id")) {
            compare(Domain.ORDER, "/rest/V1/orders/" + id, mismatches);
        }
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(1)
    void searchCriteriaGiveTheSameItemsOrderAndTotals() throws Exception {
        long category = path.magentoLong("SELECT MIN(category_id) FROM catalog_category_product");
        List<String> mismatches = new ArrayList<>();
        for (String q : List.of(
                "searchCriteria[pageSize]=20&searchCriteria[currentPage]=2",
                "searchCriteria[filter_groups][0][filters][0][field]=sku"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=%251%25"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=like"
                        + "&searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC"
                        + "&searchCriteria[pageSize]=10",
                "searchCriteria[filter_groups][0][filters][0][field]=type_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=configurable",
                "searchCriteria[filter_groups][0][filters][0][field]=price"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=50"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=gt"
                        + "&searchCriteria[filter_groups][1][filters][0][field]=status"
                        + "&searchCriteria[filter_groups][1][filters][0][value]=1"
                        + "&searchCriteria[sortOrders][0][field]=name&searchCriteria[sortOrders][0][direction]=ASC"
                        + "&searchCriteria[pageSize]=15&searchCriteria[currentPage]=3",
                "searchCriteria[filter_groups][0][filters][0][field]=category_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=" + category,
                "searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=1,2,3,999999"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in",
                "searchCriteria[filter_groups][0][filters][0][field]=name"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=Store%25"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=like"
                        + "&searchCriteria[filter_groups][0][filters][1][field]=sku"
                        + "&searchCriteria[filter_groups][0][filters][1][value]=%2510"
                        + "&searchCriteria[filter_groups][0][filters][1][condition_type]=like"
                        + "&searchCriteria[sortOrders][0][field]=name",
                "searchCriteria[pageSize]=7&searchCriteria[currentPage]=100000",
                "searchCriteria[filter_groups][0][filters][0][field]=nope"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=1",
                "searchCriteria[filter_groups][0][filters][0][field]=sku"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=1"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=almost",
                "nothing=1")) {
            compare(Domain.CATALOG, "/rest/V1/products?" + q, mismatches);
            compare(Domain.CATALOG, "/rest/all/V1/products?" + q, mismatches);
        }
        for (String q : List.of(
                "searchCriteria[pageSize]=25&searchCriteria[currentPage]=3"
                        + "&searchCriteria[sortOrders][0][field]=lastname",
                "searchCriteria[filter_groups][0][filters][0][field]=email"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=user_1%25"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=like",
                "searchCriteria[filter_groups][0][filters][0][field]=entity_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=10"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=lteq"
                        + "&searchCriteria[sortOrders][0][field]=email&searchCriteria[sortOrders][0][direction]=DESC",
                "searchCriteria[filter_groups][0][filters][0][field]=password_hash"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=x",
                "nothing=1")) {
            compare(Domain.CUSTOMER, "/rest/V1/customers/search?" + q, mismatches);
        }
        for (String q : List.of(
                "searchCriteria[pageSize]=5&searchCriteria[currentPage]=2"
                        + "&searchCriteria[sortOrders][0][field]=grand_total"
                        + "&searchCriteria[sortOrders][0][direction]=DESC",
                "searchCriteria[filter_groups][0][filters][0][field]=customer_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=1",
                "searchCriteria[filter_groups][0][filters][0][field]=increment_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=%2500001%25"
                        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=like",
                "nothing=1")) {
            compare(Domain.ORDER, "/rest/V1/orders?" + q, mismatches);
        }
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(1)
    void customersMeIsTheCallerTheGatewayVouchesFor() throws Exception {
        long id = path.magentoLong("SELECT entity_id FROM customer_entity WHERE email = 'user_1@example.com'");
        String token = path.customerToken("user_1@example.com", "123123q");
        Http.Reply magento = Http.get(path.standIn.baseUrl() + "/rest/V1/customers/me",
                java.util.Map.of("Authorization", "Bearer " + token));
        Http.Reply ficus = Http.get(path.serviceUrl(Domain.CUSTOMER) + "/rest/V1/customers/me",
                java.util.Map.of(ServicesConfig.DEFAULT_IDENTITY_HEADER, Long.toString(id)));
        assertThat(magento.status()).isEqualTo(200);
        assertThat(ficus.status()).isEqualTo(200);
        assertThat(ficus.body()).isEqualTo(magento.body());
        Http.Reply anonymousMagento = Http.get(path.standIn.baseUrl() + "/rest/V1/customers/me");
        Http.Reply anonymousFicus = Http.get(path.serviceUrl(Domain.CUSTOMER) + "/rest/V1/customers/me");
        assertThat(anonymousFicus.status()).isEqualTo(anonymousMagento.status());
        assertThat(anonymousFicus.body()).isEqualTo(anonymousMagento.body());
    }

    @Test
    @Order(1)
    void missingEntitiesAnswerWithMagentosErrors() throws Exception {
        List<String> mismatches = new ArrayList<>();
        compare(Domain.CATALOG, "/rest/V1/products/no-such-sku", mismatches);
        compare(Domain.CATALOG, "/rest/nostore/V1/products/no-such-sku", mismatches);
        compare(Domain.INVENTORY, "/rest/V1/stockItems/no-such-sku", mismatches);
        compare(Domain.CUSTOMER, "/rest/V1/customers/999999", mismatches);
        compare(Domain.ORDER, "/rest/V1/orders/999999", mismatches);
        compare(Domain.ORDER, "/rest/V1/orders/abc", mismatches);
        compare(Domain.CUSTOMER, "/rest/V1/customers/abc", mismatches);
        // store codes in front of global entities
        compare(Domain.CUSTOMER, "/rest/default/V1/customers/2", mismatches);
        compare(Domain.CUSTOMER, "/rest/all/V1/customers/2", mismatches);
        compare(Domain.CUSTOMER, "/rest/nostore/V1/customers/2", mismatches);
        compare(Domain.INVENTORY, "/rest/default/V1/stockItems/no-such-sku", mismatches);
        assertNoMismatch(mismatches);
    }

    @Test
    @Order(2)
    void changesInMagentoReachTheServices() throws Exception {
        String sku1 = path.magentoStrings("SELECT sku FROM catalog_product_entity WHERE entity_id = 1").get(0);
        String sku2 = path.magentoStrings("SELECT sku FROM catalog_product_entity WHERE entity_id = 2").get(0);
        String sku3 = path.magentoStrings("SELECT sku FROM catalog_product_entity WHERE entity_id = 3").get(0);
        path.sql("UPDATE catalog_product_entity_decimal SET value = 123.450000 WHERE entity_id = 1 AND store_id = 0 "
                        + "AND attribute_id = " + NAME_ID.formatted("price"),
                "UPDATE catalog_product_entity_varchar SET value = 'Renamed at store 1' WHERE entity_id = 1 "
                        + "AND store_id = 1 AND attribute_id = " + NAME_ID.formatted("name"),
                "UPDATE cataloginventory_stock_item SET qty = 4242 WHERE product_id = 2",
                "DELETE FROM catalog_product_entity WHERE entity_id = 3",
                "UPDATE customer_entity SET firstname = 'Changed' WHERE entity_id = 1",
                "UPDATE sales_order SET status = 'complete', state = 'complete' WHERE entity_id = 1");
        List<String> paths = List.of("C/rest/V1/products/" + encode(sku1), "C/rest/all/V1/products/" + encode(sku1),
                "C/rest/V1/products/" + encode(sku2), "C/rest/V1/products/" + encode(sku3),
                "I/rest/V1/stockItems/" + encode(sku2), "I/rest/V1/stockItems/" + encode(sku3),
                "U/rest/V1/customers/1", "O/rest/V1/orders/1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> mismatches = new ArrayList<>();
            for (String p : paths) {
                Domain s = switch (p.charAt(0)) {
                    case 'C' -> Domain.CATALOG;
                    case 'I' -> Domain.INVENTORY;
                    case 'U' -> Domain.CUSTOMER;
                    default -> Domain.ORDER;
                };
                compare(s, p.substring(1), mismatches);
            }
            assertNoMismatch(mismatches);
        });
        assertThat(Http.get(path.serviceUrl(Domain.CATALOG) + "/rest/V1/products/" + encode(sku3)).status())
                .isEqualTo(404);
    }

    private static void compare(Domain service, String p, List<String> mismatches) {
        Http.Reply magento = path.magentoGet(p);
        Http.Reply ficus = Http.get(path.serviceUrl(service) + p);
        if (magento.status() != ficus.status() || !magento.body().equals(ficus.body())) {
            int at = firstDifference(magento.body(), ficus.body());
            mismatches.add(p + " (first difference at " + at + ")\n  magento " + magento.status() + ": "
                    + around(magento.body(), at) + "\n  ficus   " + ficus.status() + ": " + around(ficus.body(), at));
        }
    }

    private static void assertNoMismatch(List<String> mismatches) {
        assertThat(mismatches).as("%d answers differ; the first ones:%n%s", mismatches.size(),
                String.join("\n", mismatches.subList(0, Math.min(5, mismatches.size())))).isEmpty();
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String around(String s, int at) {
        int from = Math.max(0, at - 150);
        int to = Math.min(s.length(), at + 250);
        return (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
    }

    private static String encode(String sku) {
        return URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
