package dev.ficus.services.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.Domain;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.Http;
import dev.ficus.services.testing.TestConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Store views come from Magento (issue 17, point 5): a store view inserted into Magento's {@code store} table while
 * the sync and the services run answers {@code /rest/<code>/V1/…} from the catalog service, with no restart and no
 * setting, and once deleted its code is no store code again: Magento's "Request does not match any route." 404
 * (Webapi\Controller\PathProcessor only strips a code that {@code StoreManager::getStores(false, true)} knows). Each
 * answer must equal the stand-in's for the same path.
 */
class LiveStoreViewsIT {
    private static final String PRODUCT = "/V1/products/golden-chair";
    private static FullPath path;

    @BeforeAll
    static void start() throws Exception {
        path = FullPath.emptyShop(LiveStoreViewsIT.class, HandWrittenGoldenIT.fixtureStatements());
        path.startSync();
        path.startServices(TestConfig.services().withReadyMaxLag(Duration.ofSeconds(30)));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                path.platformLong("SELECT COUNT(*) FROM products") == 5);
    }

    @AfterAll
    static void stop() {
        if (path != null) {
            path.close();
        }
    }

    @Test
    void aStoreViewCreatedInMagentoAnswersAndADeletedOneIsNoStoreCode() throws Exception {
        // the fixture's second store view, which no setting names
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertSameAsMagento("/rest/fr" + PRODUCT, 200));
        assertSameAsMagento("/rest/nl" + PRODUCT, 404);

        path.sql("INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) "
                + "VALUES (3, 'nl', 1, 1, 'Dutch Store View', 2, 1)");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertSameAsMagento("/rest/nl" + PRODUCT, 200));

        path.sql("DELETE FROM store WHERE code = 'nl'");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertSameAsMagento("/rest/nl" + PRODUCT, 404));
        // the default store view and the admin scope are as before
        assertSameAsMagento("/rest" + PRODUCT, 200);
        assertSameAsMagento("/rest/default" + PRODUCT, 200);
        assertSameAsMagento("/rest/all" + PRODUCT, 200);
    }

    private static void assertSameAsMagento(String restPath, int status) {
        Http.Reply magento = path.magentoGet(restPath);
        Http.Reply service = Http.get(path.serviceUrl(Domain.CATALOG) + restPath);
        assertThat(magento.status()).as("stand-in " + restPath).isEqualTo(status);
        assertThat(service.status()).as("catalog service " + restPath + ": " + service.body()).isEqualTo(status);
        assertThat(service.body()).as("catalog service " + restPath).isEqualTo(magento.body());
    }
}
