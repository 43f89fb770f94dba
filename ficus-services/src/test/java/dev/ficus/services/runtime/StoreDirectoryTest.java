package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * What a store code means, from a store_directory record (Webapi\Controller\PathProcessor with
 * StoreManager::getStores(false, true); the default store view as Store\Model\StoreResolver finds it).
 */
class StoreDirectoryTest {
    private static final String WEBSITES = "\"websites\": [{\"website_id\": 0, \"code\": \"admin\", "
            + "\"default_group_id\": 0, \"is_default\": 0}, {\"website_id\": 1, \"code\": \"base\", "
            + "\"default_group_id\": 1, \"is_default\": %d}, {\"website_id\": 2, \"code\": \"second\", "
            + "\"default_group_id\": 2, \"is_default\": %d}]";
    private static final String GROUPS = "\"groups\": [{\"group_id\": 0, \"website_id\": 0, \"default_store_id\": 0}, "
            + "{\"group_id\": 1, \"website_id\": 1, \"default_store_id\": 1}, "
            + "{\"group_id\": 2, \"website_id\": 2, \"default_store_id\": 4}]";
    private static final String STORES = "\"stores\": [{\"store_id\": 0, \"code\": \"admin\", \"website_id\": 0}, "
            + "{\"store_id\": 1, \"code\": \"default\", \"website_id\": 1}, "
            + "{\"store_id\": 3, \"code\": \"second_en\", \"website_id\": 2, \"is_active\": 0}, "
            + "{\"store_id\": 4, \"code\": \"second_fr\", \"website_id\": 2}]";

    private static StoreCodes codes(int baseIsDefault, int secondIsDefault) {
        return new StoreCodes(StoreDirectory.fromRecord(Json.read("{" + WEBSITES.formatted(baseIsDefault,
                secondIsDefault) + ", " + GROUPS + ", " + STORES + "}")));
    }

    @Test
    void everyStoreViewButTheAdminStoreIsAStoreCodeAndAllIsStoreZero() {
        StoreCodes codes = codes(1, 0);
        assertThat(codes.storeId("default")).hasValue(1);
        assertThat(codes.storeId("second_en")).as("inactive views are codes too").hasValue(3);
        assertThat(codes.storeId("second_fr")).hasValue(4);
        assertThat(codes.storeId("admin")).isEmpty();
        assertThat(codes.storeId("all")).hasValue(0);
        assertThat(codes.storeId("V1")).isEmpty();
        assertThat(codes.defaultStoreId()).isEqualTo(1);
    }

    @Test
    void theDefaultStoreViewIsTheDefaultWebsitesDefaultGroupsDefaultStore() {
        assertThat(codes(0, 1).defaultStoreId()).isEqualTo(4);
    }

    @Test
    void beforeAnyDirectoryOnlyAllIsACodeAndTheDefaultIsStoreOne() {
        StoreCodes codes = new StoreCodes(StoreDirectory.EMPTY);
        assertThat(codes.storeId("default")).isEmpty();
        assertThat(codes.storeId("all")).hasValue(0);
        assertThat(codes.defaultStoreId()).isEqualTo(1);
    }
}
