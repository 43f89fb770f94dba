package dev.ficus.services.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ficus.events.Domain;
import dev.ficus.magento.schema.MagentoSchema;
import dev.ficus.services.ServicesConfig;
import dev.ficus.services.golden.GoldenJson.Difference;
import dev.ficus.services.golden.GoldenJson.Rules;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files that are not circular: the expected answers in {@code src/test/resources/golden} were written by hand
 * from Magento 2.4's source (see the README there for the file that decides each field), not produced by the
 * stand-in's or the services' renderer. The rows of {@code golden/fixture.sql} go into an empty Magento database;
 * then the stand-in answers each path from those rows, and the services answer it after the sync carried the rows
 * through the binlog, and both answers must equal the file.
 *
 * <p>Each (file, backend) pair is its own test, so one report lists every disagreement at once.
 */
class HandWrittenGoldenIT {
    private static final String DIR = "/golden/";

    /** One expected answer: the file, the service that owns the path, and the path. */
    private record Golden(String file, Domain service, String path) {
    }

    private static final List<Golden> GOLDENS = List.of(
            new Golden("product/golden-chair.default.json", Domain.CATALOG, "/rest/V1/products/golden-chair"),
            new Golden("product/golden-chair.default.json", Domain.CATALOG,
                    "/rest/default/V1/products/golden-chair"),
            new Golden("product/golden-chair.fr.json", Domain.CATALOG, "/rest/fr/V1/products/golden-chair"),
            new Golden("product/golden-chair.all.json", Domain.CATALOG, "/rest/all/V1/products/golden-chair"),
            new Golden("product/golden-every-type.default.json", Domain.CATALOG,
                    "/rest/V1/products/golden-every-type"),
            new Golden("product/golden-every-type.all.json", Domain.CATALOG,
                    "/rest/all/V1/products/golden-every-type"),
            new Golden("product/golden-tee.default.json", Domain.CATALOG, "/rest/V1/products/golden-tee"),
            new Golden("product/golden-tee.fr.json", Domain.CATALOG, "/rest/fr/V1/products/golden-tee"),
            new Golden("customer/7.json", Domain.CUSTOMER, "/rest/V1/customers/7"),
            new Golden("order/5.json", Domain.ORDER, "/rest/V1/orders/5"),
            new Golden("order/6.json", Domain.ORDER, "/rest/V1/orders/6"),
            // partial answers (?fields=): Framework/Webapi/Rest/Response/FieldsFilter.php, applied by
            // Webapi/Controller/Rest/SynchronousRequestProcessor.php; see the README's "Partial answers"
            new Golden("fields/golden-chair.stock-qty.json", Domain.CATALOG,
                    "/rest/V1/products/golden-chair?fields=sku,price,extension_attributes[stock_item[qty]]"),
            new Golden("fields/golden-chair.fr.unknown-names.json", Domain.CATALOG, "/rest/fr/V1/products/golden-chair"
                    + "?fields=name,status,no_such_field,extension_attributes[website_ids,nothing],product_links[sku]"),
            new Golden("fields/products.sku-name-total.json", Domain.CATALOG, "/rest/V1/products?"
                    + "searchCriteria[filter_groups][0][filters][0][field]=sku"
                    + "&searchCriteria[filter_groups][0][filters][0][value]=golden-chair,golden-every-type"
                    + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in"
                    + "&searchCriteria[sort_orders][0][field]=sku&searchCriteria[sort_orders][0][direction]=ASC"
                    + "&fields=items[sku,name],total_count"),
            new Golden("fields/customer-7.addresses.json", Domain.CUSTOMER,
                    "/rest/V1/customers/7?fields=email,addresses[city,region[region_code]]"),
            new Golden("fields/empty-array.json", Domain.CATALOG, "/rest/V1/products/golden-chair?fields=sku,%20price"),
            new Golden("fields/empty-array.json", Domain.CATALOG, "/rest/V1/products/golden-chair?fields=sku[price"),
            new Golden("fields/empty-array.json", Domain.CATALOG, "/rest/V1/products/golden-chair?fields[]=sku"));

    /**
     * What the comparison forgives, each with its reason. Values are never masked: the fixture fixes every id and
     * timestamp, and neither backend adds a platform UUID or a time of its own to these answers.
     */
    private static final Rules RULES = new Rules(
            Map.of(
                    // Magento lists a product's custom attributes in the order of eav_entity_attribute.sort_order
                    // for its attribute set (Eav/Model/Config::getEntityAttributes via
                    // Catalog/Model/Product::getCustomAttributesCodes); the stand-in's 2.4 schema has no
                    // eav_entity_attribute table, so the fixture cannot define that order. Entries still must match
                    // one for one.
                    Pattern.compile("\\$\\.custom_attributes"), "attribute_code"),
            Map.of());

    private static FullPath path;

    @BeforeAll
    static void start() throws Exception {
        path = FullPath.emptyShop(HandWrittenGoldenIT.class, fixtureStatements());
        path.startSync();
        ServicesConfig config = TestConfig.services().withReadyMaxLag(Duration.ofSeconds(30));
        path.startServices(config);
        // every fixture entity has reached its service's table before any answer is compared
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                path.platformLong("SELECT COUNT(*) FROM products") == 5
                        && path.platformLong("SELECT COUNT(*) FROM catalog_stock_items") == 5
                        && path.platformLong("SELECT COUNT(*) FROM customers") == 1
                        && path.platformLong("SELECT COUNT(*) FROM orders") == 2);
    }

    @AfterAll
    static void stop() {
        if (path != null) {
            path.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> theStandInAnswersAsTheFilesSay() {
        return GOLDENS.stream().map(g -> DynamicTest.dynamicTest("stand-in " + g.path() + " = " + g.file(),
                () -> check(g, path.magentoGet(g.path()))));
    }

    @TestFactory
    Stream<DynamicTest> theServicesAnswerAsTheFilesSay() {
        return GOLDENS.stream().map(g -> DynamicTest.dynamicTest("services " + g.path() + " = " + g.file(),
                () -> check(g, Http.get(path.serviceUrl(g.service()) + g.path()))));
    }

    /** Magento renders an error without the fields filter (Framework/Webapi/Rest/Response.php, _renderMessages). */
    @Test
    void anErrorIsNeverFiltered() {
        String missing = "/rest/V1/products/no-such-product?fields=sku";
        for (Http.Reply reply : List.of(path.magentoGet(missing),
                Http.get(path.serviceUrl(Domain.CATALOG) + missing))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("{\"message\":\"The product that was "
                    + "requested doesn't exist. Verify the product and try again.\"}");
        }
    }

    private static void check(Golden g, Http.Reply reply) {
        if (reply.status() != 200) {
            fail(g.path() + " answered " + reply.status() + ": " + reply.body());
        }
        List<Difference> differences = GoldenJson.compare(GoldenJson.parse(resource(g.file())),
                GoldenJson.parse(reply.body()), RULES);
        if (!differences.isEmpty()) {
            List<String> lines = new ArrayList<>();
            differences.forEach(d -> lines.add("  " + d));
            fail(differences.size() + " difference(s) from " + g.file() + " for " + g.path() + ":\n"
                    + String.join("\n", lines));
        }
    }

    /** The fixture's statements, written as the stand-in's schema script is. */
    static List<String> fixtureStatements() {
        return MagentoSchema.statements(resource("fixture.sql"), "fixture.sql");
    }

    private static String resource(String name) {
        try (InputStream in = HandWrittenGoldenIT.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
