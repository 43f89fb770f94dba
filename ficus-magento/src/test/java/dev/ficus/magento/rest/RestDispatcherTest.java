package dev.ficus.magento.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestDispatcherTest {

    @Test
    void pathSegmentsArePercentDecodedAndPlusStaysAPlus() {
        assertThat(RestDispatcher.segments("/rest/V1/products/a%2Fb+c")).containsExactly("V1", "products", "a/b+c");
        assertThat(RestDispatcher.segments("/rest/default/V1/orders/")).containsExactly("default", "V1", "orders");
    }
}
