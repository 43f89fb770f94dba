package dev.ficus.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonComparatorTest {
    @Test
    void equalAnswersHaveNoDifferences() {
        JsonComparator c = new JsonComparator(List.of());
        assertThat(c.differences(Json.read("{\"a\":5,\"b\":[1,{\"c\":\"x\"}]}"),
                Json.read("{\"b\":[1,{\"c\":\"x\"}],\"a\":5.0}"), 10)).isEmpty();
    }

    @Test
    void reportsEachDifferenceWithItsPath() {
        JsonComparator c = new JsonComparator(List.of());
        List<String> d = c.differences(
                Json.read("{\"name\":\"A\",\"price\":5,\"attrs\":[{\"v\":\"1\"}],\"only_m\":1}"),
                Json.read("{\"name\":\"B\",\"price\":6,\"attrs\":[{\"v\":1}],\"only_s\":1}"), 10);
        assertThat(d).containsExactlyInAnyOrder(
                "$.name: magento=\"A\" service=\"B\"",
                "$.price: magento=5 service=6",
                "$.attrs[0].v: magento=\"1\" service=1",
                "$.only_m: missing in the service's answer",
                "$.only_s: missing in Magento's answer");
    }

    @Test
    void ignoresConfiguredNamesAnywhereAndPathsExactly() {
        JsonComparator c = new JsonComparator(List.of("updated_at", "extension_attributes.stock_item.low_stock_date"));
        String m = "{\"updated_at\":\"1\",\"items\":[{\"updated_at\":\"1\"}],\"extension_attributes\":{\"stock_item\":"
                + "{\"low_stock_date\":\"x\",\"qty\":1}},\"low_stock_date\":\"a\"}";
        String s = "{\"updated_at\":\"2\",\"items\":[{\"updated_at\":\"2\"}],\"extension_attributes\":{\"stock_item\":"
                + "{\"low_stock_date\":\"y\",\"qty\":1}},\"low_stock_date\":\"b\"}";
        assertThat(c.differences(Json.read(m), Json.read(s), 10))
                .containsExactly("$.low_stock_date: magento=\"a\" service=\"b\"");
    }

    @Test
    void arraysOfDifferentLengthsAreADifference() {
        JsonComparator c = new JsonComparator(List.of());
        assertThat(c.differences(Json.read("[1,2]"), Json.read("[1]"), 10))
                .containsExactly("$: magento has 2 items, service has 1");
    }
}
